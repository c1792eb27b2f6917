// A cluster topology is data: nodes with their addresses, CIDRs, capacity and taints. The
// engine turns it into Node objects and the kube-system workloads on first start.

export interface NodeSpec {
  name: string;
  internalIP: string;
  podCIDR: string;
  controlPlane: boolean;
  cpu: string;
  memory: string;
  pods: string;
}

export interface Topology {
  name: string;
  nodes: NodeSpec[];
  kubeletVersion: string;
  osImage: string;
  kernelVersion: string;
  containerRuntimeVersion: string;
  serviceCIDR: string;
  clusterDNS: string;
}

const common = {
  kubeletVersion: 'v1.32.4',
  osImage: 'CentOS Linux 7 (Core)',
  kernelVersion: '3.10.0-1160.el7.x86_64',
  containerRuntimeVersion: 'containerd://1.7.25',
  serviceCIDR: '10.96.0.0/12',
  clusterDNS: '10.96.0.10',
};

const node = (name: string, ip: string, cidr: string, controlPlane: boolean): NodeSpec => ({
  name,
  internalIP: ip,
  podCIDR: cidr,
  controlPlane,
  cpu: '2',
  memory: '2027700Ki',
  pods: '110',
});

/** The course's cluster: master (tainted control plane), node1, node2. */
export const courseTopology: Topology = {
  name: 'course',
  nodes: [node('master', '192.168.109.100', '10.244.0.0/24', true), node('node1', '192.168.109.101', '10.244.1.0/24', false), node('node2', '192.168.109.102', '10.244.2.0/24', false)],
  ...common,
};

/** The naming some labs use: k8s-master, k8s-node01, k8s-node02. */
export const k8sMasterTopology: Topology = {
  name: 'k8s-master',
  nodes: [node('k8s-master', '192.168.109.100', '10.244.0.0/24', true), node('k8s-node01', '192.168.109.101', '10.244.1.0/24', false), node('k8s-node02', '192.168.109.102', '10.244.2.0/24', false)],
  ...common,
};

export const topologies: Record<string, Topology> = { course: courseTopology, 'k8s-master': k8sMasterTopology };

export function topologyNamed(name: string): Topology {
  const t = topologies[name];
  if (!t) throw new Error(`unknown topology "${name}" (known: ${Object.keys(topologies).join(', ')})`);
  return t;
}
