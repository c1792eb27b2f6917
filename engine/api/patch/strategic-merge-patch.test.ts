import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { goJsonEncode, goJsonMarshal } from './go-json';
import { knownPatchSchema } from './known-patch-schema';
import { openApiPatchSchema } from './openapi-patch-schema';
import { applyStrategicMergePatch, createThreeWayMergePatch, createTwoWayMergePatch, decodeStrategicMergePatch, StrategicMergePatchError } from './strategic-merge-patch';
import { itemComponents } from './testing/item-openapi';
import type { JsonObject } from './json-value';

const schema = openApiPatchSchema(itemComponents, 'test.v1.Item');
const y = (text: string) => parse(text) as JsonObject;

// Each case: original (last-applied), modified (new config), current (live) and the
// expected two-way patch, three-way patch and results of applying them.
interface RoundTrip {
  name: string;
  original: string;
  modified: string;
  current: string;
  twoWay: string;
  threeWay: string;
  result: string;
  twoWayResult?: string;
}

const roundTrips: RoundTrip[] = [
  {
    name: 'no change at all',
    original: 'name: a',
    modified: 'name: a',
    current: 'name: a\nother: live',
    twoWay: '{}',
    threeWay: '{}',
    result: 'name: a\nother: live',
  },
  {
    name: 'add a field; live-only fields stay',
    original: 'name: a',
    modified: 'name: a\nvalue: v1',
    current: 'name: a\nother: live',
    twoWay: 'value: v1',
    threeWay: 'value: v1',
    result: 'name: a\nvalue: v1\nother: live',
  },
  {
    name: 'a live edit to a configured field is overwritten',
    original: 'name: a',
    modified: 'name: a\nvalue: v1',
    current: 'name: edited\nother: live',
    twoWay: 'value: v1',
    threeWay: 'name: a\nvalue: v1',
    result: 'name: a\nvalue: v1\nother: live',
  },
  {
    name: 'a field dropped from the file becomes null',
    original: 'name: a\nvalue: v1',
    modified: 'name: a',
    current: 'name: a\nvalue: v1\nother: live',
    twoWay: 'value: null',
    threeWay: 'value: null',
    result: 'name: a\nother: live',
  },
  {
    name: 'a key dropped from a nested map',
    original: 'simpleMap: {k1: x, k2: y}',
    modified: 'simpleMap: {k1: x}',
    current: 'simpleMap: {k1: x, k2: y, k3: live}',
    twoWay: 'simpleMap: {k2: null}',
    threeWay: 'simpleMap: {k2: null}',
    result: 'simpleMap: {k1: x, k3: live}',
  },
  {
    name: 'a list without strategy is replaced whole',
    original: 'nonMergingIntList: [1, 2]',
    modified: 'nonMergingIntList: [2, 3]',
    current: 'nonMergingIntList: [1, 2, 9]',
    twoWay: 'nonMergingIntList: [2, 3]',
    threeWay: 'nonMergingIntList: [2, 3]',
    result: 'nonMergingIntList: [2, 3]',
  },
  {
    name: 'items added to a merge list, with $setElementOrder',
    original: 'mergingList: [{name: b}, {name: c, value: c1}]',
    modified: 'mergingList: [{name: a, value: a1}, {name: b}, {name: c, value: c1}, {name: d}]',
    current: 'mergingList: [{name: b, other: live}, {name: c, value: c1}]',
    twoWay: `
$setElementOrder/mergingList: [{name: a}, {name: b}, {name: c}, {name: d}]
mergingList: [{name: a, value: a1}, {name: d}]`,
    threeWay: `
$setElementOrder/mergingList: [{name: a}, {name: b}, {name: c}, {name: d}]
mergingList: [{name: a, value: a1}, {name: d}]`,
    result: 'mergingList: [{name: a, value: a1}, {name: b, other: live}, {name: c, value: c1}, {name: d}]',
  },
  {
    name: 'an item changed in a merge list carries its merge key',
    original: 'mergingList: [{name: a, value: x}, {name: b}]',
    modified: 'mergingList: [{name: a, value: y}, {name: b}]',
    current: 'mergingList: [{name: a, value: x, other: live}, {name: b}]',
    twoWay: `
$setElementOrder/mergingList: [{name: a}, {name: b}]
mergingList: [{name: a, value: y}]`,
    threeWay: `
$setElementOrder/mergingList: [{name: a}, {name: b}]
mergingList: [{name: a, value: y}]`,
    result: 'mergingList: [{name: a, value: y, other: live}, {name: b}]',
  },
  {
    name: 'items removed from a merge list become delete directives',
    original: 'mergingList: [{name: a}, {name: b}, {name: c}]',
    modified: 'mergingList: [{name: b}]',
    current: 'mergingList: [{name: a}, {name: b}, {name: c}, {name: live}]',
    twoWay: `
$setElementOrder/mergingList: [{name: b}]
mergingList: [{name: a, $patch: delete}, {name: c, $patch: delete}]`,
    threeWay: `
$setElementOrder/mergingList: [{name: b}]
mergingList: [{name: a, $patch: delete}, {name: c, $patch: delete}]`,
    result: 'mergingList: [{name: b}, {name: live}]',
  },
  {
    name: 'only the order of a merge list changed',
    original: 'mergingList: [{name: a}, {name: b}]',
    modified: 'mergingList: [{name: b}, {name: a}]',
    current: 'mergingList: [{name: a}, {name: b}]',
    twoWay: '$setElementOrder/mergingList: [{name: b}, {name: a}]',
    threeWay: '$setElementOrder/mergingList: [{name: b}, {name: a}]',
    result: 'mergingList: [{name: b}, {name: a}]',
  },
  {
    name: 'a primitive merge list: add and delete',
    original: 'mergingIntList: [1, 2, 3]',
    modified: 'mergingIntList: [1, 2, 4]',
    current: 'mergingIntList: [1, 2, 3, 7]',
    twoWay: `
$setElementOrder/mergingIntList: [1, 2, 4]
$deleteFromPrimitiveList/mergingIntList: [3]
mergingIntList: [4]`,
    threeWay: `
$setElementOrder/mergingIntList: [1, 2, 4]
$deleteFromPrimitiveList/mergingIntList: [3]
mergingIntList: [4]`,
    result: 'mergingIntList: [1, 2, 4, 7]',
  },
  {
    name: 'duplicates in a primitive merge list are all deleted',
    original: 'mergingIntList: [5, 6, 6]',
    modified: 'mergingIntList: [5]',
    current: 'mergingIntList: [5, 6, 6, 8]',
    twoWay: `
$setElementOrder/mergingIntList: [5]
$deleteFromPrimitiveList/mergingIntList: [6]`,
    threeWay: `
$setElementOrder/mergingIntList: [5]
$deleteFromPrimitiveList/mergingIntList: [6]`,
    result: 'mergingIntList: [5, 8]',
  },
  {
    name: 'an explicit null in the file is sent and deletes',
    original: 'name: a\nvalue: v',
    modified: 'name: b\nvalue: null',
    current: 'name: a\nvalue: v\nother: live',
    twoWay: 'name: b\nvalue: null',
    threeWay: 'name: b\nvalue: null',
    result: 'name: b\nother: live',
    twoWayResult: 'name: b',
  },
  {
    name: 'retainKeys map: switching fields sends $retainKeys',
    original: 'retainKeysMap: {name: n, value: old}',
    modified: 'retainKeysMap: {name: n, other: new}',
    current: 'retainKeysMap: {name: n, value: old, simpleMap: {live: x}}',
    twoWay: 'retainKeysMap: {$retainKeys: [name, other], other: new, value: null}',
    threeWay: 'retainKeysMap: {$retainKeys: [name, other], other: new, value: null}',
    result: 'retainKeysMap: {name: n, other: new}',
  },
  {
    name: 'retainKeys map unchanged sends nothing',
    original: 'retainKeysMap: {name: n}',
    modified: 'retainKeysMap: {name: n}\nvalue: v',
    current: 'retainKeysMap: {name: n}',
    twoWay: 'value: v',
    threeWay: 'value: v',
    result: 'retainKeysMap: {name: n}\nvalue: v',
  },
  {
    name: 'retainKeys merge list (like pod volumes)',
    original: 'retainKeysMergingList: [{name: data, value: cm}]',
    modified: 'retainKeysMergingList: [{name: data, other: secret}]',
    current: 'retainKeysMergingList: [{name: data, value: cm}]',
    twoWay: `
$setElementOrder/retainKeysMergingList: [{name: data}]
retainKeysMergingList: [{$retainKeys: [name, other], name: data, other: secret, value: null}]`,
    threeWay: `
$setElementOrder/retainKeysMergingList: [{name: data}]
retainKeysMergingList: [{$retainKeys: [name, other], name: data, other: secret, value: null}]`,
    result: 'retainKeysMergingList: [{name: data, other: secret}]',
  },
  {
    // The three-way merge of the two halves strips directives from a list new to the
    // deletions half (upstream removeDirectives), so only the two-way patch keeps it.
    name: 'a $patch: delete item written in the file',
    original: 'name: a',
    modified: 'name: a\nmergingList: [{name: keep}, {name: gone, $patch: delete}]',
    current: 'name: a\nmergingList: [{name: live}]',
    twoWay: 'mergingList: [{name: keep}, {name: gone, $patch: delete}]',
    threeWay: `
$setElementOrder/mergingList: [{name: keep}, {name: gone}]
mergingList: [{name: keep}]`,
    result: 'name: a\nmergingList: [{name: keep}, {name: live}]',
    twoWayResult: 'name: a\nmergingList: [{name: keep}]',
  },
  {
    name: 'nested merge lists inside merge list items',
    original: 'mergingList: [{name: a, mergingList: [{name: x}]}]',
    modified: 'mergingList: [{name: a, mergingList: [{name: x}, {name: y}]}]',
    current: 'mergingList: [{name: a, mergingList: [{name: x, other: live}]}]',
    twoWay: `
$setElementOrder/mergingList: [{name: a}]
mergingList: [{name: a, $setElementOrder/mergingList: [{name: x}, {name: y}], mergingList: [{name: y}]}]`,
    threeWay: `
$setElementOrder/mergingList: [{name: a}]
mergingList: [{name: a, $setElementOrder/mergingList: [{name: x}, {name: y}], mergingList: [{name: y}]}]`,
    result: 'mergingList: [{name: a, mergingList: [{name: x, other: live}, {name: y}]}]',
  },
];

