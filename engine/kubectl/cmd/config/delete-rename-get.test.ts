// delete-cluster, delete-context, delete-user, rename-context, get-clusters, get-users.
// Expected outputs and files were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, kubeconfigPath, written } from './test-support';

const start = written({
  clusters: '- cluster:\n    server: https://a\n  name: c1\n',
  contexts: '- context:\n    cluster: c1\n    user: u1\n  name: x1\n',
  current: 'x1',
  users: '- name: u1\n  user:\n    token: t\n',
});

test('get-clusters and get-users list names', async () => {
  assert.equal((await kubectl(['config', 'get-clusters', 'ignored'], { kubeconfig: start })).out, 'NAME\nc1\n');
  assert.equal((await kubectl(['config', 'get-users'], { kubeconfig: start })).out, 'NAME\nu1\n');
  assert.equal((await kubectl(['config', 'get-users'])).out, 'NAME\n');
});

test('delete-* remove one stanza and name the file', async () => {
  let r = await kubectl(['config', 'delete-cluster', 'c1'], { kubeconfig: start });
  assert.equal(r.out, `deleted cluster c1 from ${kubeconfigPath}\n`);
  assert.match(r.file!, /^apiVersion: v1\nclusters: null\n/);
  r = await kubectl(['config', 'delete-user', 'u1'], { kubeconfig: start });
  assert.equal(r.out, `deleted user u1 from ${kubeconfigPath}\n`);
  assert.match(r.file!, /users: null\n$/);
  r = await kubectl(['config', 'delete-context', 'x1'], { kubeconfig: start });
  assert.equal(r.err, 'warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
  assert.equal(r.out, `deleted context x1 from ${kubeconfigPath}\n`);
  assert.match(r.file!, /contexts: null\ncurrent-context: x1\n/);
});

test('delete-* errors', async () => {
  let r = await kubectl(['config', 'delete-cluster', 'x'], { kubeconfig: start });
  assert.equal(r.err, `error: cannot delete cluster x, not in ${kubeconfigPath}\n`);
  r = await kubectl(['config', 'delete-context', 'x', '--kubeconfig=other']);
  assert.equal(r.err, 'error: cannot delete context x, not in other\n');
  r = await kubectl(['config', 'delete-user', 'x'], { kubeconfig: start });
  assert.equal(r.err, `error: cannot delete user x, not in ${kubeconfigPath}\n`);
  r = await kubectl(['config', 'delete-cluster'], { kubeconfig: start });
  assert.equal(r.code, 0);
  assert.match(r.out, /^Delete the specified cluster from the kubeconfig\./);
  r = await kubectl(['config', 'delete-user', 'a', 'b'], { kubeconfig: start });
  assert.equal(r.err, "error: user to delete is required\nSee 'kubectl config delete-user -h' for help and examples\n");
});

test('rename-context moves current-context along', async () => {
  const r = await kubectl(['config', 'rename-context', 'x1', 'x2'], { kubeconfig: start });
  assert.equal(r.out, 'Context "x1" renamed to "x2".\n');
  assert.match(r.file!, /name: x2\ncurrent-context: x2\n/);
});

test('rename-context errors', async () => {
  let r = await kubectl(['config', 'rename-context', 'a', 'b'], { kubeconfig: start });
  assert.equal(r.err, `error: cannot rename the context "a", it's not in ${kubeconfigPath}\n`);
  r = await kubectl(['config', 'rename-context', 'x1', 'x1'], { kubeconfig: start });
  assert.equal(r.err, `error: cannot rename the context "x1", the context "x1" already exists in ${kubeconfigPath}\n`);
  r = await kubectl(['config', 'rename-context', 'x1', ''], { kubeconfig: start });
  assert.equal(r.err, 'error: You must specify a new non-empty context name\n');
  r = await kubectl(['config', 'rename-context', 'x1'], { kubeconfig: start });
  assert.equal(r.err, 'error: Unexpected args: [x1]\n');
});

test('a KUBECONFIG chain: changes go to the stanza\'s file, new stanzas to the first existing file', async () => {
  const b = 'clusters:\n- name: cb\n  cluster: {server: https://b, certificate-authority: ca.crt}\n';
  const env = { KUBECONFIG: '/home/k/missing:/home/k/sub/b' };
  let r = await kubectl(['config', 'set', 'clusters.cb.server', 'https://bb'], { files: { '/home/k/sub/b': b }, env });
  assert.equal(r.fs.text('/home/k/sub/b'), written({ clusters: '- cluster:\n    certificate-authority: ca.crt\n    server: https://bb\n  name: cb\n' }));
  assert.equal(r.fs.text('/home/k/missing'), undefined);
  r = await kubectl(['config', 'delete-cluster', 'cb'], { files: { '/home/k/sub/b': b }, env });
  assert.equal(r.out, 'deleted cluster cb from /home/k/sub/b\n');
});
