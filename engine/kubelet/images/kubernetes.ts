// The cluster's own images: control-plane components (static pods on the master), kube-proxy,
// CoreDNS, flannel and the pause image. All long-running, with the health ports kubeadm probes.
import type { HttpResponse } from './image';
import { ServerImage, VERSION_TAG } from './server-image';

const ok = (): HttpResponse => ({ status: 200, body: 'ok' });

function component(family: string, repos: string[], size: number, ports: number[], programs: string[]): ServerImage {
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
  });
}

export const etcdImage = component('etcd', ['etcd'], 57680541, [2379, 2380, 2381], ['etcd']);
export const kubeApiserverImage = component('kube-apiserver', ['kube-apiserver'], 28671624, [6443], ['kube-apiserver']);
export const kubeControllerManagerImage = component('kube-controller-manager', ['kube-controller-manager'], 26259392, [10257], ['kube-controller-manager']);
export const kubeSchedulerImage = component('kube-scheduler', ['kube-scheduler'], 20657536, [10259], ['kube-scheduler']);
export const kubeProxyImage = component('kube-proxy', ['kube-proxy'], 30908485, [10249, 10256], ['kube-proxy']);
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
