// Jobs and CronJobs driven by the real kubectl against the whole engine (scheduler and kubelet
// included): a parallel Job running to completion, a failing Job hitting its backoffLimit after
// the failure back-off, a CronJob creating jobs on schedule as the cluster clock is fast-forwarded,
// its history limit pruning old jobs, and `kubectl create job --from=cronjob/...`.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { SystemClock } from '../../engine/clock';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f.stop();
});

async function ok(args: string[], stdin?: string): Promise<string> {
  const r = await f.kubectl(args, { stdin });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const job = (name: string) => f.engine.client.get('batch/jobs', 'default', name);
const podsOf = (jobName: string) => f.engine.client.list('pods', 'default').filter((p) => p.metadata.labels?.['batch.kubernetes.io/job-name'] === jobName);
const clock = () => f.engine.clock as SystemClock;

test('a Job with completions=3 parallelism=2 runs three pods to completion', async () => {
  await ok(['apply', '-f', '-'], `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 3
  parallelism: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "echo hello from job"]
`);
  assert.match(await ok(['wait', '--for=condition=complete', 'job/pi', '--timeout=60s']), /^job\.batch\/pi condition met$/m);

  const table = (await ok(['get', 'jobs'])).split('\n');
  assert.match(table[0], /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/);
  assert.match(table[1], /^pi\s+Complete\s+3\/3\s+\d+s\s+\d+s$/);
  const wide = (await ok(['get', 'jobs', '-o', 'wide'])).split('\n');
  assert.match(wide[0], /^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
  assert.match(wide[1], /\sc\s+busybox:1\.36\s+batch\.kubernetes\.io\/controller-uid=[0-9a-f-]{36}$/);

  const pods = podsOf('pi');
  assert.equal(pods.length, 3);
  const uid = job('pi')!.metadata.uid;
  for (const p of pods) {
    assert.match(p.metadata.name, /^pi-[a-z0-9]{5}$/);
    assert.deepEqual(p.metadata.labels, { 'batch.kubernetes.io/controller-uid': uid, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': uid, 'job-name': 'pi' });
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid, controller: true, blockOwnerDeletion: true }]);
    // Counted pods have had the job-tracking finalizer released.
    assert.equal(p.metadata.finalizers, undefined);
  }
  const podTable = (await ok(['get', 'pods', '-l', 'job-name=pi'])).trim().split('\n').slice(1);
  assert.equal(podTable.length, 3);
  for (const line of podTable) assert.match(line, /^pi-[a-z0-9]{5}\s+0\/1\s+Completed\s+0\s+\d+s$/);
  assert.equal(await ok(['logs', 'job/pi']), 'hello from job\n');

  const status = job('pi')!.status;
  assert.equal(status.succeeded, 3);
  assert.equal(status.active, undefined);
  assert.equal(status.ready, 0);
  assert.equal(status.terminating, 0);
  assert.deepEqual(status.uncountedTerminatedPods, {});
  assert.ok(status.startTime && status.completionTime);
  assert.deepEqual(
    status.conditions.map((c: { type: string; status: string; reason: string; message: string }) => [c.type, c.status, c.reason, c.message]),
    [
      ['SuccessCriteriaMet', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
      ['Complete', 'True', 'CompletionsReached', 'Reached expected number of succeeded pods'],
    ],
  );

  const describe = await ok(['describe', 'job', 'pi']);
  assert.match(describe, /^Parallelism:\s+2$/m);
  assert.match(describe, /^Completions:\s+3$/m);
  assert.match(describe, /^Completion Mode:\s+NonIndexed$/m);
  assert.match(describe, /^Backoff Limit:\s+6$/m);
  assert.match(describe, /^Completed At:\s+\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d \+0000$/m);
  assert.match(describe, /^Pods Statuses:\s+0 Active \(0 Ready\) \/ 3 Succeeded \/ 0 Failed$/m);
  assert.equal((describe.match(/Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: pi-[a-z0-9]{5}$/gm) ?? []).length, 3);
  assert.match(describe, /Normal\s+Completed\s+\S+\s+job-controller\s+Job completed$/m);
});

test('a failing Job backs off, then fails with BackoffLimitExceeded', async () => {
  await ok(['apply', '-f', '-'], `apiVersion: batch/v1
kind: Job
metadata:
  name: bad
spec:
  backoffLimit: 1
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: c
        image: busybox:1.36
        command: ["sh", "-c", "echo failing; exit 3"]
`);
  await f.waitFor(() => job('bad')?.status?.failed === 1, 'the first failure');
  // The replacement waits for the 10 s failure back-off.
  assert.equal(podsOf('bad').length, 1);
  assert.match((await ok(['get', 'job', 'bad'])).split('\n')[1], /^bad\s+Running\s+0\/1\s+\d+s\s+\d+s$/);
  clock().advance(11_000);
  assert.match(await ok(['wait', '--for=condition=failed', 'job/bad', '--timeout=30s']), /condition met/);

  assert.match((await ok(['get', 'job', 'bad'])).split('\n')[1], /^bad\s+Failed\s+0\/1\s+\d+s\s+\d+s$/);
  const pods = (await ok(['get', 'pods', '-l', 'job-name=bad'])).trim().split('\n').slice(1);
  assert.equal(pods.length, 2);
  for (const line of pods) assert.match(line, /^bad-[a-z0-9]{5}\s+0\/1\s+Error\s+0\s+\d+s$/);
  const status = job('bad')!.status;
  assert.equal(status.failed, 2);
  assert.equal(status.succeeded, undefined);
  assert.equal(status.completionTime, undefined);
  assert.deepEqual(
    status.conditions.map((c: { type: string; reason: string; message: string }) => [c.type, c.reason, c.message]),
    [
      ['FailureTarget', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
      ['Failed', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'],
    ],
  );
  const describe = await ok(['describe', 'job', 'bad']);
  assert.match(describe, /^Pods Statuses:\s+0 Active \(0 Ready\) \/ 0 Succeeded \/ 2 Failed$/m);
  assert.match(describe, /Warning\s+BackoffLimitExceeded\s+\S+\s+job-controller\s+Job has reached the specified backoff limit$/m);
});

test('a CronJob creates jobs on schedule, prunes its history, and kubectl create job --from works', async () => {
  await ok(['apply', '-f', '-'], `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: c
            image: busybox:1.36
            command: ["sh", "-c", "echo Hello"]
`);
  const cronJobs = () => f.engine.client.list('batch/jobs', 'default').filter((j) => j.metadata.name.startsWith('hello-'));
  const complete = (j: { status?: { conditions?: { type: string; status: string }[] } }) => (j.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');
  const lastSchedule = () => f.engine.client.get('batch/cronjobs', 'default', 'hello')?.status?.lastScheduleTime as string | undefined;
  for (let run = 1; run <= 4; run++) {
    const before = lastSchedule();
    clock().advance(60_000);
    // Each minute brings a new run; wait for it to be scheduled and to finish.
    await f.waitFor(() => {
      const last = lastSchedule();
      if (!last || last === before) return false;
      const j = job(`hello-${Math.floor(Date.parse(last) / 60_000)}`);
      return j && complete(j) && !f.engine.client.get('batch/cronjobs', 'default', 'hello')?.status?.active;
    }, `scheduled run ${run}`);
  }
  // successfulJobsHistoryLimit (3) keeps the newest three.
  await f.waitFor(() => cronJobs().length === 3, 'history pruned to 3');
  const names = cronJobs().map((j) => j.metadata.name).sort();
  const cj = f.engine.client.get('batch/cronjobs', 'default', 'hello')!;
  const lastMinute = Math.floor(Date.parse(cj.status.lastScheduleTime) / 60_000);
  assert.deepEqual(names, [lastMinute - 2, lastMinute - 1, lastMinute].map((m) => `hello-${m}`));
  assert.ok(cj.status.lastSuccessfulTime);
  const made = job(`hello-${lastMinute}`)!;
  assert.equal(made.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], new Date(lastMinute * 60_000).toISOString().replace('.000Z', 'Z'));
  assert.deepEqual(made.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: cj.metadata.uid, controller: true, blockOwnerDeletion: true }]);

  const table = (await ok(['get', 'cronjobs'])).split('\n');
  assert.match(table[0], /^NAME\s+SCHEDULE\s+TIMEZONE\s+SUSPEND\s+ACTIVE\s+LAST SCHEDULE\s+AGE$/);
  assert.match(table[1], /^hello\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+0\s+\S+\s+\S+$/);
  const events = await ok(['get', 'events', '--field-selector', 'involvedObject.kind=CronJob', '-o', 'custom-columns=REASON:.reason,MESSAGE:.message,FROM:.source.component', '--no-headers']);
  assert.match(events, new RegExp(`^SuccessfulCreate\\s+Created job hello-${lastMinute}\\s+cronjob-controller$`, 'm'));
  assert.match(events, new RegExp(`^SawCompletedJob\\s+Saw completed job: hello-${lastMinute}, condition: Complete\\s+cronjob-controller$`, 'm'));
  assert.match(events, new RegExp(`^SuccessfulDelete\\s+Deleted job hello-${lastMinute - 3}\\s+cronjob-controller$`, 'm'));

  assert.equal(await ok(['create', 'job', 'manual', '--from=cronjob/hello']), 'job.batch/manual created\n');
  assert.match(await ok(['wait', '--for=condition=complete', 'job/manual', '--timeout=30s']), /condition met/);
  const manual = job('manual')!;
  assert.equal(manual.metadata.annotations?.['cronjob.kubernetes.io/instantiate'], 'manual');
  assert.equal(manual.metadata.ownerReferences?.[0].kind, 'CronJob');
  assert.equal(await ok(['logs', 'job/manual']), 'Hello\n');
  // The manual run counts in the history of the CronJob that owns it: the oldest run goes.
  await f.waitFor(() => !job(`hello-${lastMinute - 2}`), 'the oldest run pruned');
});
