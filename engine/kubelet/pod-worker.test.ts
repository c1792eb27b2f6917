// The simulated kubelet's pod state machine, stepped on a ManualClock: pulls, starts, probes,
// restarts with back-off, completion, termination.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodHarness } from './testing/pod-harness';

const nginx = (extra: Record<string, unknown> = {}) => ({ containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'Always', ...extra }] });

test('nginx: pull, create, start; Running with an IP from the node CIDR and containerd ids', async () => {
  const h = new PodHarness().run(nginx());
  assert.equal(h.column(), 'ContainerCreating');
  assert.equal(h.pod.status.containerStatuses[0].state.waiting.reason, 'ContainerCreating');
  await h.until('Running');
  assert.deepEqual(h.reasons(), ['Pulling', 'Pulled', 'Created', 'Started']);
  assert.equal(h.messages('Pulling')[0], 'Pulling image "nginx"');
  assert.match(h.messages('Pulled')[0], /^Successfully pulled image "nginx" in \d+(\.\d+)?m?s \(\d+(\.\d+)?m?s including waiting\)\. Image size: 72195292 bytes\.$/);
  assert.equal(h.messages('Created')[0], 'Created container: nginx');
  assert.equal(h.messages('Started')[0], 'Started container nginx');
  assert.equal(h.events[0].fieldPath, 'spec.containers{nginx}');
  const st = h.pod.status;
  assert.equal(st.phase, 'Running');
  assert.equal(st.podIP, '10.244.1.2');
  assert.deepEqual(st.podIPs, [{ ip: '10.244.1.2' }]);
  assert.equal(st.hostIP, '192.168.109.101');
  const cs = st.containerStatuses[0];
  assert.equal(cs.image, 'docker.io/library/nginx:latest');
  assert.match(cs.imageID, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  assert.match(cs.containerID, /^containerd:\/\/[0-9a-f]{64}$/);
  assert.equal(cs.ready, true);
  assert.equal(cs.started, true);
  assert.equal(cs.restartCount, 0);
  assert.deepEqual(
    st.conditions.map((c: { type: string; status: string }) => `${c.type}=${c.status}`),
    ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True'],
  );
  // nginx answers on port 80 of the pod IP (once started up).
  await h.step(100);
  const res = h.network.http('10.244.1.2', 80, { method: 'GET', path: '/', headers: {} });
  assert.ok('status' in res && res.status === 200 && res.body.includes('Welcome to nginx!'));
});

test('IfNotPresent with the image on the node: "already present on machine", no pull', async () => {
  const h = new PodHarness(['docker.io/library/nginx:1.17.1']).run({ containers: [{ name: 'nginx', image: 'nginx:1.17.1', imagePullPolicy: 'IfNotPresent' }] });
  const t = await h.until('Running');
  assert.ok(t < 1500, `started in ${t}ms`);
  assert.deepEqual(h.reasons(), ['Pulled', 'Created', 'Started']);
  assert.equal(h.messages('Pulled')[0], 'Container image "nginx:1.17.1" already present on machine');
});

test('unknown image: ErrImagePull, then ImagePullBackOff with growing back-off', async () => {
  const h = new PodHarness().run({ containers: [{ name: 'web', image: 'nginxx', imagePullPolicy: 'Always' }] });
  await h.until('ErrImagePull');
  const err =
    'rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/nginxx:latest": failed to resolve reference "docker.io/library/nginxx:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed';
  assert.deepEqual(h.messages('Failed'), [`Failed to pull image "nginxx": ${err}`, 'Error: ErrImagePull']);
  assert.equal(h.pod.status.containerStatuses[0].state.waiting.message, err);
  await h.until('ImagePullBackOff');
  assert.deepEqual(h.messages('BackOff'), ['Back-off pulling image "nginxx"']);
  assert.equal(h.pod.status.containerStatuses[0].state.waiting.message, `Back-off pulling image "nginxx": ErrImagePull: ${err}`);
  const pulls = () => h.messages('Pulling').length;
  assert.equal(pulls(), 1);
  await h.step(10_000);
  assert.equal(pulls(), 2, 'retried after 10s');
  await h.step(15_000);
  assert.equal(pulls(), 2, 'second back-off is 20s');
  await h.step(10_000);
  assert.equal(pulls(), 3);
  assert.equal(h.pod.status.phase, 'Pending');
});

test('a command that exits: Completed with restartPolicy Never, CrashLoopBackOff with Always', async () => {
  const bb = (policy: string) => ({ restartPolicy: policy, containers: [{ name: 'bb', image: 'busybox', command: ['sh', '-c', 'echo hi; sleep 5'] }] });
  const h = new PodHarness(['docker.io/library/busybox:latest']).run(bb('Never'));
  await h.until('Running');
  await h.until('Completed');
  assert.equal(h.pod.status.phase, 'Succeeded');
  const term = h.pod.status.containerStatuses[0].state.terminated;
  assert.equal(term.exitCode, 0);
  assert.equal(term.reason, 'Completed');
  assert.deepEqual(h.worker.logs('bb')?.map((l) => l.text), ['hi']);
  const ready = h.pod.status.conditions.find((c: { type: string }) => c.type === 'Ready');
  assert.equal(ready.reason, 'PodCompleted');

  const a = new PodHarness(['docker.io/library/busybox:latest']).run(bb('Always'));
  await a.until('Running');
  await a.until('Completed');
  await a.until('Running'); // first restart is immediate
  assert.equal(a.pod.status.containerStatuses[0].restartCount, 1);
  assert.equal(a.pod.status.containerStatuses[0].lastState.terminated.reason, 'Completed');
  await a.until('CrashLoopBackOff');
  const w = a.pod.status.containerStatuses[0].state.waiting;
  assert.equal(w.message, 'back-off 10s restarting failed container=bb pod=p_default(uid-p)');
  assert.deepEqual(a.messages('BackOff'), ['Back-off restarting failed container bb in pod p_default(uid-p)']);
  assert.equal(a.pod.status.phase, 'Running');
  await a.until('Running', 12_000);
  assert.equal(a.pod.status.containerStatuses[0].restartCount, 2);
  await a.until('CrashLoopBackOff');
  assert.match(a.pod.status.containerStatuses[0].state.waiting.message, /^back-off 20s /);
});

test('failing command with restartPolicy OnFailure: Error, then restarted', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run({ restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'busybox', command: ['sh', '-c', 'exit 3'] }] });
  await h.until('Error');
  assert.equal(h.pod.status.containerStatuses[0].state.terminated.exitCode, 3);
  await h.until('CrashLoopBackOff');
  assert.equal(h.pod.status.phase, 'Running');
});

