import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { electronBinary } from './electron-runtime';
import { openerFor } from './open-browser';

test('the Electron binary is found only when its runtime was downloaded', () => {
  const root = mkdtempSync(join(tmpdir(), 'kubelab-electron-'));
  try {
    const pkg = join(root, 'node_modules', 'electron');
    mkdirSync(pkg, { recursive: true });
    assert.equal(electronBinary(root, {}), undefined, 'installed without its runtime (Electron 45+ offline)');
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    assert.equal(electronBinary(root, {}), undefined, 'path.txt but no dist/');
    mkdirSync(join(pkg, 'dist'));
    writeFileSync(join(pkg, 'dist', 'electron'), '');
    assert.equal(electronBinary(root, {}), join(pkg, 'dist', 'electron'));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('the default browser is opened with the platform’s own opener', () => {
  assert.deepEqual(openerFor('linux', 'http://127.0.0.1:1/?token=a'), { file: 'xdg-open', args: ['http://127.0.0.1:1/?token=a'] });
  assert.deepEqual(openerFor('darwin', 'http://x/'), { file: 'open', args: ['http://x/'] });
  assert.deepEqual(openerFor('win32', 'http://x/?a=1&b=2'), { file: 'cmd', args: ['/c', 'start', '""', 'http://x/?a=1^&b=2'] });
});
