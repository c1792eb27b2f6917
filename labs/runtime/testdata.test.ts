// Every lab pack's golden records give the verdicts stored beside them (STYLE rule 5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluateRecord } from './evaluator';
import { readGoldens } from './golden';
import { BUNDLED_LABS_DIR, loadCatalogue } from './lab-loader';

const { labs, broken } = loadCatalogue(BUNDLED_LABS_DIR);

test('every bundled lab pack loads', () => {
  assert.deepEqual(broken, []);
  assert.ok(labs.length >= 3);
});

for (const lab of labs) {
  const goldens = readGoldens(lab.dir);
  test(`${lab.id}: has a solution golden and wrong variants`, () => {
    assert.ok(goldens.some((g) => g.name === 'solution.json'), 'testdata/solution.json');
    for (const cp of lab.checkpoints) {
      assert.ok(
        goldens.some((g) => g.name !== 'solution.json' && g.golden.expect[cp.id] === false),
        `a wrong variant that leaves ${cp.id} unpassed`,
      );
    }
  });
  for (const { name, golden } of goldens) {
    test(`${lab.id}/testdata/${name}: ${golden.description}`, () => {
      const v = evaluateRecord(lab, golden.record);
      const got = Object.fromEntries(v.checkpoints.map((c) => [c.id, c.passed]));
      const errors = v.checkpoints.filter((c) => c.error).map((c) => `${c.id}: ${c.error}`);
      assert.deepEqual(got, golden.expect, errors.join('\n'));
    });
  }
}
