// The kubectl differential test: every corpus sequence runs with the reference kubectl and with
// ours; any mismatch not marked `@known` in the corpus fails. Prints the match rate at the end.
// KUBELAB_DIFF_KUBECONFIG=<path> runs the corpus against that cluster instead of fresh engines;
// KUBELAB_DIFF_FILTER=<text> runs only matching sequences; KUBELAB_DIFF_OURS=bin uses bin/kubectl.

import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describeMismatch, harnessOptionsFromEnv, runSequence, type StepResult } from './harness';
import { loadCorpus } from './load-corpus';
import { REAL_KUBECTL } from '../support/engine-fixture';

const options = harnessOptionsFromEnv();
const sequences = loadCorpus(process.env.KUBELAB_DIFF_FILTER);
const all: StepResult[] = [];
const skip = existsSync(REAL_KUBECTL) ? false : `reference kubectl not found at ${REAL_KUBECTL}`;

// Sequences run KUBELAB_DIFF_JOBS at a time (default 2: one engine and one kubectl per core);
// each test awaits its own sequence, so reports stay in corpus order.
const jobs = Math.max(1, Number(process.env.KUBELAB_DIFF_JOBS ?? 2));
const outcomes = sequences.map(() => {
  let resolve!: (r: StepResult[]) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<StepResult[]>((res, rej) => ((resolve = res), (reject = rej)));
  promise.catch(() => {});
  return { promise, resolve, reject };
});
let next = 0;
let started = false;
function startPool(): void {
  if (started) return;
  started = true;
  const worker = async () => {
    while (next < sequences.length) {
      const i = next++;
      try {
        outcomes[i].resolve(await runSequence(sequences[i], options));
      } catch (e) {
        outcomes[i].reject(e);
      }
    }
  };
  for (let k = 0; k < jobs; k++) void worker();
}

sequences.forEach((seq, i) => {
  test(`differential: ${seq.source} ${seq.name}`, { skip, timeout: 180_000 }, async () => {
    startPool();
    const results = await outcomes[i].promise;
    all.push(...results);
    const unexplained = results.filter((r) => r.match === 'mismatch' && !r.step.known);
    assert.ok(unexplained.length === 0, `${unexplained.length} unexplained mismatch(es):\n${unexplained.map((r) => describeMismatch(r)).join('\n\n')}`);
  });
});

after(() => {
  if (all.length === 0) return;
  const matched = all.filter((r) => r.match !== 'mismatch').length;
  const known = all.filter((r) => r.match === 'mismatch' && r.step.known);
  const fixed = all.filter((r) => r.match !== 'mismatch' && r.step.known);
  const pct = ((100 * matched) / all.length).toFixed(1);
  const lines = [`kubectl differential: ${matched}/${all.length} commands match (${pct}%), ${known.length} known exception(s)`];
  for (const r of known) lines.push(`  known: ${r.step.text} — ${r.step.known}`);
  for (const r of fixed) lines.push(`  known exception now matches (remove @known): ${r.step.text}`);
  console.log(lines.join('\n'));
});
