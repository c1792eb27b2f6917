import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RestartPolicy } from './restart-policy';

test('backs off exponentially and stops after the budget', () => {
  const p = new RestartPolicy({ maxRestarts: 3, windowMs: 1000, initialDelayMs: 100, maxDelayMs: 250 });
  assert.equal(p.next(0), 100);
  assert.equal(p.next(10), 200);
  assert.equal(p.next(20), 250);
  assert.equal(p.next(30), undefined);
});

test('old restarts leave the window, and reset starts over', () => {
  const p = new RestartPolicy({ maxRestarts: 2, windowMs: 1000, initialDelayMs: 100 });
  p.next(0);
  p.next(10);
  assert.equal(p.next(20), undefined);
  assert.equal(p.next(1500), 100);
  p.next(1501);
  p.reset();
  assert.equal(p.next(1502), 100);
});
