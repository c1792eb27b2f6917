// The course's Pod-controller chapter driven by the real kubectl against the whole engine
// (scheduler and kubelet included): ReplicaSet create / self-healing / scale / cascade and orphan
// deletes, Deployment rollout status / history / undo / pause / resume, namespace defaults and
// namespace deletion.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';

let f: EngineFixture;
before(async () => {
  f = await startEngine();
});
after(async () => {
  await f.stop();
});

const podNames = (ns: string, prefix: string) =>
  f.engine.client
    .list('pods', ns)
    .filter((p) => p.metadata.name.startsWith(prefix) && !p.metadata.deletionTimestamp)
    .map((p) => p.metadata.name)
    .sort();

async function ok(args: string[], stdin?: string, timeoutMs?: number): Promise<string> {
  const r = await f.kubectl(args, { stdin, timeoutMs });
  assert.equal(r.code, 0, `kubectl ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** `kubectl rollout status`, started right after the change as a student would. */
function rolloutStatus(name: string, ns: string): Promise<string> {
  return ok(['rollout', 'status', `deployment/${name}`, '-n', ns, '--timeout=60s']);
}

const NAMESPACE = `apiVersion: v1
kind: Namespace
metadata:
  name: dev
`;

const REPLICASET = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: pc-replicaset
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
        image: nginx:1.17.1
`;

const DEPLOYMENT = `apiVersion: apps/v1
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
        image: nginx:1.17.1
`;

test('a new namespace gets the default ServiceAccount and kube-root-ca.crt', async () => {
  assert.equal(await ok(['apply', '--validate=false', '-f', '-'], NAMESPACE), 'namespace/dev created\n');
  await f.waitFor(() => f.engine.client.get('configmaps', 'dev', 'kube-root-ca.crt') && f.engine.client.get('serviceaccounts', 'dev', 'default'), 'namespace defaults');
  assert.match(await ok(['get', 'sa', '-n', 'dev']), /^NAME\s+SECRETS\s+AGE\ndefault\s+0\s+\S+\n$/);
  assert.match(await ok(['get', 'cm', '-n', 'dev']), /^NAME\s+DATA\s+AGE\nkube-root-ca\.crt\s+1\s+\S+\n$/);
  assert.match(await ok(['get', 'cm', 'kube-root-ca.crt', '-n', 'dev', '-o', 'jsonpath={.data.ca\\.crt}']), /^-----BEGIN CERTIFICATE-----\n/);
});

test('ReplicaSet: three pods, a deleted pod is replaced, scale up and down, events', async () => {
  assert.equal(await ok(['apply', '--validate=false', '-f', '-'], REPLICASET), 'replicaset.apps/pc-replicaset created\n');
  await f.waitFor(() => f.engine.client.get('apps/replicasets', 'dev', 'pc-replicaset')?.status?.readyReplicas === 3, '3 ready replicas');
  assert.match(await ok(['get', 'rs', 'pc-replicaset', '-n', 'dev']), /^NAME\s+DESIRED\s+CURRENT\s+READY\s+AGE\npc-replicaset\s+3\s+3\s+3\s+\S+\n$/);
  const pods = podNames('dev', 'pc-replicaset-');
  assert.equal(pods.length, 3);
  for (const p of pods) assert.match(p, /^pc-replicaset-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const owner = JSON.parse(await ok(['get', 'pod', pods[0], '-n', 'dev', '-o', 'json'])).metadata.ownerReferences;
  assert.deepEqual(owner.map((r: { kind: string; name: string; controller: boolean; blockOwnerDeletion: boolean }) => [r.kind, r.name, r.controller, r.blockOwnerDeletion]), [['ReplicaSet', 'pc-replicaset', true, true]]);

  assert.equal(await ok(['delete', 'pod', pods[0], '-n', 'dev']), `pod "${pods[0]}" deleted\n`);
  const healed = await f.waitFor(() => {
    const now = podNames('dev', 'pc-replicaset-');
    return now.length === 3 && !now.includes(pods[0]) && now;
  }, 'a replacement pod');
  assert.equal(healed.filter((p) => !pods.includes(p)).length, 1);

  assert.equal(await ok(['scale', 'rs', 'pc-replicaset', '--replicas=5', '-n', 'dev']), 'replicaset.apps/pc-replicaset scaled\n');
  await f.waitFor(() => f.engine.client.get('apps/replicasets', 'dev', 'pc-replicaset')?.status?.readyReplicas === 5, '5 ready replicas');
  assert.match(await ok(['get', 'rs', 'pc-replicaset', '-n', 'dev', '-o', 'wide']), /\npc-replicaset\s+5\s+5\s+5\s+\S+\s+nginx\s+nginx:1\.17\.1\s+app=nginx-pod\n$/);
  const describe = await ok(['describe', 'rs', 'pc-replicaset', '-n', 'dev']);
  assert.match(describe, /Replicas:\s+5 current \/ 5 desired\n/);
  assert.match(describe, /Pods Status:\s+5 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  assert.match(describe, /Normal\s+SuccessfulCreate\s+\S+\s+replicaset-controller\s+Created pod: pc-replicaset-\w{5}\n/);

  assert.equal(await ok(['scale', 'rs', 'pc-replicaset', '--replicas=2', '-n', 'dev']), 'replicaset.apps/pc-replicaset scaled\n');
  await f.waitFor(() => podNames('dev', 'pc-replicaset-').length === 2, '2 pods');
  assert.match(await ok(['describe', 'rs', 'pc-replicaset', '-n', 'dev']), /Normal\s+SuccessfulDelete\s+\S+\s+replicaset-controller\s+Deleted pod: pc-replicaset-\w{5}\n/);
});

test('ReplicaSet: --cascade=orphan keeps the pods, a new ReplicaSet adopts them, a plain delete removes them', async () => {
  const before = podNames('dev', 'pc-replicaset-');
  assert.equal(await ok(['delete', 'rs', 'pc-replicaset', '-n', 'dev', '--cascade=orphan']), 'replicaset.apps "pc-replicaset" deleted\n');
  await f.waitFor(() => !f.engine.client.get('apps/replicasets', 'dev', 'pc-replicaset'), 'rs gone');
  assert.deepEqual(podNames('dev', 'pc-replicaset-'), before);
  await f.waitFor(() => f.engine.client.list('pods', 'dev').every((p) => !p.metadata.ownerReferences), 'pods orphaned');

  await ok(['apply', '--validate=false', '-f', '-'], REPLICASET.replace('replicas: 3', 'replicas: 2'));
  await f.waitFor(() => f.engine.client.get('apps/replicasets', 'dev', 'pc-replicaset')?.status?.replicas === 2, 'adopted');
  assert.deepEqual(podNames('dev', 'pc-replicaset-'), before, 'the orphans were adopted, none created');

  assert.equal(await ok(['delete', 'rs', 'pc-replicaset', '-n', 'dev']), 'replicaset.apps "pc-replicaset" deleted\n');
  await f.waitFor(() => f.engine.client.list('pods', 'dev').length === 0, 'pods deleted by the garbage collector');
  const r = await f.kubectl(['get', 'pods', '-n', 'dev']);
  assert.equal(r.stderr, 'No resources found in dev namespace.\n');
});

test('Deployment: rollout status, set image, history, undo --to-revision, pause and resume', async () => {
  assert.equal(await ok(['apply', '--validate=false', '-f', '-'], DEPLOYMENT), 'deployment.apps/pc-deployment created\n');
  let status = await rolloutStatus('pc-deployment', 'dev');
  assert.ok(status.endsWith('deployment "pc-deployment" successfully rolled out\n'), status);
  assert.match(await ok(['get', 'deploy', 'pc-deployment', '-n', 'dev']), /\npc-deployment\s+3\/3\s+3\s+3\s+\S+\n$/);
  const rs1 = (await ok(['get', 'rs', '-n', 'dev', '-o', 'name'])).trim();
  assert.match(rs1, /^replicaset\.apps\/pc-deployment-[456789bcdf]{1,10}$/);
  const hash1 = rs1.split('-').pop()!;
  assert.match(await ok(['get', 'pods', '-n', 'dev', '--show-labels']), new RegExp(`pc-deployment-${hash1}-\\w{5}\\s+1/1\\s+Running\\s+0\\s+\\S+\\s+app=nginx-pod,pod-template-hash=${hash1}\\n`));

  assert.equal(await ok(['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.2', '-n', 'dev']), 'deployment.apps/pc-deployment image updated\n');
  status = await rolloutStatus('pc-deployment', 'dev');
  assert.match(status, /^Waiting for deployment "pc-deployment" rollout to finish: /);
  assert.ok(status.endsWith('deployment "pc-deployment" successfully rolled out\n'), status);
  assert.equal(await ok(['rollout', 'history', 'deployment/pc-deployment', '-n', 'dev']), 'deployment.apps/pc-deployment \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  const rsTable = await ok(['get', 'rs', '-n', 'dev']);
  assert.match(rsTable, new RegExp(`\\npc-deployment-${hash1}\\s+0\\s+0\\s+0\\s+\\S+\\n`));
  const describe = await ok(['describe', 'deployment', 'pc-deployment', '-n', 'dev']);
  assert.match(describe, /Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled up replica set pc-deployment-\w+ from 0 to 3\n/);
  assert.match(describe, /Scaled down replica set pc-deployment-\w+ from 1 to 0\n/);
  assert.match(describe, /Available\s+True\s+MinimumReplicasAvailable\n\s+Progressing\s+True\s+NewReplicaSetAvailable\n/);

  assert.equal(await ok(['rollout', 'undo', 'deployment/pc-deployment', '--to-revision=1', '-n', 'dev']), 'deployment.apps/pc-deployment rolled back\n');
  status = await rolloutStatus('pc-deployment', 'dev');
  assert.ok(status.endsWith('successfully rolled out\n'), status);
  assert.match(await ok(['get', 'rs', '-n', 'dev']), new RegExp(`\\npc-deployment-${hash1}\\s+3\\s+3\\s+3\\s+\\S+\\n`));
  assert.equal(await ok(['rollout', 'history', 'deployment/pc-deployment', '-n', 'dev']), 'deployment.apps/pc-deployment \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n');
  assert.equal(await ok(['get', 'deploy', 'pc-deployment', '-n', 'dev', '-o', 'jsonpath={.metadata.annotations.deployment\\.kubernetes\\.io/revision}']), '3');

  // Pause: a template change waits; kubectl refuses to undo a paused deployment.
  assert.equal(await ok(['rollout', 'pause', 'deployment/pc-deployment', '-n', 'dev']), 'deployment.apps/pc-deployment paused\n');
  assert.equal(await ok(['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.4', '-n', 'dev']), 'deployment.apps/pc-deployment image updated\n');
  await f.waitFor(() => {
    const d = f.engine.client.get('apps/deployments', 'dev', 'pc-deployment')!;
    return d.status?.observedGeneration === d.metadata.generation;
  }, 'paused spec observed');
  assert.equal(
    await ok(['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev', '--watch=false'], undefined, 15_000),
    'Waiting for deployment "pc-deployment" rollout to finish: 0 out of 3 new replicas have been updated...\n',
  );
  assert.equal((await ok(['get', 'rs', '-n', 'dev', '-o', 'name'])).trim().split('\n').length, 2, 'no new ReplicaSet while paused');
  assert.match(await ok(['get', 'deploy', 'pc-deployment', '-n', 'dev', '-o', 'jsonpath={.status.conditions[?(@.type=="Progressing")].reason}']), /^DeploymentPaused$/);
  const undo = await f.kubectl(['rollout', 'undo', 'deployment/pc-deployment', '-n', 'dev']);
  assert.equal(undo.stderr, "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n");
  assert.equal(await ok(['rollout', 'resume', 'deployment/pc-deployment', '-n', 'dev']), 'deployment.apps/pc-deployment resumed\n');
  status = await rolloutStatus('pc-deployment', 'dev');
  assert.ok(status.endsWith('successfully rolled out\n'), status);
  assert.match(await ok(['get', 'deploy', 'pc-deployment', '-n', 'dev', '-o', 'wide']), /\npc-deployment\s+3\/3\s+3\s+3\s+\S+\s+nginx\s+nginx:1\.17\.4\s+app=nginx-pod\n$/);
});

test('Deployment: --cascade=orphan leaves the ReplicaSets and pods; deleting a ReplicaSet removes its pods', async () => {
  const pods = podNames('dev', 'pc-deployment-');
  assert.equal(pods.length, 3);
  assert.equal(await ok(['delete', 'deploy', 'pc-deployment', '-n', 'dev', '--cascade=orphan']), 'deployment.apps "pc-deployment" deleted\n');
  assert.equal(f.engine.client.get('apps/deployments', 'dev', 'pc-deployment'), undefined);
  const rss = f.engine.client.list('apps/replicasets', 'dev');
  assert.equal(rss.length, 3);
  assert.ok(rss.every((rs) => !rs.metadata.ownerReferences), 'ownerReferences stripped');
  assert.deepEqual(podNames('dev', 'pc-deployment-'), pods);
  const live = rss.find((rs) => rs.spec.replicas === 3)!;
  assert.equal(await ok(['delete', 'rs', live.metadata.name, '-n', 'dev']), `replicaset.apps "${live.metadata.name}" deleted\n`);
  await f.waitFor(() => podNames('dev', 'pc-deployment-').length === 0, 'pods of the deleted ReplicaSet gone');
});

test('deleting the namespace removes its content and then the namespace', async () => {
  await ok(['apply', '--validate=false', '-f', '-'], DEPLOYMENT);
  await f.waitFor(() => podNames('dev', 'pc-deployment-').length === 3, '3 pods');
  assert.equal(await ok(['delete', 'namespace', 'dev', '--timeout=60s']), 'namespace "dev" deleted\n');
  assert.equal(f.engine.client.get('namespaces', undefined, 'dev'), undefined);
  assert.deepEqual(f.engine.client.list('pods', 'dev'), []);
  const r = await f.kubectl(['get', 'ns', 'dev']);
  assert.equal(r.stderr, 'Error from server (NotFound): namespaces "dev" not found\n');
});
