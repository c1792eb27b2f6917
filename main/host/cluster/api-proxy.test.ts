import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowedApiPath } from './api-proxy';

const check = (u: string) => allowedApiPath(new URL(u, 'http://127.0.0.1'), '/k8s');

test('lists, watches and single objects of the shown kinds pass through', () => {
  assert.equal(check('/k8s/api/v1/pods?watch=1&resourceVersion=12'), '/api/v1/pods?watch=1&resourceVersion=12');
  assert.equal(check('/k8s/api/v1/namespaces/default/pods/web-1'), '/api/v1/namespaces/default/pods/web-1');
  assert.equal(check('/k8s/api/v1/nodes/master'), '/api/v1/nodes/master');
  assert.equal(check('/k8s/apis/apps/v1/replicasets'), '/apis/apps/v1/replicasets');
  assert.equal(check('/k8s/apis/apps/v1/namespaces/kube-system/deployments/coredns'), '/apis/apps/v1/namespaces/kube-system/deployments/coredns');
  assert.equal(check('/k8s/api/v1/events?fieldSelector=involvedObject.name%3Dweb'), '/api/v1/events?fieldSelector=involvedObject.name%3Dweb');
});

test('everything else is refused', () => {
  assert.equal(check('/k8s/api/v1/secrets'), undefined);
  assert.equal(check('/k8s/api/v1/namespaces/default/secrets/x'), undefined);
  assert.equal(check('/k8s/api/v1/namespaces/default/pods/web-1/exec'), undefined);
  assert.equal(check('/k8s/api/v1/namespaces/default/pods/web-1/log'), undefined);
  assert.equal(check('/k8s/api/v1/pods?dryRun=All'), undefined);
  assert.equal(check('/k8s/api/v1/namespaces/../secrets'), undefined);
  assert.equal(check('/k8s/apis/rbac.authorization.k8s.io/v1/clusterroles'), undefined);
});