for (const c of roundTrips) {
  test(`SMP round trip: ${c.name}`, () => {
    const original = y(c.original);
    const modified = y(c.modified);
    const current = y(c.current);
    const twoWay = createTwoWayMergePatch(original, modified, schema);
    assert.deepEqual(twoWay, y(c.twoWay), 'two-way patch');
    assert.deepEqual(applyStrategicMergePatch(original, twoWay, schema), y(c.twoWayResult ?? c.modified), 'two-way result');
    const threeWay = createThreeWayMergePatch(original, modified, current, schema);
    assert.deepEqual(threeWay, y(c.threeWay), 'three-way patch');
    assert.deepEqual(applyStrategicMergePatch(current, threeWay, schema), y(c.result), 'three-way result');
  });
}

// Patches a client could send but kubectl never creates.
const applyCases: { name: string; original: string; patch: string; result: string }[] = [
  { name: 'scalars in a primitive merge list stay unique', original: 'mergingIntList: [1, 2]', patch: 'mergingIntList: [2, 3]', result: 'mergingIntList: [1, 2, 3]' },
  { name: '$patch: delete on a map empties it', original: 'simpleMap: {a: "1", b: "2"}', patch: 'simpleMap: {$patch: delete}', result: 'simpleMap: {}' },
  { name: '$patch: replace on a list', original: 'mergingList: [{name: a}, {name: b}]', patch: 'mergingList: [{name: c}, {$patch: replace}]', result: 'mergingList: [{name: c}]' },
  { name: '$patch: replace alone clears a list', original: 'mergingList: [{name: a}]', patch: 'mergingList: [{$patch: replace}]', result: 'mergingList: []' },
  { name: '$patch: replace on the whole object', original: 'name: a\nvalue: b', patch: 'other: c\n$patch: replace', result: 'other: c' },
  { name: '$patch: delete removes every duplicate', original: 'mergingList: [{name: a}, {name: a}, {name: b, value: v}]', patch: 'mergingList: [{name: a, $patch: delete}]', result: 'mergingList: [{name: b, value: v}]' },
  { name: 'patch order wins over live order', original: 'mergingList: [{name: a}, {name: b, value: v}, {name: c}]', patch: 'mergingList: [{name: c, value: 1}, {name: a, value: 2}]', result: 'mergingList: [{name: b, value: v}, {name: c, value: 1}, {name: a, value: 2}]' },
  { name: 'patch order for a primitive list', original: 'mergingIntList: [1, 2, 3]', patch: 'mergingIntList: [3, 1]', result: 'mergingIntList: [2, 3, 1]' },
  { name: '$setElementOrder may list items absent from the list', original: 'mergingList: [{name: a}, {name: c}]', patch: '$setElementOrder/mergingList: [{name: c}, {name: b}, {name: a}]\nmergingList: [{name: c, value: 1}]', result: 'mergingList: [{name: c, value: 1}, {name: a}]' },
  { name: '$setElementOrder alone reorders a primitive list', original: 'mergingIntList: [1, 3]', patch: '$setElementOrder/mergingIntList: [3, 2, 1]', result: 'mergingIntList: [3, 1]' },
  { name: '$deleteFromPrimitiveList of an absent value', original: 'mergingIntList: [1, 2]', patch: '$deleteFromPrimitiveList/mergingIntList: [9]', result: 'mergingIntList: [1, 2]' },
  { name: '$deleteFromPrimitiveList never creates the list', original: 'name: a', patch: '$deleteFromPrimitiveList/mergingIntList: [9]', result: 'name: a' },
  { name: '$deleteFromPrimitiveList works on a list without strategy', original: 'nonMergingIntList: [1, 2, 3]', patch: '$deleteFromPrimitiveList/nonMergingIntList: [2]', result: 'nonMergingIntList: [1, 3]' },
  { name: '$retainKeys clears unlisted fields', original: 'retainKeysMap: {name: n, value: v, other: o}', patch: 'retainKeysMap: {$retainKeys: [name, other], other: p}', result: 'retainKeysMap: {name: n, other: p}' },
  { name: 'null for a missing key is dropped', original: 'name: a', patch: 'value: null', result: 'name: a' },
  { name: 'nulls inside a new map are dropped', original: 'name: a', patch: 'simpleMap: {k: v, gone: null}', result: 'name: a\nsimpleMap: {k: v}' },
  { name: 'replace strategy map is not merged', original: 'replacingItem: {a: 1, b: 2}', patch: 'replacingItem: {c: 3}', result: 'replacingItem: {c: 3}' },
  { name: 'a type change replaces', original: 'simpleMap: {a: b}', patch: 'simpleMap: [1]', result: 'simpleMap: [1]' },
  { name: 'unknown fields merge as plain maps', original: 'extra: {a: 1, list: [1]}', patch: 'extra: {b: 2, list: [2]}', result: 'extra: {a: 1, b: 2, list: [2]}' },
  { name: 'root $patch: delete', original: 'name: a', patch: '$patch: delete', result: '{}' },
];

