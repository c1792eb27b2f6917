// The resource verbs that need more than one command to compare (the differential corpus in
// test/differential/corpus/verbs.txt holds the rest): edit through EDITOR scripts, delete
// waiting for a running pod to go, rollout status, drain's refusal and warnings, get -w.
// Each case runs the real kubectl and ours (in-process run()) against their own objects on one
// engine and compares outputs after replacing the object names.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REAL_KUBECTL, startEngine, type EngineFixture, type KubectlResult } from '../support/engine-fixture';
import { run } from '../../engine/kubectl/run';
import type { KubectlIO } from '../../engine/kubectl/io';
import { nodeFs } from '../../engine/kubectl/node-fs';

let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f.stop();
});

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath, ...extra };
}

async function ours(args: string[], extra: Record<string, string> = {}, signal?: AbortSignal): Promise<KubectlResult> {
  let stdout = '';
  let stderr = '';
  const io: KubectlIO = {
    stdin: async () => new Uint8Array(),
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    env: env(extra),
    cwd: f.dir,
    fs: nodeFs,
    now: () => Date.now(),
    signal,
    platform: 'linux/amd64',
    pid: process.pid,
    launchEditor: (argv) =>
      new Promise((resolve) => {
        const c = spawn(argv[0], argv.slice(1), { stdio: 'ignore', env: env(extra) });
        c.on('error', () => resolve({ exitCode: 127, notFound: true }));
        c.on('exit', (code) => resolve({ exitCode: code ?? 1 }));
      }),
  };
  const code = await run(['--cache-dir', join(f.dir, 'kube-cache-ours'), ...args], io);
  return { stdout, stderr, code };
}

