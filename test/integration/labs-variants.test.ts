// Wrong ways to do each lab leave the checkpoint they aim at unpassed: wrong image, wrong
// namespace, a skipped pause, the right final state reached the wrong way (history shows it).
// Earlier steps are reached by typing their solution into the node shell (what "reset to step"
// does); the wrong move itself is made with the real kubectl. Each run is also written as a
// golden record (KUBELAB_UPDATE_GOLDEN=1) that labs/runtime/testdata.test.ts re-checks.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { bundledLab, sleep, startLabFixture, typeSolutionUntil, verdictOfRun, type LabFixture } from '../../labs/runtime/testing/lab-fixture';

interface Variant {
  name: string;
  description: string;
  /** Start from this step (earlier steps solved through the shell); undefined: a fresh start. */
  fromStep?: string;
  /** kubectl argument lists (real kubectl), or a number of milliseconds to wait. */
  actions: Array<string[] | number | { stdin: string; args: string[] }>;
  /** Checkpoints that must stay unpassed. */
  open: string[];
  /** Checkpoints that must pass (the steps before the wrong move). */
  passed?: string[];
}

const RS = (ns: string, image: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: pc-replicaset, namespace: ${ns}}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx-pod}}
  template:
    metadata: {labels: {app: nginx-pod}}
    spec: {containers: [{name: nginx, image: "${image}"}]}
`;

const DEPLOY = (annotations: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: pc-deployment, namespace: dev${annotations}}
spec:
  replicas: 3
  selector: {matchLabels: {app: nginx-pod}}
  template:
    metadata: {labels: {app: nginx-pod}}
    spec: {containers: [{name: nginx, image: "nginx:1.17.1"}]}
`;

