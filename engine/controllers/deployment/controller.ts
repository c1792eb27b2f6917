// The Deployment controller: maps ReplicaSet and pod events to their Deployment, and syncs a
// Deployment by the rules of its state (deleting, paused, rolling back, scaling, rolling out).
// Upstream: pkg/controller/deployment/deployment_controller.go (syncDeployment, event handlers)
import { isEmptyLabelSelector, matches, fromLabelSelector } from '../../api/label-selector';
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import type { StoreEvent } from '../../store/object-store';
import { keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { controllerRefOf } from '../runtime/owner-index';
import { OwnerIndexedController } from '../runtime/owner-indexed-controller';
import { rolloutRecreate } from './recreate';
import { rollback } from './rollback';
import { rolloutRolling } from './rolling';
import {
  checkPausedConditions,
  DEPLOYMENTS,
  getReplicaSetsForDeployment,
  isScalingEvent,
  PODS,
  RequeueError,
  RS,
  SOURCE,
  sync,
  syncStatusOnly,
  type DeploymentContext,
} from './sync';
import { getRollbackTo } from './util';

export class DeploymentController extends OwnerIndexedController {
  readonly name = 'deployment-controller';

  constructor(ctx: ControllerContext) {
    super(ctx, [RS, PODS]);
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list(DEPLOYMENTS).map((d) => keyOf(d.metadata.namespace, d.metadata.name));
  }

  // Upstream: deployment_controller.go addDeployment/updateDeployment, addReplicaSet/
  // updateReplicaSet/deleteReplicaSet (owner or, for orphans, every matching Deployment), deletePod.
  protected keysFor(e: StoreEvent): string[] {
    const ns = e.object.metadata.namespace;
    if (e.resource === DEPLOYMENTS) return e.type === 'DELETED' ? [] : [keyOf(ns, e.object.metadata.name)];
    if (e.resource === RS) {
      const keys = new Set<string>();
      const ref = controllerRefOf(e.object);
      const prev = e.previous ? controllerRefOf(e.previous) : undefined;
      if (ref?.kind === 'Deployment') keys.add(keyOf(ns, ref.name));
      if (prev?.kind === 'Deployment' && prev.uid !== ref?.uid) keys.add(keyOf(ns, prev.name));
      if (!ref && e.type !== 'DELETED' && (e.type === 'ADDED' || !!prev || !deepEqual(e.previous?.metadata.labels, e.object.metadata.labels))) {
        for (const d of this.ctx.client.list(DEPLOYMENTS, ns)) {
          if (!isEmptyLabelSelector(d.spec?.selector) && matches(fromLabelSelector(d.spec.selector), e.object.metadata.labels)) keys.add(keyOf(ns, d.metadata.name));
        }
      }
      return [...keys];
    }
    if (e.resource === PODS) {
      // Recreate waits for old pods to be gone: wake it when one goes or finishes.
      const finished = (p: KubeObject | undefined) => p?.status?.phase === 'Succeeded' || p?.status?.phase === 'Failed';
      if (e.type !== 'DELETED' && !(finished(e.object) && !finished(e.previous))) return [];
      const rsRef = controllerRefOf(e.object);
      if (rsRef?.kind !== 'ReplicaSet') return [];
      const rs = this.ctx.client.get(RS, ns, rsRef.name);
      const dRef = rs ? controllerRefOf(rs) : undefined;
      if (dRef?.kind !== 'Deployment') return [];
      const d = this.ctx.client.get(DEPLOYMENTS, ns, dRef.name);
      return d?.spec?.strategy?.type === 'Recreate' ? [keyOf(ns, dRef.name)] : [];
    }
    return [];
  }

  // Upstream: deployment_controller.go syncDeployment
  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const cached = this.ctx.client.get(DEPLOYMENTS, namespace, name);
    if (!cached) return;
    const ctx: DeploymentContext = { client: this.ctx.client, events: this.ctx.events, index: this.index, now: this.ctx.clock.now(), d: clone(cached) };
    try {
      syncDeployment(ctx);
    } catch (err) {
      if (err instanceof RequeueError) return { requeueAfterMs: err.afterMs };
      throw err;
    }
    if (ctx.requeueAfterMs !== undefined) return { requeueAfterMs: ctx.requeueAfterMs };
  }
}

export function syncDeployment(ctx: DeploymentContext): void {
  const d = ctx.d;
  if (isEmptyLabelSelector(d.spec?.selector)) {
    ctx.events.emit(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.', SOURCE);
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      const next = clone(d);
      next.status = { ...(next.status ?? {}), observedGeneration: d.metadata.generation };
      ctx.client.updateStatus(DEPLOYMENTS, next);
    }
    return;
  }
  const rsList = getReplicaSetsForDeployment(ctx);
  if (d.metadata.deletionTimestamp) return syncStatusOnly(ctx, rsList);
  checkPausedConditions(ctx);
  if (ctx.d.spec?.paused) return sync(ctx, rsList);
  if (getRollbackTo(ctx.d)) return rollback(ctx, rsList);
  if (isScalingEvent(ctx, rsList)) return sync(ctx, rsList);
  if (ctx.d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(ctx, rsList);
  return rolloutRolling(ctx, rsList);
}
