import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRoleBindingDefinition } from './clusterrolebinding';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('cluster role bindings: ClusterRole only, service accounts need a namespace', () => {
  const ctx = fakeContext();
  const b = obj('ClusterRoleBinding', 'crb', { roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'default' }] }, undefined);
  clusterRoleBindingDefinition.defaults!(b, ctx);
  assert.deepEqual(messages(clusterRoleBindingDefinition.validate!(b, ctx)), ['roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"', 'subjects[0].namespace: Required value']);
  const ok = obj('ClusterRoleBinding', 'admin', { roleRef: { kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'Group', name: 'system:masters' }] }, undefined);
  clusterRoleBindingDefinition.defaults!(ok, ctx);
  assert.deepEqual(messages(clusterRoleBindingDefinition.validate!(ok, ctx)), []);
  assert.deepEqual(clusterRoleBindingDefinition.table!.row(ok, { now: NOW }), ['admin', 'ClusterRole/cluster-admin', '5m', '', 'system:masters', '']);
});