const norm = (s: string) =>
  s
    .replace(/[^"\s]*kubectl-edit-\d+\.yaml/g, '<file>')
    .replace(/\b\d+(s|m)\b/g, '<age>')
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-<r5>');

/** Runs `make(name)` with the real kubectl on `<base>-real` and ours on `<base>-ours`. */
async function compare(base: string, make: (name: string) => string[], extra: Record<string, string> = {}): Promise<void> {
  const r = await f.kubectl(make(`${base}-real`), { env: extra });
  const o = await ours(make(`${base}-ours`), extra);
  const fix = (s: string, who: string) => norm(s.split(`${base}-${who}`).join(base));
  assert.equal(fix(o.stdout, 'ours'), fix(r.stdout, 'real'), `stdout of ${make(base).join(' ')}`);
  assert.equal(fix(o.stderr, 'ours'), fix(r.stderr, 'real'), `stderr of ${make(base).join(' ')}`);
  assert.equal(o.code, r.code, `exit code of ${make(base).join(' ')}`);
}

function script(name: string, body: string): string {
  const p = join(f.dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

test('edit: a change is patched, no change cancels, an emptied file fails validation twice', async () => {
  for (const who of ['real', 'ours']) await f.kubectl(['create', 'deploy', `ed-${who}`, '--image=nginx']);
  const image = script('ed-image.sh', `sed -i 's/image: nginx.*/image: nginx:1.21/' "$1"`);
  const noop = script('ed-noop.sh', 'true');
  const empty = script('ed-empty.sh', ': > "$1"');
  // Temp files (kept when an edit fails) go to the fixture's folder.
  const tmp = { TMPDIR: f.dir };
  await compare('ed', (n) => ['edit', 'deploy', n], { ...tmp, EDITOR: image });
  await compare('ed', (n) => ['edit', 'deploy', n], { ...tmp, EDITOR: noop });
  // Moving apiVersion below kind changes the bytes, not the object: kubectl cancels.
  const reorder = script('ed-reorder.sh', `awk '/^apiVersion:/{a=$0;next} {print} /^kind:/{print a}' "$1" > "$1.tmp" && mv "$1.tmp" "$1"`);
  await compare('ed', (n) => ['edit', 'deploy', n], { ...tmp, EDITOR: reorder });
  await compare('ed', (n) => ['edit', 'deploy', n], { ...tmp, EDITOR: empty });
  await compare('ed', (n) => ['edit', 'deploy', n], { ...tmp, EDITOR: join(f.dir, 'no-such-editor') });
  const r = await f.kubectl(['get', 'deploy', 'ed-ours', '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
  assert.equal(r.stdout, 'nginx:1.21');
});

test('delete waits until a running pod is gone', async () => {
  for (const who of ['real', 'ours']) await f.kubectl(['run', `del-${who}`, '--image=nginx']);
  await f.waitFor(async () => (await f.kubectl(['get', 'pods', 'del-real', 'del-ours', '-o', 'jsonpath={.items[*].status.phase}'])).stdout === 'Running Running', 'pods running', 30_000);
  await compare('del', (n) => ['delete', 'pod', n]);
  const left = await f.kubectl(['get', 'pods', 'del-real', 'del-ours', '--ignore-not-found']);
  assert.equal(left.stdout, '');
});

test('rollout status follows a deployment until it is rolled out', async () => {
  for (const who of ['real', 'ours']) await f.kubectl(['create', 'deploy', `rs-${who}`, '--image=nginx', '--replicas=2']);
  // Both watch at once; how many "Waiting" lines appear depends on timing, the last line does not.
  const [r, o] = await Promise.all([f.kubectl(['rollout', 'status', 'deploy/rs-real', '--timeout=60s']), ours(['rollout', 'status', 'deploy/rs-ours', '--timeout=60s'])]);
  assert.equal(o.code, r.code);
  assert.equal(o.stdout.trimEnd().split('\n').pop(), 'deployment "rs-ours" successfully rolled out');
  for (const line of o.stdout.trimEnd().split('\n').slice(0, -1)) assert.match(line, /^Waiting for deployment "rs-ours" rollout to finish: /);
  await compare('rs', (n) => ['rollout', 'status', `deploy/${n}`, '--watch=false']);
});

test('drain refuses pods without a controller and drains with --force --dry-run', async () => {
  await f.kubectl(['run', 'drain-solo', '--image=nginx', '--overrides={"spec":{"nodeName":"node2"}}']);
  const r = await f.kubectl(['drain', 'node2', '--timeout=20s']);
  await f.kubectl(['uncordon', 'node2']);
  const o = await ours(['drain', 'node2', '--timeout=20s']);
  await f.kubectl(['uncordon', 'node2']);
  assert.equal(o.stdout, r.stdout);
  assert.equal(o.stderr, r.stderr);
  assert.equal(o.code, r.code);
  const rd = await f.kubectl(['drain', 'node2', '--force', '--dry-run=client', '--ignore-daemonsets']);
  const od = await ours(['drain', 'node2', '--force', '--dry-run=client', '--ignore-daemonsets']);
  const sortLines = (s: string) => s.split('\n').sort().join('\n');
  assert.equal(sortLines(od.stdout), sortLines(rd.stdout));
  assert.equal(od.stderr, rd.stderr);
});

test('run -i --rm attaches (or falls back to logs), returns the exit code and deletes the pod', async () => {
  await compare('ri', (n) => ['run', n, '--image=busybox', '-i', '--rm', '--restart=Never', '--', 'echo', 'hello']);
  await compare('rx', (n) => ['run', n, '--image=busybox', '-i', '--rm', '--restart=Never', '--', 'sh', '-c', 'exit 3']);
});

test('get -w prints the list, then a row per change, until interrupted', async () => {
  await f.kubectl(['create', 'ns', 'watch']);
  await f.kubectl(['create', 'cm', 'w1', '-n', 'watch']);
  const ac = new AbortController();
  const pending = ours(['get', 'cm', '-n', 'watch', '-w', '--output-watch-events'], {}, ac.signal);
  await new Promise((r) => setTimeout(r, 500));
  await f.kubectl(['create', 'cm', 'w2', '-n', 'watch']);
  await new Promise((r) => setTimeout(r, 500));
  ac.abort();
  const o = await pending;
  const lines = o.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^EVENT\s+NAME\s+DATA\s+AGE$/);
  assert.ok(lines.some((l) => /^ADDED\s+w1\s+0\s+\S+$/.test(l)), o.stdout);
  assert.ok(lines.some((l) => /^ADDED\s+w2\s+0\s+\S+$/.test(l)), o.stdout);
});
