import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openApiPatchSchema } from './openapi-patch-schema';
import { parsePatchStrategy } from './patch-schema';
import { itemComponents } from './testing/item-openapi';

const root = openApiPatchSchema(itemComponents, '#/components/schemas/test.v1.Item');

const cases: [string, string[], { patchStrategy?: string; patchMergeKey?: string }][] = [
  ['merge list of maps', ['mergingList'], { patchStrategy: 'merge', patchMergeKey: 'name' }],
  ['merge list of scalars', ['mergingIntList'], { patchStrategy: 'merge', patchMergeKey: undefined }],
  ['list without strategy', ['nonMergingList'], { patchStrategy: undefined, patchMergeKey: undefined }],
  ['retainKeys on an allOf-wrapped ref', ['retainKeysMap'], { patchStrategy: 'retainKeys' }],
  ['through items() and a $ref cycle', ['mergingList', '[]', 'mergingList', '[]', 'mergingIntList'], { patchStrategy: 'merge' }],
  ['into a referenced struct', ['retainKeysMap', 'mergingList'], { patchStrategy: 'merge', patchMergeKey: 'name' }],
  ['map values via additionalProperties', ['nestedMaps', 'anykey', 'mergingList'], { patchStrategy: 'merge', patchMergeKey: 'name' }],
  ['unknown field is empty', ['nope', 'mergingList'], { patchStrategy: undefined, patchMergeKey: undefined }],
];

for (const [name, path, want] of cases) {
  test(`openApiPatchSchema: ${name}`, () => {
    let node = root;
    for (const step of path) node = step === '[]' ? node.items() : node.field(step);
    for (const [k, v] of Object.entries(want)) assert.equal((node as unknown as Record<string, unknown>)[k], v, k);
  });
}

test('openApiPatchSchema reads list-type metadata and accepts a bare schema name', () => {
  const node = openApiPatchSchema(itemComponents, 'test.v1.Item').field('retainKeysMergingList');
  assert.equal(node.listType, 'map');
  assert.deepEqual(node.listMapKeys, ['name']);
  assert.deepEqual(parsePatchStrategy(node.patchStrategy), { retainKeys: true, strategy: 'merge' });
});

test('openApiPatchSchema with a missing root knows nothing', () => {
  const node = openApiPatchSchema(undefined, 'io.k8s.api.apps.v1.Deployment').field('spec').field('template');
  assert.equal(node.patchStrategy, undefined);
});

test('parsePatchStrategy', () => {
  assert.deepEqual(parsePatchStrategy(undefined), { retainKeys: false, strategy: '' });
  assert.deepEqual(parsePatchStrategy('replace'), { retainKeys: false, strategy: 'replace' });
  assert.deepEqual(parsePatchStrategy('retainKeys,merge'), { retainKeys: true, strategy: 'merge' });
  assert.throws(() => parsePatchStrategy('merge,replace'), /unexpected patch strategy: \[merge replace\]/);
});
