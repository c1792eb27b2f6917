// Expected outputs and files were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, written } from './test-support';

const start = written({
  clusters: '- cluster:\n    server: https://a\n  name: c1\n',
  contexts: '- context:\n    cluster: c1\n    namespace: dev\n    user: u1\n  name: x1\n',
  current: 'x1',
  users: '- name: u1\n  user:\n    exec:\n      args: null\n      command: x\n      env: null\n      provideClusterInfo: false\n    token: t\n',
});

test('unset zeroes a field, drops an entry or a whole map', async () => {
  let r = await kubectl(['config', 'unset', 'contexts.x1.namespace'], { kubeconfig: start });
  assert.equal(r.out, 'Property "contexts.x1.namespace" unset.\n');
  assert.match(r.file!, /- context:\n {4}cluster: c1\n {4}user: u1\n {2}name: x1\n/);
  r = await kubectl(['config', 'unset', 'users.u1.exec'], { kubeconfig: start });
  assert.match(r.file!, /users:\n- name: u1\n {2}user:\n {4}token: t\n$/);
  r = await kubectl(['config', 'unset', 'clusters'], { kubeconfig: start });
  assert.match(r.file!, /^apiVersion: v1\nclusters: null\n/);
  r = await kubectl(['config', 'unset', 'current-context'], { kubeconfig: start });
  assert.match(r.file!, /current-context: ""\n/);
});

test('unset of a missing entry succeeds; a path through one fails', async () => {
  let r = await kubectl(['config', 'unset', 'contexts.missing'], { kubeconfig: start });
  assert.equal(r.out, 'Property "contexts.missing" unset.\n');
  assert.equal(r.file, start);
  r = await kubectl(['config', 'unset', 'contexts.missing.namespace'], { kubeconfig: start });
  assert.equal(r.err, 'error: current map key `missing` is invalid\n');
  r = await kubectl(['config', 'unset', 'foo'], { kubeconfig: start });
  assert.equal(r.err, 'error: unable to parse foo after [] at api.Config\n');
  r = await kubectl(['config', 'unset', 'a', 'b'], { kubeconfig: start });
  assert.match(r.out, /^Unset an individual value in a kubeconfig file\./);
  assert.equal(r.err, 'error: Unexpected args: [a b]\n');
});
