import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterRoleDefinition } from './clusterrole';
import { fakeContext, messages, obj } from './testing/registry-fixtures';

test('cluster roles may use non-resource URLs but not mix them with resources', () => {
  const v = (rules: unknown[]) => messages(clusterRoleDefinition.validate!(obj('ClusterRole', 'r', { rules }, undefined), fakeContext()));
  assert.deepEqual(v([{ nonResourceURLs: ['/healthz'], verbs: ['get'] }]), []);
  assert.deepEqual(v([{ nonResourceURLs: ['/healthz'], resources: ['pods'], verbs: ['get'] }]), [
    'rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: rules cannot apply to both regular resources and non-resource URLs',
  ]);
  assert.equal(clusterRoleDefinition.namespaced, false);
  assert.equal(clusterRoleDefinition.table, undefined);
});
