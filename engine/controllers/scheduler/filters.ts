// The default scheduler's Filter plugins, in the order the default profile runs them. Each is a
// pure function of the pod (prepared once per attempt) and one node; the first plugin that
// rejects a node decides that node's reasons, as the framework's RunFilterPlugins does.
// Upstream: pkg/scheduler/framework/plugins/{nodeunschedulable,nodename,tainttoleration,
// nodeaffinity,nodeports,noderesources,interpodaffinity}, apis/config/v1/default_plugins.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../../api/object';
import { fromLabelSelector, matches } from '../../api/label-selector';
import type { ClusterSnapshot, HostPort, NodeInfo, PodEntry } from './node-info';
import { podHostPorts } from './node-info';
import { podRequests, type Resources } from './resources';

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  plugin: string;
  code: Code;
  reasons: string[];
}

export const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';
export const ERR_NODE_NAME = "node(s) didn't match the requested node name";
export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
export const ERR_POD_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_POD_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_AFFINITY_CONFLICT = 'pod affinity terms conflict';

// ---- tolerations and taints ----

// Upstream: k8s.io/api core/v1 toleration.go (ToleratesTaint)
export function toleratesTaint(t: any, taint: any): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal':
    case '':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerate(tolerations: any[] | undefined, taint: any): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/** The first NoSchedule/NoExecute taint of the node the pod does not tolerate. */
export function firstUntoleratedTaint(taints: any[] | undefined, tolerations: any[] | undefined): any | undefined {
  return (taints ?? []).find((taint) => (taint.effect === 'NoSchedule' || taint.effect === 'NoExecute') && !tolerationsTolerate(tolerations, taint));
}

// ---- node selectors ----

/** A NodeSelectorRequirement against a node's labels (or its name for matchFields). */
// Upstream: component-helpers scheduling/corev1/nodeaffinity/nodeaffinity.go
export function nodeSelectorRequirementMatches(req: any, value: string | undefined): boolean {
  const has = value !== undefined;
  const values: string[] = req.values ?? [];
  switch (req.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1) return false;
      if (!/^-?\d+$/.test(value) || !/^-?\d+$/.test(values[0])) return false;
      const n = Number(value);
      const bound = Number(values[0]);
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

export function nodeSelectorTermMatches(term: any, node: KubeObject): boolean {
  const exprs: any[] = term?.matchExpressions ?? [];
  const fields: any[] = term?.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const r of exprs) if (!nodeSelectorRequirementMatches(r, Object.prototype.hasOwnProperty.call(labels, r.key) ? labels[r.key] : undefined)) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name') return false;
    if (!nodeSelectorRequirementMatches(r, node.metadata.name)) return false;
  }
  return true;
}

/** spec.nodeSelector plus required node affinity (terms ORed). */
export function matchesNodeSelectorAndAffinity(pod: KubeObject, node: KubeObject): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec?.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return true;
  const terms: any[] = required.nodeSelectorTerms ?? [];
  return terms.some((t) => nodeSelectorTermMatches(t, node));
}

/**
 * NodeAffinity PreFilter: when every required term names nodes through `matchFields
 * metadata.name In`, only those nodes are evaluated (DaemonSet pods). undefined = all nodes.
 */
export function preFilterNodeNames(pod: KubeObject): Set<string> | undefined | 'conflict' {
  const terms: any[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set<string>(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  if (names && names.size === 0) return 'conflict';
  return names;
}

// ---- inter-pod affinity ----

interface AffinityTerm {
  selector: ReturnType<typeof fromLabelSelector> | null;
  namespaces: Set<string>;
  /** null: no namespace selector; [] (empty requirements) selects all namespaces. */
  nsSelector: ReturnType<typeof fromLabelSelector> | null;
  topologyKey: string;
  weight: number;
}

function toTerm(ownerNamespace: string, term: any, weight = 0): AffinityTerm {
  const namespaces: string[] = term?.namespaces ?? [];
  const hasNsSelector = term?.namespaceSelector !== undefined && term?.namespaceSelector !== null;
  return {
    selector: term?.labelSelector ? fromLabelSelector(term.labelSelector) : null,
    namespaces: new Set(namespaces.length === 0 && !hasNsSelector ? [ownerNamespace] : namespaces),
    nsSelector: hasNsSelector ? fromLabelSelector(term.namespaceSelector) : null,
    topologyKey: term?.topologyKey ?? '',
    weight,
  };
}

export function termMatches(term: AffinityTerm, namespace: string, labels: Record<string, string>, nsLabels: (ns: string) => Record<string, string> | undefined): boolean {
  const nsOk = term.namespaces.has(namespace) || (term.nsSelector !== null && matches(term.nsSelector, nsLabels(namespace)));
  if (!nsOk) return false;
  return term.selector !== null && matches(term.selector, labels);
}

export function requiredAffinityTerms(pod: KubeObject): AffinityTerm[] {
  const ns = pod.metadata.namespace ?? 'default';
  return (pod.spec?.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t: any) => toTerm(ns, t));
}

export function requiredAntiAffinityTerms(pod: KubeObject): AffinityTerm[] {
  const ns = pod.metadata.namespace ?? 'default';
  return (pod.spec?.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t: any) => toTerm(ns, t));
}

