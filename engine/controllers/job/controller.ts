// The Job controller: runs a job's pods to completion. It creates pods from the template (with
// the job-tracking finalizer), counts finished pods through status.uncountedTerminatedPods before
// releasing their finalizers, backs off after failures, enforces backoffLimit and
// activeDeadlineSeconds, deletes pods of a suspended job, and marks the job
// SuccessCriteriaMet/Complete or FailureTarget/Failed.
// Upstream: pkg/controller/job/job_controller.go (syncJob, manageJob,
// trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers, enactJobFinished),
// indexed_job_utils.go, pkg/controller/controller_utils.go (RealPodControl).
import { matches } from '../../api/label-selector';
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import { rfc3339 } from '../../clock';
import type { StoreEvent } from '../../store/object-store';
import { keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { controllerRefOf, newControllerRef } from '../runtime/owner-index';
import { OwnerIndexedController } from '../runtime/owner-indexed-controller';
import { ownersSelecting } from '../runtime/owner-wakeups';
import { slowStartBatch } from '../replicaset/controller';
import { isPodActive, podFromTemplate } from '../replicaset/pod-util';
import { podsToDelete } from '../replicaset/ranking';
import { selectorOf } from '../replicaset/status';
import {
  activeDeadlineAt,
  backoffRecord,
  countReady,
  ensureCondition,
  findCondition,
  hasTrackingFinalizer,
  isJobFinished,
  isJobSucceeded,
  isPodFailed,
  isPodSucceeded,
  isPodTerminating,
  JOB_TRACKING_FINALIZER,
  MAX_POD_CREATE_DELETE_PER_SYNC,
  MESSAGE_BACKOFF_LIMIT,
  MESSAGE_COMPLETIONS,
  MESSAGE_DEADLINE,
  pastActiveDeadline,
  pastBackoffLimitOnFailure,
  podFinishedTime,
  REASON_BACKOFF_LIMIT,
  REASON_COMPLETIONS,
  REASON_DEADLINE,
  remainingBackoffMs,
  wantActive,
  withTrackingFinalizer,
  type BackoffRecord,
  type JobCondition,
} from './util';
import { completedIndexesString, indexOf, indexedPodFromTemplate, missingIndexes, parseIndexes, succeededIndexes } from './indexed';

const JOBS = 'batch/jobs';
const PODS = 'pods';
const SOURCE = { component: 'job-controller' };
/** Work-queue keys for pods whose job is gone and whose finalizer must be released. */
const ORPHAN_PREFIX = 'orphan-pod:';

interface Uncounted {
  succeeded?: string[];
  failed?: string[];
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function reasonOf(err: unknown): string | undefined {
  return (err as { status?: { reason?: string } })?.status?.reason;
}

function causeReason(err: unknown): string | undefined {
  return (err as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes?.[0]?.reason;
}

export class JobController extends OwnerIndexedController {
  readonly name = 'job-controller';
  /** Failure back-off per job uid (upstream backoffRecordStore). */
  private readonly backoff = new Map<string, BackoffRecord>();

  constructor(ctx: ControllerContext) {
    super(ctx, [PODS]);
  }

  protected initialKeys(): string[] {
    const keys = this.ctx.client.list(JOBS).map((j) => keyOf(j.metadata.namespace, j.metadata.name));
    // Pods whose job vanished while the engine was down still hold the finalizer.
    for (const pod of this.ctx.client.list(PODS)) if (hasTrackingFinalizer(pod) && !this.ownerJob(pod)) keys.push(ORPHAN_PREFIX + keyOf(pod.metadata.namespace, pod.metadata.name));
    return keys;
  }

  // Upstream: addPod/updatePod/deletePod/addJob/updateJob/deleteJob — handlers only enqueue.
  protected keysFor(e: StoreEvent): string[] {
    const ns = e.object.metadata.namespace;
    if (e.resource === JOBS) {
      if (e.type !== 'DELETED') return [keyOf(ns, e.object.metadata.name)];
      this.backoff.delete(e.object.metadata.uid!);
      // The job's pods keep their finalizer until someone releases it.
      return this.index.controlledBy(PODS, e.object.metadata.uid!).filter(hasTrackingFinalizer).map((p) => ORPHAN_PREFIX + keyOf(ns, p.metadata.name));
    }
    if (e.resource !== PODS || e.type === 'DELETED') return [];
    const keys: string[] = [];
    const ref = controllerRefOf(e.object);
    const prevRef = e.previous ? controllerRefOf(e.previous) : undefined;
    if (ref?.kind === 'Job') keys.push(keyOf(ns, ref.name));
    if (prevRef?.kind === 'Job' && prevRef.uid !== ref?.uid) keys.push(keyOf(ns, prevRef.name));
    if (hasTrackingFinalizer(e.object) && !this.ownerJob(e.object)) keys.push(ORPHAN_PREFIX + keyOf(ns, e.object.metadata.name));
    if (!ref) for (const job of ownersSelecting(this.ctx.client, JOBS, e.object)) keys.push(keyOf(ns, job.metadata.name));
    return keys;
  }

  /** The live job a pod's controller reference names, if any. */
  private ownerJob(pod: KubeObject): KubeObject | undefined {
    const ref = controllerRefOf(pod);
    if (ref?.kind !== 'Job') return undefined;
    const job = this.ctx.client.get(JOBS, pod.metadata.namespace, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }


  async reconcile(key: string): Promise<ReconcileResult> {
    if (key.startsWith(ORPHAN_PREFIX)) return this.releaseOrphan(key.slice(ORPHAN_PREFIX.length));
    const { namespace, name } = splitKey(key);
    const job = this.ctx.client.get(JOBS, namespace, name);
    if (!job) return;
    const pods = this.claimPods(job);
    // Upstream: a finished or deleted job only releases its pods' finalizers.
    if (job.metadata.deletionTimestamp || isJobFinished(job)) {
      this.backoff.delete(job.metadata.uid!);
      for (const pod of pods) if (hasTrackingFinalizer(pod)) this.removeFinalizer(pod);
      return;
    }
    return this.syncJob(job, pods);
  }

  /** Releases the finalizer of a pod whose job is gone (upstream: deletePod / orphan handling). */
  private releaseOrphan(key: string): void {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.client.get(PODS, namespace, name);
    if (!pod || !hasTrackingFinalizer(pod) || this.ownerJob(pod)) return;
    this.removeFinalizer(pod);
  }

  private removeFinalizer(pod: KubeObject): boolean {
    try {
      this.ctx.client.removeFinalizer(PODS, pod, JOB_TRACKING_FINALIZER);
      return true;
    } catch (err) {
      if (reasonOf(err) === 'NotFound') return true;
      throw err;
    }
  }

  // Upstream: controller_ref_manager.go ClaimPods — own pods plus matching orphans (adopted).
  private claimPods(job: KubeObject): KubeObject[] {
    const owned = this.index.controlledBy(PODS, job.metadata.uid!);
    const selector = selectorOf(job) ?? [];
    if (job.metadata.deletionTimestamp || selector.length === 0) return owned.filter((p) => matches(selector, p.metadata.labels) || hasTrackingFinalizer(p));
    const claimed = [...owned];
    for (const pod of this.index.orphans(PODS, job.metadata.namespace)) {
      if (pod.metadata.deletionTimestamp || !isPodActive(pod) || !matches(selector, pod.metadata.labels)) continue;
      const next = clone(pod);
      next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), newControllerRef(job, 'batch/v1', 'Job')];
      try {
        claimed.push(this.ctx.client.update(PODS, next));
      } catch (err) {
        if (reasonOf(err) !== 'NotFound') throw err;
      }
    }
    return claimed;
  }

  // Upstream: job_controller.go syncJob
  private async syncJob(job: KubeObject, pods: KubeObject[]): Promise<ReconcileResult> {
    const now = this.ctx.clock.now();
    const status = clone(job.status ?? {});
    const uncounted: Uncounted = clone(status.uncountedTerminatedPods ?? {});
    const counted = new Set([...(uncounted.succeeded ?? []), ...(uncounted.failed ?? [])]);
    const indexed = job.spec?.completionMode === 'Indexed';
    const completions: number = job.spec?.completions ?? 0;

    // Pods that finished since the last sync: still holding the finalizer, not yet uncounted.
    const newSucceeded: KubeObject[] = [];
    const newFailed: KubeObject[] = [];
    for (const pod of pods) {
      if (!hasTrackingFinalizer(pod) || counted.has(pod.metadata.uid!)) continue;
      if (isPodSucceeded(pod)) {
        // An Indexed job counts one success per index (upstream: getNewFinishedPods).
        if (indexed) {
          const ix = indexOf(pod);
          const done = parseIndexes(status.completedIndexes ?? '', completions);
          if (ix === undefined || ix >= completions || done.has(ix) || newSucceeded.some((p) => indexOf(p) === ix)) {
            // Extra successes of an index are released without counting.
            this.removeFinalizer(pod);
            continue;
          }
        }
        newSucceeded.push(pod);
      } else if (isPodFailed(pod, job)) newFailed.push(pod);
    }
    // The failure back-off record, seeded from the pods still present after a restart.
    const fresh = new Set([...newSucceeded, ...newFailed]);
    const finishedAt = (p: KubeObject) => ({ succeeded: isPodSucceeded(p), finishedAt: podFinishedTime(p) });
    const seed = this.backoff.get(job.metadata.uid!) ?? backoffRecord(pods.filter((p) => !fresh.has(p) && (isPodSucceeded(p) || isPodFailed(p, job))).map(finishedAt));
    const rec = backoffRecord([...fresh].map(finishedAt), seed);
    let active = pods.filter(isPodActive);
    let terminating = pods.filter(isPodTerminating).length;
    const succeeded = (status.succeeded ?? 0) + (uncounted.succeeded?.length ?? 0) + newSucceeded.length;
    const failed = (status.failed ?? 0) + (uncounted.failed?.length ?? 0) + newFailed.length;

    const suspended = job.spec?.suspend === true;
    let conditions: JobCondition[] = [...(status.conditions ?? [])];
    // Upstream: startTime is set the first time a non-suspended job is synced.
    if (!suspended && !status.startTime) status.startTime = rfc3339(now);

    // A terminal decision already taken (FailureTarget / SuccessCriteriaMet) stands.
    let finished: JobCondition | undefined = findCondition(conditions, 'FailureTarget');
    if (finished?.status !== 'True') finished = findCondition(conditions, 'SuccessCriteriaMet');
    if (finished?.status !== 'True') finished = undefined;
    if (!finished) {
      const backoffLimit: number = job.spec?.backoffLimit ?? 6;
      const withStart = { ...job, status };
      if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active)) finished = this.condition('FailureTarget', REASON_BACKOFF_LIMIT, MESSAGE_BACKOFF_LIMIT, now);
      else if (!suspended && pastActiveDeadline(withStart, now)) finished = this.condition('FailureTarget', REASON_DEADLINE, MESSAGE_DEADLINE, now);
      else {
        const succ = indexed ? succeededIndexes(status.completedIndexes, newSucceeded, completions).size : succeeded;
        if (isJobSucceeded(job, succ, active.length)) finished = this.condition('SuccessCriteriaMet', REASON_COMPLETIONS, MESSAGE_COMPLETIONS, now);
      }
      if (finished) conditions = ensureCondition(conditions, finished.type, 'True', finished.reason ?? '', finished.message ?? '', now)[0];
    }

    let requeueAt: number | undefined;
    if (finished) {
      // Upstream: deleteActivePods — a job decided failed (or succeeded) stops what still runs.
      terminating += this.deletePods(job, active);
      active = [];
    } else if (suspended) {
      terminating += this.deletePods(job, active);
      active = [];
      const [next, changed] = ensureCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
      if (changed) {
        conditions = next;
        this.ctx.events.emit(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
      }
    } else {
      const [next, changed] = ensureCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
      if (changed) {
        conditions = next;
        // Upstream: resuming restarts the clock of activeDeadlineSeconds. The pods deleted by
        // the suspension are not failures to back off from.
        status.startTime = rfc3339(now);
        rec.failuresAfterLastSuccess = 0;
        rec.lastFailureTime = undefined;
        this.ctx.events.emit(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
      }
      const remaining = remainingBackoffMs(rec, now);
      const result = indexed
        ? await this.manageIndexed(job, active, succeededIndexes(status.completedIndexes, newSucceeded, completions), remaining)
        : await this.manageNonIndexed(job, active, succeeded, remaining);
      active = result.active;
      terminating += result.deleted;
      if (result.retryAt !== undefined) requeueAt = now + result.retryAt;
      const deadline = activeDeadlineAt({ ...job, status });
      if (deadline !== undefined && (requeueAt === undefined || deadline < requeueAt)) requeueAt = deadline;
    }

    // Phase 1 (upstream trackJobStatusAndRemoveFinalizers): record newly finished pods as
    // uncounted before releasing their finalizers, so no pod is counted twice or lost.
    const next = clone(job);
    next.status = status;
    status.conditions = conditions.length ? conditions : undefined;
    this.setCounts(status, active, terminating);
    if (indexed && newSucceeded.length) status.completedIndexes = completedIndexesString(succeededIndexes(status.completedIndexes, newSucceeded, completions));
    uncounted.succeeded = [...(uncounted.succeeded ?? []), ...newSucceeded.map((p) => p.metadata.uid!)];
    uncounted.failed = [...(uncounted.failed ?? []), ...newFailed.map((p) => p.metadata.uid!)];
    const pendingUids = [...uncounted.succeeded, ...uncounted.failed];
    status.uncountedTerminatedPods = compactUncounted(uncounted);
    let current = this.writeStatus(job, next);
    if (!current) return;
    // Kept only once the new pods are recorded, so a failed write does not count them twice.
    this.backoff.set(job.metadata.uid!, rec);

    // Phase 2: release the finalizers, then move the uncounted pods into the counters.
    if (pendingUids.length) {
      const byUid = new Map(pods.map((p) => [p.metadata.uid!, p]));
      for (const uid of pendingUids) {
        const pod = byUid.get(uid);
        if (pod && hasTrackingFinalizer(pod)) this.removeFinalizer(this.ctx.client.get(PODS, pod.metadata.namespace, pod.metadata.name) ?? pod);
      }
      const flushed = clone(current);
      const st = (flushed.status ??= {});
      const succ = (st.succeeded ?? 0) + (uncounted.succeeded?.length ?? 0);
      const fail = (st.failed ?? 0) + (uncounted.failed?.length ?? 0);
      st.succeeded = succ || undefined;
      st.failed = fail || undefined;
      st.uncountedTerminatedPods = {};
      current = this.writeStatus(current, flushed);
      if (!current) return;
    }

    // Phase 3 (upstream enactJobFinished): the terminal condition once nothing is uncounted or
    // still terminating.
    if (finished && terminating === 0) {
      const done = clone(current);
      const st = (done.status ??= {});
      const failure = finished.type === 'FailureTarget';
      const type = failure ? 'Failed' : 'Complete';
      const [conds] = ensureCondition(st.conditions ?? [], type, 'True', finished.reason ?? '', finished.message ?? '', now);
      st.conditions = conds;
      if (!failure) st.completionTime = rfc3339(now);
      if (this.writeStatus(current, done)) {
        if (failure) this.ctx.events.emit(job, 'Warning', finished.reason ?? 'Failed', finished.message ?? '', SOURCE);
        else this.ctx.events.emit(job, 'Normal', 'Completed', 'Job completed', SOURCE);
      }
      return;
    }
    if (requeueAt !== undefined) return { requeueAfterMs: Math.max(0, requeueAt - now) };
  }

  private condition(type: string, reason: string, message: string, now: number): JobCondition {
    return ensureCondition([], type, 'True', reason, message, now)[0][0];
  }

  private setCounts(status: KubeObject['status'], active: KubeObject[], terminating: number): void {
    // Zero active/succeeded/failed are omitted (omitempty); ready and terminating are pointers.
    status.active = active.length || undefined;
    status.ready = countReady(active);
    status.terminating = terminating;
  }

  /** Writes the status when it changed; the latest job, or undefined when it is gone. */
  private writeStatus(job: KubeObject, next: KubeObject): KubeObject | undefined {
    const st = next.status;
    for (const k of Object.keys(st)) if (st[k] === undefined) delete st[k];
    if (deepEqual(st, job.status ?? {})) return job;
    try {
      return this.ctx.client.updateStatus(JOBS, next);
    } catch (err) {
      if (reasonOf(err) === 'NotFound') return undefined;
      throw err;
    }
  }

  /** Deletes pods, recording SuccessfulDelete (upstream RealPodControl.DeletePod); returns how many. */
  private deletePods(job: KubeObject, pods: KubeObject[]): number {
    let n = 0;
    for (const pod of pods) {
      try {
        this.ctx.client.delete(PODS, pod.metadata.namespace, pod.metadata.name);
        this.ctx.events.emit(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
        n++;
      } catch (err) {
        if (reasonOf(err) === 'NotFound') continue;
        this.ctx.events.emit(job, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(err)}`, SOURCE);
      }
    }
    return n;
  }

  /** Creates pods in slow-start batches, recording SuccessfulCreate / FailedCreate. */
  private async createPods(job: KubeObject, make: () => KubeObject | undefined, count: number): Promise<KubeObject[]> {
    const created: KubeObject[] = [];
    await slowStartBatch(count, 1, () => {
      if (this.stopped) return false;
      const pod = make();
      if (!pod) return true;
      try {
        const made = this.ctx.client.create(PODS, withTrackingFinalizer(pod));
        created.push(made);
        this.ctx.events.emit(job, 'Normal', 'SuccessfulCreate', `Created pod: ${made.metadata.name}`, SOURCE);
        return true;
      } catch (err) {
        if (causeReason(err) === 'NamespaceTerminating') return true;
        this.ctx.events.emit(job, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(err)}`, SOURCE);
        return false;
      }
    });
    return created;
  }

  // Upstream: manageJob for NonIndexed jobs.
  private async manageNonIndexed(job: KubeObject, active: KubeObject[], succeeded: number, backoffMs: number): Promise<{ active: KubeObject[]; deleted: number; retryAt?: number }> {
    const want = wantActive(job, succeeded, active.length);
    const surplus = active.length - want;
    if (surplus > 0) {
      const victims = podsToDelete(active, active, Math.min(surplus, MAX_POD_CREATE_DELETE_PER_SYNC), this.ctx.clock.now());
      const deleted = this.deletePods(job, victims);
      const gone = new Set(victims.map((p) => p.metadata.uid));
      return { active: active.filter((p) => !gone.has(p.metadata.uid)), deleted };
    }
    if (active.length >= want) return { active, deleted: 0 };
    // Upstream: no new pod before the failure back-off has passed.
    if (backoffMs > 0) return { active, deleted: 0, retryAt: backoffMs };
    const diff = Math.min(want - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
    const ref = newControllerRef(job, 'batch/v1', 'Job');
    const created = await this.createPods(job, () => podFromTemplate(job.spec?.template, job, ref), diff);
    return { active: [...active, ...created], deleted: 0 };
  }

  // Upstream: manageJob for Indexed jobs — one active pod per index not yet succeeded, lowest
  // indexes first, duplicates of an index removed.
  private async manageIndexed(job: KubeObject, active: KubeObject[], done: Set<number>, backoffMs: number): Promise<{ active: KubeObject[]; deleted: number; retryAt?: number }> {
    const completions: number = job.spec?.completions ?? 0;
    const parallelism: number = job.spec?.parallelism ?? 1;
    const seen = new Set<number>();
    const extra: KubeObject[] = [];
    const keep: KubeObject[] = [];
    for (const pod of active) {
      const ix = indexOf(pod);
      if (ix === undefined || ix >= completions || done.has(ix) || seen.has(ix)) extra.push(pod);
      else {
        seen.add(ix);
        keep.push(pod);
      }
    }
    // Too many running for the parallelism: stop the highest indexes.
    keep.sort((a, b) => indexOf(a)! - indexOf(b)!);
    while (keep.length > parallelism) extra.push(keep.pop()!);
    let deleted = 0;
    if (extra.length) deleted = this.deletePods(job, extra.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
    const want = Math.min(parallelism, completions - done.size);
    if (keep.length >= want) return { active: keep, deleted };
    if (backoffMs > 0) return { active: keep, deleted, retryAt: backoffMs };
    const todo = missingIndexes(completions, done, new Set(keep.map((p) => indexOf(p)!))).slice(0, Math.min(want - keep.length, MAX_POD_CREATE_DELETE_PER_SYNC));
    const ref = newControllerRef(job, 'batch/v1', 'Job');
    let i = 0;
    const created = await this.createPods(job, () => (i < todo.length ? indexedPodFromTemplate(job, ref, todo[i++]) : undefined), todo.length);
    return { active: [...keep, ...created], deleted };
  }
}

function compactUncounted(u: Uncounted): Uncounted {
  const out: Uncounted = {};
  if (u.succeeded?.length) out.succeeded = u.succeeded;
  if (u.failed?.length) out.failed = u.failed;
  return out;
}
