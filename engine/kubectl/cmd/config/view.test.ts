// Expected outputs were captured from kubectl v1.32.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kubectl } from './test-support';

const sub = 'clusters:\n- name: c\n  cluster: {server: x, certificate-authority: ca.crt}\nusers:\n- name: u\n  user: {client-key: k.key, token: secret}\n';

test('view prints file paths as written', async () => {
  const r = await kubectl(['config', 'view', '--kubeconfig=sub/b'], { files: { '/home/k/sub/b': sub } });
  assert.match(r.out, /certificate-authority: ca\.crt\n/);
  assert.match(r.out, /client-key: k\.key\n {4}token: REDACTED\n/);
});

test('--flatten reads files next to the kubeconfig and shortens nothing', async () => {
  const files = { '/home/k/sub/b': sub, '/home/k/sub/ca.crt': 'hi\n', '/home/k/sub/k.key': 'key\n' };
  const r = await kubectl(['config', 'view', '--kubeconfig=sub/b', '--flatten'], { files });
  assert.match(r.out, /certificate-authority-data: aGkK\n/);
  assert.match(r.out, /client-key-data: a2V5Cg==\n {4}token: secret\n/);
});