for (const c of applyCases) {
  test(`applyStrategicMergePatch: ${c.name}`, () => {
    const original = y(c.original);
    const patch = y(c.patch);
    const before = JSON.stringify([original, patch]);
    assert.deepEqual(applyStrategicMergePatch(original, patch, schema), y(c.result));
    assert.equal(JSON.stringify([original, patch]), before, 'inputs must not change');
  });
}

const errorCases: { name: string; original: string; patch: string; message: string | RegExp; code: number }[] = [
  { name: 'missing merge key', original: 'mergingList: [{name: a}]', patch: 'mergingList: [{value: b}]', message: 'map: map[value:b] does not contain declared merge key: name', code: 500 },
  { name: 'patch list out of $setElementOrder order', original: 'mergingList: [{name: a}, {name: b}]', patch: '$setElementOrder/mergingList: [{name: a}, {name: b}]\nmergingList: [{name: b}, {name: a}]', message: /doesn't match \$setElementOrder list/, code: 500 },
  { name: 'unknown $patch directive', original: 'simpleMap: {a: b}', patch: 'simpleMap: {$patch: frob}', message: 'unknown patch type: frob in map: map[$patch:frob]', code: 500 },
  { name: '$patch: merge in a list', original: 'mergingList: [{name: a}]', patch: 'mergingList: [{$patch: merge}]', message: 'merging lists cannot yet be specified in the patch', code: 500 },
  { name: 'field outside $retainKeys', original: 'retainKeysMap: {name: n}', patch: 'retainKeysMap: {$retainKeys: [name], value: v}', message: 'invalid patch format of retainKeys', code: 400 },
  { name: '$retainKeys not a list', original: 'retainKeysMap: {name: n}', patch: 'retainKeysMap: {$retainKeys: name}', message: 'invalid patch format of retainKeys', code: 400 },
  { name: '$deleteFromPrimitiveList without a field', original: 'name: a', patch: '$deleteFromPrimitiveList: [1]', message: 'invalid patch format of primitive list', code: 400 },
  { name: 'lists of lists', original: 'mergingIntList: [[1]]', patch: 'mergingIntList: [[2]]', message: 'lists of lists are not supported', code: 422 },
  { name: 'mixed element types', original: 'mergingIntList: [1]', patch: 'mergingIntList: [a]', message: 'list element types are not identical: [[1] [a]]', code: 500 },
  { name: 'merge list of maps without merge key', original: 'mergingIntList: [{a: 1}]', patch: 'mergingIntList: [{a: 2}]', message: 'cannot merge lists without merge key for struct', code: 500 },
];

for (const c of errorCases) {
  test(`applyStrategicMergePatch error: ${c.name}`, () => {
    assert.throws(
      () => applyStrategicMergePatch(y(c.original), y(c.patch), schema),
      (e: unknown) => {
        assert.ok(e instanceof StrategicMergePatchError);
        if (typeof c.message === 'string') assert.equal(e.message, c.message);
        else assert.match(e.message, c.message);
        assert.equal(e.code, c.code);
        return true;
      },
    );
  });
}

test('lists of lists on the server answer 422 with the generic message', () => {
  try {
    applyStrategicMergePatch(y('mergingIntList: [[1]]'), y('mergingIntList: [[2]]'), schema);
    assert.fail('expected an error');
  } catch (e) {
    assert.equal((e as StrategicMergePatchError).statusMessage, 'the server rejected our request due to an error in our request');
  }
});

test('decodeStrategicMergePatch', () => {
  assert.deepEqual(decodeStrategicMergePatch('{"spec":{"paused":true}}'), { spec: { paused: true } });
  assert.deepEqual(decodeStrategicMergePatch('null'), {});
  assert.throws(() => decodeStrategicMergePatch('[]'), (e: any) => e.code === 400 && e.message === 'json: cannot unmarshal array into Go value of type map[string]interface {}');
});

test('two-way preconditions fail with the patch in the message', () => {
  assert.throws(
    () => createTwoWayMergePatch({ kind: 'A' }, { kind: 'B' }, schema, [(p) => !('kind' in p)]),
    (e: any) => e.message === 'precondition failed for: map[kind:B]',
  );
});

test('three-way with overwrite=false reports a conflict with a live edit', () => {
  assert.throws(
    () => createThreeWayMergePatch(y('name: a'), y('name: b'), y('name: live'), schema, false),
    (e: any) => e.code === 409 && /^patch:\nname: b\n\nconflicts with changes made from original to current:\nname: live\n\n$/.test(e.message),
  );
  assert.deepEqual(createThreeWayMergePatch(y('name: a'), y('name: b\nvalue: v'), y('name: a\nother: x'), schema, false), { name: 'b', value: 'v' });
});

// --- kubectl's real patches against built-in kinds (knownPatchSchema) ---

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function deployment(image: string, extra: Record<string, unknown> = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image, ports: [{ containerPort: 80 }], ...extra }] } },
    },
  } as JsonObject;
}

