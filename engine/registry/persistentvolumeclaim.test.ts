import { test } from 'node:test';
import assert from 'node:assert/strict';
import { accessModesCell, persistentVolumeClaimDefinition, validatePersistentVolumeClaim } from './persistentvolumeclaim';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('access modes abbreviations', () => {
  assert.equal(accessModesCell(['ReadWriteOncePod', 'ReadWriteOnce']), 'RWO,RWOP');
  assert.equal(accessModesCell(undefined), '');
});

test('defaults and validation', () => {
  const pvc = obj('PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } });
  persistentVolumeClaimDefinition.prepareForCreate!(pvc, fakeContext());
  persistentVolumeClaimDefinition.defaults!(pvc, fakeContext());
  assert.deepEqual([pvc.spec.volumeMode, pvc.status.phase], ['Filesystem', 'Pending']);
  assert.deepEqual(messages(validatePersistentVolumeClaim(pvc)), []);
  const v = (spec: Record<string, unknown>) => messages(validatePersistentVolumeClaim(obj('PersistentVolumeClaim', 'd', { spec })));
  assert.deepEqual(v({ resources: { requests: { storage: '1Gi' } } }), ['spec.accessModes: Required value: at least 1 access mode is required']);
  assert.deepEqual(v({ accessModes: ['ReadWriteOnce'] }), ['spec.resources[storage]: Required value']);
  assert.deepEqual(v({ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '0' } } }), ['spec.resources[storage]: Invalid value: "0": must be greater than zero']);
});

test('table row: capacity and access modes only once bound', () => {
  const pending = obj('PersistentVolumeClaim', 'data', { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'local', volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
  assert.deepEqual(persistentVolumeClaimDefinition.table!.row(pending, { now: NOW }), ['data', 'Pending', '', '', '', 'local', '<unset>', '5m', 'Filesystem']);
  const bound = obj('PersistentVolumeClaim', 'data', { spec: { volumeName: 'pv1', accessModes: ['ReadWriteOnce'] }, status: { phase: 'Bound', capacity: { storage: '2Gi' }, accessModes: ['ReadWriteOnce', 'ReadWriteMany'] } });
  assert.deepEqual(persistentVolumeClaimDefinition.table!.row(bound, { now: NOW }), ['data', 'Bound', 'pv1', '2Gi', 'RWO,RWX', '', '<unset>', '5m', '<unset>']);
});
