// default-scheduler: binds each pending pod (schedulerName default-scheduler, no nodeName) to a
// node, or records why it cannot (PodScheduled=False/Unschedulable and a FailedScheduling event)
// and retries when nodes or pods change in a way that could help, or after 5 minutes.
// The binding is an update that sets spec.nodeName, then the PodScheduled=True condition.
// Upstream: pkg/scheduler/schedule_one.go (scheduleOne, handleSchedulingFailure, bind),
// pkg/scheduler/eventhandlers.go, backend/queue/scheduling_queue.go (unschedulable pods)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../../clock';
import { fromLabelSelector, matches, type Selector } from '../../api/label-selector';
import type { KubeObject } from '../../api/object';
import type { StoreEvent } from '../../store/object-store';
import { Controller, keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { ClusterSnapshot, isTerminal } from './node-info';
import { schedulePod } from './schedule-one';

export const SCHEDULER_NAME = 'default-scheduler';
/** podMaxInUnschedulablePodsDuration */
const UNSCHEDULABLE_RETRY_MS = 5 * 60 * 1000;
/** podInitialBackoffDuration: a burst of cluster changes retries the waiting pods once. */
const RETRY_DELAY_MS = 1000;

const podKey = (p: KubeObject) => keyOf(p.metadata.namespace ?? 'default', p.metadata.name);

function condition(pod: KubeObject, type: string): any {
  return (pod.status?.conditions ?? []).find((c: any) => c.type === type);
}

/** Spec or labels changed (not only status): worth another attempt for a waiting pod. */
function podChanged(a: KubeObject, b: KubeObject | undefined): boolean {
  if (!b) return true;
  return JSON.stringify(a.spec) !== JSON.stringify(b.spec) || JSON.stringify(a.metadata.labels ?? {}) !== JSON.stringify(b.metadata.labels ?? {});
}

function nodeChanged(a: KubeObject, b: KubeObject | undefined): boolean {
  if (!b) return true;
  const view = (n: KubeObject) =>
    JSON.stringify([n.metadata.labels ?? {}, n.spec?.taints ?? [], !!n.spec?.unschedulable, n.status?.allocatable ?? {}, (n.status?.conditions ?? []).find((c: any) => c.type === 'Ready')?.status]);
  return view(a) !== view(b);
}

export class SchedulerController extends Controller {
  readonly name = SCHEDULER_NAME;
  readonly snapshot = new ClusterSnapshot();
  /** Pods that failed their last attempt, with the plugins that rejected them. */
  private readonly unschedulable = new Map<string, Set<string>>();
  private cancelRetry: (() => void) | undefined;

  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  override stop(): void {
    this.cancelRetry?.();
    this.cancelRetry = undefined;
    super.stop();
  }

  protected initialKeys(): string[] {
    for (const n of this.ctx.client.list('nodes')) this.snapshot.setNode(n);
    const keys: string[] = [];
    for (const p of this.ctx.client.list('pods')) {
      this.snapshot.setPod(p);
      if (this.wantsScheduling(p)) keys.push(podKey(p));
    }
    return keys;
  }

  // Keeps the snapshot current (the informer cache) and maps events to pods to (re)try.
  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === 'nodes') {
      if (e.type === 'DELETED') this.snapshot.deleteNode(e.object.metadata.name);
      else this.snapshot.setNode(e.object);
      if (e.type !== 'MODIFIED' || nodeChanged(e.object, e.previous)) this.retrySoon(() => true);
      return [];
    }
    if (e.resource !== 'pods') return [];
    const pod = e.object;
    const key = podKey(pod);
    const wasBound = !!e.previous?.spec?.nodeName && !isTerminal(e.previous);
    if (e.type === 'DELETED') {
      this.snapshot.deletePod(key);
      this.unschedulable.delete(key);
      if (wasBound) this.retrySoon(() => true);
      return [];
    }
    this.snapshot.setPod(pod);
    const bound = !!pod.spec?.nodeName && !isTerminal(pod);
    if (wasBound && !bound) this.retrySoon(() => true); // resources freed
    else if (bound && (!wasBound || podChanged(pod, e.previous))) this.retrySoon((plugins) => plugins.has('InterPodAffinity'));
    if (!this.wantsScheduling(pod)) return [];
    // Our own status writes must not retrigger a waiting pod.
    if (e.type === 'MODIFIED' && this.unschedulable.has(key) && !podChanged(pod, e.previous)) return [];
    return [key];
  }

  private wantsScheduling(pod: KubeObject): boolean {
    return !pod.spec?.nodeName && !pod.metadata.deletionTimestamp && (pod.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !isTerminal(pod);
  }

  /** Moves waiting pods whose rejecting plugins `helps` says may now pass back to the queue, once per burst. */
  private retrySoon(helps: (plugins: Set<string>) => boolean): void {
    if (this.unschedulable.size === 0 || this.cancelRetry) return;
    let any = false;
    for (const plugins of this.unschedulable.values()) if (helps(plugins)) any = true;
    if (!any) return;
    this.cancelRetry = this.ctx.clock.setTimer(RETRY_DELAY_MS, () => {
      this.cancelRetry = undefined;
      for (const k of this.unschedulable.keys()) this.enqueue(k);
    });
  }

  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.client.get('pods', namespace, name);
    if (!pod || !this.wantsScheduling(pod)) {
      this.unschedulable.delete(key);
      return;
    }
    if ((pod.spec?.schedulingGates ?? []).length > 0) {
      this.setScheduledCondition(pod, 'False', 'SchedulingGated', 'Scheduling is blocked due to non-empty scheduling gates');
      return;
    }
    const result = schedulePod(pod, this.snapshot, {
      nsLabels: (ns) => this.ctx.client.get('namespaces', undefined, ns)?.metadata.labels,
      spreadSelector: this.spreadSelector(pod),
    });
    if ('nodeName' in result) {
      this.bind(pod, result.nodeName);
      this.unschedulable.delete(key);
      return;
    }
    const plugins = new Set<string>([...result.diagnosis.statuses.values()].map((s) => s.plugin));
    this.unschedulable.set(key, plugins);
    this.ctx.events.emit(pod, 'Warning', 'FailedScheduling', result.message, { component: SCHEDULER_NAME });
    this.setScheduledCondition(pod, 'False', 'Unschedulable', result.message);
    return { requeueAfterMs: UNSCHEDULABLE_RETRY_MS };
  }

  private bind(pod: KubeObject, nodeName: string): void {
    const next = structuredClone(pod);
    next.spec.nodeName = nodeName;
    const bound = this.ctx.client.update('pods', next);
    const withCondition = structuredClone(bound);
    const conditions: any[] = (withCondition.status.conditions ?? []).filter((c: any) => c.type !== 'PodScheduled');
    conditions.push({ lastProbeTime: null, lastTransitionTime: rfc3339(this.ctx.clock.now()), status: 'True', type: 'PodScheduled' });
    withCondition.status.conditions = conditions;
    this.ctx.client.updateStatus('pods', withCondition);
    this.ctx.events.emit(bound, 'Normal', 'Scheduled', `Successfully assigned ${bound.metadata.namespace}/${bound.metadata.name} to ${nodeName}`, { component: SCHEDULER_NAME });
  }

  private setScheduledCondition(pod: KubeObject, status: string, reason: string, message: string): void {
    const prev = condition(pod, 'PodScheduled');
    if (prev && prev.status === status && prev.reason === reason && prev.message === message) return;
    const next = structuredClone(pod);
    next.status ??= {};
    const c = { lastProbeTime: null, lastTransitionTime: prev?.status === status ? prev.lastTransitionTime : rfc3339(this.ctx.clock.now()), message, reason, status, type: 'PodScheduled' };
    next.status.conditions = [...(next.status.conditions ?? []).filter((x: any) => x.type !== 'PodScheduled'), c];
    this.ctx.client.updateStatus('pods', next);
  }

  /** Selectors of the Services and the owning controller that select this pod (spreading). */
  // Upstream: pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector)
  private spreadSelector(pod: KubeObject): Selector | undefined {
    const ns = pod.metadata.namespace ?? 'default';
    const out: Selector = [];
    const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller);
    if (owner) {
      const resource = { ReplicaSet: 'apps/replicasets', StatefulSet: 'apps/statefulsets', ReplicationController: 'replicationcontrollers' }[owner.kind];
      if (resource && this.ctx.client.service.registry.byKey(resource)) {
        const o = this.ctx.client.get(resource, ns, owner.name);
        const sel = owner.kind === 'ReplicationController' ? (o?.spec?.selector ? { matchLabels: o.spec.selector } : undefined) : o?.spec?.selector;
        if (sel) out.push(...fromLabelSelector(sel));
      }
    }
    if (this.ctx.client.service.registry.byKey('services')) {
      for (const svc of this.ctx.client.list('services', ns)) {
        const sel = svc.spec?.selector;
        if (!sel || Object.keys(sel).length === 0) continue;
        const s = fromLabelSelector({ matchLabels: sel });
        if (matches(s, pod.metadata.labels)) out.push(...s);
      }
    }
    return out.length ? out : undefined;
  }
}
