import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventSortTime, goSort, sortEvents, timeMicros } from './events-sort';

test('goSort sorts like sort.Sort, for short and long inputs', () => {
  for (const n of [0, 1, 2, 5, 12, 13, 40, 51, 200, 1000]) {
    const xs = Array.from({ length: n }, (_, i) => (i * 7919) % 101);
    assert.deepEqual(goSort([...xs], (a, b) => a < b), [...xs].sort((a, b) => a - b));
  }
  const desc = Array.from({ length: 300 }, (_, i) => 300 - i);
  assert.deepEqual(goSort([...desc], (a, b) => a < b), [...desc].reverse());
});

test('goSort leaves equal keys where Go pdqsort leaves them (43 events seen by kubectl v1.32)', () => {
  // The second of each event's lastTimestamp, in the server's list order, and the order the
  // reference kubectl printed them in.
  const seconds = [35, 30, 35, 34, 30, 33, 30, 33, 33, 30, 33, 30, 34, 30, 33, 30, 30, 30, 21, 23, 21, 23, 23, 23, 21, 23, 21, 23, 21, 21, 21, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22, 22];
  const expected = [30, 29, 24, 26, 20, 18, 28, 32, 38, 36, 35, 34, 33, 42, 31, 41, 37, 39, 40, 19, 22, 27, 21, 23, 25, 11, 1, 4, 17, 16, 6, 15, 13, 9, 7, 10, 8, 14, 5, 12, 3, 0, 2];
  const items = seconds.map((t, i) => ({ i, lastTimestamp: `2026-11-22T04:53:${String(t).padStart(2, '0')}Z` }));
  assert.deepEqual(sortEvents(items).map((e) => e.i), expected);
});

test('an event sorts by its series, else lastTimestamp, else eventTime', () => {
  assert.equal(timeMicros('2026-01-01T00:00:01.000002Z') - timeMicros('2026-01-01T00:00:01Z'), 2);
  assert.equal(timeMicros(null), -Infinity);
  const series = { series: { lastObservedTime: '2026-01-01T00:00:09.000000Z' }, lastTimestamp: '2026-01-01T00:00:01Z' };
  assert.equal(eventSortTime(series), timeMicros('2026-01-01T00:00:09Z'));
  assert.equal(eventSortTime({ lastTimestamp: null, eventTime: '2026-01-01T00:00:05.500000Z' }), timeMicros('2026-01-01T00:00:05.5Z'));
  const sorted = sortEvents([{ id: 'b', lastTimestamp: '2026-01-01T00:00:02Z' }, { id: 'none' }, { id: 'a', eventTime: '2026-01-01T00:00:01.000000Z' }]);
  assert.deepEqual(sorted.map((e) => e.id), ['none', 'a', 'b']);
});
