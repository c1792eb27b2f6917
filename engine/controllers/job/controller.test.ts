import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clone, type KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock';
import { GarbageCollector } from '../garbage-collector';
import { startHarness, type Harness } from '../testing/harness';
import { JobController } from './controller';
import { TtlAfterFinishedController } from './ttl-after-finished';
import { JOB_TRACKING_FINALIZER } from './util';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new JobController(ctx), new TtlAfterFinishedController(ctx), new GarbageCollector(ctx)]);
});
after(async () => {
  await h.stop();
});

function newJob(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } }, ...spec },
  };
}

const getJob = (name: string) => h.client.get('batch/jobs', 'default', name);
const podsOf = (name: string) => h.client.list('pods', 'default').filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === name);
const livePods = (name: string) => podsOf(name).filter((p) => !p.metadata.deletionTimestamp && !['Succeeded', 'Failed'].includes(p.status?.phase));

/** Plays the kubelet: the pod's container exited with the given code. */
function finish(pod: KubeObject, exitCode: number): void {
  const next = clone(h.client.get('pods', 'default', pod.metadata.name)!);
  const t = rfc3339(h.clock.now());
  next.status = { phase: exitCode === 0 ? 'Succeeded' : 'Failed', containerStatuses: [{ name: 'c', restartCount: 0, state: { terminated: { exitCode, finishedAt: t } } }] };
  h.client.updateStatus('pods', next);
}

test('pods carry the tracking finalizer until counted; a deleted pod counts as failed', async () => {
  h.client.create('batch/jobs', newJob('track', { completions: 2, parallelism: 1 }));
  await h.settle();
  let [pod] = podsOf('track');
  assert.deepEqual(pod.metadata.finalizers, [JOB_TRACKING_FINALIZER]);
  assert.deepEqual(getJob('track')!.status, { startTime: getJob('track')!.status.startTime, active: 1, ready: 0, terminating: 0, uncountedTerminatedPods: {} });
  h.client.delete('pods', 'default', pod.metadata.name);
  await h.settle();
  // Released and counted; the replacement waits for the 10 s back-off.
  assert.equal(h.client.get('pods', 'default', pod.metadata.name), undefined);
  assert.equal(getJob('track')!.status.failed, 1);
  assert.equal(livePods('track').length, 0);
  await h.advance(10_000);
  [pod] = livePods('track');
  assert.ok(pod);
  finish(pod, 0);
  await h.settle();
  assert.equal(podsOf('track').find((p) => p.metadata.name === pod.metadata.name)!.metadata.finalizers, undefined);
  assert.equal(getJob('track')!.status.succeeded, 1);
  // A success resets the back-off: the next pod comes at once.
  assert.equal(livePods('track').length, 1);
});

test('suspend deletes the active pods and resume restarts them', async () => {
  h.client.create('batch/jobs', newJob('sus', { parallelism: 2, completions: 4 }));
  await h.settle();
  assert.equal(livePods('sus').length, 2);
  const j = clone(getJob('sus')!);
  j.spec.suspend = true;
  h.client.update('batch/jobs', j);
  await h.settle();
  assert.equal(livePods('sus').length, 0);
  const cond = getJob('sus')!.status.conditions.find((c: { type: string }) => c.type === 'Suspended');
  assert.deepEqual([cond.status, cond.reason, cond.message], ['True', 'JobSuspended', 'Job suspended']);
  const resumed = clone(getJob('sus')!);
  resumed.spec.suspend = false;
  h.client.update('batch/jobs', resumed);
  await h.settle();
  assert.equal(livePods('sus').length, 2);
  const after = getJob('sus')!.status.conditions.find((c: { type: string }) => c.type === 'Suspended');
  assert.deepEqual([after.status, after.reason, after.message], ['False', 'JobResumed', 'Job resumed']);
  const events = h.eventsFor('sus');
  assert.ok(events.includes('Suspended: Job suspended'));
  assert.ok(events.includes('Resumed: Job resumed'));
});

test('activeDeadlineSeconds fails the job with DeadlineExceeded and stops its pods', async () => {
  h.client.create('batch/jobs', newJob('slow', { activeDeadlineSeconds: 30 }));
  await h.settle();
  assert.equal(livePods('slow').length, 1);
  await h.advance(30_000);
  assert.equal(livePods('slow').length, 0);
  // The pod is deleted; once it is gone the job is Failed.
  const st = getJob('slow')!.status;
  assert.deepEqual(
    st.conditions.map((c: { type: string; reason: string; message: string }) => [c.type, c.reason, c.message]),
    [
      ['FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
      ['Failed', 'DeadlineExceeded', 'Job was active longer than specified deadline'],
    ],
  );
  assert.ok(h.eventsFor('slow').includes('DeadlineExceeded: Job was active longer than specified deadline'));
});

test('ttlSecondsAfterFinished deletes the finished job and its pods', async () => {
  h.client.create('batch/jobs', newJob('ttl', { ttlSecondsAfterFinished: 60 }));
  await h.settle();
  finish(podsOf('ttl')[0], 0);
  await h.settle();
  assert.ok(getJob('ttl')!.status.conditions.some((c: { type: string }) => c.type === 'Complete'));
  await h.advance(59_000);
  assert.ok(getJob('ttl'));
  await h.advance(1_000);
  await h.settle();
  assert.equal(getJob('ttl'), undefined);
  assert.equal(podsOf('ttl').length, 0);
});

test('Indexed jobs run one pod per index and report completedIndexes', async () => {
  h.client.create('batch/jobs', newJob('idx', { completionMode: 'Indexed', completions: 3, parallelism: 3 }));
  await h.settle();
  const pods = podsOf('idx').sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  assert.deepEqual(pods.map((p) => p.metadata.annotations?.['batch.kubernetes.io/job-completion-index']), ['0', '1', '2']);
  for (const [i, p] of pods.entries()) {
    assert.match(p.metadata.name, new RegExp(`^idx-${i}-[a-z0-9]{5}$`));
    assert.equal(p.spec.hostname, `idx-${i}`);
    assert.equal(p.spec.containers[0].env[0].name, 'JOB_COMPLETION_INDEX');
  }
  finish(pods[0], 0);
  finish(pods[2], 0);
  await h.settle();
  assert.equal(getJob('idx')!.status.completedIndexes, '0,2');
  finish(pods[1], 0);
  await h.settle();
  assert.equal(getJob('idx')!.status.completedIndexes, '0-2');
  assert.ok(getJob('idx')!.status.conditions.some((c: { type: string; status: string }) => c.type === 'Complete' && c.status === 'True'));
});

test('a deleted job releases the finalizers of its pods', async () => {
  h.client.create('batch/jobs', newJob('gone'));
  await h.settle();
  const [pod] = podsOf('gone');
  h.client.delete('batch/jobs', 'default', 'gone', { propagationPolicy: 'Orphan' });
  await h.settle();
  const left = h.client.get('pods', 'default', pod.metadata.name)!;
  assert.equal(left.metadata.finalizers, undefined);
});
