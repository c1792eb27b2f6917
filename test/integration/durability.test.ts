// kill -9 in the middle of a stream of creates: after a restart on the same data folder, every
// create that was answered 201 is there, with the same uid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient } from '../support/api-client';

const KUBELAB = join(import.meta.dirname, '..', '..', 'bin', 'kubelab');

function startEngineProcess(data: string): Promise<{ child: ChildProcess; kubeconfig: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KUBELAB, 'engine', '--data', data], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /kubelab engine ready: kubeconfig=(\S+) server=(\S+)/.exec(out);
      if (m) resolve({ child, kubeconfig: m[1] });
    });
    child.on('exit', (code) => reject(new Error(`engine exited ${code}: ${out}`)));
  });
}

test('acknowledged creates survive SIGKILL', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-kill-'));
  const data = join(dir, 'data');
  try {
    const first = await startEngineProcess(data);
    const api = new ApiClient(first.kubeconfig);
    const acknowledged = new Map<string, string>();
    let stop = false;
    const writer = (async () => {
      for (let i = 0; !stop; i++) {
        const name = `cm-${i}`;
        try {
          const r = await api.call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { i: String(i) } });
          if (r.status === 201) acknowledged.set(name, r.json<{ metadata: { uid: string } }>().metadata.uid);
        } catch {
          return; // the connection died with the process
        }
      }
    })();
    while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    stop = true;
    await writer;
    api.close();
    await new Promise((r) => first.child.once('exit', r));

    const second = await startEngineProcess(data);
    const api2 = new ApiClient(second.kubeconfig);
    const list = (await api2.call('GET', '/api/v1/namespaces/default/configmaps')).json<{ items: { metadata: { name: string; uid: string } }[] }>();
    const stored = new Map(list.items.map((c) => [c.metadata.name, c.metadata.uid]));
    for (const [name, uid] of acknowledged) assert.equal(stored.get(name), uid, `${name} was acknowledged but is missing after restart`);
    api2.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SIGTERM stops cleanly and a restart resumes the same cluster', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-resume-'));
  const data = join(dir, 'data');
  try {
    const first = await startEngineProcess(data);
    const api = new ApiClient(first.kubeconfig);
    const created = (await api.call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep' }, data: { k: 'v' } })).json<{
      metadata: { uid: string; resourceVersion: string; creationTimestamp: string };
    }>();
    api.close();
    first.child.kill('SIGTERM');
    const code = await new Promise((r) => first.child.once('exit', r));
    assert.equal(code, 0);

    const second = await startEngineProcess(data);
    const api2 = new ApiClient(second.kubeconfig);
    const again = (await api2.call('GET', '/api/v1/namespaces/default/configmaps/keep')).json<typeof created>();
    assert.deepEqual(again.metadata, { ...again.metadata, uid: created.metadata.uid, resourceVersion: created.metadata.resourceVersion, creationTimestamp: created.metadata.creationTimestamp });
    const next = (await api2.call('POST', '/api/v1/namespaces/default/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'after' } })).json<typeof created>();
    assert.ok(Number(next.metadata.resourceVersion) > Number(created.metadata.resourceVersion), 'resourceVersions keep increasing');
    api2.close();
    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
