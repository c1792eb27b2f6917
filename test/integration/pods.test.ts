// Pods end to end with the real kubectl: the scheduler binds them, the simulated kubelets run
// them (IPs, events, image pull failures), deletion waits for graceful termination, and the
// kube-system pods run.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f?.stop();
});

async function apply(yaml: string): Promise<void> {
  const r = await f.kubectl(['apply', '-f', '-'], { stdin: yaml });
  assert.equal(r.code, 0, r.stderr);
}

async function jsonpath(args: string[], path: string): Promise<string> {
  const r = await f.kubectl([...args, '-o', `jsonpath=${path}`]);
  return r.code === 0 ? r.stdout : '';
}

function podYaml(name: string, image: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels: {app: ${name}}
spec:
${extra}  containers:
  - name: ${name}
    image: ${image}
`;
}

async function waitForStatus(name: string, status: RegExp, ns = 'default', timeoutMs = 20_000): Promise<string> {
  return f.waitFor(
    async () => {
      const r = await f.kubectl(['get', 'pod', name, '-n', ns, '--no-headers']);
      return status.test(r.stdout) ? r.stdout : undefined;
    },
    `${name} ${status}`,
    timeoutMs,
  );
}

test('a pod is scheduled to a worker and runs with a pod IP; describe-like events', async () => {
  await apply(podYaml('nginx', 'nginx'));
  await waitForStatus('nginx', /\s1\/1\s+Running\s/);
  const r = await f.kubectl(['get', 'pods', 'nginx', '-o', 'wide']);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
  assert.match(lines[1], /^nginx\s+1\/1\s+Running\s+0\s+\S+\s+10\.244\.[12]\.\d+\s+node[12]\s+<none>\s+<none>$/);
  const node = await jsonpath(['get', 'pod', 'nginx'], '{.spec.nodeName}');
  const ev = await f.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=nginx', '-o', 'jsonpath={range .items[*]}{.reason}|{.source.component}|{.message}{"\\n"}{end}']);
  const events = ev.stdout.trim().split('\n');
  assert.ok(events.includes(`Scheduled|default-scheduler|Successfully assigned default/nginx to ${node}`), ev.stdout);
  assert.ok(events.includes('Pulling|kubelet|Pulling image "nginx"'), ev.stdout);
  assert.ok(events.some((e) => /^Pulled\|kubelet\|Successfully pulled image "nginx" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: \d+ bytes\.$/.test(e)), ev.stdout);
  assert.ok(events.includes('Created|kubelet|Created container: nginx'), ev.stdout);
  assert.ok(events.includes('Started|kubelet|Started container nginx'), ev.stdout);
  const ids = await jsonpath(['get', 'pod', 'nginx'], '{.status.containerStatuses[0].imageID} {.status.containerStatuses[0].containerID}');
  assert.match(ids, /^docker\.io\/library\/nginx@sha256:[0-9a-f]{64} containerd:\/\/[0-9a-f]{64}$/);
});

test('kubectl delete pod returns after graceful termination; --force --grace-period=0 at once', async () => {
  await waitForStatus('nginx', /Running/);
  let t0 = Date.now();
  let r = await f.kubectl(['delete', 'pod', 'nginx']);
  assert.equal(r.stdout, 'pod "nginx" deleted\n');
  assert.ok(Date.now() - t0 < 8000, `took ${Date.now() - t0}ms`);
  r = await f.kubectl(['get', 'pod', 'nginx']);
  assert.equal(r.stderr, 'Error from server (NotFound): pods "nginx" not found\n');

  await apply(podYaml('sleeper', 'busybox', '').replace('    image: busybox\n', '    image: busybox\n    command: ["sleep", "3600"]\n'));
  await waitForStatus('sleeper', /Running/);
  t0 = Date.now();
  r = await f.kubectl(['delete', 'pod', 'sleeper', '--grace-period=0', '--force']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'pod "sleeper" force deleted\n');
  assert.match(r.stderr, /^Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated/);
  assert.ok(Date.now() - t0 < 5000);
  r = await f.kubectl(['get', 'pod', 'sleeper']);
  assert.equal(r.code, 1);
});

test('kubectl run: a command that exits is Completed with --restart=Never, CrashLoopBackOff with the default Always', async () => {
  let r = await f.kubectl(['run', 'once', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo hi']);
  assert.equal(r.stdout, 'pod/once created\n');
  await waitForStatus('once', /^once\s+0\/1\s+Completed\s+0\s/);
  assert.equal(await jsonpath(['get', 'pod', 'once'], '{.status.phase} {.status.containerStatuses[0].state.terminated.reason}'), 'Succeeded Completed');
  r = await f.kubectl(['run', 'loop', '--image=busybox', '--', 'sh', '-c', 'exit 1']);
  assert.equal(r.code, 0, r.stderr);
  await waitForStatus('loop', /^loop\s+0\/1\s+CrashLoopBackOff\s+[12] \(\S+ ago\)\s/, 'default', 30_000);
  await f.kubectl(['delete', 'pod', 'once', 'loop', '--wait=false']);
});

test('an unknown image gives ErrImagePull, then ImagePullBackOff', async () => {
  await apply(podYaml('typo', 'nginxx'));
  await waitForStatus('typo', /\s0\/1\s+(ErrImagePull|ImagePullBackOff)\s/);
  await waitForStatus('typo', /\s0\/1\s+ImagePullBackOff\s/);
  const ev = await f.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=typo', '-o', 'jsonpath={range .items[*]}{.type} {.reason}: {.message}{"\\n"}{end}']);
  assert.match(ev.stdout, /^Warning Failed: Failed to pull image "nginxx": rpc error: code = Unknown desc = failed to pull and unpack image "docker\.io\/library\/nginxx:latest": .*pull access denied/m);
  assert.match(ev.stdout, /^Warning Failed: Error: ErrImagePull$/m);
  assert.match(ev.stdout, /^Normal BackOff: Back-off pulling image "nginxx"$/m);
  assert.match(ev.stdout, /^Warning Failed: Error: ImagePullBackOff$/m);
  await f.kubectl(['delete', 'pod', 'typo']);
});

test('a nodeSelector nobody matches stays Pending with FailedScheduling, and runs once a node is labelled', async () => {
  await apply(podYaml('picky', 'nginx', '  nodeSelector:\n    disktype: ssd\n'));
  const msg = await f.waitFor(async () => {
    const r = await f.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=picky,reason=FailedScheduling', '-o', 'jsonpath={.items[0].message}']);
    return r.stdout || undefined;
  }, 'FailedScheduling');
  assert.equal(
    msg,
    "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  );
  const r = await f.kubectl(['get', 'pod', 'picky', '--no-headers']);
  assert.match(r.stdout, /^picky\s+0\/1\s+Pending\s+0\s/);
  assert.equal(await jsonpath(['get', 'pod', 'picky'], '{.status.conditions[?(@.type=="PodScheduled")].reason}'), 'Unschedulable');
  assert.equal((await f.kubectl(['label', 'node', 'node2', 'disktype=ssd'])).stdout, 'node/node2 labeled\n');
  await waitForStatus('picky', /Running/);
  assert.equal(await jsonpath(['get', 'pod', 'picky'], '{.spec.nodeName}'), 'node2');
  await f.kubectl(['label', 'node', 'node2', 'disktype-']);
  await f.kubectl(['delete', 'pod', 'picky', '--wait=false']);
});

test('cordon: the node shows SchedulingDisabled, gets the unschedulable taint, and new pods avoid it', async () => {
  let r = await f.kubectl(['cordon', 'node1']);
  assert.equal(r.stdout, 'node/node1 cordoned\n');
  r = await f.kubectl(['get', 'node', 'node1', '--no-headers']);
  assert.match(r.stdout, /^node1\s+Ready,SchedulingDisabled\s/);
  await f.waitFor(async () => (await jsonpath(['get', 'node', 'node1'], '{.spec.taints[*].key}')).includes('node.kubernetes.io/unschedulable'), 'unschedulable taint');
  for (const name of ['c1', 'c2']) await apply(podYaml(name, 'nginx'));
  for (const name of ['c1', 'c2']) {
    await f.waitFor(async () => (await jsonpath(['get', 'pod', name], '{.spec.nodeName}')) || undefined, `${name} bound`);
    assert.equal(await jsonpath(['get', 'pod', name], '{.spec.nodeName}'), 'node2');
  }
  r = await f.kubectl(['uncordon', 'node1']);
  assert.equal(r.stdout, 'node/node1 uncordoned\n');
  await f.waitFor(async () => !(await jsonpath(['get', 'node', 'node1'], '{.spec.taints}')).includes('unschedulable'), 'taint removed');
  await f.kubectl(['delete', 'pod', 'c1', 'c2', '--wait=false']);
});

test('kube-system: control-plane static pods run on the master; coredns runs on the workers', async () => {
  for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const line = await waitForStatus(`${c}-master`, /\s1\/1\s+Running\s/, 'kube-system');
    assert.match(line, new RegExp(`^${c}-master\\s+1/1\\s+Running\\s+0\\s`));
  }
  const ip = await jsonpath(['get', 'pod', 'etcd-master', '-n', 'kube-system'], '{.status.podIP}');
  assert.equal(ip, '192.168.109.100');
  const nodes = await f.waitFor(
    async () => {
      const r = await f.kubectl(['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-dns', '-o', 'jsonpath={range .items[*]}{.spec.nodeName} {.status.phase}{"\\n"}{end}']);
      const rows = r.stdout.trim().split('\n').filter(Boolean);
      return rows.length === 2 && rows.every((x) => x.endsWith('Running')) ? rows : undefined;
    },
    'coredns running',
    30_000,
  );
  for (const row of nodes) assert.match(row, /^node[12] Running$/);
});

test('a NoExecute taint evicts pods that do not tolerate it', async () => {
  await apply(podYaml('evictme', 'nginx', '  nodeName: node2\n'));
  await waitForStatus('evictme', /Running/);
  let r = await f.kubectl(['taint', 'node', 'node2', 'node-type=production:NoExecute']);
  assert.equal(r.stdout, 'node/node2 tainted\n');
  await f.waitFor(async () => (await f.kubectl(['get', 'pod', 'evictme'])).code === 1, 'evicted', 20_000);
  const ev = await f.kubectl(['get', 'events', '--field-selector', 'reason=TaintManagerEviction', '-o', 'jsonpath={.items[*].message}']);
  assert.match(ev.stdout, /Marking for deletion Pod default\/evictme/);
  r = await f.kubectl(['taint', 'node', 'node2', 'node-type:NoExecute-']);
  assert.equal(r.stdout, 'node/node2 untainted\n');
});
