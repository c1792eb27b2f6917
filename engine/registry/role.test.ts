import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateObjectMeta } from '../api/metadata-validation';
import { roleDefinition } from './role';
import { fakeContext, messages, obj } from './testing/registry-fixtures';

test('roles print the default NAME / CREATED AT table', () => {
  assert.equal(roleDefinition.table, undefined);
});

test('rule validation', () => {
  const v = (rules: unknown[]) => messages(roleDefinition.validate!(obj('Role', 'r', { rules }), fakeContext()));
  assert.deepEqual(v([{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }]), []);
  assert.deepEqual(v([{ apiGroups: [''], resources: ['pods'] }]), ['rules[0].verbs: Required value: verbs must contain at least one value']);
  assert.deepEqual(v([{ resources: ['pods'], verbs: ['get'] }]), ['rules[0].apiGroups: Required value: resource rules must supply at least one api group']);
  assert.deepEqual(v([{ apiGroups: [''], verbs: ['get'] }]), ['rules[0].resources: Required value: resource rules must supply at least one resource']);
  assert.deepEqual(v([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]), ['rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs']);
});

test('RBAC names are path segments (colons allowed, slashes not)', () => {
  assert.deepEqual(messages(validateObjectMeta(obj('Role', 'system:controller:x'), true, 'path')), []);
  assert.deepEqual(messages(validateObjectMeta(obj('Role', 'a/b'), true, 'path')), ['metadata.name: Invalid value: "a/b": may not contain \'/\'']);
});
