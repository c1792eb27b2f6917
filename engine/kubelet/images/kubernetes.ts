// The cluster's own images: control-plane components (static pods on the master), kube-proxy,
// CoreDNS, flannel and the pause image. All long-running, with the health ports kubeadm probes.
import type { ContainerContext, HttpResponse } from './image';
import { ServerImage, VERSION_TAG } from './server-image';

const ok = (): HttpResponse => ({ status: 200, body: 'ok' });

function component(family: string, repos: string[], size: number, ports: number[], programs: string[], startupLog?: (ctx: ContainerContext, tag: string) => string): ServerImage {
  return new ServerImage({
    family,
    facts: { repositories: repos.flatMap((r) => [`registry.k8s.io/${r}`, `k8s.gcr.io/${r}`]), tags: VERSION_TAG, sizeBytes: () => size },
    entrypoint: [],
    cmd: [programs[0]],
    serverPrograms: programs,
    ports: ports.map((port) => ({ port, http: ok })),
    startupMs: 100,
    stopMs: 200,
    memoryBytes: 60 * 1024 * 1024,
    startupLog,
  });
}

/** A klog header line: `I1122 06:00:27.123456       1 server.go:483] msg`. */
function klog(ms: number, source: string, msg: string): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const micros = p(d.getUTCMilliseconds() * 1000 + Math.floor(Math.random() * 1000), 6);
  return `I${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${micros}       1 ${source}] ${msg}\n`;
}

// What kube-proxy v1.32 prints while starting in a kubeadm cluster (IPVS mode, as the
// kube-proxy ConfigMap sets): node IP discovery, the proxier, then its informers syncing.
function kubeProxyLog(ctx: ContainerContext, tag: string): string {
  const t = ctx.clock.now();
  return [
    klog(t, 'server_linux.go:66', '"Using iptables proxy"'),
    klog(t, 'server.go:698', `"Successfully retrieved node IP(s)" IPs=["${ctx.podIP}"]`),
    klog(t, 'conntrack.go:60', '"Setting nf_conntrack_max" nfConntrackMax=131072'),
    klog(t, 'server.go:243', '"Kube-proxy configuration may be incomplete or incorrect" err="nodePortAddresses is unset; NodePort connections will be accepted on all local IPs. Consider using `--nodeport-addresses primary`"'),
    klog(t, 'server_linux.go:170', '"Using ipvs Proxier"'),
    klog(t, 'server.go:483', `"Version info" version="${tag}"`),
    klog(t, 'server.go:485', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
    klog(t, 'config.go:199', '"Starting service config controller"'),
    klog(t, 'shared_informer.go:313', 'Waiting for caches to sync for service config'),
    klog(t, 'config.go:105', '"Starting endpoint slice config controller"'),
    klog(t, 'shared_informer.go:313', 'Waiting for caches to sync for endpoint slice config'),
    klog(t, 'config.go:329', '"Starting node config controller"'),
    klog(t, 'shared_informer.go:313', 'Waiting for caches to sync for node config'),
    klog(t + 101, 'shared_informer.go:320', 'Caches are synced for node config'),
    klog(t + 101, 'shared_informer.go:320', 'Caches are synced for service config'),
    klog(t + 101, 'shared_informer.go:320', 'Caches are synced for endpoint slice config'),
  ].join('');
}

export const etcdImage = component('etcd', ['etcd'], 57680541, [2379, 2380, 2381], ['etcd']);
export const kubeApiserverImage = component('kube-apiserver', ['kube-apiserver'], 28671624, [6443], ['kube-apiserver']);
export const kubeControllerManagerImage = component('kube-controller-manager', ['kube-controller-manager'], 26259392, [10257], ['kube-controller-manager']);
export const kubeSchedulerImage = component('kube-scheduler', ['kube-scheduler'], 20657536, [10259], ['kube-scheduler']);
export const kubeProxyImage = component('kube-proxy', ['kube-proxy'], 30908485, [10249, 10256], ['kube-proxy'], kubeProxyLog);
export const pauseImage = component('pause', ['pause'], 320368, [], ['pause']);

export const corednsImage = new ServerImage({
  family: 'coredns',
  facts: { repositories: ['registry.k8s.io/coredns/coredns', 'registry.k8s.io/coredns', 'k8s.gcr.io/coredns/coredns', 'k8s.gcr.io/coredns', 'docker.io/coredns/coredns'], tags: VERSION_TAG, sizeBytes: () => 18562039 },
  entrypoint: ['/coredns'],
  cmd: [],
  serverPrograms: ['coredns'],
  ports: [{ port: 53, protocol: 'UDP' }, { port: 53 }, { port: 8080, http: () => ({ status: 200, body: 'OK' }) }, { port: 8181, http: () => ({ status: 200, body: 'OK' }) }, { port: 9153, http: ok }],
  startupMs: 100,
  stopMs: 5000,
  memoryBytes: 15 * 1024 * 1024,
  startupLog: () => '.:53\n[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\nCoreDNS-1.11.3\nlinux/amd64, go1.21.11, a6338e9\n',
});

export const flannelImage = new ServerImage({
  family: 'flannel',
  facts: { repositories: ['docker.io/flannel/flannel', 'quay.io/coreos/flannel', 'docker.io/rancher/mirrored-flannelcni-flannel'], tags: /^v?\d+(\.\d+)*(-[a-z0-9]+)*$/, sizeBytes: () => 31226356 },
  entrypoint: [],
  cmd: ['/opt/bin/flanneld', '--ip-masq', '--kube-subnet-mgr'],
  serverPrograms: ['flanneld'],
  ports: [],
  startupMs: 100,
  stopMs: 100,
  memoryBytes: 12 * 1024 * 1024,
});