/** What kubectl apply sends as `modified`: the file plus its own serialization in the annotation. */
function withLastApplied(obj: JsonObject): JsonObject {
  const out = structuredClone(obj) as any;
  out.metadata.annotations = { ...(out.metadata.annotations ?? {}), [LAST_APPLIED]: goJsonEncode(obj) };
  return out;
}

/** A live object as the server holds it: defaults filled in, status and system fields added. */
function live(obj: JsonObject): JsonObject {
  const out = withLastApplied(obj) as any;
  Object.assign(out.metadata, { uid: 'f3b1', resourceVersion: '812', generation: 1, finalizers: undefined });
  delete out.metadata.finalizers;
  out.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } };
  out.spec.revisionHistoryLimit = 10;
  for (const c of out.spec.template.spec.containers) {
    c.imagePullPolicy = 'IfNotPresent';
    c.terminationMessagePath = '/dev/termination-log';
    for (const p of c.ports ?? []) p.protocol = 'TCP';
  }
  out.spec.template.spec.restartPolicy = 'Always';
  out.status = { replicas: 2, conditions: [{ type: 'Available', status: 'True' }] };
  return out;
}

const deploySchema = knownPatchSchema('Deployment');

test('kubectl set image: the exact two-way patch', () => {
  const before = live(deployment('nginx:1.26'));
  const after = structuredClone(before) as any;
  after.spec.template.spec.containers[0].image = 'nginx:1.27';
  assert.equal(
    goJsonMarshal(createTwoWayMergePatch(before, after, deploySchema)),
    '{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}',
  );
});

