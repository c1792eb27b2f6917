// The CronJob controller: creates a Job for each due schedule time (respecting suspend,
// startingDeadlineSeconds and concurrencyPolicy), tracks the active jobs and the last successful
// one in status, and prunes finished jobs beyond the history limits. Time comes from the engine
// clock; the controller sleeps until the next schedule time through the work queue.
// Upstream: pkg/controller/cronjob/cronjob_controllerv2.go (sync, syncCronJob,
// cleanupFinishedJobs, removeOldestJobs, deleteJob), utils.go.
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import { rfc3339 } from '../../clock';
import { CronParseError, loadLocationError, parseStandard, type CronSchedule } from '../../registry/cron-schedule';
import type { StoreEvent } from '../../store/object-store';
import { keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { controllerRefOf, newControllerRef } from '../runtime/owner-index';
import { OwnerIndexedController } from '../runtime/owner-indexed-controller';
import { timeOf } from '../replicaset/pod-util';
import { finishedCondition, jobFromTemplate, jobNameFor, jobsOverLimit, mostRecentScheduleTime, nextScheduleDelay, rfc1123z } from './util';

const CRONJOBS = 'batch/cronjobs';
const JOBS = 'batch/jobs';
const SOURCE = { component: 'cronjob-controller' };

interface ObjectReference {
  kind: string;
  namespace?: string;
  name: string;
  uid: string;
  apiVersion: string;
  resourceVersion?: string;
}

function reasonOf(err: unknown): string | undefined {
  return (err as { status?: { reason?: string } })?.status?.reason;
}

function causeReason(err: unknown): string | undefined {
  return (err as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes?.[0]?.reason;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

// Upstream: getRef (reference.GetReference) — what status.active lists.
function refOf(job: KubeObject): ObjectReference {
  return { kind: 'Job', namespace: job.metadata.namespace, name: job.metadata.name, uid: job.metadata.uid!, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion };
}

export class CronJobController extends OwnerIndexedController {
  readonly name = 'cronjob-controller';

  constructor(ctx: ControllerContext) {
    super(ctx, [JOBS], false);
  }

  protected initialKeys(): string[] {
    return this.ctx.client.list(CRONJOBS).map((cj) => keyOf(cj.metadata.namespace, cj.metadata.name));
  }

  // Upstream: addJob/updateJob/deleteJob enqueue the owning CronJob; CronJob changes enqueue it.
  protected keysFor(e: StoreEvent): string[] {
    const ns = e.object.metadata.namespace;
    if (e.resource === CRONJOBS) return e.type === 'DELETED' ? [] : [keyOf(ns, e.object.metadata.name)];
    if (e.resource !== JOBS) return [];
    const keys = new Set<string>();
    for (const obj of [e.object, e.previous]) {
      const ref = obj && controllerRefOf(obj);
      if (ref?.kind === 'CronJob') keys.add(keyOf(ns, ref.name));
    }
    return [...keys];
  }

  // Upstream: cronjob_controllerv2.go sync
  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const cj = this.ctx.client.get(CRONJOBS, namespace, name);
    if (!cj) return;
    const jobs = this.index.controlledBy(JOBS, cj.metadata.uid!);
    const work = clone(cj);
    work.status ??= {};
    this.cleanupFinishedJobs(work, jobs);
    const requeueMs = this.syncCronJob(work, jobs);
    if (!deepEqual(work.status, cj.status ?? {})) {
      const current = this.ctx.client.get(CRONJOBS, namespace, name);
      if (!current || current.metadata.uid !== cj.metadata.uid) return;
      const next = clone(current);
      next.status = work.status;
      this.ctx.client.updateStatus(CRONJOBS, next);
    }
    if (requeueMs !== undefined) return { requeueAfterMs: Math.max(0, requeueMs) };
  }

  // Upstream: syncCronJob — reconcile status.active with the jobs, then start the due job.
  private syncCronJob(cj: KubeObject, jobs: KubeObject[]): number | undefined {
    const now = this.ctx.clock.now();
    const status = cj.status;
    const active = (): ObjectReference[] => (status.active ?? []) as ObjectReference[];
    const setActive = (list: ObjectReference[]) => {
      if (list.length) status.active = list;
      else delete status.active;
    };
    const inActive = (uid: string) => active().some((r) => r.uid === uid);
    const children = new Set<string>();
    for (const j of jobs) {
      children.add(j.metadata.uid!);
      const found = inActive(j.metadata.uid!);
      const done = finishedCondition(j);
      if (!found && !done) {
        this.ctx.events.emit(cj, 'Warning', 'UnexpectedJob', `Saw a job that the controller did not create or forgot: ${j.metadata.name}`, SOURCE);
      } else if (found && done) {
        setActive(active().filter((r) => r.uid !== j.metadata.uid));
        this.ctx.events.emit(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata.name}, condition: ${done}`, SOURCE);
      } else if (done === 'Complete') {
        // Upstream: a succeeded job need not be active for its completion time to count.
        const completed = timeOf(j.status?.completionTime);
        const last = timeOf(status.lastSuccessfulTime);
        if (completed !== undefined && (last === undefined || completed > last)) status.lastSuccessfulTime = j.status.completionTime;
      }
    }
    // An active reference whose job is gone would keep the CronJob active for ever.
    for (const r of active()) {
      if (children.has(r.uid)) continue;
      const job = this.ctx.client.get(JOBS, r.namespace, r.name);
      if (job && job.metadata.uid === r.uid) continue;
      this.ctx.events.emit(cj, 'Normal', 'MissingJob', `Active job went missing: ${r.name}`, SOURCE);
      setActive(active().filter((x) => x.uid !== r.uid));
    }

    if (cj.metadata.deletionTimestamp) return undefined;
    const tz: string | undefined = cj.spec?.timeZone ?? undefined;
    if (tz !== undefined) {
      const err = loadLocationError(tz);
      if (err) {
        this.ctx.events.emit(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(tz)}: ${err}`, SOURCE);
        return undefined;
      }
    }
    if (cj.spec?.suspend === true) return undefined;
    let sched: CronSchedule;
    try {
      sched = parseStandard(cj.spec?.schedule ?? '');
    } catch (err) {
      if (!(err instanceof CronParseError)) throw err;
      this.ctx.events.emit(cj, 'Warning', 'UnparseableSchedule', `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${err.message}`, SOURCE);
      return undefined;
    }
    const delay = () => nextScheduleDelay(cj, now, sched, tz);

    // Upstream: nextScheduleTime
    const recent = mostRecentScheduleTime(cj, now, sched, tz, true);
    if (recent.error) {
      this.ctx.events.emit(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${recent.error}`, SOURCE);
      return undefined;
    }
    const scheduled = recent.mostRecent;
    if (scheduled === undefined || scheduled > now) return delay();
    if (recent.missed === 'many')
      this.ctx.events.emit(cj, 'Warning', 'TooManyMissedTimes', 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew', SOURCE);

    const sds = cj.spec?.startingDeadlineSeconds;
    if (sds != null && scheduled + sds * 1000 < now) {
      this.ctx.events.emit(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, SOURCE);
      return delay();
    }
    const jobName = jobNameFor(cj.metadata.name, scheduled);
    if (active().some((r) => r.name === jobName && r.namespace === cj.metadata.namespace) || timeOf(status.lastScheduleTime) === scheduled) return delay();
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active().length > 0) {
      this.ctx.events.emit(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
      return delay();
    }
    if (policy === 'Replace') {
      for (const r of active()) {
        const job = this.ctx.client.get(JOBS, r.namespace, r.name);
        if (!job || job.metadata.uid !== r.uid) continue;
        if (!this.deleteJob(cj, job)) return undefined;
      }
    }

    let job: KubeObject;
    try {
      job = this.ctx.client.create(JOBS, jobFromTemplate(cj, scheduled, newControllerRef(cj, 'batch/v1', 'CronJob')));
      this.ctx.events.emit(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`, SOURCE);
    } catch (err) {
      if (causeReason(err) === 'NamespaceTerminating') return undefined;
      if (reasonOf(err) !== 'AlreadyExists') {
        this.ctx.events.emit(cj, 'Warning', 'FailedCreate', `Error creating job: ${errorMessage(err)}`, SOURCE);
        throw err;
      }
      // Someone (or an earlier sync) made it: adopt the reference only if it is ours.
      const existing = this.ctx.client.get(JOBS, cj.metadata.namespace, jobName);
      if (!existing || controllerRefOf(existing)?.uid !== cj.metadata.uid) throw err;
      job = existing;
    }
    if (!inActive(job.metadata.uid!)) setActive([...active(), refOf(job)]);
    status.lastScheduleTime = rfc3339(scheduled);
    return nextScheduleDelay(cj, now, sched, tz);
  }

  // Upstream: cleanupFinishedJobs / removeOldestJobs
  private cleanupFinishedJobs(cj: KubeObject, jobs: KubeObject[]): void {
    const successLimit = cj.spec?.successfulJobsHistoryLimit;
    const failedLimit = cj.spec?.failedJobsHistoryLimit;
    if (successLimit == null && failedLimit == null) return;
    const succeeded = jobs.filter((j) => finishedCondition(j) === 'Complete' && !j.metadata.deletionTimestamp);
    const failed = jobs.filter((j) => finishedCondition(j) === 'Failed' && !j.metadata.deletionTimestamp);
    if (successLimit != null) for (const j of jobsOverLimit(succeeded, successLimit)) this.deleteJob(cj, j);
    if (failedLimit != null) for (const j of jobsOverLimit(failed, failedLimit)) this.deleteJob(cj, j);
  }

  // Upstream: deleteJob — background deletion, then drop it from status.active.
  private deleteJob(cj: KubeObject, job: KubeObject): boolean {
    try {
      this.ctx.client.delete(JOBS, job.metadata.namespace, job.metadata.name, { propagationPolicy: 'Background' });
    } catch (err) {
      if (reasonOf(err) !== 'NotFound') {
        this.ctx.events.emit(cj, 'Warning', 'FailedDelete', `Deleted job: ${errorMessage(err)}`, SOURCE);
        return false;
      }
    }
    const active = ((cj.status.active ?? []) as ObjectReference[]).filter((r) => r.uid !== job.metadata.uid);
    if (active.length) cj.status.active = active;
    else delete cj.status.active;
    this.ctx.events.emit(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`, SOURCE);
    return true;
  }
}
