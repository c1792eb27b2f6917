// Pure pieces of the CronJob controller: which scheduled time is due, when to wake up next, the
// job a schedule creates, and which finished jobs fall out of the history.
// Upstream: pkg/controller/cronjob/utils.go (mostRecentScheduleTime, nextScheduleTime,
// nextScheduleTimeDuration, getJobFromTemplate2, getTimeHashInMinutes, byJobStartTime),
// cronjob_controllerv2.go (removeOldestJobs).
import type { KubeObject } from '../../api/object';
import type { CronSchedule } from '../../registry/cron-schedule';
import type { OwnerReference } from '../runtime/owner-index';
import { timeOf } from '../replicaset/pod-util';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** Upstream nextScheduleDelta: wake a little after the schedule so it is surely due. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  earliest: number;
  /** The latest schedule time at or before now, if any was missed since earliest. */
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

// Upstream: utils.go mostRecentScheduleTime — from the last schedule (or creation), bounded by
// startingDeadlineSeconds, find the most recent unmet time without walking decades of minutes.
export function mostRecentScheduleTime(cj: KubeObject, now: number, sched: CronSchedule, tz: string | undefined, includeStartingDeadline: boolean): MostRecent {
  let earliest = timeOf(cj.status?.lastScheduleTime) ?? timeOf(cj.metadata.creationTimestamp) ?? now;
  const sds = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && sds != null) {
    const deadline = now - sds * 1000;
    if (deadline > earliest) earliest = deadline;
  }
  const t1 = sched.next(earliest, tz);
  if (t1 === undefined || now < t1) return { earliest, missed: 'none' };
  const t2 = sched.next(t1, tz);
  if (t2 === undefined || now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.floor((now - t1) / 1000);
  const count = Math.floor(elapsed / between) + 1;
  // Start two intervals back from the estimate and let the schedule find the exact times, so
  // irregular schedules (e.g. `30 6-16/4 * * 1-5`) come out right.
  const potentialEarliest = t1 + (count - 2) * between * 1000;
  let mostRecent: number | undefined;
  for (let t = sched.next(potentialEarliest, tz); t !== undefined && t <= now; t = sched.next(t, tz)) mostRecent = t;
  const missed: Missed = count > 100 ? 'many' : count > 1 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

// Upstream: utils.go nextScheduleTimeDuration — how long until the schedule after the most
// recent one (or after earliest when none is due), plus the delta.
export function nextScheduleDelay(cj: KubeObject, now: number, sched: CronSchedule, tz: string | undefined): number | undefined {
  const r = mostRecentScheduleTime(cj, now, sched, tz, false);
  if (r.error) return undefined;
  const from = r.mostRecent ?? r.earliest;
  const next = sched.next(from, tz);
  if (next === undefined) return undefined;
  return next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** Upstream getTimeHashInMinutes: the job name suffix. */
export function jobNameFor(cjName: string, scheduledMs: number): string {
  return `${cjName}-${Math.floor(scheduledMs / 60_000)}`;
}

/** Go's time.Format(time.RFC3339) of an instant in a time zone ("Z" for UTC). */
export function rfc3339In(ms: number, tz: string | undefined): string {
  const zone = tz || 'UTC';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' })
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offsetMin = Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
  const base = `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
  if (offsetMin === 0) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// Upstream: utils.go getJobFromTemplate2 — the template's labels, annotations and spec, a
// deterministic name for the scheduled time, the scheduled-timestamp annotation and the owner.
export function jobFromTemplate(cj: KubeObject, scheduledMs: number, ref: OwnerReference): KubeObject {
  const tmpl = cj.spec?.jobTemplate ?? {};
  const annotations: Record<string, string> = { ...(tmpl.metadata?.annotations ?? {}) };
  annotations[SCHEDULED_TIMESTAMP_ANNOTATION] = rfc3339In(scheduledMs, cj.spec?.timeZone ?? undefined);
  const job: KubeObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: jobNameFor(cj.metadata.name, scheduledMs), namespace: cj.metadata.namespace, annotations, ownerReferences: [{ ...ref }] },
    spec: structuredClone(tmpl.spec ?? {}),
  };
  const labels = tmpl.metadata?.labels;
  if (labels && Object.keys(labels).length) job.metadata.labels = { ...labels };
  return job;
}

/** 'Complete' or 'Failed' when the job finished (upstream jobutil.FinishedCondition). */
export function finishedCondition(job: KubeObject): 'Complete' | 'Failed' | undefined {
  for (const c of (job.status?.conditions ?? []) as { type: string; status: string }[]) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

// Upstream: byJobStartTime — by start time, jobs never started last, ties by name.
export function byJobStartTime(a: KubeObject, b: KubeObject): number {
  const sa = timeOf(a.status?.startTime);
  const sb = timeOf(b.status?.startTime);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return sa! - sb!;
}

/** Upstream removeOldestJobs: the oldest jobs beyond the history limit. */
export function jobsOverLimit(jobs: KubeObject[], limit: number): KubeObject[] {
  const n = jobs.length - limit;
  if (n <= 0) return [];
  return [...jobs].sort(byJobStartTime).slice(0, n);
}

/** Go's time.RFC1123Z of a UTC instant ("Mon, 02 Jan 2006 15:04:05 +0000"), for MissSchedule. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
