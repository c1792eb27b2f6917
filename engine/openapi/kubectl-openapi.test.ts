// The acceptance test: the real kubectl (v1.32, /usr/bin/kubectl) against the documents, served
// by a minimal in-process server with legacy discovery. Skipped where kubectl is not installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { openAPIV3Route, type ServedResource } from './openapi-documents';
import { TEST_RESOURCES } from './testing/served-resources';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';
const skip = existsSync(KUBECTL) ? false : `${KUBECTL} not installed`;
const testdata = join(dirname(fileURLToPath(import.meta.url)), 'testdata');

let server: Server;
let dir: string;
let base: string;
const requests: string[] = [];

const SHORT_NAMES: Record<string, string[]> = { pods: ['po'], services: ['svc'], namespaces: ['ns'], deployments: ['deploy'], replicasets: ['rs'], horizontalpodautoscalers: ['hpa'] };

function apiResource(r: ServedResource) {
  return { name: r.plural, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: SHORT_NAMES[r.plural] ?? [] };
}

before(async () => {
  if (skip) return;
  const served = TEST_RESOURCES.filter((r) => r.group !== 'metrics.k8s.io');
  const groups = [...new Set(served.filter((r) => r.group).map((r) => `${r.group}/${r.version}`))];
  const routes: Record<string, unknown> = {
    '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] },
    '/apis': {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: groups.map((gv) => ({ name: gv.split('/')[0], versions: [{ groupVersion: gv, version: gv.split('/')[1] }], preferredVersion: { groupVersion: gv, version: gv.split('/')[1] } })),
    },
    '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: served.filter((r) => !r.group).map(apiResource) },
  };
  for (const gv of groups) {
    routes[`/apis/${gv}`] = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: served.filter((r) => `${r.group}/${r.version}` === gv).map(apiResource) };
  }
  const openapi = openAPIV3Route(() => served);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (openapi(req, res, url)) return;
    const body = routes[url.pathname];
    if (req.method === 'GET' && body) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
      return;
    }
    if (req.method === 'POST') {
      // Echo the created object.
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        res.writeHead(201, { 'Content-Type': 'application/json' });
        res.end(data);
      });
      return;
    }
    res.writeHead(404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'kubelab-openapi-'));
  writeFileSync(join(dir, 'kubeconfig'), [
    'apiVersion: v1', 'kind: Config', 'current-context: t',
    'clusters: [{name: t, cluster: {server: "' + base + '"}}]',
    'contexts: [{name: t, context: {cluster: t, user: t, namespace: default}}]',
    'users: [{name: t, user: {}}]', '',
  ].join('\n'));
});

after(() => {
  if (skip) return;
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

function kubectl(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(KUBECTL, ['--kubeconfig', join(dir, 'kubeconfig'), '--cache-dir', join(dir, 'cache'), ...args], { timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

const golden = (name: string) => readFileSync(join(testdata, name), 'utf8');

test('kubectl explain deployment.spec.strategy', { skip }, async () => {
  const r = await kubectl('explain', 'deployment.spec.strategy');
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, golden('explain-deployment-spec-strategy.txt'));
});

test('kubectl explain pods', { skip }, async () => {
  const r = await kubectl('explain', 'pods');
  assert.equal(r.stdout, golden('explain-pods.txt'));
});

test('kubectl explain deploy --recursive walks the whole tree', { skip }, async () => {
  const r = await kubectl('explain', 'deploy', '--recursive');
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 9), ['GROUP:      apps', 'KIND:       Deployment', 'VERSION:    v1', '', 'DESCRIPTION:', '    Deployment enables declarative updates for Pods and ReplicaSets.', '    ', 'FIELDS:', '  apiVersion\t<string>']);
  for (const line of [
    '    selector\t<LabelSelector> -required-',
    '        maxSurge\t<IntOrString>',
    '      type\t<string>',
    '      enum: Recreate, RollingUpdate',
    '        containers\t<[]Container> -required-',
    '          image\t<string>',
    '            limits\t<map[string]Quantity>',
    '    creationTimestamp\t<string>',
    '    labels\t<map[string]string>',
  ]) {
    assert.ok(lines.includes(line), line);
  }
});

test('kubectl explain reports unknown fields', { skip }, async () => {
  const r = await kubectl('explain', 'deploy.spec.nope');
  assert.notEqual(r.code, 0);
  assert.match(r.stderr, /field "nope" does not exist/);
});

test('kubectl create -f leaves validation to the server (fieldValidation=Strict, no /openapi/v2)', { skip }, async () => {
  const file = join(dir, 'deploy.yaml');
  writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec: {containers: [{name: nginx, image: nginx}]}\n');
  requests.length = 0;
  const r = await kubectl('create', '-f', file);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'deployment.apps/web created\n');
  assert.ok(requests.includes('POST /apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-create&fieldValidation=Strict'), requests.join('\n'));
  assert.ok(!requests.some((q) => q.startsWith('GET /openapi/v2')));
});
