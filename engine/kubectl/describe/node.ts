// Nodes: identity, taints, lease, conditions, capacity, system info, the non-terminated pods
// with their requests and limits as a share of allocatable, and events.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (NodeDescriber.Describe, describeNode,
// describeNodeLease, describeNodeResource, getPodsTotalRequestsAndLimits, findNodeRoles),
// pkg/util/resource/resource.go (PodRequestsAndLimits).

import type { DescribeApi } from './api';
import { describeEvents, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline, rfc1123z, since, sortedKeys, type Obj } from './format';
import { LEVEL_0, LEVEL_1, tabbedString } from './prefix-writer';
import { addQuantity, cmpQuantity, formatQuantity, milliValue, parseQuantity, quantityValue, zeroQuantity, type Quantity } from './quantity';

type ResourceList = Map<string, Quantity>;

function addInto(total: ResourceList, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    total.set(k, total.has(k) ? addQuantity(total.get(k)!, q) : q);
  }
}

function maxInto(total: ResourceList, list: Record<string, string> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (!total.has(k) || cmpQuantity(q, total.get(k)!) > 0) total.set(k, q);
  }
}

// Upstream: resourcehelper.PodRequestsAndLimits — containers summed, init containers as a max,
// sidecar (restartable) init containers added, pod overhead added.
export function podRequestsAndLimits(pod: Obj): { reqs: ResourceList; limits: ResourceList } {
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const c of pod.spec?.containers ?? []) {
    addInto(reqs, c.resources?.requests);
    addInto(limits, c.resources?.limits);
  }
  const initReqs: ResourceList = new Map();
  const initLimits: ResourceList = new Map();
  const sidecarReqs: ResourceList = new Map();
  const sidecarLimits: ResourceList = new Map();
  for (const c of pod.spec?.initContainers ?? []) {
    if (c.restartPolicy === 'Always') {
      addInto(reqs, c.resources?.requests);
      addInto(limits, c.resources?.limits);
      addInto(sidecarReqs, c.resources?.requests);
      addInto(sidecarLimits, c.resources?.limits);
    } else {
      const r: ResourceList = new Map(sidecarReqs);
      const l: ResourceList = new Map(sidecarLimits);
      addInto(r, c.resources?.requests);
      addInto(l, c.resources?.limits);
      for (const [k, v] of r) if (!initReqs.has(k) || cmpQuantity(v, initReqs.get(k)!) > 0) initReqs.set(k, v);
      for (const [k, v] of l) if (!initLimits.has(k) || cmpQuantity(v, initLimits.get(k)!) > 0) initLimits.set(k, v);
    }
  }
  maxInto(reqs, Object.fromEntries([...initReqs].map(([k, v]) => [k, formatQuantity(v)])));
  maxInto(limits, Object.fromEntries([...initLimits].map(([k, v]) => [k, formatQuantity(v)])));
  if (pod.spec?.overhead) {
    addInto(reqs, pod.spec.overhead);
    for (const [k, v] of Object.entries(pod.spec.overhead as Record<string, string>)) if (limits.has(k)) limits.set(k, addQuantity(limits.get(k)!, parseQuantity(v)));
  }
  return { reqs, limits };
}

function findNodeRoles(node: Obj): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata?.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

const pct = (part: number, whole: number) => Math.trunc((part / whole) * 100);
const isHugePage = (r: string) => r.startsWith('hugepages-');
const standard = new Set(['cpu', 'memory', 'ephemeral-storage']);

