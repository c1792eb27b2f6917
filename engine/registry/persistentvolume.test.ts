import { test } from 'node:test';
import assert from 'node:assert/strict';
import { persistentVolumeDefinition, validatePersistentVolume } from './persistentvolume';
import { fakeContext, messages, minutesAgo, NOW, obj } from './testing/registry-fixtures';

test('defaults: Retain, Filesystem, Pending', () => {
  const pv = obj('PersistentVolume', 'pv1', { spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/data' } } }, undefined);
  persistentVolumeDefinition.prepareForCreate!(pv, fakeContext());
  persistentVolumeDefinition.defaults!(pv, fakeContext());
  assert.deepEqual([pv.spec.persistentVolumeReclaimPolicy, pv.spec.volumeMode, pv.spec.hostPath.type, pv.status.phase], ['Retain', 'Filesystem', '', 'Pending']);
});

test('validation of the common mistakes', () => {
  const v = (spec: Record<string, unknown>) => messages(validatePersistentVolume(obj('PersistentVolume', 'pv1', { spec }, undefined)));
  assert.deepEqual(v({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], nfs: { server: 'nfs', path: '/x' } }), []);
  assert.deepEqual(v({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'] }), ['spec: Required value: must specify a volume type']);
  assert.deepEqual(v({ capacity: { storage: '1Gi' }, hostPath: { path: '/x' } }), ['spec.accessModes: Required value']);
  assert.deepEqual(v({ capacity: { storage: '1Gi' }, accessModes: ['RWO'], hostPath: { path: '/x' } }), [
    'spec.accessModes: Unsupported value: "RWO": supported values: "ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"',
  ]);
  assert.deepEqual(v({ accessModes: ['ReadWriteOnce'], hostPath: { path: '/x' } }), ['spec.capacity: Required value', 'spec.capacity: Unsupported value: core.ResourceList(nil): supported values: "storage"']);
  assert.deepEqual(v({ capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/x' }, persistentVolumeReclaimPolicy: 'Keep' }), [
    'spec.persistentVolumeReclaimPolicy: Unsupported value: "Keep": supported values: "Delete", "Recycle", "Retain"',
  ]);
});

test('table row: printPersistentVolume', () => {
  const pv = obj('PersistentVolume', 'pv1', {
    spec: { capacity: { storage: '2Gi' }, accessModes: ['ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany'], persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'default', name: 'data' }, storageClassName: 'nfs', volumeMode: 'Filesystem', nfs: {} },
    status: { phase: 'Bound' },
  }, undefined);
  assert.deepEqual(persistentVolumeDefinition.table!.row(pv, { now: NOW }), ['pv1', '2Gi', 'RWO,ROX,RWX', 'Retain', 'Bound', 'default/data', 'nfs', '<unset>', '', '5m', 'Filesystem']);
  const deleting = obj('PersistentVolume', 'pv2', { metadata: { name: 'pv2', deletionTimestamp: minutesAgo(0) }, spec: { capacity: { storage: '1Gi' } }, status: { phase: 'Released', reason: 'Oops' } }, undefined);
  assert.deepEqual(persistentVolumeDefinition.table!.row(deleting, { now: NOW }).slice(3, 11), ['', 'Terminating', '', '', '<unset>', 'Oops', '5m', '<unset>']);
});
