import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ageSince, humanDuration, shortHumanDuration } from './human-duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

test('HumanDuration thresholds (apimachinery duration.go)', () => {
  const table: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [90 * s, '90s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 30 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 20 * m, '3h20m'],
    [8 * h + 5 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [3 * d + 4 * h, '3d4h'],
    [8 * d + 4 * h, '8d'],
    [364 * d, '364d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [8 * 365 * d, '8y'],
    [20 * 365 * d, '20y'],
  ];
  for (const [ms, want] of table) assert.equal(humanDuration(ms), want, `${ms}ms`);
});

test('ShortHumanDuration uses one unit', () => {
  assert.equal(shortHumanDuration(90 * s), '1m');
  assert.equal(shortHumanDuration(25 * h), '1d');
});

test('ageSince: missing timestamps are <unknown>', () => {
  assert.equal(ageSince(null, 0), '<unknown>');
  assert.equal(ageSince('2025-01-01T00:00:00Z', Date.parse('2025-01-01T00:02:30Z')), '2m30s');
});
