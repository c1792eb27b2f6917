import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { GarbageCollector } from '../garbage-collector';
import { ReplicaSetController } from '../replicaset/controller';
import { startHarness, type Harness } from '../testing/harness';
import { DeploymentController } from './controller';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new ReplicaSetController(ctx), new DeploymentController(ctx), new GarbageCollector(ctx)]);
});
after(async () => {
  await h.stop();
});

const NS = 'default';
const DEPLOY = 'apps/deployments';
const RS = 'apps/replicasets';

function deployment(name: string, replicas: number, image: string, spec: Record<string, unknown> = {}, annotations?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS, annotations },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image }] } }, ...spec },
  };
}

const getD = (name: string) => h.client.get(DEPLOY, NS, name)!;
const rsOf = (name: string) =>
  h.client
    .list(RS, NS)
    .filter((rs) => rs.metadata.ownerReferences?.some((r: { uid: string }) => r.uid === getD(name).metadata.uid))
    .sort((a, b) => Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) - Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0));
const podsOf = (name: string) => h.client.list('pods', NS).filter((p) => p.metadata.labels?.app === name && !p.metadata.deletionTimestamp);
const condition = (name: string, type: string) => (getD(name).status?.conditions ?? []).find((c: { type: string }) => c.type === type);

function edit(name: string, fn: (d: KubeObject) => void): void {
  const d = structuredClone(getD(name));
  fn(d);
  h.client.update(DEPLOY, d);
}

/** Plays the kubelet until the rollout completes, checking the surge/unavailability bounds each step. */
async function rollOut(name: string, bounds?: { maxTotal: number; minAvailable: number }): Promise<number> {
  let steps = 0;
  for (; steps < 50; steps++) {
    await h.settle();
    const d = getD(name);
    const s = d.status ?? {};
    if (bounds) {
      const total = rsOf(name).reduce((n, rs) => n + rs.spec.replicas, 0);
      assert.ok(total <= bounds.maxTotal, `step ${steps}: ${total} replicas > ${bounds.maxTotal}`);
      assert.ok((s.availableReplicas ?? 0) >= bounds.minAvailable || steps === 0, `step ${steps}: ${s.availableReplicas} available < ${bounds.minAvailable}`);
    }
    if (s.observedGeneration === d.metadata.generation && s.updatedReplicas === d.spec.replicas && s.replicas === d.spec.replicas && s.availableReplicas === d.spec.replicas) return steps;
    h.markAllReady(NS, (p) => p.metadata.labels?.app === name);
  }
  throw new Error(`rollout of ${name} did not finish: ${JSON.stringify(getD(name).status)}`);
}

test('a new Deployment gets a hashed ReplicaSet, revision annotations, events and a complete status', async () => {
  h.client.create(DEPLOY, deployment('web', 3, 'nginx:1.25', {}, { 'kubernetes.io/change-cause': 'first' }));
  await h.settle();
  const [rs] = rsOf('web');
  const hash = rs.metadata.labels!['pod-template-hash'];
  assert.match(hash, /^[456789bcdf]{1,10}$/);
  assert.equal(rs.metadata.name, `web-${hash}`);
  assert.deepEqual(rs.metadata.labels, { app: 'web', 'pod-template-hash': hash });
  assert.deepEqual(rs.spec.selector, { matchLabels: { app: 'web', 'pod-template-hash': hash } });
  assert.deepEqual(rs.spec.template.metadata.labels, { app: 'web', 'pod-template-hash': hash });
  assert.deepEqual(rs.metadata.annotations, {
    'deployment.kubernetes.io/desired-replicas': '3',
    'deployment.kubernetes.io/max-replicas': '4',
    'deployment.kubernetes.io/revision': '1',
    'kubernetes.io/change-cause': 'first',
  });
  assert.equal(rs.spec.replicas, 3);
  assert.equal(getD('web').metadata.annotations!['deployment.kubernetes.io/revision'], '1');
  assert.deepEqual(h.eventsFor('web'), [`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
  assert.equal(condition('web', 'Available').reason, 'MinimumReplicasUnavailable');
  assert.equal(condition('web', 'Available').message, 'Deployment does not have minimum availability.');
  assert.equal(podsOf('web').length, 3);
  await rollOut('web');
  const d = getD('web');
  assert.deepEqual(
    { ...d.status, conditions: undefined },
    { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3, conditions: undefined },
  );
  assert.deepEqual(
    d.status.conditions.map((c: Record<string, string>) => [c.type, c.status, c.reason, c.message]),
    [
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      ['Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "web-${hash}" has successfully progressed.`],
    ],
  );
});

