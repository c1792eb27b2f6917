// kubectl get -w (Table watch events: header once, rows as they change), --output-watch-events,
// and kubectl edit through an EDITOR script.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_KUBECTL, startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine({ controllers: false });
});
after(async () => {
  await f.stop();
});

function watchOutput(args: string[], act: () => Promise<void>, until: (out: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(REAL_KUBECTL, ['--cache-dir', join(f.dir, 'kube-cache'), ...args], { env: { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath } });
    let out = '';
    let acted = false;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`watch timed out; output so far:\n${out}`));
    }, 15_000);
    child.stdout.on('data', (d) => {
      out += d;
      if (!acted) {
        acted = true;
        act().catch(reject);
      }
      if (until(out)) {
        clearTimeout(timer);
        child.kill();
        resolve(out);
      }
    });
  });
}

test('get -w prints the header once and a row per change', async () => {
  f.engine.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'first', namespace: 'default' }, data: { a: '1' } });
  const out = await watchOutput(
    ['get', 'configmaps', '-w'],
    async () => {
      await f.kubectl(['create', 'configmap', 'second', '--from-literal=x=1', '--from-literal=y=2']).catch(() => undefined);
      f.engine.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'third', namespace: 'default' }, data: { a: '1', b: '2', c: '3' } });
    },
    (o) => /third.*\n/.test(o),
  );
  const lines = out.trimEnd().split('\n');
  assert.match(lines[0], /^NAME\s+DATA\s+AGE$/);
  assert.equal(lines.filter((l) => l.startsWith('NAME')).length, 1);
  assert.match(lines[1], /^first\s+1\s+\S+$/);
  assert.match(lines[lines.length - 1], /^third\s+3\s+\S+$/);
});

test('--output-watch-events labels each row with its event type', async () => {
  const out = await watchOutput(
    ['get', 'configmap', 'first', '-w', '--output-watch-events'],
    async () => {
      await f.kubectl(['label', 'configmap', 'first', 'k=v']);
    },
    (o) => /MODIFIED.*\n/.test(o),
  );
  const lines = out.trimEnd().split('\n');
  assert.match(lines[0], /^EVENT\s+NAME\s+DATA\s+AGE$/);
  assert.match(lines[1], /^ADDED\s+first\s+1\s+\S+$/);
  assert.match(lines[2], /^MODIFIED\s+first\s+1\s+\S+$/);
});

test('edit applies what the editor saved', async () => {
  const editor = join(f.dir, 'editor.sh');
  writeFileSync(editor, '#!/bin/sh\nsed -i "s/a: \\"1\\"/a: \\"42\\"/" "$1"\n');
  chmodSync(editor, 0o755);
  let r = await f.kubectl(['edit', 'configmap', 'first'], { env: { EDITOR: editor } });
  assert.equal(r.stdout, 'configmap/first edited\n');
  r = await f.kubectl(['get', 'configmap', 'first', '-o', 'jsonpath={.data.a}']);
  assert.equal(r.stdout, '42');
  const noop = join(f.dir, 'noop.sh');
  writeFileSync(noop, '#!/bin/sh\ntrue\n');
  chmodSync(noop, 0o755);
  r = await f.kubectl(['edit', 'configmap', 'first'], { env: { EDITOR: noop } });
  assert.equal(r.stderr, 'Edit cancelled, no changes made.\n');
});
