import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration } from './printing';

test('humanDuration follows apimachinery HumanDuration', () => {
  const s = 1000;
  const cases: [number, string][] = [
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [90 * s, '90s'],
    [119 * s, '119s'],
    [150 * s, '2m30s'],
    [300 * s, '5m'],
    [47 * 60 * s, '47m'],
    [179 * 60 * s, '179m'],
    [200 * 60 * s, '3h20m'],
    [3 * 3600 * s, '3h'],
    [47 * 3600 * s, '47h'],
    [48 * 3600 * s, '2d'],
    [76 * 3600 * s, '3d4h'],
    [364 * 86400 * s, '364d'],
    [(2 * 365 + 10) * 86400 * s, '2y10d'],
    [9 * 365 * 86400 * s, '9y'],
  ];
  for (const [ms, want] of cases) assert.equal(humanDuration(ms), want, `${ms}ms`);
});
