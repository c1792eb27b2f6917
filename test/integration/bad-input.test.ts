// Bad input gets the real cluster's error and leaves the store unchanged: malformed YAML, an
// unknown field, a wrong type, a selector that does not match the template, a removed
// apiVersion, a duplicate create, an update with a stale resourceVersion, no token.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEngine, type EngineFixture } from '../support/engine-fixture';
import { ApiClient } from '../support/api-client';

let f: EngineFixture;
let rvBefore: number;
const file = (name: string, text: string) => {
  const p = join(f.dir, name);
  writeFileSync(p, text);
  return p;
};

const deployment = (extra = '', replicas = '3', labels = 'app: web') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        ${labels}
    spec:
${extra}      containers:
      - name: nginx
        image: nginx:1.17.1
`;

before(async () => {
  f = await startEngine({ controllers: false });
});
after(async () => {
  await f.stop();
});

async function expectUnchanged(run: () => Promise<void>) {
  rvBefore = f.engine.store.resourceVersion;
  await run();
  assert.equal(f.engine.store.resourceVersion, rvBefore, 'the store must not change');
}

test('malformed YAML is refused by kubectl before anything is sent', async () => {
  await expectUnchanged(async () => {
    const p = file('bad.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n');
    const r = await f.kubectl(['apply', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `error: error parsing ${p}: error converting YAML to JSON: yaml: line 4: did not find expected key\n`);
  });
});

test('an unknown field is a strict decoding error', async () => {
  await expectUnchanged(async () => {
    const p = file('unknown.yaml', deployment('      foo: bar\n'));
    const r = await f.kubectl(['apply', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `Error from server (BadRequest): error when creating "${p}": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.foo"\n`);
  });
});

test('a wrong type is a decoding error', async () => {
  await expectUnchanged(async () => {
    const p = file('type.yaml', deployment('', '"three"'));
    const r = await f.kubectl(['create', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `Error from server (BadRequest): error when creating "${p}": Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32\n`);
  });
});

test('a selector that does not match the template labels is Invalid', async () => {
  await expectUnchanged(async () => {
    const p = file('selector.yaml', deployment('', '3', 'app: other'));
    const r = await f.kubectl(['apply', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(
      r.stderr,
      `The Deployment "web" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: \`selector\` does not match template \`labels\`\n`,
    );
  });
});

test('a removed apiVersion is not served', async () => {
  await expectUnchanged(async () => {
    const p = file('old.yaml', deployment().replace('apps/v1', 'extensions/v1beta1'));
    const r = await f.kubectl(['apply', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `error: resource mapping not found for name: "web" namespace: "" from "${p}": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first\n`);
  });
});

test('a duplicate create is AlreadyExists', async () => {
  const p = file('ok.yaml', deployment());
  let r = await f.kubectl(['create', '-f', p]);
  assert.equal(r.stdout, 'deployment.apps/web created\n');
  await expectUnchanged(async () => {
    r = await f.kubectl(['create', '-f', p]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, `Error from server (AlreadyExists): error when creating "${p}": deployments.apps "web" already exists\n`);
  });
});

test('an update with a stale resourceVersion is a Conflict', async () => {
  const api = new ApiClient(f.engine.kubeconfigPath);
  try {
    const current = (await api.call('GET', '/apis/apps/v1/namespaces/default/deployments/web')).json<{ metadata: { resourceVersion: string } }>();
    const stale = structuredClone(current) as { metadata: { resourceVersion: string }; spec?: { replicas: number } };
    stale.metadata.resourceVersion = String(Number(current.metadata.resourceVersion) - 1);
    stale.spec!.replicas = 7;
    await expectUnchanged(async () => {
      const r = await api.call('PUT', '/apis/apps/v1/namespaces/default/deployments/web', stale);
      assert.equal(r.status, 409);
      const s = r.json<{ reason: string; message: string }>();
      assert.equal(s.reason, 'Conflict');
      assert.equal(s.message, 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again');
    });
  } finally {
    api.close();
  }
});

test('a request without a token is 401 and kubectl says so', async () => {
  const api = new ApiClient(f.engine.kubeconfigPath);
  try {
    const r = await api.call('GET', '/api/v1/namespaces/default/pods', undefined, {}, false);
    assert.equal(r.status, 401);
    assert.equal(r.json<{ reason: string }>().reason, 'Unauthorized');
  } finally {
    api.close();
  }
  const r = await f.kubectl(['get', 'pods', '--token', 'wrong']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: You must be logged in to the server \(Unauthorized\)\n$/);
});
