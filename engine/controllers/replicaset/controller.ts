// The ReplicaSet controller: keeps spec.replicas active pods matching the selector, adopting
// orphans and releasing pods that stopped matching, and reports their counts in status.
// Upstream: pkg/controller/replicaset/replica_set.go (syncReplicaSet, manageReplicas,
// claimPods, slowStartBatch), pkg/controller/controller_ref_manager.go (ClaimObject).
import { matches, type Selector } from '../../api/label-selector';
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import type { StoreEvent } from '../../store/object-store';
import { keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { controllerRefOf, newControllerRef, type OwnerReference } from '../runtime/owner-index';
import { OwnerIndexedController } from '../runtime/owner-indexed-controller';
import { ownerKeysForOwned, ownersSelecting } from '../runtime/owner-wakeups';
import { isPodActive, podFromTemplate } from './pod-util';
import { podsToDelete } from './ranking';
import { calculateStatus, nextAvailabilityCheck, selectorOf, type ManageError } from './status';

const RS = 'apps/replicasets';
const PODS = 'pods';
const SOURCE = { component: 'replicaset-controller' };
/** Upstream BurstReplicas: the most pods created or deleted in one sync. */
export const BURST_REPLICAS = 500;
const SLOW_START_INITIAL_BATCH = 1;

function statusReason(err: unknown): string | undefined {
  return (err as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes?.[0]?.reason;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: { reason?: string } })?.status?.reason === 'NotFound';
}

export class ReplicaSetController extends OwnerIndexedController {
  readonly name = 'replicaset-controller';
  /** Set on stop: a create loop that yielded between batches must not write afterwards. */

  constructor(ctx: ControllerContext) {
    super(ctx, [PODS, RS]);
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list(RS).map((rs) => keyOf(rs.metadata.namespace, rs.metadata.name));
  }

  // Upstream: replica_set.go addPod/updatePod/deletePod/addRS/updateRS — handlers only enqueue.
  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === RS) return e.type === 'DELETED' ? [] : [keyOf(e.object.metadata.namespace, e.object.metadata.name)];
    if (e.resource !== PODS) return [];
    return ownerKeysForOwned(e, 'ReplicaSet', (pod) => ownersSelecting(this.ctx.client, RS, pod));
  }

  // Upstream: replica_set.go syncReplicaSet
  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const rs = this.ctx.client.get(RS, namespace, name);
    if (!rs) return;
    const selector = selectorOf(rs) ?? [];
    const candidates = [...this.index.controlledBy(PODS, rs.metadata.uid!), ...this.index.orphans(PODS, namespace)].filter(isPodActive);
    const active = this.claimPods(rs, selector, candidates);
    let manageError: ManageError | undefined;
    if (!rs.metadata.deletionTimestamp) manageError = await this.manageReplicas(active, rs);
    const now = this.ctx.clock.now();
    const current = this.ctx.client.get(RS, namespace, name);
    if (!current || current.metadata.uid !== rs.metadata.uid) return;
    const status = calculateStatus(current, active, manageError, now);
    if (!deepEqual(status, current.status)) {
      const next = clone(current);
      next.status = status;
      this.ctx.client.updateStatus(RS, next);
    }
    // Resync when a ready pod passes minReadySeconds (our clock makes the upstream guard exact).
    const at = nextAvailabilityCheck(current, active, now);
    if (at !== undefined) return { requeueAfterMs: Math.max(0, at - now) };
  }

  // Upstream: controller_ref_manager.go ClaimPods / ClaimObject, AdoptPod, ReleasePod
  private claimPods(rs: KubeObject, selector: Selector, pods: KubeObject[]): KubeObject[] {
    const claimed: KubeObject[] = [];
    const deleting = !!rs.metadata.deletionTimestamp;
    const match = (pod: KubeObject) => selector.length > 0 && matches(selector, pod.metadata.labels);
    for (const pod of pods) {
      const ref = controllerRefOf(pod);
      if (ref) {
        if (ref.uid !== rs.metadata.uid) continue;
        if (match(pod)) {
          claimed.push(pod);
          continue;
        }
        if (deleting) continue;
        this.writeOwnerRefs(pod, (refs) => refs.filter((r) => r.uid !== rs.metadata.uid));
        continue;
      }
      if (deleting || !match(pod) || pod.metadata.deletionTimestamp || pod.metadata.namespace !== rs.metadata.namespace) continue;
      const adopted = this.writeOwnerRefs(pod, (refs) => [...refs, newControllerRef(rs, 'apps/v1', 'ReplicaSet')]);
      if (adopted) claimed.push(adopted);
    }
    return claimed;
  }

  private writeOwnerRefs(pod: KubeObject, edit: (refs: OwnerReference[]) => OwnerReference[]): KubeObject | undefined {
    const next = clone(pod);
    const refs = edit((next.metadata.ownerReferences ?? []) as OwnerReference[]);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    try {
      return this.ctx.client.update(PODS, next);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  // Upstream: replica_set.go manageReplicas
  private async manageReplicas(active: KubeObject[], rs: KubeObject): Promise<ManageError | undefined> {
    const desired: number = rs.spec?.replicas ?? 1;
    let diff = active.length - desired;
    if (diff < 0) {
      diff = Math.min(-diff, BURST_REPLICAS);
      const ref = newControllerRef(rs, 'apps/v1', 'ReplicaSet');
      const template = rs.spec?.template;
      let failure: ManageError | undefined;
      await slowStartBatch(diff, SLOW_START_INITIAL_BATCH, () => {
        if (this.stopped) return false;
        try {
          const pod = this.ctx.client.create(PODS, podFromTemplate(template, rs, ref));
          this.ctx.events.emit(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name}`, SOURCE);
          return true;
        } catch (err) {
          // A terminating namespace refuses every create; there is nothing to do.
          if (statusReason(err) === 'NamespaceTerminating') return true;
          this.ctx.events.emit(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(err)}`, SOURCE);
          failure ??= { message: errorMessage(err) };
          return false;
        }
      });
      return failure;
    }
    if (diff > 0) {
      diff = Math.min(diff, BURST_REPLICAS);
      const victims = podsToDelete(active, this.relatedPods(rs), diff, this.ctx.clock.now());
      let failure: ManageError | undefined;
      for (const pod of victims) {
        try {
          this.ctx.client.delete(PODS, pod.metadata.namespace, pod.metadata.name);
          this.ctx.events.emit(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
        } catch (err) {
          if (isNotFound(err)) continue;
          this.ctx.events.emit(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(err)}`, SOURCE);
          failure ??= { message: errorMessage(err) };
        }
      }
      return failure;
    }
    return undefined;
  }

  // Upstream: replica_set.go getIndirectlyRelatedPods — pods of every RS sharing this RS's controller.
  private relatedPods(rs: KubeObject): KubeObject[] {
    const owner = controllerRefOf(rs);
    const siblings = owner ? this.index.controlledBy(RS, owner.uid) : [rs];
    if (!siblings.some((s) => s.metadata.uid === rs.metadata.uid)) siblings.push(rs);
    return siblings.flatMap((s) => this.index.controlledBy(PODS, s.metadata.uid!));
  }
}

// Upstream: replica_set.go slowStartBatch — batches of 1, 2, 4, ... stopping after a batch with
// a failure; yields between batches so API requests interleave. Returns the successes.
export async function slowStartBatch(count: number, initialBatchSize: number, fn: () => boolean): Promise<number> {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      if (fn()) successes++;
      else failed = true;
    }
    remaining -= batch;
    if (failed) break;
    if (remaining > 0) await new Promise<void>((r) => setImmediate(r));
  }
  return successes;
}
