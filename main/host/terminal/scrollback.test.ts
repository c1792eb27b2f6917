import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Scrollback } from './scrollback';

test('keeps everything under the bound', () => {
  const sb = new Scrollback(100);
  sb.append('hello ');
  sb.append('world');
  assert.equal(sb.text(), 'hello world');
  assert.equal(sb.length, 11);
});

test('drops the oldest output, cutting at a line start', () => {
  const sb = new Scrollback(10);
  sb.append('line1\nline2\n');
  sb.append('line3\n');
  assert.ok(sb.length <= 10);
  assert.equal(sb.text(), 'line3\n');
  sb.append('abcdefghijklmnop');
  assert.equal(sb.text(), 'ghijklmnop');
  assert.equal(sb.length, 10);
});
