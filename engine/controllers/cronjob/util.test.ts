import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { parseStandard } from '../../registry/cron-schedule';
import { jobFromTemplate, jobNameFor, jobsOverLimit, mostRecentScheduleTime, nextScheduleDelay, rfc1123z, rfc3339In } from './util';

const T0 = Date.UTC(2026, 0, 1, 10, 0, 30);
const cronJob = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'hello', namespace: 'default', uid: 'u1', creationTimestamp: new Date(T0).toISOString() },
  spec: { schedule: '*/5 * * * *', jobTemplate: { metadata: { labels: { app: 'x' } }, spec: { template: {} } }, ...spec },
  status,
});
const MIN = 60_000;

test('nothing is due before the first schedule time after creation', () => {
  const sched = parseStandard('*/5 * * * *');
  const r = mostRecentScheduleTime(cronJob({}), T0 + MIN, sched, undefined, true);
  assert.equal(r.mostRecent, undefined);
  assert.equal(r.missed, 'none');
  // Wakes 100 ms after 10:05.
  assert.equal(nextScheduleDelay(cronJob({}), T0 + MIN, sched, undefined), Date.UTC(2026, 0, 1, 10, 5) + 100 - (T0 + MIN));
});

test('missed schedules: the most recent one is started, and many are flagged', () => {
  const sched = parseStandard('*/5 * * * *');
  const r = mostRecentScheduleTime(cronJob({}), Date.UTC(2026, 0, 1, 10, 17), sched, undefined, true);
  assert.equal(r.mostRecent, Date.UTC(2026, 0, 1, 10, 15));
  assert.equal(r.missed, 'few');
  const late = mostRecentScheduleTime(cronJob({}), Date.UTC(2026, 0, 3, 0, 1), sched, undefined, true);
  assert.equal(late.mostRecent, Date.UTC(2026, 0, 3, 0, 0));
  assert.equal(late.missed, 'many');
  // startingDeadlineSeconds bounds how far back the controller looks.
  const bounded = mostRecentScheduleTime(cronJob({ startingDeadlineSeconds: 60 }), Date.UTC(2026, 0, 3, 0, 3), sched, undefined, true);
  assert.equal(bounded.mostRecent, undefined);
  assert.equal(bounded.missed, 'none');
});

test('the last schedule time moves the window on', () => {
  const sched = parseStandard('0 * * * *');
  const cj = cronJob({ schedule: '0 * * * *' }, { lastScheduleTime: '2026-01-01T11:00:00Z' });
  assert.equal(mostRecentScheduleTime(cj, Date.UTC(2026, 0, 1, 11, 30), sched, undefined, true).mostRecent, undefined);
  assert.equal(mostRecentScheduleTime(cj, Date.UTC(2026, 0, 1, 12, 0, 1), sched, undefined, true).mostRecent, Date.UTC(2026, 0, 1, 12));
});

test('time zones shift the schedule', () => {
  const sched = parseStandard('0 9 * * *');
  const cj = cronJob({ schedule: '0 9 * * *', timeZone: 'Europe/Paris' });
  // 09:00 in Paris is 08:00 UTC in January.
  assert.equal(mostRecentScheduleTime(cj, Date.UTC(2026, 0, 2, 8, 0, 5), sched, 'Europe/Paris', true).mostRecent, Date.UTC(2026, 0, 2, 8));
  assert.equal(rfc3339In(Date.UTC(2026, 0, 2, 8), 'Europe/Paris'), '2026-01-02T09:00:00+01:00');
  assert.equal(rfc3339In(Date.UTC(2026, 0, 2, 8), undefined), '2026-01-02T08:00:00Z');
});

test('the job of a schedule time: deterministic name, template metadata, annotation, owner', () => {
  const at = Date.UTC(2026, 0, 1, 10, 5);
  assert.equal(jobNameFor('hello', at), `hello-${at / MIN}`);
  const job = jobFromTemplate(cronJob({}), at, { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'u1', controller: true, blockOwnerDeletion: true });
  assert.equal(job.metadata.name, `hello-${at / MIN}`);
  assert.deepEqual(job.metadata.labels, { app: 'x' });
  assert.deepEqual(job.metadata.annotations, { 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-01-01T10:05:00Z' });
  assert.equal(job.metadata.ownerReferences?.[0].kind, 'CronJob');
  assert.deepEqual(job.spec, { template: {} });
});

test('history pruning removes the oldest by start time, unstarted last', () => {
  const j = (name: string, startTime?: string): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, status: startTime ? { startTime } : {} });
  const jobs = [j('c', '2026-01-01T00:03:00Z'), j('never'), j('a', '2026-01-01T00:01:00Z'), j('b', '2026-01-01T00:01:00Z')];
  assert.deepEqual(jobsOverLimit(jobs, 1).map((x) => x.metadata.name), ['a', 'b', 'c']);
  assert.deepEqual(jobsOverLimit(jobs, 4), []);
});

test('MissSchedule prints the time as Go RFC1123Z', () => {
  assert.equal(rfc1123z(Date.UTC(2026, 0, 1, 10, 5)), 'Thu, 01 Jan 2026 10:05:00 +0000');
});