test('a rolling update stays within maxSurge/maxUnavailable and scales the old ReplicaSet to zero', async () => {
  edit('web', (d) => (d.spec.template.spec.containers[0].image = 'nginx:1.26'));
  await rollOut('web', { maxTotal: 4, minAvailable: 3 });
  const [oldRS, newRS] = rsOf('web');
  assert.equal(oldRS.spec.replicas, 0);
  assert.equal(newRS.spec.replicas, 3);
  assert.equal(newRS.metadata.annotations!['deployment.kubernetes.io/revision'], '2');
  assert.equal(getD('web').metadata.annotations!['deployment.kubernetes.io/revision'], '2');
  assert.equal(podsOf('web').length, 3);
  assert.ok(podsOf('web').every((p) => p.spec.containers[0].image === 'nginx:1.26'));
  const events = h.eventsFor('web');
  assert.equal(events[1], `ScalingReplicaSet: Scaled up replica set ${newRS.metadata.name} from 0 to 1`);
  assert.ok(events.includes(`ScalingReplicaSet: Scaled down replica set ${oldRS.metadata.name} from 1 to 0`));
});

test('changing the template back reuses the old ReplicaSet with the next revision and a revision-history', async () => {
  const [first] = rsOf('web');
  edit('web', (d) => (d.spec.template.spec.containers[0].image = 'nginx:1.25'));
  await rollOut('web', { maxTotal: 4, minAvailable: 3 });
  const all = rsOf('web');
  assert.equal(all.length, 2, 'no third ReplicaSet');
  const reused = all.find((rs) => rs.metadata.uid === first.metadata.uid)!;
  assert.equal(reused.metadata.annotations!['deployment.kubernetes.io/revision'], '3');
  assert.equal(reused.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1');
  assert.equal(reused.spec.replicas, 3);
  assert.equal(condition('web', 'Progressing').reason, 'NewReplicaSetAvailable');
});

test('scaling a deployment scales its one active ReplicaSet and updates the replica annotations', async () => {
  edit('web', (d) => (d.spec.replicas = 5));
  await rollOut('web');
  const active = rsOf('web').find((rs) => rs.spec.replicas > 0)!;
  assert.equal(active.spec.replicas, 5);
  assert.equal(active.metadata.annotations!['deployment.kubernetes.io/desired-replicas'], '5');
  assert.equal(active.metadata.annotations!['deployment.kubernetes.io/max-replicas'], '7');
  assert.equal(h.eventsFor('web').at(-1), `ScalingReplicaSet: Scaled up replica set ${active.metadata.name} from 3 to 5`);
});

test('Recreate scales the old ReplicaSet to zero and waits for its pods to go before creating the new one', async () => {
  h.client.create(DEPLOY, deployment('rec', 2, 'httpd:2.4', { strategy: { type: 'Recreate' } }));
  await rollOut('rec');
  // Bind the pods to a node so their deletion is graceful and they linger, as with a kubelet.
  for (const p of podsOf('rec')) {
    const n = structuredClone(p);
    n.spec.nodeName = 'node1';
    h.client.update('pods', n);
  }
  edit('rec', (d) => (d.spec.template.spec.containers[0].image = 'httpd:2.5'));
  await h.settle();
  assert.equal(rsOf('rec').length, 1, 'the new ReplicaSet waits');
  assert.equal(rsOf('rec')[0].spec.replicas, 0);
  const terminating = h.client.list('pods', NS).filter((p) => p.metadata.labels?.app === 'rec');
  assert.equal(terminating.length, 2);
  assert.ok(terminating.every((p) => p.metadata.deletionTimestamp));
  // The kubelet finishes the pods: the deletion completes.
  for (const p of terminating) h.client.delete('pods', NS, p.metadata.name, { gracePeriodSeconds: 0 });
  await h.settle();
  assert.equal(rsOf('rec').length, 2);
  assert.equal(rsOf('rec')[1].spec.replicas, 2);
  await rollOut('rec');
  assert.ok(podsOf('rec').every((p) => p.spec.containers[0].image === 'httpd:2.5'));
});

test('paused: template changes wait, scaling still applies, conditions say paused and resumed', async () => {
  h.client.create(DEPLOY, deployment('pz', 2, 'nginx:1.25'));
  await rollOut('pz');
  edit('pz', (d) => (d.spec.paused = true));
  await h.settle();
  assert.deepEqual([condition('pz', 'Progressing').status, condition('pz', 'Progressing').reason, condition('pz', 'Progressing').message], ['Unknown', 'DeploymentPaused', 'Deployment is paused']);
  edit('pz', (d) => {
    d.spec.template.spec.containers[0].image = 'nginx:1.26';
    d.spec.replicas = 3;
  });
  await rollOut('pz').catch(() => undefined);
  assert.equal(rsOf('pz').length, 1, 'no rollout while paused');
  assert.equal(rsOf('pz')[0].spec.replicas, 3, 'scaled while paused');
  edit('pz', (d) => (d.spec.paused = false));
  await h.settle();
  assert.equal(rsOf('pz').length, 2);
  await rollOut('pz', { maxTotal: 4, minAvailable: 3 });
  assert.equal(condition('pz', 'Progressing').reason, 'NewReplicaSetAvailable');
});

test('progressDeadlineSeconds: no progress for the deadline gives ProgressDeadlineExceeded, on the clock', async () => {
  h.client.create(DEPLOY, deployment('stuck', 1, 'nginx:nope', { progressDeadlineSeconds: 30 }));
  await h.settle();
  const [rs] = rsOf('stuck');
  // Created, then progressing as its pod appears (lastUpdateTime moves with each progress).
  assert.deepEqual([condition('stuck', 'Progressing').reason, condition('stuck', 'Progressing').message], ['ReplicaSetUpdated', `ReplicaSet "${rs.metadata.name}" is progressing.`]);
  await h.advance(20_000);
  assert.equal(condition('stuck', 'Progressing').status, 'True');
  await h.advance(12_000);
  const c = condition('stuck', 'Progressing');
  assert.deepEqual([c.status, c.reason, c.message], ['False', 'ProgressDeadlineExceeded', `ReplicaSet "${rs.metadata.name}" has timed out progressing.`]);
});

test('revisionHistoryLimit keeps only that many old ReplicaSets', async () => {
  h.client.create(DEPLOY, deployment('hist', 1, 'busybox:1', { revisionHistoryLimit: 1 }));
  await rollOut('hist');
  for (const tag of ['2', '3', '4']) {
    edit('hist', (d) => (d.spec.template.spec.containers[0].image = `busybox:${tag}`));
    await rollOut('hist');
    await h.settle();
  }
  const revisions = rsOf('hist').map((rs) => rs.metadata.annotations!['deployment.kubernetes.io/revision']);
  assert.deepEqual(revisions, ['3', '4']);
});

test('scaling mid-rollout is proportional across the active ReplicaSets', async () => {
  h.client.create(DEPLOY, deployment('prop', 10, 'nginx:1', { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 3, maxUnavailable: 2 } } }));
  await rollOut('prop');
  edit('prop', (d) => (d.spec.template.spec.containers[0].image = 'nginx:2'));
  await h.settle();
  const before = rsOf('prop').map((rs) => rs.spec.replicas);
  assert.equal(before.reduce((a, b) => a + b, 0), 13);
  edit('prop', (d) => (d.spec.replicas = 20));
  await h.settle();
  const after = rsOf('prop').map((rs) => rs.spec.replicas);
  assert.equal(after.reduce((a, b) => a + b, 0), 23, `20 + surge 3: ${after}`);
  assert.ok(after[0] > before[0] && after[1] > before[1], `both grew: ${before} -> ${after}`);
});

