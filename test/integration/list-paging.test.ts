// limit/continue paging as kubectl --chunk-size uses it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';
import { ApiClient } from '../support/api-client';

let f: EngineFixture;
before(async () => {
  f = await startEngine({ controllers: false });
  for (let i = 0; i < 7; i++) f.engine.client.create('configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `c${i}`, namespace: 'default' } });
});
after(async () => {
  await f.stop();
});

test('pages follow continue tokens to the end', async () => {
  const api = new ApiClient(f.engine.kubeconfigPath);
  try {
    const names: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const r = await api.call('GET', `/api/v1/namespaces/default/configmaps?limit=3${token ? `&continue=${token}` : ''}`);
      const list = r.json<{ metadata: { continue?: string }; items: { metadata: { name: string } }[] }>();
      names.push(...list.items.map((i) => i.metadata.name));
      token = list.metadata.continue ?? '';
      pages++;
    } while (token);
    assert.deepEqual(names, ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    assert.equal(pages, 3);
  } finally {
    api.close();
  }
});

test('kubectl --chunk-size prints one table across pages', async () => {
  const r = await f.kubectl(['get', 'cm', '--chunk-size=2', '-o', 'name']);
  assert.equal(r.stdout, ['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map((n) => `configmap/${n}\n`).join(''));
  const t = await f.kubectl(['get', 'cm', '--chunk-size=2', '--no-headers']);
  assert.equal(t.stdout.trim().split('\n').length, 7);
});
