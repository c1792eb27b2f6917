// Every lab's solution, typed into `kubelab shell` (a real pty) as a student would, turns every
// checkpoint green in the runner (live, from its watch recording) and in `lab check`'s view of
// the engine's own history. Steps whose commands the bundled kubectl cannot run yet are reported.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PtyTerminal } from '../support/pty-terminal';
import { bundledLab, KUBECTL_GAP, splitKubectlLine, startLabFixture, verdictOfRun, waitForView } from '../../labs/runtime/testing/lab-fixture';
import { KubeApi } from '../../labs/runtime/kube-api';
import { recordFromCluster } from '../../labs/runtime/lab-command';
import { evaluateRecord } from '../../labs/runtime/evaluator';

for (const id of ['replicaset', 'deployment', 'canary']) {
  test(`${id}: the solution typed in kubelab shell passes every checkpoint`, { timeout: 300_000 }, async (t) => {
    const lab = bundledLab(id);
    const fx = await startLabFixture({ topology: lab.topology });
    const term = await PtyTerminal.start(fx.f.engine.kubeconfigPath, { cols: 220, rows: 50 }).catch(async (e) => {
      await fx.stop();
      throw e;
    });
    try {
      await fx.runner.start(id);
      const gaps: string[] = [];
      for (const step of lab.steps) {
        for (const line of step.solution) {
          const out = await term.run(line, 120_000);
          if (KUBECTL_GAP.test(out)) {
            gaps.push(`${step.id}: ${line}\n    ${out.trim().split('\n')[0]}`);
            // The line is in the shell's history as typed; the real kubectl makes the change so
            // the later steps can still be checked.
            const cmd = splitKubectlLine(line);
            if (cmd) {
              const r = await fx.f.kubectl(cmd.args, { env: { ...cmd.env, SHELL: '/bin/sh' } });
              assert.equal(r.code, 0, `real kubectl fallback for ${line}: ${r.stderr}`);
            }
          }
        }
      }
      if (gaps.length) t.diagnostic(`bundled kubectl gaps:\n${gaps.join('\n')}`);
      const v = await waitForView(fx.runner, (x) => x.checkpoints.every((c) => c.passed), 30_000).catch((e) => {
        throw new Error(`${(e as Error).message}\nkubectl gaps:\n${gaps.join('\n')}`);
      });
      assert.equal(v.score, v.maxScore);
      const expect = verdictOfRun(fx.runner, lab, { name: 'solution', description: 'the solution typed in kubelab shell' });
      assert.ok(Object.values(expect).every(Boolean), JSON.stringify(expect));
      // `kubelab lab check`'s path: the engine's own history through /kubelab/v1/history.
      const api = KubeApi.fromKubeconfig(fx.f.engine.kubeconfigPath);
      try {
        const verdict = evaluateRecord(lab, await recordFromCluster(api, lab));
        assert.deepEqual(
          verdict.checkpoints.filter((c) => !c.passed).map((c) => `${c.id} ${c.error ?? ''}`),
          [],
        );
      } finally {
        api.close();
      }
    } finally {
      await term.dispose();
      await fx.stop();
    }
  });
}
