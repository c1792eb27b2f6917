import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { GarbageCollector } from '../garbage-collector';
import { startHarness, type Harness } from '../testing/harness';
import { ReplicaSetController } from './controller';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new ReplicaSetController(ctx), new GarbageCollector(ctx)]);
});
after(async () => {
  await h.stop();
});

function replicaSet(name: string, replicas: number, labels: Record<string, string>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels, annotations: { note: 'from-template' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...extra },
  };
}

const podsOf = (rs: KubeObject) => h.client.list('pods', 'default').filter((p) => p.metadata.ownerReferences?.some((r: { uid: string }) => r.uid === rs.metadata.uid));
const getRS = (name: string) => h.client.get('apps/replicasets', 'default', name)!;

test('creates the missing pods from the template with a controller reference and events', async () => {
  const rs = h.client.create('apps/replicasets', replicaSet('frontend', 3, { tier: 'frontend' }));
  await h.settle();
  const pods = podsOf(rs);
  assert.equal(pods.length, 3);
  for (const p of pods) {
    assert.match(p.metadata.name, /^frontend-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    assert.deepEqual(p.metadata.labels, { tier: 'frontend' });
    assert.deepEqual(p.metadata.annotations, { note: 'from-template' });
    assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
  }
  assert.deepEqual(getRS('frontend').status, { replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  const events = h.eventsFor('frontend');
  assert.equal(events.length, 3);
  for (const e of events) assert.match(e, /^SuccessfulCreate: Created pod: frontend-\w{5}$/);
});

test('counts ready and available pods, honouring minReadySeconds on the clock', async () => {
  const rs = h.client.create('apps/replicasets', replicaSet('slow', 2, { app: 'slow' }, { minReadySeconds: 10 }));
  await h.settle();
  for (const p of podsOf(rs)) h.markReady(p, 'node1');
  await h.settle();
  assert.deepEqual(getRS('slow').status, { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
  await h.advance(10_000);
  assert.equal(getRS('slow').status.availableReplicas, undefined, 'not yet: strictly more than minReadySeconds');
  await h.advance(1_000);
  assert.equal(getRS('slow').status.availableReplicas, 2);
});

test('replaces a deleted pod and scales down by deleting the least valuable pods first', async () => {
  const rs = h.client.create('apps/replicasets', replicaSet('web', 3, { app: 'web' }));
  await h.settle();
  const [p1, p2, p3] = podsOf(rs);
  h.markReady(p1);
  h.markReady(p2);
  h.client.delete('pods', 'default', p3.metadata.name);
  await h.settle();
  let pods = podsOf(rs);
  assert.equal(pods.length, 3);
  assert.ok(!pods.some((p) => p.metadata.name === p3.metadata.name));
  const fresh = pods.find((p) => p.metadata.name !== p1.metadata.name && p.metadata.name !== p2.metadata.name)!;
  // Scale to 2: the not-ready replacement goes first.
  const cur = structuredClone(getRS('web'));
  cur.spec.replicas = 2;
  h.client.update('apps/replicasets', cur);
  await h.settle();
  pods = podsOf(rs);
  assert.deepEqual(pods.map((p) => p.metadata.name).sort(), [p1.metadata.name, p2.metadata.name].sort());
  assert.ok(h.eventsFor('web').includes(`SuccessfulDelete: Deleted pod: ${fresh.metadata.name}`));
  assert.deepEqual(getRS('web').status, { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 2 });
});

test('adopts a matching orphan pod and releases a pod whose labels stop matching', async () => {
  const orphan = h.client.create('pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'default', labels: { app: 'adopt' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
  const rs = h.client.create('apps/replicasets', replicaSet('adopter', 2, { app: 'adopt' }));
  await h.settle();
  const pods = podsOf(rs);
  assert.equal(pods.length, 2);
  assert.ok(pods.some((p) => p.metadata.name === orphan.metadata.name), 'the orphan was adopted, only one pod created');
  const other = pods.find((p) => p.metadata.name !== 'stray')!;
  const relabeled = structuredClone(other);
  relabeled.metadata.labels = { app: 'debug' };
  h.client.update('pods', relabeled);
  await h.settle();
  const released = h.client.get('pods', 'default', other.metadata.name)!;
  assert.equal(released.metadata.ownerReferences, undefined, 'released');
  assert.equal(podsOf(rs).length, 2, 'a replacement was created');
});

test('deleting the ReplicaSet removes its pods (garbage collector, background)', async () => {
  const rs = h.client.create('apps/replicasets', replicaSet('gone', 2, { app: 'gone' }));
  await h.settle();
  assert.equal(podsOf(rs).length, 2);
  h.client.delete('apps/replicasets', 'default', 'gone', { propagationPolicy: 'Background' });
  await h.settle();
  assert.equal(podsOf(rs).length, 0);
});

test('a thousand pods: one ReplicaSet reconciles in bounded work', async () => {
  const t0 = process.hrtime.bigint();
  const rs = h.client.create('apps/replicasets', replicaSet('big', 1000, { app: 'big' }));
  await h.settle();
  assert.equal(podsOf(rs).length, 1000);
  h.markAllReady('default', (p) => p.metadata.labels?.app === 'big');
  await h.settle();
  assert.equal(getRS('big').status.readyReplicas, 1000);
  const cur = structuredClone(getRS('big'));
  cur.spec.replicas = 0;
  h.client.update('apps/replicasets', cur);
  await h.settle();
  assert.equal(podsOf(rs).length, 0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  // Not a benchmark: a generous bound that an O(n^2)-per-event reconcile would blow through.
  assert.ok(seconds < 60, `took ${seconds}s`);
});
