import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { kubectlYaml } from './yaml-schema';

test('names that only look like exponents stay strings; real floats are still numbers', () => {
  const doc = parse('a: e2\nb: E5\nc: .\nd: 1e3\ne: 1.5\nf: .5\ng: 2.\nh: -1.5e-3\ni: .inf\nj: 12\nk: 0x1F\nl: yes\n', kubectlYaml);
  assert.deepEqual(doc, { a: 'e2', b: 'E5', c: '.', d: 1000, e: 1.5, f: 0.5, g: 2, h: -0.0015, i: Infinity, j: 12, k: 31, l: true });
});