test('kubectl apply: image change gives the exact three-way patch', () => {
  const file = deployment('nginx:1.26');
  const next = deployment('nginx:1.27');
  const patch = createThreeWayMergePatch(file, withLastApplied(next), live(file), deploySchema);
  const annotation = goJsonMarshal(goJsonEncode(next));
  assert.equal(
    goJsonMarshal(patch),
    `{"metadata":{"annotations":{"${LAST_APPLIED}":${annotation}}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}`,
  );
  const applied = applyStrategicMergePatch(live(file), patch, deploySchema) as any;
  assert.equal(applied.spec.template.spec.containers[0].image, 'nginx:1.27');
  assert.equal(applied.spec.template.spec.containers[0].imagePullPolicy, 'IfNotPresent');
  assert.deepEqual(applied.spec.template.spec.$setElementOrder, undefined);
});

test('kubectl apply: re-applying the same file gives {} (unchanged) despite server defaults', () => {
  const file = deployment('nginx:1.26');
  assert.equal(goJsonMarshal(createThreeWayMergePatch(file, withLastApplied(file), live(file), deploySchema)), '{}');
});

test('kubectl apply: an env var and a label dropped from the file are deleted', () => {
  const file = deployment('nginx:1.26', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }) as any;
  file.metadata.labels = { app: 'web', tier: 'fe' };
  const next = structuredClone(file);
  next.spec.template.spec.containers[0].env = [{ name: 'A', value: '1' }];
  delete next.metadata.labels.tier;
  const patch = createThreeWayMergePatch(file, withLastApplied(next), live(file), deploySchema) as any;
  assert.deepEqual(patch.metadata.labels, { tier: null });
  assert.equal(
    goJsonMarshal(patch.spec),
    '{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],"containers":[{"$setElementOrder/env":[{"name":"A"}],"env":[{"$patch":"delete","name":"B"}],"name":"nginx"}]}}}',
  );
  const applied = applyStrategicMergePatch(live(file), patch, deploySchema) as any;
  assert.deepEqual(applied.spec.template.spec.containers[0].env, [{ name: 'A', value: '1' }]);
  assert.deepEqual(applied.metadata.labels, { app: 'web' });
});

