import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controllerRevisionDefinition } from './controllerrevision';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('table row: CONTROLLER is lower-case kind.group/name of the controlling owner', () => {
  const cr = obj('ControllerRevision', 'web-6d4cf56db6', {
    revision: 2,
    data: {},
    metadata: { name: 'web-6d4cf56db6', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'u', controller: true }] },
  });
  assert.deepEqual(controllerRevisionDefinition.table!.row(cr, { now: NOW }), ['web-6d4cf56db6', 'statefulset.apps/web', 2, '5m']);
  const orphan = obj('ControllerRevision', 'x', { revision: 1, data: {} });
  assert.equal(controllerRevisionDefinition.table!.row(orphan, { now: NOW })[1], '<none>');
  const core = obj('ControllerRevision', 'y', { revision: 1, metadata: { name: 'y', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }] } });
  assert.equal(controllerRevisionDefinition.table!.row(core, { now: NOW })[1], 'pod/p');
});

test('validation: data is mandatory, revision non-negative, data immutable', () => {
  const ctx = fakeContext();
  assert.deepEqual(messages(controllerRevisionDefinition.validate!(obj('ControllerRevision', 'x', { revision: -1 }), ctx)), [
    'data: Required value: data is mandatory',
    'revision: Invalid value: -1: must be greater than or equal to 0',
  ]);
  const old = obj('ControllerRevision', 'x', { revision: 1, data: { a: 1 } });
  const next = obj('ControllerRevision', 'x', { revision: 2, data: { a: 2 } });
  assert.deepEqual(messages(controllerRevisionDefinition.validateUpdate!(next, old, ctx)).map((m) => m.replace(/:.*: /, ': … ')), ['data: … field is immutable']);
});
