import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import type { OwnerReference } from './runtime/owner-index';
import { GarbageCollector } from './garbage-collector';
import { startHarness, type Harness } from './testing/harness';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new GarbageCollector(ctx)]);
});
after(async () => {
  await h.stop();
});

function ref(owner: KubeObject, kind: string, block = false): OwnerReference {
  return { apiVersion: 'v1', kind, name: owner.metadata.name, uid: owner.metadata.uid!, ...(block ? { blockOwnerDeletion: true } : {}) };
}
const cm = (name: string, owners: OwnerReference[] = []) =>
  h.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ...(owners.length ? { ownerReferences: owners } : {}) }, data: { k: name } });
const secret = (name: string, owners: OwnerReference[]) =>
  h.client.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: 'default', ownerReferences: owners }, type: 'Opaque' });
const exists = (resource: string, name: string) => h.client.get(resource, 'default', name) !== undefined;

test('background: dependents of any kind go when all their owners are gone', async () => {
  const owner = cm('owner-a');
  const other = cm('owner-b');
  secret('only-a', [ref(owner, 'ConfigMap')]);
  secret('a-and-b', [ref(owner, 'ConfigMap'), ref(other, 'ConfigMap')]);
  cm('child-of-secret', [{ apiVersion: 'v1', kind: 'Secret', name: 'only-a', uid: h.client.get('secrets', 'default', 'only-a')!.metadata.uid! }]);
  await h.settle();
  h.client.delete('configmaps', 'default', 'owner-a');
  await h.settle();
  assert.ok(!exists('secrets', 'only-a'));
  assert.ok(!exists('configmaps', 'child-of-secret'), 'transitively');
  const kept = h.client.get('secrets', 'default', 'a-and-b')!;
  assert.deepEqual(kept.metadata.ownerReferences, [ref(other, 'ConfigMap')], 'the dangling reference is dropped');
});

test('a reference to an owner that never existed is dangling; an unserved kind is left alone', async () => {
  secret('dangling', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'nope', uid: 'no-such-uid' }]);
  secret('unknown-kind', [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'w-uid' }]);
  await h.settle();
  assert.ok(!exists('secrets', 'dangling'));
  assert.ok(exists('secrets', 'unknown-kind'));
});

test('foreground: the owner stays with its finalizer until blocking dependents are gone', async () => {
  const owner = cm('fg-owner');
  // A dependent that cannot go at once: it carries a finalizer of someone else.
  h.client.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'fg-blocker', namespace: 'default', finalizers: ['example.com/hold'], ownerReferences: [ref(owner, 'ConfigMap', true)] } });
  secret('fg-free', [ref(owner, 'ConfigMap')]);
  await h.settle();
  h.client.delete('configmaps', 'default', 'fg-owner', { propagationPolicy: 'Foreground' });
  await h.settle();
  const pending = h.client.get('configmaps', 'default', 'fg-owner')!;
  assert.ok(pending.metadata.deletionTimestamp);
  assert.deepEqual(pending.metadata.finalizers, ['foregroundDeletion']);
  assert.ok(!exists('secrets', 'fg-free'));
  assert.ok(h.client.get('secrets', 'default', 'fg-blocker')!.metadata.deletionTimestamp);
  h.client.removeFinalizer('secrets', h.client.get('secrets', 'default', 'fg-blocker')!, 'example.com/hold');
  await h.settle();
  assert.ok(!exists('secrets', 'fg-blocker'));
  assert.ok(!exists('configmaps', 'fg-owner'));
});

test('orphan: dependents lose the reference and stay, then the owner goes', async () => {
  const owner = cm('orphan-owner');
  secret('orphan-dep', [ref(owner, 'ConfigMap', true)]);
  await h.settle();
  h.client.delete('configmaps', 'default', 'orphan-owner', { propagationPolicy: 'Orphan' });
  await h.settle();
  assert.ok(!exists('configmaps', 'orphan-owner'));
  const dep = h.client.get('secrets', 'default', 'orphan-dep')!;
  assert.equal(dep.metadata.ownerReferences, undefined);
});
