// Lab runner benchmark (issue: labs). Prints figures; asserts nothing.
//   - write-to-green: from an API write that satisfies a checkpoint to the runner marking it
//     passed (watch event -> record -> debounce -> evaluate), with the deployment lab's
//     checkpoints evaluated alongside over a history grown by rollouts. Target: < 200 ms.
//   - evaluation: one full evaluation of each bundled lab over its recorded solution (golden).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../test/support/engine-fixture';
import { LabRunner } from '../labs/runtime/lab-runner';
import { BUNDLED_LABS_DIR, loadCatalogue } from '../labs/runtime/lab-loader';
import { readGoldens } from '../labs/runtime/golden';
import { evaluateRecord } from '../labs/runtime/evaluator';
import { KubeApi } from '../labs/runtime/kube-api';

const ROUNDS = 20;

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(1)} ms, p90 ${q(0.9).toFixed(1)} ms, max ${s[s.length - 1].toFixed(1)} ms (n=${s.length})`;
}

// A bench pack: the deployment lab plus one checkpoint per round, each passed by one ConfigMap write.
const dir = mkdtempSync(join(tmpdir(), 'kubelab-labs-bench-'));
const labsDir = join(dir, 'labs');
cpSync(join(BUNDLED_LABS_DIR, 'deployment'), join(labsDir, 'deployment'), { recursive: true });
let yaml = readFileSync(join(labsDir, 'deployment', 'lab.yaml'), 'utf8');
for (let i = 0; i < ROUNDS; i++) {
  yaml += `  - id: answer-${i}
    step: create
    title: {en: answer ${i}, zh-CN: answer ${i}}
    expr: field(object('v1', 'ConfigMap', 'dev', 'answer'), 'data.value', '') == '${i}'
    message: {en: ok, zh-CN: ok}
`;
}
writeFileSync(join(labsDir, 'deployment', 'lab.yaml'), yaml);

const f = await startEngine();
const runner = new LabRunner({ dbPath: join(dir, 'labs.db'), kubeconfig: () => f.engine.kubeconfigPath, labsDir });
try {
  await runner.start('deployment');
  // Grow the history as a lab would: a deployment rolled a few times.
  const created = await f.kubectl(['create', '-f', '-'], {
    stdin: `apiVersion: apps/v1
kind: Deployment
metadata: {name: pc-deployment, namespace: dev}
spec:
  replicas: 4
  selector: {matchLabels: {app: nginx-pod}}
  template:
    metadata: {labels: {app: nginx-pod}}
    spec: {containers: [{name: nginx, image: "nginx:1.17.1"}]}
`,
  });
  if (created.code !== 0) throw new Error(created.stderr);
  await f.kubectl(['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev', '--timeout=60s']);
  for (const img of ['1.17.2', '1.17.3', '1.17.1', '1.17.2']) {
    await f.kubectl(['set', 'image', 'deployment/pc-deployment', `nginx=nginx:${img}`, '-n', 'dev']);
    await f.kubectl(['rollout', 'status', 'deployment/pc-deployment', '-n', 'dev', '--timeout=60s']);
  }
  await new Promise((r) => setTimeout(r, 500));
  const historySize = runner.record()!.history.length;
  const api = KubeApi.fromKubeconfig(f.engine.kubeconfigPath);
  const green = new Map<string, number>();
  runner.passedHooks.add((id, at) => green.set(id, at));
  const times: number[] = [];
  await api.request('POST', '/api/v1/namespaces/dev/configmaps', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'answer' }, data: { value: 'none' } });
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    const wall0 = Date.now();
    await api.request('PATCH', '/api/v1/namespaces/dev/configmaps/answer', { data: { value: String(i) } }, { contentType: 'application/merge-patch+json' });
    const deadline = Date.now() + 5000;
    while (!green.has(`answer-${i}`) && Date.now() < deadline) await new Promise((r) => setImmediate(r));
    const at = green.get(`answer-${i}`);
    times.push(at === undefined ? NaN : at - wall0 + (performance.now() - t0 - (Date.now() - wall0)));
    await new Promise((r) => setTimeout(r, 50));
  }
  api.close();
  console.log(`write-to-green (runner, ${historySize} recorded changes, ${6 + ROUNDS} checkpoints): ${stats(times.filter((x) => !Number.isNaN(x)))}${times.some(Number.isNaN) ? ` — ${times.filter(Number.isNaN).length} never turned green` : ''}`);
} finally {
  await runner.close();
  await f.stop();
  rmSync(dir, { recursive: true, force: true });
}

for (const lab of loadCatalogue(BUNDLED_LABS_DIR).labs) {
  const g = readGoldens(lab.dir).find((x) => x.name === 'solution.json');
  if (!g) continue;
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    evaluateRecord(lab, g.golden.record);
    runs.push(performance.now() - t0);
  }
  console.log(`evaluation of ${lab.id} over its solution (${g.golden.record.history.length} changes, ${lab.checkpoints.length} checkpoints, index built each time): ${stats(runs)}`);
}
