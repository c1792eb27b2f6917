// The host end to end without a browser: token and Origin checks, terminal sessions over
// WebSocket (node shell and host terminal), the read-only API proxy, and describe.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { appPaths } from './app-paths';
import { startHost, type Host } from './host';
import { request } from 'node:https';
import type { ClusterServerMessage, ServerMessage, SessionInfo } from './protocol';

let host: Host;
let dir: string;
const fakeShell = fileURLToPath(new URL('./testing/fake-node-shell.mjs', import.meta.url));

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kubelab-host-'));
  host = await startHost({ dataDir: join(dir, 'data'), shellCommand: [process.execPath, fakeShell] });
});
after(async () => {
  await host.close();
  rmSync(dir, { recursive: true, force: true });
});

const auth = () => ({ 'x-kubelab-token': host.token });

async function waitReady(): Promise<void> {
  for (let i = 0; i < 200 && host.engine.status.state !== 'ready'; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal(host.engine.status.state, 'ready');
}

function attach(id: string, headers: Record<string, string> = {}) {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws/terminal/${id}?token=${host.token}`, { headers: { origin: host.origin, ...headers } });
  let text = '';
  const messages: ServerMessage[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString()) as ServerMessage;
    messages.push(m);
    if (m.type === 'output' || m.type === 'replay') text += m.data;
  });
  return {
    ws,
    messages,
    text: () => text,
    send: (m: unknown) => ws.send(JSON.stringify(m)),
    async until(re: RegExp, timeoutMs = 10_000) {
      const start = Date.now();
      while (!re.test(text)) {
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${re} in ${JSON.stringify(text)}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    opened: () => new Promise<void>((resolve, reject) => (ws.once('open', () => resolve()), ws.once('error', reject))),
  };
}

async function createSession(profile: unknown): Promise<SessionInfo> {
  const res = await fetch(`${host.origin}/api/sessions`, { method: 'POST', headers: { ...auth(), 'content-type': 'application/json' }, body: JSON.stringify({ profile, cols: 100, rows: 30 }) });
  assert.equal(res.status, 201);
  return (await res.json()) as SessionInfo;
}

test('requests without the token are refused; the token is traded for a cookie', async () => {
  assert.equal((await fetch(`${host.origin}/`)).status, 401);
  assert.equal((await fetch(`${host.origin}/api/status`)).status, 401);
  assert.equal((await fetch(`${host.origin}/api/status?token=wrong`)).status, 401);
  const first = await fetch(host.url, { redirect: 'manual' });
  assert.equal(first.status, 303);
  assert.equal(first.headers.get('location'), '/');
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  assert.equal((await fetch(`${host.origin}/api/status`, { headers: { cookie } })).status, 200);
  assert.equal((await fetch(`${host.origin}/api/status`, { headers: { ...auth(), origin: 'http://evil.example' } })).status, 403);
});

test('a WebSocket from another Origin, or without the token, is refused', async () => {
  const s = await createSession({ kind: 'host' });
  for (const [url, origin] of [
    [`ws://127.0.0.1:${host.port}/ws/terminal/${s.id}?token=${host.token}`, 'http://evil.example'],
    [`ws://127.0.0.1:${host.port}/ws/terminal/${s.id}`, host.origin],
  ]) {
    const ws = new WebSocket(url, { headers: { origin } });
    const status = await new Promise<number>((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
    assert.ok(status === 403 || status === 401, `refused with ${status}`);
  }
  await fetch(`${host.origin}/api/sessions/${s.id}`, { method: 'DELETE', headers: auth() });
});

