import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { GarbageCollector } from './garbage-collector';
import { NamespaceController } from './namespace-controller';
import { ReplicaSetController } from './replicaset/controller';
import { ServiceAccountController } from './serviceaccount-controller';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new ReplicaSetController(ctx), new GarbageCollector(ctx), new NamespaceController(ctx), new ServiceAccountController(ctx)]);
});
after(async () => {
  await h.stop();
});

test('deleting a namespace deletes its content, waits for terminating pods, then removes it', async () => {
  h.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
  await h.settle();
  h.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'lab' }, data: { a: '1' } });
  h.client.create('apps/replicasets', {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'rs', namespace: 'lab' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
  });
  await h.settle();
  // One pod runs on a node: its deletion is graceful and waits for the kubelet.
  const [running] = h.client.list('pods', 'lab');
  h.markReady(running, 'node1');
  await h.settle();

  h.client.delete('namespaces', undefined, 'lab');
  await h.settle();
  const ns = h.client.get('namespaces', undefined, 'lab')!;
  assert.equal(ns.status.phase, 'Terminating');
  assert.deepEqual(h.client.list('configmaps', 'lab'), []);
  assert.deepEqual(h.client.list('apps/replicasets', 'lab'), []);
  assert.deepEqual(h.client.list('serviceaccounts', 'lab'), []);
  const left = h.client.list('pods', 'lab');
  assert.equal(left.length, 1);
  assert.ok(left[0].metadata.deletionTimestamp);
  const remaining = ns.status.conditions.find((c: { type: string }) => c.type === 'NamespaceContentRemaining');
  assert.deepEqual([remaining.status, remaining.reason, remaining.message], ['True', 'SomeResourcesRemain', 'Some resources are remaining: pods has 1 resource instances']);

  // The kubelet finishes the pod.
  h.client.delete('pods', 'lab', left[0].metadata.name, { gracePeriodSeconds: 0 });
  await h.settle();
  assert.equal(h.client.get('namespaces', undefined, 'lab'), undefined);
});
