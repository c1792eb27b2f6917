// Dev tool: runs the corpus (or the sequences whose file or name contains argv[2]) and prints
// every mismatch with a line diff, then the match rate. Same environment variables as the test.
//   node --import tsx test/differential/run-corpus.ts [filter]
import { describeMismatch, harnessOptionsFromEnv, runSequence, type StepResult } from './harness';
import { loadCorpus } from './load-corpus';

const options = harnessOptionsFromEnv();
const all: StepResult[] = [];
const t0 = Date.now();
for (const seq of loadCorpus(process.argv[2])) {
  const t = Date.now();
  const results = await runSequence(seq, options);
  all.push(...results);
  const bad = results.filter((r) => r.match === 'mismatch');
  console.log(`${bad.length ? 'FAIL' : 'ok  '} ${seq.source} ${seq.name}: ${results.length - bad.length}/${results.length} (${Date.now() - t} ms)`);
  for (const r of bad) console.log((r.step.known ? `  [known: ${r.step.known}] ` : '') + describeMismatch(r).replace(/^/gm, '    '));
}
const matched = all.filter((r) => r.match !== 'mismatch').length;
console.log(`\n${matched}/${all.length} match (${((100 * matched) / Math.max(1, all.length)).toFixed(1)}%) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
