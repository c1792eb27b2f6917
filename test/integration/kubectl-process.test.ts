// bin/kubectl as a process, next to the real kubectl on one engine: what only a real process
// shows — -v request logging with kubectl's discovery disk cache warm, the cache files
// themselves, and a closed stdout pipe.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_KUBECTL, runProcess, startEngine, type EngineFixture, type KubectlResult } from '../support/engine-fixture';

const OURS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bin', 'kubectl');
let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f.stop();
});

const cacheOf = (who: string) => join(f.dir, `cache-${who}`);

function kubectl(who: 'real' | 'ours', args: string[]): Promise<KubectlResult> {
  const env = { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath };
  return runProcess(who === 'real' ? REAL_KUBECTL : OURS, ['--cache-dir', cacheOf(who), ...args], env, undefined, 60_000, f.dir);
}

// klog headers (time, pid) and latencies are what differs between two runs.
const normalized = (s: string) =>
  s
    .replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ /gm, '$1MMDD hh:mm:ss.us PID ')
    .replace(/in \d+ milliseconds/g, 'in N milliseconds');

function files(dir: string, prefix = ''): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n), `${prefix}${n}/`) : [`${prefix}${n}`]));
}

test('a warm discovery cache: -v=6 logs the same requests as kubectl, and the cache files are the same', async () => {
  for (const who of ['real', 'ours'] as const) assert.equal((await kubectl(who, ['get', 'ns'])).code, 0);
  // (kubectl's http/ cache of OpenAPI documents is not kept by ours.)
  const discovery = (who: string) => join(cacheOf(who), 'discovery');
  const real = files(discovery('real'));
  assert.ok(real.some((p) => p.endsWith('/servergroups.json')), real.join(' '));
  assert.deepEqual(files(discovery('ours')), real);
  for (const p of real) assert.equal(readFileSync(join(discovery('ours'), p), 'utf8'), readFileSync(join(discovery('real'), p), 'utf8'), p);

  for (const args of [
    ['get', 'ns', 'default', '-v=6'],
    ['get', 'pods', '-A', '-v=6'],
    ['get', 'pods', 'nosuch', '-v=6'],
    ['get', 'deploy', 'nosuch', '-v=4'],
    ['get', 'nosuchtype', '-v=6'],
  ]) {
    const [r, o] = [await kubectl('real', args), await kubectl('ours', args)];
    assert.equal(normalized(o.stderr), normalized(r.stderr), args.join(' '));
    assert.equal(o.code, r.code, args.join(' '));
  }
});

test('-v=7 shows the request headers with the token masked', async () => {
  const o = await kubectl('ours', ['get', 'ns', 'default', '-v=7']);
  assert.match(o.stderr, /round_trippers\.go:470\] GET https:\/\/127\.0\.0\.1:\d+\/api\/v1\/namespaces\/default\n/);
  assert.match(o.stderr, /round_trippers\.go:480\]     Authorization: Bearer <masked>\n/);
  assert.match(o.stderr, /round_trippers\.go:581\] Response Status: 200 OK in \d+ milliseconds\n/);
});

test('a reader that closes the pipe ends kubectl quietly, as SIGPIPE ends the real one', async () => {
  // Enough output to outlast `head -1`'s read.
  const script = `for i in $(seq 1 40); do echo "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-$i\n---"; done > many.yaml; "$K" create -f many.yaml --dry-run=client -o yaml | head -1; echo "status \${PIPESTATUS[0]}"`;
  for (const k of [REAL_KUBECTL, OURS]) {
    // Asynchronously: the engine answering kubectl runs in this process.
    const r = await runProcess('bash', ['-c', script], { ...process.env, K: k, HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath }, undefined, 60_000, f.dir);
    assert.equal(r.stderr, '', k);
    assert.equal(r.stdout, 'apiVersion: v1\nstatus 141\n', k);
  }
});
