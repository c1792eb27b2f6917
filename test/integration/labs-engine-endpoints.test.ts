// The engine's /kubelab/v1 routes the lab runner uses (engine/history/README.md): history,
// commands typed in a node shell, setup files, the clock and its fast-forward; all behind the token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startEngine, type EngineFixture } from '../support/engine-fixture';
import { PtyTerminal } from '../support/pty-terminal';
import { EngineExtras } from '../../labs/runtime/cluster-ops';
import { KubeApi, KubeApiError } from '../../labs/runtime/kube-api';

let f: EngineFixture;
let api: KubeApi;
let extras: EngineExtras;
before(async () => {
  f = await startEngine();
  api = KubeApi.fromKubeconfig(f.engine.kubeconfigPath);
  extras = new EngineExtras(api);
});
after(async () => {
  api.close();
  await f.stop();
});

test('history records every change with the engine time, oldest first, paged', async () => {
  const r = await f.kubectl(['create', 'configmap', 'answer', '--from-literal=value=42']);
  assert.equal(r.code, 0, r.stderr);
  const all = (await extras.allHistory())!;
  const cm = all.items.filter((e) => e.kind === 'ConfigMap' && e.name === 'answer');
  assert.equal(cm.length, 1);
  assert.equal(cm[0].type, 'ADDED');
  assert.equal(cm[0].apiVersion, 'v1');
  assert.deepEqual(cm[0].object.data, { value: '42' });
  assert.ok(cm[0].time <= all.now && all.now - cm[0].time < 10_000);
  assert.ok(all.items.every((e, i) => i === 0 || e.seq > all.items[i - 1].seq));
  const page = (await extras.history(0, 2))!;
  assert.equal(page.items.length, 2);
  assert.equal(page.more, true);
});

test('setup files land in /root and typed commands come back from ~/.bash_history', async () => {
  await extras.putFile('master', 'note.txt', 'hello from the lab\n');
  const t = await PtyTerminal.start(f.engine.kubeconfigPath);
  try {
    assert.equal((await t.run('cat note.txt')).trim(), 'hello from the lab');
    await t.run('echo second');
  } finally {
    await t.dispose();
  }
  const lines = await extras.commands('master');
  assert.deepEqual(lines?.slice(-2), ['cat note.txt', 'echo second']);
  await assert.rejects(extras.commands('nowhere'), (e: unknown) => e instanceof KubeApiError && e.status === 400);
});

test('the clock moves forward on request, within bounds', async () => {
  const c0 = (await extras.clock())!;
  assert.equal(c0.canAdvance, true);
  const moved = (await extras.advance(3600))!;
  assert.ok(moved.now - c0.now >= 3600_000 && moved.now - c0.now < 3600_000 + 5000);
  await assert.rejects(extras.advance(0), (e: unknown) => e instanceof KubeApiError && e.status === 400);
});

test('the routes need the token', async () => {
  const anon = new KubeApi({ ...api.target, token: undefined });
  try {
    await assert.rejects(anon.get('/kubelab/v1/clock'), (e: unknown) => e instanceof KubeApiError && e.status === 401);
  } finally {
    anon.close();
  }
});
