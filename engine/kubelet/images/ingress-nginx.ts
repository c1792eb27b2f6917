// ingress-nginx's controller (80/443, health on 10254) and the classic default backend
// (404 "default backend - 404" on /, 200 on /healthz). The network engine switches on ingress
// routing for pods running the controller image.
import { ServerImage, VERSION_TAG } from './server-image';
import { alpineUserland } from './userland';

export const ingressControllerImage = new ServerImage({
  family: 'ingress-nginx',
  facts: {
    repositories: [
      'registry.k8s.io/ingress-nginx/controller',
      'k8s.gcr.io/ingress-nginx/controller',
      'quay.io/kubernetes-ingress-controller/nginx-ingress-controller',
      'registry.cn-hangzhou.aliyuncs.com/peter1009/nginx-ingress-controller',
      'registry.cn-hangzhou.aliyuncs.com/google_containers/nginx-ingress-controller',
    ],
    tags: /^v?\d+(\.\d+)*([-@].*)?$/,
    sizeBytes: () => 105263820,
  },
  entrypoint: ['/usr/bin/dumb-init', '--'],
  cmd: ['/nginx-ingress-controller'],
  serverPrograms: ['dumb-init', 'nginx-ingress-controller'],
  ports: [
    { port: 80, http: () => ({ status: 404, body: '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n' }) },
    { port: 443 },
    { port: 10254, http: (req) => (req.path === '/healthz' ? { status: 200, body: 'ok' } : { status: 404, body: '404 page not found\n' }) },
  ],
  userland: () => alpineUserland({ workdir: '/etc/nginx', extra: { bash: '/bin/bash', nginx: '/usr/bin/nginx', 'dumb-init': '/usr/bin/dumb-init', 'nginx-ingress-controller': '/nginx-ingress-controller' } }),
  startupMs: 1500,
  stopMs: 1000,
  memoryBytes: 90 * 1024 * 1024,
});

export const defaultBackendImage = new ServerImage({
  family: 'defaultbackend',
  facts: {
    repositories: ['registry.k8s.io/defaultbackend-amd64', 'k8s.gcr.io/defaultbackend-amd64', 'gcr.io/google_containers/defaultbackend', 'registry.cn-hangzhou.aliyuncs.com/hachikou/defaultbackend'],
    tags: VERSION_TAG,
    sizeBytes: () => 2488217,
  },
  entrypoint: ['/server'],
  cmd: [],
  serverPrograms: ['server'],
  ports: [{ port: 8080, http: (req) => (req.path === '/healthz' ? { status: 200, body: 'ok' } : { status: 404, body: 'default backend - 404' }) }],
  startupMs: 0,
  stopMs: 100,
  memoryBytes: 3 * 1024 * 1024,
});
