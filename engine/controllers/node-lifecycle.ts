// Keeps every node looking alive and consistent, as its kubelet and the node lifecycle controller
// do: condition heartbeats (lastHeartbeatTime, every 40 s here; upstream reports every 5 min
// when leases are on), a Lease per node in kube-node-lease renewed every 10 s (when the Lease
// kind is served), and the node.kubernetes.io/unschedulable:NoSchedule taint while a node is
// cordoned. TaintEvictionController below evicts pods from NoExecute-tainted nodes.
// Upstream: pkg/kubelet/kubelet_node_status.go (updateNodeStatus), pkg/kubelet/nodelease,
// component-helpers apimachinery/lease/controller.go, pkg/controller/nodelifecycle (taintNodeByCondition)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339, rfc3339Micro } from '../clock';
import type { KubeObject } from '../api/object';
import type { StoreEvent } from '../store/object-store';
import { Controller, type ControllerContext, type ReconcileResult } from './runtime/controller';
import { toleratesTaint } from './scheduler/filters';

export const HEARTBEAT_MS = 40_000;
export const LEASE_RENEW_MS = 10_000;
export const LEASE_DURATION_S = 40;
const LEASES = 'coordination.k8s.io/leases';
const UNSCHEDULABLE_TAINT = 'node.kubernetes.io/unschedulable';

/** The taints a node should have for its cordon state (pure). */
export function taintsForCordon(node: KubeObject, now: number): any[] | undefined {
  const taints: any[] = node.spec?.taints ?? [];
  const has = taints.some((t) => t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule');
  if (node.spec?.unschedulable && !has) return [...taints, { effect: 'NoSchedule', key: UNSCHEDULABLE_TAINT, timeAdded: rfc3339(now) }];
  if (!node.spec?.unschedulable && has) return taints.filter((t) => !(t.key === UNSCHEDULABLE_TAINT && t.effect === 'NoSchedule'));
  return undefined;
}

export class NodeLifecycleController extends Controller {
  readonly name = 'node-lifecycle';

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list('nodes').map((n) => n.metadata.name);
  }

  protected keysFor(e: StoreEvent): string[] {
    if (e.resource !== 'nodes' || e.type === 'DELETED') return [];
    // Our own heartbeats need no reaction; cordon changes do.
    if (e.type === 'MODIFIED' && !!e.object.spec?.unschedulable === !!e.previous?.spec?.unschedulable) return [];
    return [e.object.metadata.name];
  }

  reconcile(name: string): ReconcileResult {
    let node = this.ctx.client.get('nodes', undefined, name);
    if (!node) return;
    const now = this.ctx.clock.now();
    const taints = taintsForCordon(node, now);
    if (taints) {
      const next = structuredClone(node);
      next.spec ??= {};
      if (taints.length) next.spec.taints = taints;
      else delete next.spec.taints;
      node = this.ctx.client.update('nodes', next);
    }
    const heartbeatIn = this.heartbeat(node, now);
    const leaseIn = this.renewLease(node, now);
    return { requeueAfterMs: Math.max(1000, Math.min(heartbeatIn, leaseIn)) };
  }

  /** Refreshes lastHeartbeatTime when due; returns ms until the next one. */
  private heartbeat(node: KubeObject, now: number): number {
    const conds: any[] = node.status?.conditions ?? [];
    const last = Math.min(...conds.map((c) => Date.parse(c.lastHeartbeatTime ?? '') || 0));
    if (conds.length === 0) return HEARTBEAT_MS;
    const due = last + HEARTBEAT_MS;
    if (now < due) return due - now;
    const next = structuredClone(node);
    for (const c of next.status.conditions) c.lastHeartbeatTime = rfc3339(now);
    this.ctx.client.updateStatus('nodes', next);
    return HEARTBEAT_MS;
  }

  /** Creates or renews the node's Lease when due; returns ms until the next renewal. */
  private renewLease(node: KubeObject, now: number): number {
    if (!this.ctx.client.service.registry.byKey(LEASES)) return Infinity;
    const name = node.metadata.name;
    const lease = this.ctx.client.get(LEASES, 'kube-node-lease', name);
    if (!lease) {
      if (!this.ctx.client.get('namespaces', undefined, 'kube-node-lease')) return LEASE_RENEW_MS;
      this.ctx.client.create(LEASES, {
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name,
          namespace: 'kube-node-lease',
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid! }],
        },
        spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_S, renewTime: rfc3339Micro(now) },
      });
      return LEASE_RENEW_MS;
    }
    const last = Date.parse(lease.spec?.renewTime ?? '') || 0;
    const due = last + LEASE_RENEW_MS;
    if (now < due) return due - now;
    const next = structuredClone(lease);
    next.spec = { ...next.spec, holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_S, renewTime: rfc3339Micro(now) };
    this.ctx.client.update(LEASES, next);
    return LEASE_RENEW_MS;
  }
}

