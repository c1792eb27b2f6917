import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bashRcText, commandFor, parseProfile } from './session-profiles';

const ctx = { shellCommand: ['/usr/bin/node', '/app/dist/kubelab.js', 'shell'], kubeconfig: '/data/kubeconfig', binDir: '/app/bin' };

test('a node tab runs kubelab shell for that node', () => {
  const cmd = commandFor({ kind: 'node', node: 'node1' }, { ...ctx, env: { PATH: '/usr/bin' }, platform: 'linux' });
  assert.equal(cmd.file, '/usr/bin/node');
  assert.deepEqual(cmd.args, ['/app/dist/kubelab.js', 'shell', '--node', 'node1', '--kubeconfig', '/data/kubeconfig']);
  assert.equal(cmd.env.TERM, 'xterm-256color');
});

test('the host terminal runs the user shell with our bin first on PATH, KUBECONFIG set and no private env', () => {
  const cmd = commandFor({ kind: 'host' }, { ...ctx, env: { PATH: '/usr/bin:/bin', SHELL: '/bin/zsh', ELECTRON_RUN_AS_NODE: '1', HOME: '/home/u' }, platform: 'linux' });
  assert.equal(cmd.file, '/bin/zsh');
  assert.equal(cmd.env.PATH, '/app/bin:/usr/bin:/bin');
  assert.equal(cmd.env.KUBECONFIG, '/data/kubeconfig');
  assert.equal(cmd.env.ELECTRON_RUN_AS_NODE, undefined, 'would break Electron apps the user starts from this shell');
});

test('bash gets an rc file that puts our bin first after ~/.bashrc', () => {
  const cmd = commandFor({ kind: 'host' }, { ...ctx, bashRcFile: '/data/bashrc', env: { PATH: '/usr/bin', SHELL: '/usr/bin/bash' }, platform: 'linux' });
  assert.deepEqual(cmd.args, ['--rcfile', '/data/bashrc']);
  assert.equal(cmd.env.KUBELAB_BIN, '/app/bin');
  assert.match(bashRcText(), /\. ~\/\.bashrc\nexport PATH="\$KUBELAB_BIN:\$PATH"/);
});

test('Windows keeps its Path spelling and separator', () => {
  const cmd = commandFor({ kind: 'host' }, { ...ctx, binDir: 'C:\\app\\bin', env: { Path: 'C:\\Windows', COMSPEC: 'cmd.exe' }, platform: 'win32' });
  assert.equal(cmd.file, 'cmd.exe');
  assert.equal(cmd.env.Path, 'C:\\app\\bin;C:\\Windows');
});

test('untrusted profiles are parsed strictly', () => {
  assert.deepEqual(parseProfile({ kind: 'node', node: 'master' }), { kind: 'node', node: 'master' });
  assert.deepEqual(parseProfile({ kind: 'host', extra: 1 }), { kind: 'host' });
  assert.equal(parseProfile({ kind: 'node', node: '--help' }), undefined);
  assert.equal(parseProfile({ kind: 'node', node: 'a b' }), undefined);
  assert.equal(parseProfile({ kind: 'exec', file: '/bin/sh' }), undefined);
  assert.equal(parseProfile(null), undefined);
});
