import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deduplicateScalars, normalizeElementOrder, sliceElementType, sortMapsByMergeKey, sortScalars } from './smp-lists';

test('deduplicateScalars moves the last element into a duplicate slot, as upstream', () => {
  assert.deepEqual(deduplicateScalars(['a', 'b', 'b', 'c']), ['a', 'b', 'c']);
  assert.deepEqual(deduplicateScalars(['x', 'y', 'x', 'z', 'w']), ['x', 'y', 'w', 'z']);
});

test('sortScalars compares %v text, so 10 sorts before 9', () => {
  assert.deepEqual(sortScalars([9, 10, 1]), [1, 10, 9]);
});

test('sortMapsByMergeKey: equal keys end up reversed (Go insertion sort with a <= Less)', () => {
  const a = { port: 53, protocol: 'UDP' };
  const b = { port: 53, protocol: 'TCP' };
  assert.deepEqual(sortMapsByMergeKey([b, { port: 443 }, a], 'port'), [{ port: 443 }, a, b]);
});

test('normalizeElementOrder interleaves server-only items by live order', () => {
  const out = normalizeElementOrder([{ n: 'c' }, { n: 'a' }], [{ n: 'b' }], [{ n: 'c' }, { n: 'a' }], [{ n: 'a' }, { n: 'b' }, { n: 'c' }], 'n', 'object');
  // b precedes c in the live list, so it is emitted before c; patch order (c, a) is kept.
  assert.deepEqual(out, [{ n: 'b' }, { n: 'c' }, { n: 'a' }]);
});

test('sliceElementType errors', () => {
  assert.throws(() => sliceElementType([], []), /no elements in any of the given slices/);
  assert.throws(() => sliceElementType([[1]]), /lists of lists are not supported/);
  assert.equal(sliceElementType([1], [2.5]), 'number');
});