test('liveness probe on a wrong port: Unhealthy, Killing, restart', async () => {
  const h = new PodHarness(['docker.io/library/nginx:latest']).run({
    containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent', livenessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, periodSeconds: 10, failureThreshold: 3, timeoutSeconds: 1 } }],
  });
  await h.until('Running');
  await h.step(35_000);
  const unhealthy = h.messages('Unhealthy');
  assert.ok(unhealthy.length >= 3);
  assert.equal(unhealthy[0], 'Liveness probe failed: Get "http://10.244.1.2:8080/": dial tcp 10.244.1.2:8080: connect: connection refused');
  assert.deepEqual(h.messages('Killing'), ['Container nginx failed liveness probe, will be restarted']);
  await h.step(3_000);
  const cs = h.pod.status.containerStatuses[0];
  assert.equal(cs.restartCount, 1);
  assert.equal(cs.lastState.terminated.reason, 'Completed');
  assert.equal(h.column(), 'Running');
});

test('readiness probe failing: Running but 0/1 and not Ready; a good probe makes it ready', async () => {
  const probe = (port: number) => ({ containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent', readinessProbe: { httpGet: { path: '/', port }, periodSeconds: 5, failureThreshold: 3 } }] });
  const bad = new PodHarness(['docker.io/library/nginx:latest']).run(probe(81));
  await bad.until('Running');
  await bad.step(20_000);
  assert.equal(bad.ready(), '0/1');
  assert.equal(bad.pod.status.conditions.find((c: { type: string }) => c.type === 'Ready').status, 'False');
  assert.match(bad.messages('Unhealthy')[0], /^Readiness probe failed: Get "http:\/\/10\.244\.1\.2:81\/": dial tcp 10\.244\.1\.2:81: connect: connection refused$/);
  const good = new PodHarness(['docker.io/library/nginx:latest']).run(probe(80));
  await good.until('Running');
  assert.equal(good.ready(), '0/1', 'not ready before the first probe');
  await good.step(10_000);
  assert.equal(good.ready(), '1/1');
  const notFound = new PodHarness(['docker.io/library/nginx:latest']).run({ containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent', readinessProbe: { httpGet: { path: '/nope', port: 80 }, periodSeconds: 5 } }] });
  await notFound.until('Running');
  await notFound.step(5_000);
  assert.equal(notFound.messages('Unhealthy')[0], 'Readiness probe failed: HTTP probe failed with statuscode: 404');
});

test('exec probes see the container filesystem (seed S3 busybox touch /tmp/healthy)', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run({
    containers: [
      {
        name: 'bb',
        image: 'busybox',
        args: ['/bin/sh', '-c', 'sleep 10;touch /tmp/healthy;sleep 30000'],
        readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5, failureThreshold: 3 },
      },
    ],
  });
  await h.until('Running');
  await h.step(5_000);
  assert.equal(h.ready(), '0/1');
  assert.equal(h.messages('Unhealthy')[0], "Readiness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n");
  await h.step(12_000);
  assert.equal(h.ready(), '1/1');
});

test('graceful deletion: nginx stops at once, busybox sleep takes the whole grace period', async () => {
  const h = new PodHarness(['docker.io/library/nginx:latest']).run(nginx({ imagePullPolicy: 'IfNotPresent' }));
  await h.until('Running');
  h.delete();
  assert.equal(h.column(), 'Terminating');
  assert.deepEqual(h.messages('Killing'), ['Stopping container nginx']);
  await h.step(2_000);
  assert.equal(h.worker.terminated, true);
  assert.equal(h.pod.status.phase, 'Succeeded');

  const b = new PodHarness(['docker.io/library/busybox:latest']).run({ containers: [{ name: 'bb', image: 'busybox', command: ['sleep', '3600'] }] });
  await b.until('Running');
  b.delete();
  await b.step(29_000);
  assert.equal(b.worker.terminated, false);
  await b.step(2_000);
  assert.equal(b.worker.terminated, true);
  assert.equal(b.pod.status.containerStatuses[0].state.terminated.exitCode, 137);
  assert.equal(b.pod.status.phase, 'Failed');
});

test('init containers run first and in order: Init:0/2, Init:1/2, PodInitializing, Running', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest', 'docker.io/library/nginx:latest']).run({
    initContainers: [
      { name: 'init-a', image: 'busybox', command: ['sh', '-c', 'sleep 2'] },
      { name: 'init-b', image: 'busybox', command: ['sh', '-c', 'sleep 2'] },
    ],
    containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent' }],
  });
  assert.equal(h.column(), 'Init:0/2');
  assert.equal(h.pod.status.containerStatuses[0].state.waiting.reason, 'PodInitializing');
  const init = h.pod.status.conditions.find((c: { type: string }) => c.type === 'Initialized');
  assert.equal(init.message, 'containers with incomplete status: [init-a init-b]');
  await h.until('Init:1/2');
  await h.until('Running');
  assert.equal(h.pod.status.initContainerStatuses[1].state.terminated.reason, 'Completed');
  const started = h.events.filter((e) => e.reason === 'Started').map((e) => e.message);
  assert.deepEqual(started, ['Started container init-a', 'Started container init-b', 'Started container nginx']);
});

