import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlowControl } from './flow-control';

function harness(high = 100, low = 10) {
  const calls: string[] = [];
  const fc = new FlowControl({ highWatermark: high, lowWatermark: low, pause: () => calls.push('pause'), resume: () => calls.push('resume') });
  return { fc, calls };
}

test('pauses once above the high watermark and resumes below the low one', () => {
  const { fc, calls } = harness();
  fc.sent(60);
  fc.sent(40);
  assert.deepEqual(calls, [], 'at the watermark is not above it');
  fc.sent(1);
  fc.sent(50);
  assert.deepEqual(calls, ['pause'], 'pauses once');
  fc.acked(100);
  assert.equal(fc.unackedChars, 51);
  assert.deepEqual(calls, ['pause']);
  fc.acked(45);
  assert.deepEqual(calls, ['pause', 'resume']);
  assert.equal(fc.isPaused, false);
});

test('reset resumes a paused pty and ignores bogus acks', () => {
  const { fc, calls } = harness();
  fc.sent(500);
  fc.acked(-5);
  fc.acked(Number.NaN);
  assert.equal(fc.unackedChars, 500);
  fc.reset();
  assert.deepEqual(calls, ['pause', 'resume']);
  fc.acked(1000);
  assert.equal(fc.unackedChars, 0, 'never negative');
});
