import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newLines } from './command-log';

test('new history lines: appended, trimmed at the front, or a fresh file', () => {
  assert.deepEqual(newLines([], ['a', 'b']), ['a', 'b']);
  assert.deepEqual(newLines(['a', 'b'], ['a', 'b', 'c']), ['c']);
  assert.deepEqual(newLines(['a', 'b', 'c'], ['b', 'c', 'd', 'e']), ['d', 'e']);
  assert.deepEqual(newLines(['a', 'b'], ['a', 'b']), []);
  assert.deepEqual(newLines(['x', 'y'], ['p']), ['p']);
});
