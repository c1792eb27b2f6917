// The scheduler's view of the cluster: every node with the pods bound to it and their summed
// requests, kept up to date incrementally from store events (no list per scheduling attempt).
// Upstream: pkg/scheduler/framework/types.go (NodeInfo), pkg/scheduler/backend/cache
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../../api/object';
import { addResources, emptyResources, intValue, podRequests, resourcesFromList, type Resources } from './resources';

/** What the scheduler remembers of one bound, non-terminal pod. */
export interface PodEntry {
  key: string;
  namespace: string;
  name: string;
  labels: Record<string, string>;
  nodeName: string;
  requests: Resources;
  nonZeroRequests: Resources;
  /** `proto/port/hostIP` of host ports in use. */
  hostPorts: HostPort[];
  affinity: any;
  ownerUid?: string;
  pod: KubeObject;
}

export interface HostPort {
  protocol: string;
  port: number;
  hostIP: string;
}

export interface NodeInfo {
  name: string;
  node: KubeObject;
  labels: Record<string, string>;
  pods: Map<string, PodEntry>;
  requested: Resources;
  nonZeroRequested: Resources;
  allocatable: Resources;
  allowedPods: number;
}

export function podHostPorts(spec: any): HostPort[] {
  const out: HostPort[] = [];
  for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) {
      if (!p.hostPort) continue;
      out.push({ protocol: p.protocol ?? 'TCP', port: p.hostPort, hostIP: p.hostIP || '0.0.0.0' });
    }
  }
  return out;
}

export function isTerminal(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

export function podEntry(pod: KubeObject): PodEntry {
  const ns = pod.metadata.namespace ?? 'default';
  return {
    key: `${ns}/${pod.metadata.name}`,
    namespace: ns,
    name: pod.metadata.name,
    labels: pod.metadata.labels ?? {},
    nodeName: pod.spec?.nodeName ?? '',
    requests: podRequests(pod.spec),
    nonZeroRequests: podRequests(pod.spec, true),
    hostPorts: podHostPorts(pod.spec),
    affinity: pod.spec?.affinity,
    ownerUid: (pod.metadata.ownerReferences ?? []).find((o) => o.controller)?.uid,
    pod,
  };
}

export function nodeInfoFor(node: KubeObject): NodeInfo {
  return {
    name: node.metadata.name,
    node,
    labels: node.metadata.labels ?? {},
    pods: new Map(),
    requested: emptyResources(),
    nonZeroRequested: emptyResources(),
    allocatable: resourcesFromList(node.status?.allocatable),
    allowedPods: intValue(node.status?.allocatable?.pods ?? '110'),
  };
}

/** Builds a NodeInfo from a node and pods (tests and one-off evaluations). */
export function buildNodeInfo(node: KubeObject, pods: KubeObject[] = []): NodeInfo {
  const ni = nodeInfoFor(node);
  for (const p of pods) addPod(ni, podEntry(p));
  return ni;
}

export function addPod(ni: NodeInfo, e: PodEntry): void {
  ni.pods.set(e.key, e);
  ni.requested = addResources(ni.requested, e.requests);
  ni.nonZeroRequested = addResources(ni.nonZeroRequested, e.nonZeroRequests);
}

export function removePod(ni: NodeInfo, key: string): void {
  const e = ni.pods.get(key);
  if (!e) return;
  ni.pods.delete(key);
  ni.requested = addResources(ni.requested, e.requests, -1);
  ni.nonZeroRequested = addResources(ni.nonZeroRequested, e.nonZeroRequests, -1);
}

function hasAffinity(e: PodEntry): boolean {
  return !!(e.affinity?.podAffinity || e.affinity?.podAntiAffinity);
}

/**
 * All nodes and their bound pods. `apply` is fed every node and pod store event; lookups are
 * O(1) and the per-node sums are maintained as pods come and go.
 */
export class ClusterSnapshot {
  readonly nodes = new Map<string, NodeInfo>();
  /** Bound, non-terminal pods by key. */
  readonly pods = new Map<string, PodEntry>();
  /** Keys of bound pods with pod (anti-)affinity terms. */
  readonly podsWithAffinity = new Set<string>();
  /** Pods bound to a node that does not exist (yet). */
  private readonly orphans = new Map<string, PodEntry>();

  setNode(node: KubeObject): void {
    const prev = this.nodes.get(node.metadata.name);
    const ni = nodeInfoFor(node);
    if (prev) {
      ni.pods = prev.pods;
      ni.requested = prev.requested;
      ni.nonZeroRequested = prev.nonZeroRequested;
    } else {
      for (const [k, e] of this.orphans) {
        if (e.nodeName !== ni.name) continue;
        addPod(ni, e);
        this.orphans.delete(k);
      }
    }
    this.nodes.set(ni.name, ni);
  }

  deleteNode(name: string): void {
    const ni = this.nodes.get(name);
    if (!ni) return;
    for (const [k, e] of ni.pods) this.orphans.set(k, e);
    this.nodes.delete(name);
  }

  /** Records a pod's current state (bound and running pods count; others are dropped). */
  setPod(pod: KubeObject): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    this.deletePod(key);
    if (!pod.spec?.nodeName || isTerminal(pod)) return;
    const e = podEntry(pod);
    this.pods.set(key, e);
    if (hasAffinity(e)) this.podsWithAffinity.add(key);
    const ni = this.nodes.get(e.nodeName);
    if (ni) addPod(ni, e);
    else this.orphans.set(key, e);
  }

  deletePod(key: string): void {
    const e = this.pods.get(key);
    if (!e) return;
    this.pods.delete(key);
    this.podsWithAffinity.delete(key);
    this.orphans.delete(key);
    const ni = this.nodes.get(e.nodeName);
    if (ni) removePod(ni, key);
  }

  nodeList(): NodeInfo[] {
    return [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
