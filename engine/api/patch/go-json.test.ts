import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJsonEncode, goJsonMarshal } from './go-json';
import { compareGoStrings, goFormatFloatV, goSprintV } from './go-fmt';
import type { JsonValue } from './json-value';

const marshalCases: [string, JsonValue, string][] = [
  ['keys sorted, compact', { b: 1, a: [true, null], c: { z: 'x', y: '' } }, '{"a":[true,null],"b":1,"c":{"y":"","z":"x"}}'],
  ['HTML characters escaped', { cmd: 'a<b && c>d' }, '{"cmd":"a\\u003cb \\u0026\\u0026 c\\u003ed"}'],
  ['line and paragraph separators escaped', '\u2028\u2029', '"\\u2028\\u2029"'],
  ['control characters: short forms and lowercase \\u00XX', '\b\f\n\r\t\u0001\u001f', '"\\b\\f\\n\\r\\t\\u0001\\u001f"'],
  ['quote and backslash', 'say "hi" \\ bye', '"say \\"hi\\" \\\\ bye"'],
  ['non-ASCII kept as UTF-8', '容器 ✓ 😀', '"容器 ✓ 😀"'],
  ['lone surrogate becomes U+FFFD', 'a\ud800b', '"a\\ufffdb"'],
  ['integers without exponent', [0, 1, -7, 65535, 1e20], '[0,1,-7,65535,100000000000000000000]'],
  ['floats in Go form', [0.5, 1e21, 1.5e-7, 0.000001, 123456.789], '[0.5,1e+21,1.5e-7,0.000001,123456.789]'],
  ['negative zero', -0, '-0'],
  ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
  ['byte order, not UTF-16 order, for keys', { '\uffff': 1, '😀': 2, a: 3 }, '{"a":3,"\uffff":1,"😀":2}'],
];

for (const [name, value, want] of marshalCases) {
  test(`goJsonMarshal: ${name}`, () => assert.equal(goJsonMarshal(value), want));
}

test('goJsonEncode adds the trailing newline of json.Encoder', () => {
  const obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' }, data: { 'index.html': '<h1>hi</h1>' } };
  assert.equal(
    goJsonEncode(obj),
    '{"apiVersion":"v1","data":{"index.html":"\\u003ch1\\u003ehi\\u003c/h1\\u003e"},"kind":"ConfigMap","metadata":{"name":"c","namespace":"default"}}\n',
  );
});

test('goJsonMarshal rejects non-finite numbers like json.Marshal', () => {
  assert.throws(() => goJsonMarshal(Number.POSITIVE_INFINITY), /unsupported value/);
});

const sprintCases: [JsonValue, string][] = [
  [null, '<nil>'],
  [80, '80'],
  [123456, '123456'],
  [1000000, '1e+06'],
  [1.5e-7, '1.5e-07'],
  [0.25, '0.25'],
  ['x', 'x'],
  [{ name: 'a', $patch: 'delete' }, 'map[$patch:delete name:a]'],
  [[1, 'b', null], '[1 b <nil>]'],
];
for (const [v, want] of sprintCases) {
  test(`goSprintV(${JSON.stringify(v)}) = ${want}`, () => assert.equal(goSprintV(v), want));
}

test('goFormatFloatV handles the %v exponent thresholds', () => {
  assert.equal(goFormatFloatV(999999), '999999');
  assert.equal(goFormatFloatV(0.0001), '0.0001');
  assert.equal(goFormatFloatV(0.00001), '1e-05');
});

test('compareGoStrings orders by code point', () => {
  assert.ok(compareGoStrings('\uffff', '😀') < 0);
  assert.ok(compareGoStrings('a', 'b') < 0);
  assert.equal(compareGoStrings('x', 'x'), 0);
  assert.ok(compareGoStrings('ab', 'a') > 0);
});