test('kubectl apply: Recreate strategy clears rollingUpdate through $retainKeys', () => {
  const file = deployment('nginx:1.26');
  const next = structuredClone(file) as any;
  next.spec.strategy = { type: 'Recreate' };
  const patch = createThreeWayMergePatch(file, withLastApplied(next), live(file), deploySchema) as any;
  assert.deepEqual(patch.spec, { strategy: { $retainKeys: ['type'], type: 'Recreate' } });
  const applied = applyStrategicMergePatch(live(file), patch, deploySchema) as any;
  assert.deepEqual(applied.spec.strategy, { type: 'Recreate' });
});

test('kubectl apply: switching a volume source uses $retainKeys on the volume', () => {
  const file = deployment('nginx:1.26') as any;
  file.spec.template.spec.volumes = [{ name: 'data', configMap: { name: 'cm' } }];
  const next = structuredClone(file);
  next.spec.template.spec.volumes = [{ name: 'data', secret: { secretName: 's' } }];
  const current = live(file) as any;
  current.spec.template.spec.volumes[0].configMap.defaultMode = 420;
  const patch = createThreeWayMergePatch(file, withLastApplied(next), current, deploySchema) as any;
  assert.equal(
    goJsonMarshal(patch.spec),
    '{"template":{"spec":{"$setElementOrder/volumes":[{"name":"data"}],"volumes":[{"$retainKeys":["name","secret"],"configMap":null,"name":"data","secret":{"secretName":"s"}}]}}}',
  );
  const applied = applyStrategicMergePatch(current, patch, deploySchema) as any;
  assert.deepEqual(applied.spec.template.spec.volumes, [{ name: 'data', secret: { secretName: 's' } }]);
});