test('the deprecated rollbackTo annotation rolls the template back and is cleared', async () => {
  h.client.create(DEPLOY, deployment('rb', 1, 'nginx:1'));
  await rollOut('rb');
  edit('rb', (d) => (d.spec.template.spec.containers[0].image = 'nginx:2'));
  await rollOut('rb');
  edit('rb', (d) => (d.metadata.annotations = { ...d.metadata.annotations, 'deprecated.deployment.rollback.to': '1' }));
  await rollOut('rb');
  const d = getD('rb');
  assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1');
  assert.equal(d.metadata.annotations!['deprecated.deployment.rollback.to'], undefined);
  assert.equal(d.metadata.annotations!['deployment.kubernetes.io/revision'], '3');
  assert.ok(h.eventsFor('rb').includes('DeploymentRollback: Rolled back deployment "rb" to revision 1'));
});

test('orphan deletion keeps the ReplicaSet and pods; a new Deployment adopts them again', async () => {
  h.client.create(DEPLOY, deployment('orph', 2, 'nginx:1'));
  await rollOut('orph');
  const [rs] = rsOf('orph');
  h.client.delete(DEPLOY, NS, 'orph', { propagationPolicy: 'Orphan' });
  await h.settle();
  assert.equal(h.client.get(DEPLOY, NS, 'orph'), undefined);
  const kept = h.client.get(RS, NS, rs.metadata.name)!;
  assert.equal(kept.metadata.ownerReferences, undefined);
  assert.equal(podsOf('orph').length, 2);
  h.client.create(DEPLOY, deployment('orph', 2, 'nginx:1'));
  await h.settle();
  assert.deepEqual(rsOf('orph').map((r) => r.metadata.name), [rs.metadata.name]);
  assert.equal(podsOf('orph').length, 2);
});

test('foreground deletion removes pods, then the ReplicaSet, then the Deployment', async () => {
  h.client.create(DEPLOY, deployment('fg', 2, 'nginx:1'));
  await rollOut('fg');
  const [rs] = rsOf('fg');
  h.client.delete(DEPLOY, NS, 'fg', { propagationPolicy: 'Foreground' });
  await h.settle();
  assert.equal(h.client.get(DEPLOY, NS, 'fg'), undefined);
  assert.equal(h.client.get(RS, NS, rs.metadata.name), undefined);
  assert.equal(h.client.list('pods', NS).filter((p) => p.metadata.labels?.app === 'fg').length, 0);
});
