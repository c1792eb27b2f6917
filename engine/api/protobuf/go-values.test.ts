import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goDuration, microTimeJson, timeJson } from './go-values';

test('Go Duration.String', () => {
  const cases: Array<[number, string]> = [
    [0, '0s'],
    [1, '1ns'],
    [1500, '1.5µs'],
    [300e6, '300ms'],
    [1.5e9, '1.5s'],
    [60e9, '1m0s'],
    [3600e9, '1h0m0s'],
    [90061e9 + 5e8, '25h1m1.5s'],
    [-2e9, '-2s'],
  ];
  for (const [ns, want] of cases) assert.equal(goDuration(ns), want, String(ns));
});

test('Time and MicroTime JSON', () => {
  assert.equal(timeJson(1_704_164_645), '2024-01-02T03:04:05Z');
  assert.equal(microTimeJson(1_704_164_645, 123_456_789), '2024-01-02T03:04:05.123456Z');
  assert.equal(microTimeJson(1_704_164_645, 0), '2024-01-02T03:04:05.000000Z');
});
