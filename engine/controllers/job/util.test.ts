import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import {
  backoffDelayMs,
  backoffRecord,
  ensureCondition,
  isJobSucceeded,
  isPodFailed,
  pastActiveDeadline,
  pastBackoffLimitOnFailure,
  remainingBackoffMs,
  wantActive,
} from './util';
import { completedIndexesString, missingIndexes, parseIndexes } from './indexed';

const job = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' }, spec, status });
const pod = (phase: string, extra: Record<string, unknown> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...extra }, spec: {}, status: { phase } });

test('the failure back-off doubles from 10 s and stops at 6 minutes', () => {
  assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 7, 40].map(backoffDelayMs), [0, 10_000, 20_000, 40_000, 80_000, 160_000, 320_000, 360_000, 360_000]);
});

test('the back-off counts failures after the last success and runs from the last failure', () => {
  const rec = backoffRecord([
    { succeeded: false, finishedAt: 1_000 },
    { succeeded: true, finishedAt: 2_000 },
    { succeeded: false, finishedAt: 5_000 },
    { succeeded: false, finishedAt: 3_000 },
  ]);
  assert.deepEqual(rec, { failuresAfterLastSuccess: 2, lastFailureTime: 5_000 });
  assert.equal(remainingBackoffMs(rec, 5_000), 20_000);
  assert.equal(remainingBackoffMs(rec, 15_000), 10_000);
  assert.equal(remainingBackoffMs(rec, 30_000), 0);
  assert.equal(remainingBackoffMs(backoffRecord([{ succeeded: true, finishedAt: 1 }]), 1), 0);
});

test('completion accounting: wanted active pods and success, with and without completions', () => {
  const fixed = job({ completions: 3, parallelism: 2 });
  assert.equal(wantActive(fixed, 0, 0), 2);
  assert.equal(wantActive(fixed, 2, 1), 1);
  assert.equal(wantActive(fixed, 3, 1), 0);
  assert.equal(isJobSucceeded(fixed, 2, 0), false);
  assert.equal(isJobSucceeded(fixed, 3, 1), false);
  assert.equal(isJobSucceeded(fixed, 3, 0), true);
  // A work queue (no completions): done when one pod succeeded and none still runs.
  const queue = job({ parallelism: 3 });
  assert.equal(wantActive(queue, 0, 1), 3);
  assert.equal(wantActive(queue, 1, 2), 2);
  assert.equal(isJobSucceeded(queue, 1, 2), false);
  assert.equal(isJobSucceeded(queue, 1, 0), true);
});

test('a deleted unfinished pod counts as failed unless a pod failure policy decides', () => {
  const deleted = pod('Running', { deletionTimestamp: '2026-01-01T00:00:00Z' });
  assert.equal(isPodFailed(deleted, job({})), true);
  assert.equal(isPodFailed(deleted, job({ podFailurePolicy: { rules: [] } })), false);
  assert.equal(isPodFailed(pod('Failed'), job({})), true);
  assert.equal(isPodFailed(pod('Succeeded', { deletionTimestamp: '2026-01-01T00:00:00Z' }), job({})), false);
});

test('restartPolicy OnFailure counts container restarts against backoffLimit', () => {
  const running = (restarts: number): KubeObject => ({ ...pod('Running'), status: { phase: 'Running', containerStatuses: [{ restartCount: restarts }] } });
  const onFailure = (limit: number) => job({ backoffLimit: limit, template: { spec: { restartPolicy: 'OnFailure' } } });
  assert.equal(pastBackoffLimitOnFailure(onFailure(2), [running(1)]), false);
  assert.equal(pastBackoffLimitOnFailure(onFailure(2), [running(1), running(1)]), true);
  assert.equal(pastBackoffLimitOnFailure(onFailure(0), [running(1)]), true);
  assert.equal(pastBackoffLimitOnFailure(job({ backoffLimit: 0, template: { spec: { restartPolicy: 'Never' } } }), [running(3)]), false);
});

test('activeDeadlineSeconds runs from status.startTime', () => {
  const j = job({ activeDeadlineSeconds: 30 }, { startTime: '2026-01-01T00:00:00Z' });
  const start = Date.UTC(2026, 0, 1);
  assert.equal(pastActiveDeadline(j, start + 29_999), false);
  assert.equal(pastActiveDeadline(j, start + 30_000), true);
  assert.equal(pastActiveDeadline(job({}, { startTime: '2026-01-01T00:00:00Z' }), start + 1e9), false);
});

test('conditions change only when status, reason or message do', () => {
  const [a, added] = ensureCondition([], 'Suspended', 'True', 'JobSuspended', 'Job suspended', 0);
  assert.equal(added, true);
  assert.deepEqual(a, [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended', lastProbeTime: '1970-01-01T00:00:00Z', lastTransitionTime: '1970-01-01T00:00:00Z' }]);
  assert.equal(ensureCondition(a, 'Suspended', 'True', 'JobSuspended', 'Job suspended', 5_000)[1], false);
  const [b, changed] = ensureCondition(a, 'Suspended', 'False', 'JobResumed', 'Job resumed', 5_000);
  assert.equal(changed, true);
  assert.equal(b[0].lastTransitionTime, '1970-01-01T00:00:05Z');
  // A False condition that never existed is not added.
  assert.deepEqual(ensureCondition([], 'Suspended', 'False', 'JobResumed', 'Job resumed', 0), [[], false]);
});

test('completed indexes are kept as ranges', () => {
  assert.deepEqual([...parseIndexes('0-2,4,7-9', 8)].sort(), [0, 1, 2, 4, 7]);
  assert.equal(completedIndexesString(new Set([4, 0, 1, 2, 7])), '0-2,4,7');
  assert.equal(completedIndexesString(new Set()), '');
  assert.deepEqual(missingIndexes(5, new Set([0, 2]), new Set([1])), [3, 4]);
});
