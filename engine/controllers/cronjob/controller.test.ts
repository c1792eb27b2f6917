import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clone, type KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock';
import { startHarness, type Harness } from '../testing/harness';
import { CronJobController } from './controller';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new CronJobController(ctx)]);
  // Off the minute, so stepping whole minutes passes each wake-up (100 ms after a schedule time).
  await h.advance(1_000);
});
after(async () => {
  await h.stop();
});

const MIN = 60_000;

function cronJob(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'busybox' }] } } } },
      ...spec,
    },
  };
}

const jobsOf = (cj: string) => h.client.list('batch/jobs', 'default').filter((j) => j.metadata.ownerReferences?.some((r: { name: string }) => r.name === cj)).map((j) => j.metadata.name).sort();
const getCJ = (name: string) => h.client.get('batch/cronjobs', 'default', name)!;

/** Plays the job controller: the job finished with the given condition. */
function finishJob(name: string, type: 'Complete' | 'Failed'): void {
  const job = clone(h.client.get('batch/jobs', 'default', name)!);
  const t = rfc3339(h.clock.now());
  job.status = { ...job.status, startTime: job.status?.startTime ?? t, conditions: [{ type, status: 'True', lastProbeTime: t, lastTransitionTime: t }] };
  if (type === 'Complete') job.status.completionTime = t;
  h.client.updateStatus('batch/jobs', job);
}

/** Steps the clock minute by minute so each schedule time fires (as a live clock would). */
async function minutes(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await h.advance(MIN);
}

test('Forbid skips a run while the previous job is active', async () => {
  const start = h.clock.now();
  h.client.create('batch/cronjobs', cronJob('forbid', { concurrencyPolicy: 'Forbid' }));
  await h.settle();
  await minutes(1);
  const first = `forbid-${Math.floor(start / MIN) + 1}`;
  assert.deepEqual(jobsOf('forbid'), [first]);
  assert.deepEqual(getCJ('forbid').status.active.map((r: { name: string }) => r.name), [first]);
  await minutes(1);
  assert.deepEqual(jobsOf('forbid'), [first]);
  assert.ok(h.eventsFor('forbid').includes('JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid'));
  finishJob(first, 'Complete');
  await h.settle();
  assert.ok(h.eventsFor('forbid').includes(`SawCompletedJob: Saw completed job: ${first}, condition: Complete`));
  // Without startingDeadlineSeconds the skipped run still starts, late, once the first is done.
  const second = `forbid-${Math.floor(start / MIN) + 2}`;
  assert.deepEqual(jobsOf('forbid'), [first, second]);
  assert.deepEqual(getCJ('forbid').status.active.map((r: { name: string }) => r.name), [second]);
});

test('Replace deletes the running job for the new one', async () => {
  const start = h.clock.now();
  h.client.create('batch/cronjobs', cronJob('replace', { concurrencyPolicy: 'Replace' }));
  await h.settle();
  await minutes(2);
  const second = `replace-${Math.floor(start / MIN) + 2}`;
  assert.deepEqual(jobsOf('replace'), [second]);
  assert.deepEqual(getCJ('replace').status.active.map((r: { name: string }) => r.name), [second]);
  assert.ok(h.eventsFor('replace').includes(`SuccessfulDelete: Deleted job replace-${Math.floor(start / MIN) + 1}`));
});

test('suspend stops scheduling; a missed start past startingDeadlineSeconds is reported', async () => {
  h.client.create('batch/cronjobs', cronJob('paused', { suspend: true, startingDeadlineSeconds: 10 }));
  await h.settle();
  await minutes(2);
  assert.deepEqual(jobsOf('paused'), []);
  assert.equal(getCJ('paused').status.lastScheduleTime, undefined);
  // Resume 30 s past the minute: that run is past its 10 s deadline, and the next is on time.
  await h.advance(30_000);
  const cj = clone(getCJ('paused'));
  cj.spec.suspend = false;
  h.client.update('batch/cronjobs', cj);
  await h.settle();
  assert.deepEqual(jobsOf('paused'), []);
  await h.advance(30_000);
  assert.equal(jobsOf('paused').length, 1);
});

test('history limits keep the newest finished jobs of each kind', async () => {
  h.client.create('batch/cronjobs', cronJob('hist', { successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1 }));
  await h.settle();
  const made: string[] = [];
  for (let i = 0; i < 4; i++) {
    await minutes(1);
    const name = jobsOf('hist').find((n) => !made.includes(n))!;
    made.push(name);
    finishJob(name, i % 2 === 0 ? 'Complete' : 'Failed');
    await h.settle();
  }
  assert.deepEqual(jobsOf('hist'), [made[2], made[3]]);
  assert.ok(getCJ('hist').status.lastSuccessfulTime);
  const events = h.eventsFor('hist');
  assert.ok(events.includes(`SuccessfulDelete: Deleted job ${made[0]}`));
  assert.ok(events.includes(`SuccessfulDelete: Deleted job ${made[1]}`));
});
