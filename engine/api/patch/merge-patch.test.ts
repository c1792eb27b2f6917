import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goJsonMarshal } from './go-json';
import { applyMergePatch, createMergePatch, decodeMergePatch, MergePatchError } from './merge-patch';
import type { JsonValue } from './json-value';

const applyCases: [string, JsonValue, JsonValue, JsonValue][] = [
  ['set a key', { a: 'b' }, { a: 'c' }, { a: 'c' }],
  ['add a key', { a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  ['null deletes', { a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  ['lists are replaced', { a: [1, 2] }, { a: [3] }, { a: [3] }],
  ['nested merge', { a: { b: 'c', d: 'e' } }, { a: { b: 'x', d: null } }, { a: { b: 'x' } }],
  ['new nested object loses its nulls', { a: 'b' }, { c: { d: null, e: 'f' } }, { a: 'b', c: { e: 'f' } }],
  ['scalar replaced by object', { a: 'b' }, { a: { c: 'd' } }, { a: { c: 'd' } }],
  ['null elements in a new list are kept', {}, { a: [null, { b: null, c: 1 }] }, { a: [null, { c: 1 }] }],
  ['object replaced by list keeps patch as sent', { a: { b: 1 } }, { a: [{ c: null }] }, { a: [{ c: null }] }],
  ['deleting a missing key is a no-op', { a: 1 }, { z: null }, { a: 1 }],
  ['array patch replaces the document', { a: 1 }, [1, null], [1, null]],
  ['kubectl scale body', { spec: { replicas: 1 }, status: { replicas: 1 } }, { spec: { replicas: 3 } }, { spec: { replicas: 3 }, status: { replicas: 1 } }],
];
for (const [name, target, patch, want] of applyCases) {
  test(`applyMergePatch: ${name}`, () => {
    const before = JSON.stringify(target);
    assert.deepEqual(applyMergePatch(target, patch), want);
    assert.equal(JSON.stringify(target), before);
  });
}

test('applyMergePatch: null or scalar patch is "Invalid JSON Patch" (400)', () => {
  for (const p of [null, 3, 'x'] as JsonValue[]) {
    assert.throws(() => applyMergePatch({}, p), (e: any) => e instanceof MergePatchError && e.code === 400 && e.message === 'Invalid JSON Patch');
  }
});

const createCases: [string, JsonValue, JsonValue, string][] = [
  ['kubectl label adds a label', { metadata: { name: 'p', labels: { app: 'x' } } }, { metadata: { name: 'p', labels: { app: 'x', env: 'prod' } } }, '{"metadata":{"labels":{"env":"prod"}}}'],
  ['kubectl label key- removes it', { metadata: { labels: { app: 'x', env: 'prod' } } }, { metadata: { labels: { app: 'x' } } }, '{"metadata":{"labels":{"env":null}}}'],
  ['kubectl annotate with HTML characters', { metadata: {} }, { metadata: { annotations: { note: 'a<b' } } }, '{"metadata":{"annotations":{"note":"a\\u003cb"}}}'],
  ['no change gives {}', { a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, '{}'],
  ['list change sends the whole list', { a: [1, 2] }, { a: [1, 3] }, '{"a":[1,3]}'],
  ['type change', { a: { b: 1 } }, { a: 'x' }, '{"a":"x"}'],
  ['explicit null in modified where original had a value', { a: 1 }, { a: null }, '{"a":null}'],
  ['null in both is no change', { a: null }, { a: null }, '{}'],
];
for (const [name, original, modified, want] of createCases) {
  test(`createMergePatch: ${name}`, () => {
    const patch = createMergePatch(original, modified);
    assert.equal(goJsonMarshal(patch), want);
    assert.deepEqual(removeNulls(applyMergePatch(original, patch)), removeNulls(modified));
  });
}

function removeNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v) || v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null).map(([k, x]) => [k, removeNulls(x)]));
}

test('createMergePatch of two lists diffs them item by item', () => {
  assert.equal(goJsonMarshal(createMergePatch([{ a: 1 }, { b: 1 }], [{ a: 2 }, { b: 1 }])), '[{"a":2},{}]');
  assert.throws(() => createMergePatch([{ a: 1 }], []), MergePatchError);
});

test('decodeMergePatch: strict decoding wants an object', () => {
  assert.deepEqual(decodeMergePatch('{"spec":{"replicas":3}}'), { spec: { replicas: 3 } });
  assert.throws(() => decodeMergePatch('[1]'), (e: any) => e.code === 400 && e.message === 'error decoding patch: json: cannot unmarshal array into Go value of type map[string]interface {}');
  assert.throws(() => decodeMergePatch('{'), (e: any) => e.code === 400 && e.message === 'error decoding patch: unexpected end of JSON input');
});
