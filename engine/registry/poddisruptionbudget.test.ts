import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podDisruptionBudgetDefinition, validatePdb } from './poddisruptionbudget';
import { messages, NOW, obj } from './testing/registry-fixtures';

test('table row: MIN AVAILABLE / MAX UNAVAILABLE as IntOrString, N/A when unset', () => {
  const pdb = obj('PodDisruptionBudget', 'web', { spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } }, status: { disruptionsAllowed: 1 } });
  assert.deepEqual(podDisruptionBudgetDefinition.table!.row(pdb, { now: NOW }), ['web', '2', 'N/A', 1, '5m']);
  const pct = obj('PodDisruptionBudget', 'p', { spec: { maxUnavailable: '25%' } });
  assert.deepEqual(podDisruptionBudgetDefinition.table!.row(pct, { now: NOW }), ['p', 'N/A', '25%', 0, '5m']);
});

test('validation', () => {
  assert.deepEqual(messages(validatePdb(obj('PodDisruptionBudget', 'p', { spec: { minAvailable: '120%' } }))), ['spec.minAvailable: Invalid value: "120%": must not be greater than 100%']);
  const both = messages(validatePdb(obj('PodDisruptionBudget', 'p', { spec: { minAvailable: 1, maxUnavailable: 1 } })));
  assert.equal(both.length, 1);
  assert.match(both[0], /^spec: Invalid value: policy\.PodDisruptionBudgetSpec\{.*\}: minAvailable and maxUnavailable cannot be both set$/);
});
