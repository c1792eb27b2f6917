// The supervisor against the real engine (dist/kubelab.js, built by `npm test`): it restarts a
// killed or frozen engine on the same data and the cluster is as it was; a crash loop is bounded.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { appPaths, childCommands } from './app-paths';
import { EngineSupervisor } from './engine-supervisor';
import type { EngineState, EngineStatus } from './protocol';
import { RestartPolicy } from './restart-policy';

function waitForStatus(sup: EngineSupervisor, pred: (s: EngineStatus) => boolean, timeoutMs = 20_000): Promise<EngineStatus> {
  if (pred(sup.status)) return Promise.resolve(sup.status);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out; last status ${JSON.stringify(sup.status)}`));
    }, timeoutMs);
    const sub = sup.onStatus((s) => {
      if (!pred(s)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(s);
    });
  });
}

test('a killed engine is restarted on the same data and the cluster is as it was', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-sup-'));
  const sup = new EngineSupervisor({ command: childCommands(appPaths()).engine, dataDir: join(dir, 'data'), healthIntervalMs: 300, healthTimeoutMs: 2000, healthFailures: 2 });
  t.after(async () => {
    await sup.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const states: EngineState[] = [];
  sup.onStatus((s) => states.push(s.state));
  sup.start();
  const first = await waitForStatus(sup, (s) => s.state === 'ready');
  assert.equal(first.generation, 1);
  const nodes = await sup.kube!.getJson<{ items: Array<{ metadata: { name: string; uid: string } }> }>('/api/v1/nodes');
  const uids = nodes.body.items.map((n) => n.metadata.uid).sort();
  assert.equal(uids.length, 3);

  process.kill(first.pid!, 'SIGKILL');
  const second = await waitForStatus(sup, (s) => s.state === 'ready' && s.generation === 2);
  assert.equal(second.restarts, 1);
  assert.notEqual(second.pid, first.pid);
  const again = await sup.kube!.getJson<{ items: Array<{ metadata: { uid: string } }> }>('/api/v1/nodes');
  assert.deepEqual(again.body.items.map((n) => n.metadata.uid).sort(), uids, 'same cluster after the restart');

  // A frozen engine (SIGSTOP) stops answering health checks: reported, killed, replaced.
  process.kill(second.pid!, 'SIGSTOP');
  await waitForStatus(sup, (s) => s.state === 'unresponsive');
  const third = await waitForStatus(sup, (s) => s.state === 'ready' && s.generation === 3);
  assert.equal(third.restarts, 2);
  assert.deepEqual(states.slice(0, 2), ['starting', 'ready']);
  assert.ok(states.includes('restarting') && states.includes('unresponsive'), states.join(' → '));
});

test('an engine that keeps crashing is restarted a bounded number of times, then reported failed', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-sup-'));
  const fake = fileURLToPath(new URL('./testing/crashing-engine.mjs', import.meta.url));
  const sup = new EngineSupervisor({
    command: [process.execPath, fake],
    dataDir: dir,
    policy: new RestartPolicy({ maxRestarts: 2, initialDelayMs: 10 }),
  });
  t.after(async () => {
    await sup.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  sup.start();
  const failed = await waitForStatus(sup, (s) => s.state === 'failed');
  assert.equal(failed.restarts, 2);
  assert.match(failed.message ?? '', /exited with code 3\nfake engine: cannot open database/);
  // The UI's "restart" gives it a fresh budget.
  await sup.restartNow();
  await waitForStatus(sup, (s) => s.state === 'failed' && s.restarts === 4);
});
