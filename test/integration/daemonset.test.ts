// DaemonSets driven by the real kubectl against the whole engine (DaemonSet controller,
// scheduler, kubelets): kube-proxy on every node, a DaemonSet that skips the tainted control
// plane, the get/describe views, a rolling image update with rollout status/history/undo,
// self-healing, tolerations, cordon and node selectors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../engine/api/object';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f.stop();
});

async function ok(args: string[], stdin?: string, timeoutMs?: number): Promise<string> {
  const r = await f.kubectl(args, { stdin, timeoutMs });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

const livePods = (ns: string, prefix: string): KubeObject[] =>
  f.engine.client
    .list('pods', ns)
    .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
    .sort((a, b) => (a.spec.nodeName ?? '').localeCompare(b.spec.nodeName ?? ''));

const isReady = (p: KubeObject) => p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True');

/** Waits until the live pods with the prefix are exactly one ready pod on each of `nodes`. */
function podsOnNodes(ns: string, prefix: string, nodes: string[], image?: string): Promise<KubeObject[]> {
  return f.waitFor(
    () => {
      const pods = livePods(ns, prefix);
      if (pods.length !== nodes.length || !pods.every(isReady)) return false;
      if (image && !pods.every((p) => p.spec.containers[0].image === image)) return false;
      return pods.map((p) => p.spec.nodeName).join(',') === nodes.join(',') ? pods : false;
    },
    `${prefix} pods on ${nodes.join(',')}`,
    30_000,
  );
}

/** A data row of `kubectl get` as its whitespace-separated cells, without AGE. */
function row(out: string, name: string): string[] {
  const line = out.split('\n').find((l) => l.split(/\s+/)[0] === name || l.split(/\s+/)[1] === name);
  assert.ok(line, `no row ${name} in\n${out}`);
  return line.trim().split(/\s+/);
}

const NGINX_DAEMONSET = (name: string) => DAEMONSET.replace(/log-agent/g, name).replace('quay.io/fluentd_elasticsearch/fluentd:v2.5.2', 'nginx:1.17.1');

const DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: default
spec:
  selector:
    matchLabels:
      app: log-agent
  template:
    metadata:
      labels:
        app: log-agent
    spec:
      containers:
      - name: agent
        image: quay.io/fluentd_elasticsearch/fluentd:v2.5.2
`;

test('kube-proxy runs one pod per node in kube-system, on the host network', async () => {
  const pods = await podsOnNodes('kube-system', 'kube-proxy-', ['master', 'node1', 'node2']);
  for (const p of pods) {
    assert.match(p.metadata.name, /^kube-proxy-[a-z0-9]{5}$/);
    const node = f.engine.client.get('nodes', undefined, p.spec.nodeName)!;
    assert.equal(p.status.podIP, node.status.addresses.find((a: { type: string }) => a.type === 'InternalIP').address);
  }
  await f.waitFor(() => f.engine.client.get('apps/daemonsets', 'kube-system', 'kube-proxy')?.status?.numberAvailable === 3, 'kube-proxy available');
  const out = await ok(['get', 'ds', '-n', 'kube-system']);
  assert.match(out.split('\n')[0], /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE$/);
  assert.deepEqual(row(out, 'kube-proxy').slice(0, 7), ['kube-proxy', '3', '3', '3', '3', '3', 'kubernetes.io/os=linux']);
  const all = await ok(['get', 'pods', '-n', 'kube-system', '-o', 'wide']);
  for (const p of pods) assert.equal(row(all, p.metadata.name)[6], p.spec.nodeName);
  await f.waitFor(async () => /Version info/.test(await ok(['logs', '-n', 'kube-system', pods[0].metadata.name])), 'kube-proxy log lines', 20_000);
  const logs = await ok(['logs', '-n', 'kube-system', pods[0].metadata.name]);
  assert.match(logs, /"Version info" version="v1\.32\.4"/);
});

test('a DaemonSet without tolerations skips the control plane; get, describe and pod wiring', async () => {
  assert.equal((await ok(['apply', '-f', '-'], DAEMONSET)).trim(), 'daemonset.apps/log-agent created');
  const pods = await podsOnNodes('default', 'log-agent-', ['node1', 'node2']);
  await f.waitFor(() => f.engine.client.get('apps/daemonsets', 'default', 'log-agent')?.status?.numberAvailable === 2, 'log-agent available');
  const ds = f.engine.client.get('apps/daemonsets', 'default', 'log-agent')!;
  const hash = f.engine.client.list('apps/controllerrevisions', 'default').find((r) => r.metadata.name.startsWith('log-agent-'))!.metadata.labels?.['controller-revision-hash'];
  for (const p of pods) {
    assert.match(p.metadata.name, /^log-agent-[a-z0-9]{5}$/);
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'log-agent', uid: ds.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    assert.deepEqual(p.metadata.labels, { app: 'log-agent', 'controller-revision-hash': hash, 'pod-template-generation': '1' });
    assert.deepEqual(p.spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] }] }] } } });
    assert.deepEqual(
      p.spec.tolerations.map((t: { key: string; effect: string; operator: string }) => `${t.key}:${t.effect}:${t.operator}`),
      ['node.kubernetes.io/not-ready:NoExecute:Exists', 'node.kubernetes.io/unreachable:NoExecute:Exists', 'node.kubernetes.io/disk-pressure:NoSchedule:Exists', 'node.kubernetes.io/memory-pressure:NoSchedule:Exists', 'node.kubernetes.io/pid-pressure:NoSchedule:Exists', 'node.kubernetes.io/unschedulable:NoSchedule:Exists'],
    );
  }
  const out = await ok(['get', 'ds', 'log-agent']);
  assert.deepEqual(row(out, 'log-agent').slice(0, 7), ['log-agent', '2', '2', '2', '2', '2', '<none>']);
  const wide = await ok(['get', 'ds', 'log-agent', '-o', 'wide']);
  assert.match(wide.split('\n')[0], /NODE SELECTOR\s+AGE\s+CONTAINERS\s+IMAGES\s+SELECTOR$/);
  assert.deepEqual(row(wide, 'log-agent').slice(-3), ['agent', 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2', 'app=log-agent']);
  // The container writes its start-up lines just after it is Running: wait for the last one.
  await f.waitFor(async () => /fluentd worker is now running/.test(await ok(['logs', pods[0].metadata.name])), 'fluentd log lines', 20_000);
  const logs = await ok(['logs', pods[0].metadata.name]);
  assert.match(logs, /\[info\]: #0 fluentd worker is now running worker=0\n$/);
  const podsWide = await ok(['get', 'pods', '-o', 'wide', '-l', 'app=log-agent']);
  assert.deepEqual(pods.map((p) => row(podsWide, p.metadata.name)[6]), ['node1', 'node2']);
  const describe = await ok(['describe', 'ds', 'log-agent']);
  for (const line of [
    /^Name:\s+log-agent$/m,
    /^Selector:\s+app=log-agent$/m,
    /^Node-Selector:\s+<none>$/m,
    /^Desired Number of Nodes Scheduled: 2$/m,
    /^Current Number of Nodes Scheduled: 2$/m,
    /^Number of Nodes Scheduled with Up-to-date Pods: 2$/m,
    /^Number of Nodes Scheduled with Available Pods: 2$/m,
    /^Number of Nodes Misscheduled: 0$/m,
    /^Pods Status:\s+2 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m,
  ]) assert.match(describe, line);
  for (const p of pods) assert.match(describe, new RegExp(`Normal\\s+SuccessfulCreate\\s+\\S+\\s+daemonset-controller\\s+Created pod: ${p.metadata.name}`));
  const revs = await ok(['get', 'controllerrevisions', '-l', 'app=log-agent']);
  assert.deepEqual(row(revs, `log-agent-${hash}`).slice(0, 3), [`log-agent-${hash}`, 'daemonset.apps/log-agent', '1']);
});

test('a deleted daemon pod is replaced on its node', async () => {
  const [victim] = livePods('default', 'log-agent-');
  assert.equal((await ok(['delete', 'pod', victim.metadata.name])).trim(), `pod "${victim.metadata.name}" deleted`);
  const pods = await podsOnNodes('default', 'log-agent-', ['node1', 'node2']);
  assert.ok(!pods.some((p) => p.metadata.name === victim.metadata.name));
  const describe = await ok(['describe', 'ds', 'log-agent']);
  const fresh = pods.find((p) => p.spec.nodeName === victim.spec.nodeName)!;
  assert.match(describe, new RegExp(`Created pod: ${fresh.metadata.name}`));
});

test('rolling image update: rollout status, history, undo', async () => {
  await ok(['set', 'image', 'ds/log-agent', 'agent=quay.io/fluentd_elasticsearch/fluentd:v2.6.0']);
  const status = await ok(['rollout', 'status', 'ds/log-agent', '--timeout=60s'], undefined, 70_000);
  assert.match(status, /daemon set "log-agent" successfully rolled out\n$/);
  await podsOnNodes('default', 'log-agent-', ['node1', 'node2'], 'quay.io/fluentd_elasticsearch/fluentd:v2.6.0');
  const ds = f.engine.client.get('apps/daemonsets', 'default', 'log-agent')!;
  assert.equal(ds.status.updatedNumberScheduled, 2);
  assert.equal(ds.status.observedGeneration, ds.metadata.generation);
  assert.ok(livePods('default', 'log-agent-').every((p) => p.metadata.labels?.['pod-template-generation'] === '2'));
  const describe = await ok(['describe', 'ds', 'log-agent']);
  assert.match(describe, /Normal\s+SuccessfulDelete\s+\S+\s+daemonset-controller\s+Deleted pod: log-agent-[a-z0-9]{5}/);

  const history = await ok(['rollout', 'history', 'ds/log-agent']);
  assert.match(history, /^daemonset\.apps\/log-agent \nREVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>\n/);
  const rev1 = await ok(['rollout', 'history', 'ds/log-agent', '--revision=1']);
  assert.match(rev1, /^daemonset\.apps\/log-agent with revision #1\nPod Template:\n/);
  assert.match(rev1, /Image:\s+quay\.io\/fluentd_elasticsearch\/fluentd:v2\.5\.2\n/);

  assert.equal((await ok(['rollout', 'undo', 'ds/log-agent'])).trim(), 'daemonset.apps/log-agent rolled back');
  const status2 = await ok(['rollout', 'status', 'ds/log-agent', '--timeout=60s'], undefined, 70_000);
  assert.match(status2, /successfully rolled out/);
  await podsOnNodes('default', 'log-agent-', ['node1', 'node2'], 'quay.io/fluentd_elasticsearch/fluentd:v2.5.2');
  const history2 = await ok(['rollout', 'history', 'ds/log-agent']);
  assert.match(history2, /REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>\n/);
  // kubectl compares the revision's data with the live template byte for byte.
  assert.equal((await ok(['rollout', 'undo', 'ds/log-agent', '--to-revision=3'])).trim(), 'daemonset.apps/log-agent skipped rollback (current template already matches revision 3)');
  assert.equal(f.engine.client.list('apps/controllerrevisions', 'default').filter((r) => r.metadata.name.startsWith('log-agent-')).length, 2);
});

test('tolerating the control-plane taint runs on every node; cordon keeps daemon pods; nodeSelector narrows', async () => {
  const tolerant = NGINX_DAEMONSET('everywhere').replace('      containers:', '      tolerations:\n      - key: node-role.kubernetes.io/control-plane\n        operator: Exists\n        effect: NoSchedule\n      containers:');
  await ok(['apply', '-f', '-'], tolerant);
  await podsOnNodes('default', 'everywhere-', ['master', 'node1', 'node2']);

  await ok(['cordon', 'node2']);
  try {
    const before = livePods('default', 'everywhere-').map((p) => p.metadata.name);
    const picky = NGINX_DAEMONSET('picky').replace('      containers:', '      nodeSelector:\n        disk: ssd\n      containers:');
    await ok(['apply', '-f', '-'], picky);
    await f.waitFor(() => f.engine.client.get('apps/daemonsets', 'default', 'picky')?.status?.observedGeneration === 1, 'picky observed');
    assert.equal(livePods('default', 'picky-').length, 0);
    // Labelling the cordoned node makes it eligible: daemon pods tolerate unschedulable.
    await ok(['label', 'node', 'node2', 'disk=ssd']);
    await podsOnNodes('default', 'picky-', ['node2']);
    assert.deepEqual(livePods('default', 'everywhere-').map((p) => p.metadata.name), before);
    const out = await ok(['get', 'ds', 'picky']);
    assert.deepEqual(row(out, 'picky').slice(0, 7), ['picky', '1', '1', '1', '1', '1', 'disk=ssd']);
    // Unlabelling removes it again.
    await ok(['label', 'node', 'node2', 'disk-']);
    await f.waitFor(() => livePods('default', 'picky-').length === 0, 'picky pod removed');
  } finally {
    await ok(['uncordon', 'node2']);
  }
});

test('kube-proxy pods are listed with the rest of kube-system', async () => {
  const out = await ok(['get', 'pods', '-n', 'kube-system', '-l', 'k8s-app=kube-proxy']);
  const rows = out.trim().split('\n').slice(1);
  assert.equal(rows.length, 3);
  for (const r of rows) assert.match(r, /^kube-proxy-[a-z0-9]{5}\s+1\/1\s+Running\s+0\s+/);
});