export function preferredAffinityTerms(pod: KubeObject, anti: boolean): AffinityTerm[] {
  const ns = pod.metadata.namespace ?? 'default';
  const list = anti ? pod.spec?.affinity?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution : pod.spec?.affinity?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return (list ?? []).map((w: any) => toTerm(ns, w.podAffinityTerm, w.weight ?? 0));
}

const pairKey = (key: string, value: string) => `${key}\u0000${value}`;

/** The InterPodAffinity PreFilter state: topology-pair counts over the bound pods. */
export interface InterPodState {
  affinity: AffinityTerm[];
  antiAffinity: AffinityTerm[];
  affinityCounts: Map<string, number>;
  antiAffinityCounts: Map<string, number>;
  existingAntiAffinityCounts: Map<string, number>;
  podMatchesOwnTerms: boolean;
}

// Upstream: pkg/scheduler/framework/plugins/interpodaffinity/filtering.go (PreFilter)
export function interPodPreFilter(pod: KubeObject, snapshot: ClusterSnapshot, nsLabels: (ns: string) => Record<string, string> | undefined): InterPodState {
  const affinity = requiredAffinityTerms(pod);
  const antiAffinity = requiredAntiAffinityTerms(pod);
  const state: InterPodState = { affinity, antiAffinity, affinityCounts: new Map(), antiAffinityCounts: new Map(), existingAntiAffinityCounts: new Map(), podMatchesOwnTerms: false };
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels ?? {};
  // Existing pods whose required anti-affinity rejects this pod.
  for (const key of snapshot.podsWithAffinity) {
    const e = snapshot.pods.get(key);
    if (!e) continue;
    const node = snapshot.nodes.get(e.nodeName);
    if (!node) continue;
    for (const t of requiredAntiAffinityTerms(e.pod)) {
      const tpValue = node.labels[t.topologyKey];
      if (tpValue === undefined) continue;
      if (termMatches(t, ns, labels, nsLabels)) bump(state.existingAntiAffinityCounts, pairKey(t.topologyKey, tpValue));
    }
  }
  if (affinity.length === 0 && antiAffinity.length === 0) return state;
  state.podMatchesOwnTerms = affinity.every((t) => termMatches(t, ns, labels, nsLabels));
  for (const e of snapshot.pods.values()) {
    const node = snapshot.nodes.get(e.nodeName);
    if (!node) continue;
    if (affinity.length && affinity.every((t) => termMatches(t, e.namespace, e.labels, nsLabels))) {
      for (const t of affinity) {
        const v = node.labels[t.topologyKey];
        if (v !== undefined) bump(state.affinityCounts, pairKey(t.topologyKey, v));
      }
    }
    for (const t of antiAffinity) {
      const v = node.labels[t.topologyKey];
      if (v !== undefined && termMatches(t, e.namespace, e.labels, nsLabels)) bump(state.antiAffinityCounts, pairKey(t.topologyKey, v));
    }
  }
  return state;
}

