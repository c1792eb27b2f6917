import { test } from 'node:test';
import assert from 'node:assert/strict';
import { roleBindingDefinition, subjectsStrings } from './rolebinding';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('defaults: roleRef and User/Group subjects get the rbac API group', () => {
  const b = obj('RoleBinding', 'rb', { roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'jane' }, { kind: 'ServiceAccount', name: 'default', namespace: 'default' }] });
  roleBindingDefinition.defaults!(b, fakeContext());
  assert.equal(b.roleRef.apiGroup, 'rbac.authorization.k8s.io');
  assert.deepEqual(b.subjects.map((s: { apiGroup: string }) => s.apiGroup), ['rbac.authorization.k8s.io', '']);
  assert.deepEqual(messages(roleBindingDefinition.validate!(b, fakeContext())), []);
});

test('validation: roleRef kind and name, subjects, immutable roleRef', () => {
  const ctx = fakeContext();
  const v = (rest: Record<string, unknown>) => {
    const b = obj('RoleBinding', 'rb', rest);
    roleBindingDefinition.defaults!(b, ctx);
    return messages(roleBindingDefinition.validate!(b, ctx));
  };
  assert.deepEqual(v({ roleRef: { kind: 'role', name: 'r' } }), ['roleRef.kind: Unsupported value: "role": supported values: "Role", "ClusterRole"']);
  assert.deepEqual(v({ roleRef: { kind: 'Role' } }), ['roleRef.name: Required value']);
  assert.deepEqual(v({ roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'user', name: 'jane' }] }), ['subjects[0].kind: Unsupported value: "user": supported values: "ServiceAccount", "User", "Group"']);
  const old = obj('RoleBinding', 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a' } });
  const next = obj('RoleBinding', 'rb', { roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'b' } });
  assert.deepEqual(messages(roleBindingDefinition.validateUpdate!(next, old, ctx)), ['roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"b"}: cannot change roleRef']);
});

test('table row: ROLE and the wide subject columns', () => {
  const b = obj('RoleBinding', 'rb', {
    roleRef: { kind: 'ClusterRole', name: 'view' },
    subjects: [{ kind: 'User', name: 'jane' }, { kind: 'User', name: 'bob' }, { kind: 'Group', name: 'dev' }, { kind: 'ServiceAccount', name: 'ci', namespace: 'tools' }],
  });
  assert.deepEqual(roleBindingDefinition.table!.row(b, { now: NOW }), ['rb', 'ClusterRole/view', '5m', 'jane, bob', 'dev', 'tools/ci']);
  assert.deepEqual(subjectsStrings(undefined), ['', '', '']);
  assert.deepEqual(roleBindingDefinition.table!.columns.map((c) => [c.name, c.priority]), [['Name', 0], ['Role', 0], ['Age', 0], ['Users', 1], ['Groups', 1], ['ServiceAccounts', 1]]);
});