export async function describeNodeByName(api: DescribeApi, _ns: string, name: string, show: boolean): Promise<string> {
  const node = await api.get(`/api/v1/nodes/${name}`);
  const pods = await api.list('/api/v1/pods', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  let events: Obj[] | undefined;
  if (show) {
    const ref = { kind: 'Node', name, namespace: '', uid: node.metadata?.uid };
    events = [...((await searchEvents(api, ref)) ?? []), ...((await searchEvents(api, { ...ref, uid: name })) ?? [])];
  }
  const lease = await api.tryGet(`/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`);
  const spec = node.spec ?? {};
  const st = node.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${node.metadata?.name}\n`);
    const roles = findNodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp)}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if (lease.obj) {
      const ls = lease.obj.spec ?? {};
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${ls.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${ls.acquireTime ? rfc1123z(ls.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${ls.renewTime ? rfc1123z(ls.renewTime) : '<unset>'}\n`);
    } else {
      const msg = lease.err instanceof Error ? lease.err.message : String(lease.err);
      w.write(LEVEL_0, `Lease:\tFailed to get lease: ${msg}\n`);
    }
    if (st.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of st.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of st.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string>) => {
      for (const k of sortedKeys(list)) w.write(LEVEL_0, `  ${k}:\t${formatQuantity(parseQuantity(list[k]))}\n`);
    };
    if (Object.keys(st.capacity ?? {}).length) {
      w.write(LEVEL_0, 'Capacity:\n');
      printList(st.capacity);
    }
    if (Object.keys(st.allocatable ?? {}).length) {
      w.write(LEVEL_0, 'Allocatable:\n');
      printList(st.allocatable);
    }
    const info = st.nodeInfo ?? {};
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);

    // describeNodeResource
    w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
    w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
    w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
    const allocRaw: Record<string, string> = Object.keys(st.allocatable ?? {}).length ? st.allocatable : (st.capacity ?? {});
    const alloc = (k: string) => parseQuantity(allocRaw[k]);
    const allocCpu = milliValue(alloc('cpu'));
    const allocMem = quantityValue(alloc('memory'));
    const get = (l: ResourceList, k: string) => l.get(k) ?? zeroQuantity();
    for (const pod of pods) {
      const { reqs, limits } = podRequestsAndLimits(pod);
      const cr = get(reqs, 'cpu');
      const cl = get(limits, 'cpu');
      const mr = get(reqs, 'memory');
      const ml = get(limits, 'memory');
      w.write(
        LEVEL_1,
        `${pod.metadata?.namespace}\t${pod.metadata?.name}\t\t${formatQuantity(cr)} (${pct(milliValue(cr), allocCpu)}%)\t${formatQuantity(cl)} (${pct(milliValue(cl), allocCpu)}%)\t${formatQuantity(mr)} (${pct(quantityValue(mr), allocMem)}%)\t${formatQuantity(ml)} (${pct(quantityValue(ml), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, api.now)}\n`,
      );
    }
    w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
    w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
    w.write(LEVEL_1, '--------\t--------\t------\n');
    const totalReqs: ResourceList = new Map();
    const totalLimits: ResourceList = new Map();
    for (const pod of pods) {
      const { reqs, limits } = podRequestsAndLimits(pod);
      for (const [k, v] of reqs) totalReqs.set(k, totalReqs.has(k) ? addQuantity(totalReqs.get(k)!, v) : v);
      for (const [k, v] of limits) totalLimits.set(k, totalLimits.has(k) ? addQuantity(totalLimits.get(k)!, v) : v);
    }
    const row = (name: string, r: Quantity, l: Quantity, ofWhole: (q: Quantity) => number, whole: number) => {
      const fr = whole !== 0 ? pct(ofWhole(r), whole) : 0;
      const fl = whole !== 0 ? pct(ofWhole(l), whole) : 0;
      w.write(LEVEL_1, `${name}\t${formatQuantity(r)} (${fr}%)\t${formatQuantity(l)} (${fl}%)\n`);
    };
    row('cpu', get(totalReqs, 'cpu'), get(totalLimits, 'cpu'), milliValue, allocCpu);
    row('memory', get(totalReqs, 'memory'), get(totalLimits, 'memory'), quantityValue, allocMem);
    row('ephemeral-storage', get(totalReqs, 'ephemeral-storage'), get(totalLimits, 'ephemeral-storage'), quantityValue, quantityValue(alloc('ephemeral-storage')));
    const keys = Object.keys(allocRaw).sort();
    for (const k of keys.filter(isHugePage)) row(k, get(totalReqs, k), get(totalLimits, k), quantityValue, quantityValue(alloc(k)));
    for (const k of keys.filter((k) => !isHugePage(k) && !standard.has(k) && k !== 'pods')) {
      w.write(LEVEL_1, `${k}\t${formatQuantity(get(totalReqs, k))}\t${formatQuantity(get(totalLimits, k))}\n`);
    }
    if (events) describeEvents(events, w, api.now);
  });
}
