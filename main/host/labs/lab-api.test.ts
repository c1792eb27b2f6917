import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLabApi } from './lab-api';

const LABS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..', 'labs');

test('the lab API lists packs (broken ones with their error) and refuses to start without a cluster', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-labapi-'));
  const labsDir = join(dir, 'labs');
  cpSync(join(LABS, 'canary'), join(labsDir, 'canary'), { recursive: true });
  mkdirSync(join(labsDir, 'broken'));
  writeFileSync(join(labsDir, 'broken', 'lab.yaml'), 'id: broken\nversion: [1\n');
  const api = createLabApi({ dataDir: dir, kubeconfig: () => undefined, labsDir });
  const server = createServer((req, res) => {
    void api.handle(req, res, new URL(req.url ?? '/', 'http://x')).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const cat = (await (await fetch(`${base}/api/labs`)).json()) as { labs: Array<{ id: string; completed: boolean }>; broken: Array<{ id: string; error: string }> };
    assert.deepEqual(cat.labs.map((l) => [l.id, l.completed]), [['canary', false]]);
    assert.equal(cat.broken.length, 1);
    assert.match(cat.broken[0].error, /broken\/lab\.yaml:\d+:\d+: invalid YAML/);
    assert.equal(await (await fetch(`${base}/api/labs/current`)).json(), null);
    const start = await fetch(`${base}/api/labs/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'canary' }) });
    assert.equal(start.status, 422);
    assert.deepEqual(await start.json(), { error: 'the cluster is not ready' });
    const broken = await fetch(`${base}/api/labs/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'broken' }) });
    assert.match(((await broken.json()) as { error: string }).error, /invalid YAML/);
    const bad = await fetch(`${base}/api/labs/start`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(bad.status, 400);
  } finally {
    server.close();
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
