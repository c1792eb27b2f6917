// First start of a cluster: the objects a freshly installed kubeadm cluster of the topology has.
// Kinds that are not registered (yet) are skipped, so this works as the registry grows.
import { createHash } from 'node:crypto';
import { rfc3339 } from '../clock';
import type { KubeObject } from '../api/object';
import type { ClusterClient } from '../controllers/runtime/cluster-client';
import type { NodeSpec, Topology } from './topology';

function stableId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

function memoryMinus(mem: string, kib: number): string {
  const n = Number(mem.replace(/Ki$/, ''));
  return `${n - kib}Ki`;
}

export function nodeObject(t: Topology, n: NodeSpec, now: number): KubeObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': n.name,
    'kubernetes.io/os': 'linux',
  };
  if (n.controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const ts = rfc3339(now);
  const capacity = { cpu: n.cpu, 'ephemeral-storage': '17394Mi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: n.memory, pods: n.pods };
  const allocatable = { cpu: n.cpu, 'ephemeral-storage': '16415037823', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: memoryMinus(n.memory, 102400), pods: n.pods };
  const cond = (type: string, status: string, reason: string, message: string) => ({ lastHeartbeatTime: ts, lastTransitionTime: ts, message, reason, status, type });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: n.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: n.internalIP, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable,
      capacity,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: stableId(`${n.name}-boot`),
        containerRuntimeVersion: t.containerRuntimeVersion,
        kernelVersion: t.kernelVersion,
        kubeProxyVersion: t.kubeletVersion,
        kubeletVersion: t.kubeletVersion,
        machineID: stableId(`${n.name}-machine`).replace(/-/g, ''),
        operatingSystem: 'linux',
        osImage: t.osImage,
        systemUUID: stableId(`${n.name}-system`).toUpperCase(),
      },
    },
  };
}

const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

function tryCreate(client: ClusterClient, resource: string, obj: KubeObject): void {
  if (!client.service.registry.byKey(resource)) return;
  if (client.get(resource, obj.metadata.namespace, obj.metadata.name)) return;
  client.create(resource, obj);
}

/** kubeadm's static control-plane pods on the control-plane node. */
function staticPods(master: NodeSpec): KubeObject[] {
  const mk = (component: string, image: string, extraLabels: Record<string, string> = {}, requestsCpu = '100m'): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${master.name}`,
      namespace: 'kube-system',
      labels: { component, tier: 'control-plane', ...extraLabels },
      annotations: { 'kubernetes.io/config.source': 'file' },
    },
    spec: {
      nodeName: master.name,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      automountServiceAccountToken: false,
      containers: [{ name: component, image, resources: { requests: { cpu: requestsCpu } } }],
    },
  });
  return [
    mk('etcd', 'registry.k8s.io/etcd:3.5.16-0', {}, '100m'),
    mk('kube-apiserver', 'registry.k8s.io/kube-apiserver:v1.32.4', {}, '250m'),
    mk('kube-controller-manager', 'registry.k8s.io/kube-controller-manager:v1.32.4', {}, '200m'),
    mk('kube-scheduler', 'registry.k8s.io/kube-scheduler:v1.32.4', {}, '100m'),
  ];
}

export function bootstrapCluster(client: ClusterClient, t: Topology): void {
  const now = client.now();
  for (const ns of SYSTEM_NAMESPACES) tryCreate(client, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  for (const n of t.nodes) tryCreate(client, 'nodes', nodeObject(t, n, now));
  const master = t.nodes.find((n) => n.controlPlane) ?? t.nodes[0];
  for (const p of staticPods(master)) tryCreate(client, 'pods', p);
  tryCreate(client, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP', sessionAffinity: 'None' },
  });
  tryCreate(client, 'services', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: t.clusterDNS,
      clusterIPs: [t.clusterDNS],
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
  tryCreate(client, 'apps/deployments', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.11.3',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
        },
      },
    },
  });
  tryCreate(client, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: 'kube-system' } });
  tryCreate(client, 'serviceaccounts', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'kube-proxy', namespace: 'kube-system' } });
  tryCreate(client, 'apps/daemonsets', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
          containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.32.4', command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'], securityContext: { privileged: true } }],
        },
      },
    },
  });
  tryCreate(client, 'configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } }, data: { 'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nmode: "ipvs"\n' } });
}
