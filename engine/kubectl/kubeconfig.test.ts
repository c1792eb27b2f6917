import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBase64, loadKubeconfig, resolveClientConfig } from './kubeconfig';
import { MemoryFS, memoryIO } from './testing/memory-fs';
import { renderError } from './errors';

const a = `apiVersion: v1
kind: Config
current-context: a
clusters:
- name: shared
  cluster: {server: https://a:6443}
contexts:
- name: a
  context: {cluster: shared, user: ua, namespace: team-a}
users:
- name: ua
  user: {token: ta}
`;
const b = `apiVersion: v1
kind: Config
current-context: b
clusters:
- name: shared
  cluster: {server: https://b:6443}
- name: only-b
  cluster: {server: https://only-b:6443}
contexts:
- name: b
  context: {cluster: only-b, user: ub}
users:
- name: ub
  user: {token: tb}
`;

test('KUBECONFIG list merges with the first file winning per key', async () => {
  const io = memoryIO({ fs: new MemoryFS({ '/k/a': a, '/k/b': b }), env: { KUBECONFIG: '/k/a:/k/missing:/k/b' } });
  const cfg = await loadKubeconfig(io);
  assert.equal(cfg.currentContext, 'a');
  assert.equal(cfg.clusters.get('shared')!.body.server, 'https://a:6443');
  assert.equal(cfg.clusters.get('only-b')!.origin, '/k/b');
  const cc = await resolveClientConfig(io, cfg, {});
  assert.deepEqual([cc.server, cc.namespace, cc.token], ['https://a:6443', 'team-a', 'ta']);
  const other = await resolveClientConfig(io, cfg, { context: 'b', namespace: 'x' });
  assert.deepEqual([other.server, other.namespace, other.token], ['https://only-b:6443', 'x', 'tb']);
});

test('no kubeconfig at all: http://localhost:8080 and namespace default', async () => {
  const io = memoryIO({ env: { HOME: '/home/u' } });
  const cc = await resolveClientConfig(io, await loadKubeconfig(io), {});
  assert.deepEqual([cc.server, cc.namespace], ['http://localhost:8080', 'default']);
});

test('configuration errors read like kubectl', async () => {
  const io = memoryIO({ fs: new MemoryFS({ '/k/a': a }), env: { KUBECONFIG: '/k/a' } });
  const cfg = await loadKubeconfig(io);
  const e = await resolveClientConfig(io, cfg, { context: 'nope' }).catch((x) => x);
  assert.equal(renderError(e).text, 'Error in configuration: context was not found for specified context: nope\n');
  const missing = await loadKubeconfig(io, { explicitPath: '/nope', explicitMustExist: true }).catch((x) => x);
  assert.equal(renderError(missing).text, 'error: stat /nope: no such file or directory\n');
});

test('base64 errors report Go offsets', () => {
  assert.throws(() => checkBase64('LS0tLS1CRUdJTi'), { message: 'illegal base64 data at input byte 12' });
  assert.throws(() => checkBase64('ab$d'), { message: 'illegal base64 data at input byte 2' });
  assert.throws(() => checkBase64('abc='.slice(0, 3) + '=x'), { message: 'illegal base64 data at input byte 4' });
  checkBase64('LS0tLS1CRUdJTg==');
  checkBase64('');
});
