import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leaseDefinition } from './lease';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('table row: HOLDER', () => {
  const l = obj('Lease', 'node1', { spec: { holderIdentity: 'node1', leaseDurationSeconds: 40 } }, 'kube-node-lease');
  assert.deepEqual(leaseDefinition.table!.row(l, { now: NOW }), ['node1', 'node1', '5m']);
  assert.deepEqual(leaseDefinition.table!.row(obj('Lease', 'x', { spec: {} }), { now: NOW }), ['x', '', '5m']);
});

test('validation: positive duration, non-negative transitions', () => {
  const l = obj('Lease', 'x', { spec: { leaseDurationSeconds: 0, leaseTransitions: -1 } });
  assert.deepEqual(messages(leaseDefinition.validate!(l, fakeContext())), [
    'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
    'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
  ]);
});
