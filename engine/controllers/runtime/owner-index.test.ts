import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness, type Harness } from '../testing/harness';
import { OwnerIndex } from './owner-index';

let h: Harness;
let index: OwnerIndex;
let stop: () => void;
before(async () => {
  h = await startHarness(() => []);
  index = new OwnerIndex(h.client, ['configmaps']);
  stop = index.start();
});
after(async () => {
  stop();
  await h.stop();
});

const owner = { apiVersion: 'v1', kind: 'Secret', name: 's', uid: 'owner-uid', controller: true };
const cm = (name: string, ownerReferences?: unknown[]) => h.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', ...(ownerReferences ? { ownerReferences } : {}) } } as never);

test('follows ownerReferences through create, update and delete', () => {
  cm('dep', [owner]);
  cm('free');
  assert.deepEqual(index.controlledBy('configmaps', 'owner-uid').map((o) => o.metadata.name), ['dep']);
  assert.ok(index.orphans('configmaps', 'default').some((o) => o.metadata.name === 'free'));
  assert.ok(!index.orphans('configmaps', 'default').some((o) => o.metadata.name === 'dep'));

  const released = structuredClone(h.client.get('configmaps', 'default', 'dep')!);
  released.metadata.ownerReferences = [{ ...owner, controller: false }];
  h.client.update('configmaps', released);
  assert.deepEqual(index.controlledBy('configmaps', 'owner-uid'), [], 'no longer the controller');
  assert.deepEqual(index.dependentRefs('owner-uid'), [{ resource: 'configmaps', namespace: 'default', name: 'dep' }], 'still a dependent');
  assert.ok(index.orphans('configmaps', 'default').some((o) => o.metadata.name === 'dep'));

  h.client.delete('configmaps', 'default', 'dep');
  assert.equal(index.hasDependents('owner-uid'), false);
  assert.ok(!index.orphans('configmaps', 'default').some((o) => o.metadata.name === 'dep'));
});

test('ignores resources it does not index', () => {
  h.client.create('secrets', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'x', namespace: 'default', ownerReferences: [owner] } } as never);
  assert.equal(index.hasDependents('owner-uid'), false);
});