// Upstream: interpodaffinity/filtering.go (satisfyPodAffinity, satisfyPodAntiAffinity, satisfyExistingPodsAntiAffinity)
export function interPodFilter(state: InterPodState, node: NodeInfo): FilterStatus | undefined {
  const plugin = 'InterPodAffinity';
  let podsExist = true;
  for (const t of state.affinity) {
    const v = node.labels[t.topologyKey];
    if (v === undefined) return { plugin, code: 'UnschedulableAndUnresolvable', reasons: [ERR_POD_AFFINITY] };
    if ((state.affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
  }
  // The first pod of a group with affinity to itself may go anywhere that has the topology keys.
  if (!podsExist && !(state.affinityCounts.size === 0 && state.podMatchesOwnTerms)) {
    return { plugin, code: 'UnschedulableAndUnresolvable', reasons: [ERR_POD_AFFINITY] };
  }
  for (const t of state.antiAffinity) {
    const v = node.labels[t.topologyKey];
    if (v !== undefined && (state.antiAffinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) return { plugin, code: 'Unschedulable', reasons: [ERR_POD_ANTI_AFFINITY] };
  }
  if (state.existingAntiAffinityCounts.size > 0) {
    for (const [k, v] of Object.entries(node.labels)) {
      if ((state.existingAntiAffinityCounts.get(pairKey(k, v)) ?? 0) > 0) return { plugin, code: 'Unschedulable', reasons: [ERR_EXISTING_ANTI_AFFINITY] };
    }
  }
  return undefined;
}

// ---- the filter chain ----

/** Everything the filters need about the pod, computed once per scheduling attempt. */
export interface PreparedPod {
  pod: KubeObject;
  requests: Resources;
  hostPorts: HostPort[];
  interPod: InterPodState;
}

export function preparePod(pod: KubeObject, snapshot: ClusterSnapshot, nsLabels: (ns: string) => Record<string, string> | undefined): PreparedPod {
  return { pod, requests: podRequests(pod.spec), hostPorts: podHostPorts(pod.spec), interPod: interPodPreFilter(pod, snapshot, nsLabels) };
}

// Upstream: nodeunschedulable/node_unschedulable.go
export function nodeUnschedulableFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  if (!ni.node.spec?.unschedulable) return undefined;
  if (tolerationsTolerate(p.pod.spec?.tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return undefined;
  return { plugin: 'NodeUnschedulable', code: 'UnschedulableAndUnresolvable', reasons: [ERR_UNSCHEDULABLE] };
}

// Upstream: nodename/node_name.go
export function nodeNameFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  const want = p.pod.spec?.nodeName;
  if (!want || want === ni.name) return undefined;
  return { plugin: 'NodeName', code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_NAME] };
}

// Upstream: tainttoleration/taint_toleration.go (Filter)
export function taintTolerationFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  const taint = firstUntoleratedTaint(ni.node.spec?.taints, p.pod.spec?.tolerations);
  if (!taint) return undefined;
  return { plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`] };
}

// Upstream: nodeaffinity/node_affinity.go (Filter)
export function nodeAffinityFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  if (matchesNodeSelectorAndAffinity(p.pod, ni.node)) return undefined;
  return { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_AFFINITY] };
}

// Upstream: nodeports/node_ports.go (fitsPorts)
export function nodePortsFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  if (p.hostPorts.length === 0) return undefined;
  for (const e of ni.pods.values()) {
    for (const used of e.hostPorts) {
      for (const want of p.hostPorts) {
        if (used.port !== want.port || used.protocol !== want.protocol) continue;
        if (used.hostIP === want.hostIP || used.hostIP === '0.0.0.0' || want.hostIP === '0.0.0.0') {
          return { plugin: 'NodePorts', code: 'Unschedulable', reasons: [ERR_NODE_PORTS] };
        }
      }
    }
  }
  return undefined;
}

// Upstream: noderesources/fit.go (fitsRequest)
export function nodeResourcesFitFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  const reasons: string[] = [];
  let unresolvable = false;
  if (ni.pods.size + 1 > ni.allowedPods) reasons.push('Too many pods');
  const r = p.requests;
  const scalarNames = Object.keys(r.scalar).filter((k) => r.scalar[k] > 0);
  if (r.milliCPU > 0 || r.memory > 0 || r.ephemeralStorage > 0 || scalarNames.length > 0) {
    const a = ni.allocatable;
    const used = ni.requested;
    if (r.milliCPU > 0 && r.milliCPU > a.milliCPU - used.milliCPU) {
      reasons.push('Insufficient cpu');
      if (r.milliCPU > a.milliCPU) unresolvable = true;
    }
    if (r.memory > 0 && r.memory > a.memory - used.memory) {
      reasons.push('Insufficient memory');
      if (r.memory > a.memory) unresolvable = true;
    }
    if (r.ephemeralStorage > 0 && r.ephemeralStorage > a.ephemeralStorage - used.ephemeralStorage) {
      reasons.push('Insufficient ephemeral-storage');
      if (r.ephemeralStorage > a.ephemeralStorage) unresolvable = true;
    }
    for (const name of scalarNames) {
      if (r.scalar[name] > (a.scalar[name] ?? 0) - (used.scalar[name] ?? 0)) {
        reasons.push(`Insufficient ${name}`);
        if (r.scalar[name] > (a.scalar[name] ?? 0)) unresolvable = true;
      }
    }
  }
  if (reasons.length === 0) return undefined;
  return { plugin: 'NodeResourcesFit', code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
}

export function interPodAffinityFilter(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  return interPodFilter(p.interPod, ni);
}

export const FILTERS: ((p: PreparedPod, ni: NodeInfo) => FilterStatus | undefined)[] = [
  nodeUnschedulableFilter,
  nodeNameFilter,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePortsFilter,
  nodeResourcesFitFilter,
  interPodAffinityFilter,
];

/** Runs the filter chain on one node; the first rejection wins. */
export function runFilters(p: PreparedPod, ni: NodeInfo): FilterStatus | undefined {
  for (const f of FILTERS) {
    const s = f(p, ni);
    if (s) return s;
  }
  return undefined;
}

export type { PodEntry };
