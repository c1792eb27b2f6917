// The bare API with the real kubectl: discovery, bootstrap objects, CRUD on a ConfigMap,
// errors and auth. Controllers are covered by their own tests.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine({ controllers: false });
});
after(async () => {
  await f.stop();
});

test('kubectl get nodes lists the course topology', async () => {
  const r = await f.kubectl(['get', 'nodes']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
  assert.match(lines[1], /^master\s+Ready\s+control-plane\s+\S+\s+v1\.32\.4$/);
  assert.match(lines[2], /^node1\s+Ready\s+<none>\s+\S+\s+v1\.32\.4$/);
  assert.match(lines[3], /^node2\s+Ready\s+<none>\s+\S+\s+v1\.32\.4$/);
});

test('configmap create, get, duplicate, delete, not found', async () => {
  let r = await f.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=1']);
  assert.equal(r.stdout, 'configmap/cfg created\n');
  r = await f.kubectl(['create', 'configmap', 'cfg', '--from-literal=a=1']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'error: failed to create configmap: configmaps "cfg" already exists\n');
  r = await f.kubectl(['get', 'cm', 'cfg', '-o', 'jsonpath={.data.a}']);
  assert.equal(r.stdout, '1');
  r = await f.kubectl(['delete', 'configmap', 'cfg']);
  assert.equal(r.stdout, 'configmap "cfg" deleted\n');
  r = await f.kubectl(['get', 'configmap', 'cfg']);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, 'Error from server (NotFound): configmaps "cfg" not found\n');
});

test('unknown resource type and missing namespace', async () => {
  let r = await f.kubectl(['get', 'foos']);
  assert.equal(r.stderr, 'error: the server doesn\'t have a resource type "foos"\n');
  r = await f.kubectl(['get', 'pods', '-n', 'nope']);
  assert.equal(r.code, 0);
  assert.equal(r.stderr, 'No resources found in nope namespace.\n');
  r = await f.kubectl(['create', 'configmap', 'x', '-n', 'nope']);
  assert.equal(r.stderr, 'error: failed to create configmap: namespaces "nope" not found\n');
});

test('a request without the token is refused', async () => {
  const r = await f.kubectl(['get', 'pods'], { env: { KUBECONFIG: '/dev/null' } as Record<string, string> });
  assert.notEqual(r.code, 0);
  const res = await fetch(f.engine.url.replace('https', 'https') + '/api/v1/pods', {}).catch((e) => e);
  assert.ok(res instanceof Error || res.status === 401);
});
