// Pure pieces of the Job controller: pod classification, the failure back-off, how many pods a
// job wants, its deadline and the conditions it reports.
// Upstream: pkg/controller/job/job_controller.go (manageJob, pastActiveDeadline,
// pastBackoffLimitOnFailure, ensureJobConditionStatus, newCondition), backoff_utils.go
// (backoffRecord, getRemainingTime, getFinishedTime), pkg/controller/job/util/utils.go.
import { rfc3339 } from '../../clock';
import type { KubeObject } from '../../api/object';
import { isPodReady, timeOf } from '../replicaset/pod-util';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** Upstream DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const DEFAULT_BACKOFF_MS = 10_000;
export const MAX_BACKOFF_MS = 360_000;
/** Upstream MaxPodCreateDeletePerSync. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE = 'DeadlineExceeded';
export const MESSAGE_DEADLINE = 'Job was active longer than specified deadline';
export const REASON_COMPLETIONS = 'CompletionsReached';
export const MESSAGE_COMPLETIONS = 'Reached expected number of succeeded pods';

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

export function isPodSucceeded(pod: KubeObject): boolean {
  return pod.status?.phase === 'Succeeded';
}

// Upstream: job_controller.go isPodFailed — with the default podReplacementPolicy and no pod
// failure policy, a pod deleted before it succeeded counts as failed.
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec?.podFailurePolicy) return false;
  return !!pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded';
}

/** Deleted but not yet terminal (status.terminating). */
export function isPodTerminating(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return !!pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

export function countReady(pods: KubeObject[]): number {
  return pods.filter(isPodReady).length;
}

// Upstream: backoff_utils.go getFinishedTime — the last container finish, else the deletion
// time, else the Ready condition's last change, else the creation time.
export function podFinishedTime(pod: KubeObject): number {
  let latest: number | undefined;
  for (const cs of [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])]) {
    const t = timeOf(cs?.state?.terminated?.finishedAt);
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  if (latest !== undefined) return latest;
  const deleted = timeOf(pod.metadata.deletionTimestamp);
  if (deleted !== undefined) return deleted;
  const ready = timeOf(((pod.status?.conditions ?? []) as { type: string; lastTransitionTime?: string }[]).find((c) => c.type === 'Ready')?.lastTransitionTime);
  return ready ?? timeOf(pod.metadata.creationTimestamp) ?? 0;
}

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

// Upstream: backoff_utils.go newBackoffRecord — the record carried forward with newly finished
// pods, in order of their finish time: a success resets it, each later failure adds one.
// The record lives beside the controller because counted pods may vanish from the store.
export function backoffRecord(finished: { succeeded: boolean; finishedAt: number }[], prev: BackoffRecord = { failuresAfterLastSuccess: 0 }): BackoffRecord {
  const sorted = [...finished].sort((a, b) => a.finishedAt - b.finishedAt);
  const rec: BackoffRecord = { ...prev };
  for (const p of sorted) {
    if (p.succeeded) {
      rec.failuresAfterLastSuccess = 0;
      rec.lastFailureTime = undefined;
    } else {
      rec.failuresAfterLastSuccess++;
      rec.lastFailureTime = p.finishedAt;
    }
  }
  return rec;
}

/** The back-off before the next pod after n consecutive failures: 10 s doubled, at most 6 min. */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return 0;
  // 2^6 * 10 s already passes the cap; avoid huge powers.
  return Math.min(MAX_BACKOFF_MS, DEFAULT_BACKOFF_MS * 2 ** Math.min(failures - 1, 10));
}

// Upstream: backoff_utils.go getRemainingTime
export function remainingBackoffMs(rec: BackoffRecord, now: number): number {
  if (rec.failuresAfterLastSuccess === 0 || rec.lastFailureTime === undefined) return 0;
  const remaining = backoffDelayMs(rec.failuresAfterLastSuccess) - (now - rec.lastFailureTime);
  return remaining < 0 ? 0 : remaining;
}

// Upstream: manageJob — the active pods a NonIndexed job wants given what already succeeded.
export function wantActive(job: KubeObject, succeeded: number, active: number): number {
  const parallelism: number = job.spec?.parallelism ?? 1;
  const completions: number | undefined = job.spec?.completions ?? undefined;
  if (completions === undefined) return succeeded > 0 ? active : parallelism;
  return Math.max(0, Math.min(parallelism, completions - succeeded));
}

// Upstream: syncJob — NonIndexed success: with completions, that many successes; without, any
// success once no pod is running any more.
export function isJobSucceeded(job: KubeObject, succeeded: number, active: number): boolean {
  const completions: number | undefined = job.spec?.completions ?? undefined;
  if (completions === undefined) return succeeded > 0 && active === 0;
  return succeeded >= completions && active === 0;
}

// Upstream: pastBackoffLimitOnFailure — with restartPolicy OnFailure, container restarts of the
// running pods count against backoffLimit.
export function pastBackoffLimitOnFailure(job: KubeObject, activePods: KubeObject[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of activePods) {
    for (const cs of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) restarts += cs?.restartCount ?? 0;
  }
  const limit: number = job.spec?.backoffLimit ?? 6;
  if (limit === 0) return restarts > 0;
  return restarts >= limit;
}

/** When the job's activeDeadlineSeconds runs out (ms), or undefined. */
export function activeDeadlineAt(job: KubeObject): number | undefined {
  const ads = job.spec?.activeDeadlineSeconds;
  const start = timeOf(job.status?.startTime);
  if (ads == null || start === undefined) return undefined;
  return start + ads * 1000;
}

export function pastActiveDeadline(job: KubeObject, now: number): boolean {
  const at = activeDeadlineAt(job);
  return at !== undefined && now >= at;
}

export function findCondition(conds: JobCondition[] | undefined, type: string): JobCondition | undefined {
  return (conds ?? []).find((c) => c.type === type);
}

export function isConditionTrue(job: KubeObject, type: string): boolean {
  return findCondition(job.status?.conditions, type)?.status === 'True';
}

/** Complete or Failed: the job is done and the controller leaves it be. */
export function isJobFinished(job: KubeObject): boolean {
  return isConditionTrue(job, 'Complete') || isConditionTrue(job, 'Failed');
}

export function newCondition(type: string, status: string, reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason;
  if (message) c.message = message;
  return c;
}

// Upstream: ensureJobConditionStatus — replace a condition whose status, reason or message
// changed; add a missing one unless it would be False. Returns the new list and whether it changed.
export function ensureCondition(conds: JobCondition[], type: string, status: string, reason: string, message: string, now: number): [JobCondition[], boolean] {
  const i = conds.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = conds[i];
    if (c.status !== status || (c.reason ?? '') !== reason || (c.message ?? '') !== message) {
      const next = [...conds];
      next[i] = newCondition(type, status, reason, message, now);
      return [next, true];
    }
    return [conds, false];
  }
  if (status !== 'False') return [[...conds, newCondition(type, status, reason, message, now)], true];
  return [conds, false];
}

/** Adds the job-tracking finalizer to a pod about to be created. */
export function withTrackingFinalizer(pod: KubeObject): KubeObject {
  const fins = pod.metadata.finalizers ?? [];
  if (!fins.includes(JOB_TRACKING_FINALIZER)) pod.metadata.finalizers = [...fins, JOB_TRACKING_FINALIZER];
  return pod;
}