const VARIANTS: Record<string, Variant[]> = {
  replicaset: [
    { name: 'wrong-namespace', description: 'pc-replicaset created in default', actions: [{ stdin: RS('default', 'nginx:1.17.1'), args: ['create', '-f', '-'] }, 6000], open: ['rs-created'] },
    { name: 'wrong-image', description: 'pc-replicaset created with nginx:1.17.2', actions: [{ stdin: RS('dev', 'nginx:1.17.2'), args: ['create', '-f', '-'] }, 6000], open: ['rs-created'] },
    {
      name: 'scaled-instead-of-selfheal',
      description: 'pods removed by scaling 3 -> 2 -> 3, never deleted by hand',
      fromStep: 'self-heal',
      actions: [['scale', 'rs', 'pc-replicaset', '--replicas=2', '-n', 'dev'], 4000, ['scale', 'rs', 'pc-replicaset', '--replicas=3', '-n', 'dev'], 6000],
      open: ['rs-selfheal'],
      passed: ['rs-created'],
    },
    {
      name: 'scale-instead-of-edit',
      description: 'replicas set to 6 with kubectl scale instead of kubectl edit',
      fromStep: 'scale-edit',
      actions: [['scale', 'rs', 'pc-replicaset', '--replicas=6', '-n', 'dev'], 6000],
      open: ['rs-scale-edit'],
      passed: ['rs-created', 'rs-selfheal'],
    },
    {
      name: 'pods-replaced-after-image',
      description: 'the image set to nginx:1.17.3 instead of nginx:1.17.2',
      fromStep: 'image',
      actions: [['set', 'image', 'rs', 'pc-replicaset', 'nginx=nginx:1.17.3', '-n', 'dev'], 2000],
      open: ['rs-image'],
      passed: ['rs-scale-cmd'],
    },
    {
      name: 'cascade-then-lookalikes',
      description: 'the ReplicaSet deleted with its pods, then look-alike pods made by hand',
      fromStep: 'orphan',
      actions: [
        ['delete', 'rs', 'pc-replicaset', '-n', 'dev', '--wait=true'],
        5000,
        ...['pc-replicaset-a1b2c', 'pc-replicaset-d3e4f'].map((n) => ['run', n, '--image=nginx:1.17.1', '--labels=app=nginx-pod', '-n', 'dev']),
        6000,
      ],
      open: ['rs-orphan'],
      passed: ['rs-image'],
    },
  ],
  deployment: [
    { name: 'no-change-cause', description: 'created without the change-cause annotation', actions: [{ stdin: DEPLOY(''), args: ['create', '-f', '-'] }, 7000], open: ['deploy-created'] },
    {
      name: 'rolling-then-recreate',
      description: 'image changed under RollingUpdate, strategy switched to Recreate afterwards',
      fromStep: 'recreate',
      actions: [['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.2', '-n', 'dev'], ['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], ['patch', 'deployment', 'pc-deployment', '-n', 'dev', '-p', '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}'], 3000],
      open: ['deploy-recreate'],
      passed: ['deploy-scaled'],
    },
    {
      name: 'recreate-for-rolling',
      description: 'nginx:1.17.3 rolled out while the strategy was still Recreate',
      fromStep: 'rolling',
      actions: [['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.3', '-n', 'dev'], ['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], 2000],
      open: ['deploy-rolling'],
      passed: ['deploy-recreate'],
    },
    {
      name: 'history-not-read',
      description: 'the rollout history was never looked at; rolled back by setting the image by hand',
      fromStep: 'history',
      actions: [['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.1', '-n', 'dev'], ['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], 2000],
      open: ['deploy-history', 'deploy-undo'],
      passed: ['deploy-rolling'],
    },
  ],
  canary: [
    { name: 'no-pause', description: 'set image without a pause: the update runs to the end', actions: [['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], ['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.4', '-n', 'dev'], ['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], 2000], open: ['canary-paused', 'canary-resumed'] },
    {
      name: 'pause-first',
      description: 'paused before the image change: no new pod starts, then resumed',
      actions: [['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], ['rollout', 'pause', 'deployment/pc-deployment', '-n', 'dev'], ['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.4', '-n', 'dev'], 8000, ['rollout', 'resume', 'deployment/pc-deployment', '-n', 'dev'], ['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], 2000],
      open: ['canary-paused', 'canary-resumed'],
    },
    {
      name: 'wrong-image',
      description: 'canary of nginx:1.17.5 instead of nginx:1.17.4',
      actions: [['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev'], ['set', 'image', 'deployment/pc-deployment', 'nginx=nginx:1.17.5', '-n', 'dev'], ['rollout', 'pause', 'deployment/pc-deployment', '-n', 'dev'], 10000],
      open: ['canary-paused'],
    },
  ],
};

for (const [labId, variants] of Object.entries(VARIANTS)) {
  describe(`${labId}: wrong variants`, { timeout: 900_000 }, () => {
    const lab = bundledLab(labId);
    let fx: LabFixture;
    before(async () => {
      fx = await startLabFixture({ topology: lab.topology });
    });
    after(async () => {
      await fx.stop();
    });
    for (const v of variants) {
      test(`${v.name}: ${v.description}`, { timeout: 300_000 }, async () => {
        await fx.runner.start(labId);
        if (v.fromStep) await typeSolutionUntil(fx, lab, v.fromStep);
        for (const a of v.actions) {
          if (typeof a === 'number') await sleep(a);
          else {
            const r = Array.isArray(a) ? await fx.f.kubectl(a) : await fx.f.kubectl(a.args, { stdin: a.stdin });
            assert.equal(r.code, 0, `kubectl ${Array.isArray(a) ? a.join(' ') : a.args.join(' ')}: ${r.stderr}`);
          }
        }
        await sleep(300); // the runner's debounce and last watch events
        const verdict = verdictOfRun(fx.runner, lab, { name: `wrong-${v.name}`, description: v.description });
        for (const id of v.open) assert.equal(verdict[id], false, `${id} must stay unpassed (${JSON.stringify(verdict)})`);
        for (const id of v.passed ?? []) assert.equal(verdict[id], true, `${id} must pass (${JSON.stringify(verdict)})`);
      });
    }
  });
}

test('canary: "reset to step" replays the earlier steps through the shell and "solve to here" finishes', { timeout: 300_000 }, async () => {
  const lab = bundledLab('canary');
  const fx = await startLabFixture({ topology: lab.topology });
  try {
    await fx.runner.start('canary');
    let v = await fx.runner.resetToStep('resume');
    assert.equal(v.run.step, 'resume');
    v = await fx.runner.solveTo('resume');
    await sleep(300);
    v = fx.runner.view()!;
    assert.deepEqual(v.checkpoints.map((c) => [c.id, c.passed]), [['canary-paused', true], ['canary-resumed', true]]);
    assert.equal(v.score, v.maxScore);
  } finally {
    await fx.stop();
  }
});
