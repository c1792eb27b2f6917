// Expected outputs and files were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl, written } from './test-support';

test('set-cluster creates the file with only the flags given', async () => {
  const r = await kubectl(['config', 'set-cluster', 'foo', '--server=https://1.2.3.4']);
  assert.equal(r.out, 'Cluster "foo" set.\n');
  assert.equal(r.code, 0);
  assert.equal(r.file, written({ clusters: '- cluster:\n    server: https://1.2.3.4\n  name: foo\n' }));
});

test('a new --server drops tls-server-name; omitting --insecure-skip-tls-verify turns it off', async () => {
  const start = written({ clusters: '- cluster:\n    insecure-skip-tls-verify: true\n    proxy-url: http://p:1\n    server: ""\n    tls-server-name: x.com\n  name: bar\n' });
  const r = await kubectl(['config', 'set-cluster', 'bar', '--server=https://5.6.7.8'], { kubeconfig: start });
  assert.equal(r.file, written({ clusters: '- cluster:\n    proxy-url: http://p:1\n    server: https://5.6.7.8\n  name: bar\n' }));
});

test('--certificate-authority is written relative to the kubeconfig when beneath it, else absolute', async () => {
  let r = await kubectl(['config', 'set-cluster', 'c', '--certificate-authority=./sub/../ca.crt']);
  assert.equal(r.file, written({ clusters: '- cluster:\n    certificate-authority: ca.crt\n    server: ""\n  name: c\n' }));
  r = await kubectl(['config', 'set-cluster', 'c', '--certificate-authority=/etc/ca.crt']);
  assert.equal(r.file, written({ clusters: '- cluster:\n    certificate-authority: /etc/ca.crt\n    server: ""\n  name: c\n' }));
});

test('--embed-certs stores the file contents; a missing file is an error', async () => {
  let r = await kubectl(['config', 'set-cluster', 'c', '--certificate-authority=ca.crt', '--embed-certs'], { files: { '/home/k/ca.crt': 'hello\n' } });
  assert.equal(r.file, written({ clusters: '- cluster:\n    certificate-authority-data: aGVsbG8K\n    server: ""\n  name: c\n' }));
  r = await kubectl(['config', 'set-cluster', 'c', '--certificate-authority=/nonexist/ca.crt', '--embed-certs']);
  assert.equal(r.err, 'error: could not stat certificate-authority file /nonexist/ca.crt: stat /nonexist/ca.crt: no such file or directory\n');
  assert.equal(r.code, 1);
  assert.equal(r.file, undefined);
  r = await kubectl(['config', 'set-cluster', 'c', '--embed-certs']);
  assert.equal(r.err, 'error: you must specify a --certificate-authority to embed\n');
});

test('set-cluster argument errors', async () => {
  let r = await kubectl(['config', 'set-cluster', 'c', '--certificate-authority=ca.crt', '--insecure-skip-tls-verify']);
  assert.equal(r.err, 'error: you cannot specify a certificate authority and insecure mode at the same time\n');
  r = await kubectl(['config', 'set-cluster', 'a', 'b']);
  assert.match(r.out, /^Set a cluster entry in kubeconfig\./);
  assert.equal(r.err, 'error: Unexpected args: [a b]\n');
  r = await kubectl(['config', 'set-cluster', '']);
  assert.equal(r.err, 'error: you must specify a non-empty cluster name\n');
});

test('set-cluster without changes leaves the file untouched', async () => {
  const start = 'clusters:\n- name: c\n  cluster: {server: https://x, insecure-skip-tls-verify: false}\n';
  const r = await kubectl(['config', 'set-cluster', 'c'], { kubeconfig: start });
  assert.equal(r.out, 'Cluster "c" set.\n');
  assert.equal(r.file, start);
});