test('memory limit below what the image uses: OOMKilled', async () => {
  const h = new PodHarness(['docker.io/polinux/stress:latest']).run({
    containers: [{ name: 'stress', image: 'polinux/stress', imagePullPolicy: 'IfNotPresent', resources: { limits: { memory: '100Mi' } }, command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }],
  });
  await h.until('OOMKilled');
  const t = h.pod.status.containerStatuses[0].state.terminated;
  assert.equal(t.exitCode, 137);
});

test('missing ConfigMap: CreateContainerConfigError until it exists', async () => {
  const h = new PodHarness(['docker.io/library/nginx:latest']).run({
    containers: [{ name: 'nginx', image: 'nginx', imagePullPolicy: 'IfNotPresent', env: [{ name: 'PORT', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'port' } } }] }],
  });
  await h.until('CreateContainerConfigError');
  assert.equal(h.pod.status.containerStatuses[0].state.waiting.message, 'configmap "cfg" not found');
  assert.ok(h.messages('Failed').includes('Error: configmap "cfg" not found'));
  h.objects.set('configmaps/default/cfg', { metadata: { name: 'cfg' }, data: { port: '8080' } });
  await h.until('Running', 15_000);
});

test('activeDeadlineSeconds: the pod fails with DeadlineExceeded', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run({ activeDeadlineSeconds: 5, restartPolicy: 'Never', containers: [{ name: 'bb', image: 'busybox', command: ['sh', '-c', 'while true; do sleep 1; done'] }] });
  await h.until('Running');
  await h.until('DeadlineExceeded', 40_000);
  assert.equal(h.pod.status.phase, 'Failed');
  assert.equal(h.pod.status.message, 'Pod was active on the node longer than the specified deadline');
});
