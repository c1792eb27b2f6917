// kubectl benchmarks (issue: kubectl emulator). Prints figures; asserts nothing.
// Time from process start to exit of `kubectl get pods` (20 pods), `kubectl apply -f` (3
// documents) and `kubectl describe deployment`: ours (bin/kubectl, run `node scripts/build.mjs`
// first) and the reference kubectl on the same engine, as medians and ratios. The product's main
// path (kubectl in the node shell) runs in-process; that figure is printed too.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess, startEngine, REAL_KUBECTL } from '../test/support/engine-fixture';
import { run } from '../engine/kubectl/run';
import { memoryIO } from '../engine/kubectl/testing/memory-fs';
import { nodeFs } from '../engine/kubectl/node-fs';

const root = join(import.meta.dirname ?? '.', '..');
const ours = join(root, 'bin', 'kubectl');
const runs = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// Asynchronous spawn: the engine runs in this process and must keep serving meanwhile.
async function timeProcess(binary: string[], args: string[], env: NodeJS.ProcessEnv, cwd: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  const r = await runProcess(binary[0], [...binary.slice(1), ...args], env, undefined, 60_000, cwd);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.code !== 0) throw new Error(`${binary.join(' ')} ${args.join(' ')} failed: ${r.stderr}`);
  return ms;
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'kubectl.cjs'))) {
    console.log('bin/kubectl is not built: run `node scripts/build.mjs` first');
    return;
  }
  const f = await startEngine();
  try {
    const env = { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath };
    // 20 pods (bare, so no controller changes the list while we time it) and a deployment.
    const pods = Array.from({ length: 20 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: bench-${i}\nspec:\n  containers:\n  - name: c\n    image: nginx:1.17.1\n`).join('---\n');
    writeFileSync(join(f.dir, 'pods.yaml'), pods);
    await f.kubectl(['apply', '-f', 'pods.yaml']);
    await f.kubectl(['create', 'deployment', 'web', '--image=nginx:1.17.1', '--replicas=2']);
    const three = ['a', 'b', 'c'].map((n) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bench-${n}\ndata:\n  k: v\n`).join('---\n');
    writeFileSync(join(f.dir, 'three.yaml'), three);

    const cases: [string, string[]][] = [
      ['get pods (20 pods)', ['get', 'pods']],
      ['apply -f (3 documents)', ['apply', '-f', 'three.yaml']],
      ['describe deployment', ['describe', 'deployment', 'web']],
    ];
    console.log(`median of ${runs} runs, process start to exit`);
    console.log('command                      reference   ours (bin)   ratio   ours (in-process)');
    for (const [label, args] of cases) {
      const real: number[] = [];
      const mine: number[] = [];
      const inproc: number[] = [];
      for (let i = 0; i < runs; i++) {
        real.push(await timeProcess([REAL_KUBECTL], args, env, f.dir));
        mine.push(await timeProcess([process.execPath, ours], args, env, f.dir));
        const io = memoryIO({ env: { HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath }, cwd: f.dir });
        io.fs = nodeFs;
        const t0 = process.hrtime.bigint();
        await run(args, io);
        inproc.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      const r = median(real);
      const m = median(mine);
      console.log(
        `${label.padEnd(28)} ${r.toFixed(0).padStart(6)} ms ${m.toFixed(0).padStart(9)} ms ${(m / r).toFixed(2).padStart(6)}x ${median(inproc).toFixed(1).padStart(12)} ms`,
      );
    }
  } finally {
    await f.stop();
  }
}

await main();