test('a node tab runs the node shell; a reattach replays its scrollback', async () => {
  await waitReady();
  const s = await createSession({ kind: 'node', node: 'node1' });
  const a = attach(s.id);
  await a.opened();
  await a.until(/\[root@node1 ~\]# $/);
  a.send({ type: 'input', data: 'hello\r' });
  await a.until(/you typed: hello/);
  a.ws.close();
  const b = attach(s.id);
  await b.opened();
  await b.until(/\[root@node1 ~\]# hello[\s\S]*you typed: hello/);
  assert.equal(b.messages[0].type, 'replay');
  const list = (await (await fetch(`${host.origin}/api/sessions`, { headers: auth() })).json()) as SessionInfo[];
  assert.ok(list.some((x) => x.id === s.id && x.running));
  b.ws.close();
  await fetch(`${host.origin}/api/sessions/${s.id}`, { method: 'DELETE', headers: auth() });
});

test('the host terminal has our bin first on PATH and KUBECONFIG set; kubectl reaches the cluster', async () => {
  await waitReady();
  const s = await createSession({ kind: 'host' });
  const a = attach(s.id);
  await a.opened();
  a.send({ type: 'resize', cols: 120, rows: 40 });
  // Our kubectl is first on PATH even after ~/.bashrc; the real one proves KUBECONFIG reaches the cluster.
  a.send({ type: 'input', data: 'echo "P=$PATH" ; echo "K=$KUBECONFIG"; /usr/bin/kubectl get nodes; stty size\r' });
  await a.until(/node2\s+Ready/);
  await a.until(/40 120/);
  assert.ok(a.text().includes(`P=${appPaths().binDir}:`), 'our bin/ first on PATH');
  assert.ok(a.text().includes(`K=${host.engine.kubeconfigPath}`));
  assert.match(a.text(), /master\s+Ready\s+control-plane/);
  a.ws.close();
  await fetch(`${host.origin}/api/sessions/${s.id}`, { method: 'DELETE', headers: auth() });
});

test('the API proxy lets the renderer read the cluster, and nothing else', async () => {
  await waitReady();
  const nodes = await fetch(`${host.origin}/k8s/api/v1/nodes`, { headers: auth() });
  assert.equal(nodes.status, 200);
  const body = (await nodes.json()) as { items: Array<{ metadata: { name: string } }> };
  assert.deepEqual(body.items.map((n) => n.metadata.name), ['master', 'node1', 'node2']);
  assert.equal((await fetch(`${host.origin}/k8s/api/v1/secrets`, { headers: auth() })).status, 403);
  assert.equal((await fetch(`${host.origin}/k8s/api/v1/nodes/master`, { method: 'DELETE', headers: auth() })).status, 405);
  const d = await fetch(`${host.origin}/api/describe/nodes/_/master`, { headers: auth() });
  assert.equal(d.status, 200);
  assert.equal(((await d.json()) as { object: { metadata: { name: string } } }).object.metadata.name, 'master');
});

test('the cluster socket sends the engine status and multiplexed list+watch, allowlisted', async () => {
  await waitReady();
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws/cluster?token=${host.token}`, { headers: { origin: host.origin } });
  const got: ClusterServerMessage[] = [];
  ws.on('message', (d) => got.push(JSON.parse(d.toString()) as ClusterServerMessage));
  await new Promise((r) => ws.once('open', r));
  ws.send(JSON.stringify({ type: 'watch', id: 1, path: '/api/v1/nodes' }));
  ws.send(JSON.stringify({ type: 'watch', id: 2, path: '/api/v1/secrets' }));
  ws.send(JSON.stringify({ type: 'watch', id: 3, path: '/api/v1/namespaces' }));
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 200 && !pred(); i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(pred(), JSON.stringify(got).slice(0, 500));
  };
  await until(() => got.some((m) => m.type === 'list' && m.id === 1) && got.some((m) => m.type === 'error' && m.id === 2));
  assert.equal(got[0].type, 'status');
  const list = got.find((m) => m.type === 'list' && m.id === 1) as { items: Array<{ metadata: { name: string } }> };
  assert.deepEqual(list.items.map((n) => n.metadata.name), ['master', 'node1', 'node2']);
  // A change made through the API arrives as an event on the watch.
  await until(() => got.some((m) => m.type === 'list' && m.id === 3));
  const kube = host.engine.kube!;
  await new Promise<void>((resolve, reject) => {
    const req = request(`${kube.target.server}/api/v1/namespaces`, { method: 'POST', ca: kube.target.ca, headers: { authorization: `Bearer ${kube.target.token}`, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve());
    });
    req.on('error', reject);
    req.end(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'e2e-watch' } }));
  });
  await until(() => got.some((m) => m.type === 'event' && m.id === 3 && m.event === 'ADDED' && (m.object as { metadata: { name: string } }).metadata.name === 'e2e-watch'));
  ws.close();
});
