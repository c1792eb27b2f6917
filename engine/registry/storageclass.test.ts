import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storageClassDefinition, validateStorageClass, validateStorageClassUpdate } from './storageclass';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('defaults and table row, with the (default) marker', () => {
  const sc = obj('StorageClass', 'standard', { provisioner: 'rancher.io/local-path', metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } } }, undefined);
  storageClassDefinition.defaults!(sc, fakeContext());
  assert.deepEqual([sc.reclaimPolicy, sc.volumeBindingMode], ['Delete', 'Immediate']);
  assert.deepEqual(storageClassDefinition.table!.row(sc, { now: NOW }), ['standard (default)', 'rancher.io/local-path', 'Delete', 'Immediate', false, '5m']);
  const plain = obj('StorageClass', 'fast', { provisioner: 'x.io/y', reclaimPolicy: 'Retain', volumeBindingMode: 'WaitForFirstConsumer', allowVolumeExpansion: true }, undefined);
  assert.deepEqual(storageClassDefinition.table!.row(plain, { now: NOW }), ['fast', 'x.io/y', 'Retain', 'WaitForFirstConsumer', true, '5m']);
});

test('validation: provisioner, policies, immutable fields', () => {
  assert.deepEqual(messages(validateStorageClass(obj('StorageClass', 'x', {}, undefined))), ['provisioner: Required value']);
  assert.deepEqual(messages(validateStorageClass(obj('StorageClass', 'x', { provisioner: 'a/b', reclaimPolicy: 'Recycle' }, undefined))), ['reclaimPolicy: Unsupported value: "Recycle": supported values: "Delete", "Retain"']);
  const old = obj('StorageClass', 'x', { provisioner: 'a/b', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate' }, undefined);
  const next = obj('StorageClass', 'x', { provisioner: 'a/c', reclaimPolicy: 'Delete', volumeBindingMode: 'Immediate', parameters: { type: 'ssd' } }, undefined);
  assert.deepEqual(messages(validateStorageClassUpdate(next, old)), ['parameters: Forbidden: updates to parameters are forbidden.', 'provisioner: Forbidden: updates to provisioner are forbidden.']);
});
