// The Deployment section of the course with the real kubectl, for the commands the other
// workload tests do not already cover: create namespace, apply twice and after an edit,
// -o yaml, -A, annotate, rollout restart, explain, delete -f.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
let file: string;
const manifest = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pc-deployment
  namespace: dev
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx-pod
  template:
    metadata:
      labels:
        app: nginx-pod
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

before(async () => {
  f = await startEngine();
  file = join(f.dir, 'pc-deployment.yaml');
});
after(async () => {
  await f.stop();
});

test('create namespace, then apply twice and after editing the file', async () => {
  let r = await f.kubectl(['create', 'namespace', 'dev']);
  assert.equal(r.stdout, 'namespace/dev created\n');
  writeFileSync(file, manifest('nginx:1.17.1'));
  r = await f.kubectl(['apply', '-f', file]);
  assert.equal(r.stdout, 'deployment.apps/pc-deployment created\n');
  r = await f.kubectl(['apply', '-f', file]);
  assert.equal(r.stdout, 'deployment.apps/pc-deployment unchanged\n');
  writeFileSync(file, manifest('nginx:1.17.2'));
  r = await f.kubectl(['apply', '-f', file]);
  assert.equal(r.stdout, 'deployment.apps/pc-deployment configured\n');
  r = await f.kubectl(['rollout', 'status', 'deploy/pc-deployment', '-n', 'dev', '--timeout=60s'], { timeoutMs: 70_000 });
  assert.match(r.stdout, /deployment "pc-deployment" successfully rolled out\n$/);
});

test('-o yaml shows the defaulted object; -A adds the NAMESPACE column', async () => {
  let r = await f.kubectl(['get', 'deploy', 'pc-deployment', '-n', 'dev', '-o', 'yaml']);
  const d = parse(r.stdout);
  assert.equal(d.spec.strategy.type, 'RollingUpdate');
  assert.equal(d.spec.strategy.rollingUpdate.maxSurge, '25%');
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.progressDeadlineSeconds, 600);
  assert.equal(d.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  assert.equal(d.metadata.annotations['deployment.kubernetes.io/revision'], '2');
  assert.ok(d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'].endsWith('\n'));
  assert.match(r.stdout, /^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  annotations:\n/);
  r = await f.kubectl(['get', 'deploy', '-A']);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[0], /^NAMESPACE\s+NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE$/);
  assert.ok(lines.some((l) => /^dev\s+pc-deployment\s+3\/3\s+3\s+3\s+\S+$/.test(l)), r.stdout);
  assert.ok(lines.some((l) => /^kube-system\s+coredns\s+2\/2\s+2\s+2\s+\S+$/.test(l)), r.stdout);
});

test('annotate, then rollout restart makes a new revision', async () => {
  let r = await f.kubectl(['annotate', 'deploy', 'pc-deployment', '-n', 'dev', 'kubernetes.io/change-cause=restart the pods']);
  assert.equal(r.stdout, 'deployment.apps/pc-deployment annotated\n');
  r = await f.kubectl(['rollout', 'restart', 'deploy', 'pc-deployment', '-n', 'dev']);
  assert.equal(r.stdout, 'deployment.apps/pc-deployment restarted\n');
  r = await f.kubectl(['rollout', 'status', 'deploy/pc-deployment', '-n', 'dev', '--timeout=60s'], { timeoutMs: 70_000 });
  assert.match(r.stdout, /successfully rolled out\n$/);
  r = await f.kubectl(['rollout', 'history', 'deploy', 'pc-deployment', '-n', 'dev']);
  // The controller copies the deployment's change-cause to its current ReplicaSet as well, so
  // the revision that was live when the annotation was set carries it too (as upstream).
  assert.match(r.stdout, /^deployment\.apps\/pc-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         restart the pods\n3         restart the pods\n\n$/);
});

test('explain deployment.spec.strategy', async () => {
  const r = await f.kubectl(['explain', 'deployment.spec.strategy']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n/);
  assert.match(r.stdout, /\n  rollingUpdate\t<RollingUpdateDeployment>\n/);
  assert.match(r.stdout, /\n  type\t<string>\n  enum: Recreate, RollingUpdate\n/);
});

test('delete -f removes the deployment and, in the background, its pods', async () => {
  const r = await f.kubectl(['delete', '-f', file]);
  assert.equal(r.stdout, 'deployment.apps "pc-deployment" deleted\n');
  await f.waitFor(async () => (await f.kubectl(['get', 'pods', '-n', 'dev', '-o', 'name'])).stdout === '', 'pods of the deployment to go', 30_000);
  const rs = await f.kubectl(['get', 'rs', '-n', 'dev']);
  assert.equal(rs.stderr, 'No resources found in dev namespace.\n');
});