test('kubectl apply: finalizers added by a controller make the patch non-empty, as upstream', () => {
  const file = deployment('nginx:1.26') as any;
  file.metadata.finalizers = ['example.com/a'];
  const current = live(file) as any;
  current.metadata.finalizers = ['example.com/a', 'example.com/b'];
  const patch = createThreeWayMergePatch(file, withLastApplied(file), current, deploySchema);
  assert.equal(goJsonMarshal(patch), '{"metadata":{"$setElementOrder/finalizers":["example.com/a"]}}');
  const applied = applyStrategicMergePatch(current, patch, deploySchema) as any;
  assert.deepEqual(applied.metadata.finalizers, ['example.com/a', 'example.com/b']);
});

test('Service ports merge by port; container args are replaced', () => {
  const svc = knownPatchSchema('Service');
  const current = { spec: { ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] } };
  const out = applyStrategicMergePatch(current, { spec: { ports: [{ port: 80, nodePort: 30080 }] } }, svc) as any;
  assert.deepEqual(out.spec.ports, [{ port: 80, targetPort: 8080, protocol: 'TCP', nodePort: 30080 }, { port: 443, protocol: 'TCP' }]);
  const pod = knownPatchSchema('Pod');
  const p = applyStrategicMergePatch({ spec: { containers: [{ name: 'c', args: ['a', 'b'] }] } }, { spec: { containers: [{ name: 'c', args: ['z'] }] } }, pod) as any;
  assert.deepEqual(p.spec.containers[0].args, ['z']);
});

test('kubectl rollout pause / cordon / restart patches apply as plain merges', () => {
  const node = knownPatchSchema('Node');
  assert.deepEqual(applyStrategicMergePatch({ spec: { unschedulable: true, podCIDR: 'x' } }, { spec: { unschedulable: null } }, node), { spec: { podCIDR: 'x' } });
  const restarted = applyStrategicMergePatch(
    live(deployment('nginx:1.26')),
    { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-05-01T10:00:00+08:00' } } } } },
    deploySchema,
  ) as any;
  assert.deepEqual(restarted.spec.template.metadata, { labels: { app: 'web' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-05-01T10:00:00+08:00' } });
});

test('ownerReferences merge by uid; conditions by type', () => {
  const pod = knownPatchSchema('Pod');
  const out = applyStrategicMergePatch(
    { metadata: { ownerReferences: [{ uid: 'u1', name: 'rs-a' }] }, status: { conditions: [{ type: 'Ready', status: 'False' }, { type: 'PodScheduled', status: 'True' }] } },
    { metadata: { ownerReferences: [{ uid: 'u2', name: 'rs-b' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }] } },
    pod,
  ) as any;
  // Without $setElementOrder a new item goes before the server-only ones.
  assert.deepEqual(out.metadata.ownerReferences.map((o: any) => o.uid), ['u2', 'u1']);
  assert.deepEqual(out.status.conditions, [{ type: 'Ready', status: 'True' }, { type: 'PodScheduled', status: 'True' }]);
});