/**
 * NoExecute taints evict the pods on the node that do not tolerate them, at once or after the
 * smallest matching tolerationSeconds (counted from the taint's timeAdded). The pod first gets
 * the DisruptionTarget condition, then a normal graceful DELETE.
 */
// Upstream: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode, getMinTolerationTime),
// historically the NoExecuteTaintManager of pkg/controller/nodelifecycle
export function evictionDelayMs(taints: any[], tolerations: any[] | undefined, now: number, firstSeen: (t: any) => number): number | undefined {
  const noExecute = taints.filter((t) => t.effect === 'NoExecute');
  if (noExecute.length === 0) return undefined;
  let delay = Infinity;
  for (const taint of noExecute) {
    const matching = (tolerations ?? []).filter((t: any) => (t.effect === undefined || t.effect === '' || t.effect === 'NoExecute') && toleratesTaint(t, taint));
    if (matching.length === 0) return 0;
    const seconds = Math.min(...matching.map((t: any) => (typeof t.tolerationSeconds === 'number' ? Math.max(0, t.tolerationSeconds) : Infinity)));
    if (seconds === Infinity) continue;
    const since = taint.timeAdded ? Date.parse(taint.timeAdded) : firstSeen(taint);
    delay = Math.min(delay, Math.max(0, since + seconds * 1000 - now));
  }
  return delay === Infinity ? undefined : delay;
}

export class TaintEvictionController extends Controller {
  readonly name = 'taint-eviction-controller';
  private readonly seen = new Map<string, number>();

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list('nodes').filter((n) => (n.spec?.taints ?? []).some((t: any) => t.effect === 'NoExecute')).map((n) => n.metadata.name);
  }

  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === 'nodes') {
      if (e.type === 'DELETED') return [];
      const taints = (n?: KubeObject) => JSON.stringify(n?.spec?.taints ?? []);
      return e.type === 'ADDED' || taints(e.object) !== taints(e.previous) ? [e.object.metadata.name] : [];
    }
    if (e.resource !== 'pods' || e.type === 'DELETED') return [];
    const nodeName = e.object.spec?.nodeName;
    if (!nodeName || e.previous?.spec?.nodeName === nodeName) return [];
    const node = this.ctx.client.get('nodes', undefined, nodeName);
    return (node?.spec?.taints ?? []).some((t: any) => t.effect === 'NoExecute') ? [nodeName] : [];
  }

  reconcile(nodeName: string): ReconcileResult {
    const node = this.ctx.client.get('nodes', undefined, nodeName);
    if (!node) return;
    const taints: any[] = node.spec?.taints ?? [];
    const now = this.ctx.clock.now();
    const firstSeen = (t: any) => {
      const k = `${nodeName}\u0000${t.key}\u0000${t.value ?? ''}`;
      if (!this.seen.has(k)) this.seen.set(k, now);
      return this.seen.get(k)!;
    };
    if (!taints.some((t) => t.effect === 'NoExecute')) return;
    let next = Infinity;
    for (const pod of this.ctx.client.list('pods')) {
      if (pod.spec?.nodeName !== nodeName || pod.metadata.deletionTimestamp) continue;
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
      const delay = evictionDelayMs(taints, pod.spec?.tolerations, now, firstSeen);
      if (delay === undefined) continue;
      if (delay > 0) {
        next = Math.min(next, delay);
        continue;
      }
      this.evict(pod);
    }
    return next === Infinity ? undefined : { requeueAfterMs: next };
  }

  private evict(pod: KubeObject): void {
    const ns = pod.metadata.namespace ?? 'default';
    this.ctx.events.emit(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${pod.metadata.name}`, { component: this.name });
    try {
      const next = structuredClone(pod);
      next.status ??= {};
      next.status.conditions = [
        ...(next.status.conditions ?? []).filter((c: any) => c.type !== 'DisruptionTarget'),
        { lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.clock.now()), message: 'Taint manager: deleting due to NoExecute taint', reason: 'DeletionByTaintManager', status: 'True', type: 'DisruptionTarget' },
      ];
      this.ctx.client.updateStatus('pods', next);
      this.ctx.client.delete('pods', ns, pod.metadata.name, { preconditions: { uid: pod.metadata.uid } });
    } catch {
      // gone meanwhile
    }
  }
}
