import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyJsonPatch, decodeJsonPatch, JsonPatchError, type JsonPatchOperation } from './json-patch';
import { REJECTED_REQUEST_MESSAGE } from './patch-error';
import type { JsonValue } from './json-value';

const deploy = (): JsonValue => ({
  metadata: { name: 'web', labels: { app: 'web' }, annotations: { 'a/b': 'x', 'c~d': 'y' } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }], tolerations: [] } } },
});

const okCases: { name: string; ops: JsonPatchOperation[]; check: (doc: any) => void }[] = [
  { name: 'replace a scalar', ops: [{ op: 'replace', path: '/spec/replicas', value: 5 }], check: (d) => assert.equal(d.spec.replicas, 5) },
  { name: 'add a map key', ops: [{ op: 'add', path: '/metadata/labels/tier', value: 'fe' }], check: (d) => assert.deepEqual(d.metadata.labels, { app: 'web', tier: 'fe' }) },
  { name: 'escaped path segments (~1 and ~0)', ops: [{ op: 'remove', path: '/metadata/annotations/a~1b' }, { op: 'replace', path: '/metadata/annotations/c~0d', value: 'z' }], check: (d) => assert.deepEqual(d.metadata.annotations, { 'c~d': 'z' }) },
  { name: 'append with -', ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'side' } }], check: (d) => assert.equal(d.spec.template.spec.containers[1].name, 'side') },
  { name: 'insert at index', ops: [{ op: 'add', path: '/spec/template/spec/containers/0', value: { name: 'init' } }], check: (d) => assert.deepEqual(d.spec.template.spec.containers.map((c: any) => c.name), ['init', 'nginx']) },
  { name: 'negative index counts from the end', ops: [{ op: 'replace', path: '/spec/template/spec/containers/-1/image', value: 'nginx:1.27' }], check: (d) => assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.27') },
  { name: 'replace of a missing object key adds it (json-patch v4)', ops: [{ op: 'replace', path: '/spec/paused', value: true }], check: (d) => assert.equal(d.spec.paused, true) },
  { name: 'move', ops: [{ op: 'move', from: '/metadata/labels/app', path: '/metadata/labels/name' }], check: (d) => assert.deepEqual(d.metadata.labels, { name: 'web' }) },
  { name: 'copy', ops: [{ op: 'copy', from: '/metadata/labels', path: '/spec/template/metadata' }], check: (d) => assert.deepEqual(d.spec.template.metadata, { app: 'web' }) },
  { name: 'test then replace', ops: [{ op: 'test', path: '/spec/replicas', value: 2 }, { op: 'replace', path: '/spec/replicas', value: 3 }], check: (d) => assert.equal(d.spec.replicas, 3) },
  { name: 'test of a missing key against null passes', ops: [{ op: 'test', path: '/spec/paused', value: null }], check: (d) => assert.equal(d.spec.paused, undefined) },
  { name: 'add without value adds null', ops: [{ op: 'add', path: '/spec/x' }], check: (d) => assert.equal(d.spec.x, null) },
  {
    name: 'kubectl rollout undo shape',
    ops: [
      { op: 'replace', path: '/spec/template', value: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } } },
      { op: 'replace', path: '/metadata/annotations', value: { 'deployment.kubernetes.io/revision': '3' } },
    ],
    check: (d) => {
      assert.equal(d.spec.template.spec.containers[0].image, 'nginx:1.25');
      assert.deepEqual(d.metadata.annotations, { 'deployment.kubernetes.io/revision': '3' });
    },
  },
];

for (const c of okCases) {
  test(`applyJsonPatch: ${c.name}`, () => {
    const input = deploy();
    const before = JSON.stringify(input);
    c.check(applyJsonPatch(input, c.ops));
    assert.equal(JSON.stringify(input), before, 'input must not change');
  });
}

const errorCases: { name: string; ops: JsonPatchOperation[]; message: string }[] = [
  { name: 'replace beyond the end of a list', ops: [{ op: 'replace', path: '/spec/template/spec/containers/3/image', value: 'x' }], message: 'replace operation does not apply: doc is missing path: /spec/template/spec/containers/3/image: missing value' },
  { name: 'replace a missing index', ops: [{ op: 'replace', path: '/spec/template/spec/containers/1', value: {} }], message: 'replace operation does not apply: doc is missing key: /spec/template/spec/containers/1: missing value' },
  { name: 'failed test', ops: [{ op: 'test', path: '/spec/replicas', value: 3 }], message: 'testing value /spec/replicas failed: test failed' },
  { name: 'remove a missing key', ops: [{ op: 'remove', path: '/metadata/labels/tier' }], message: "error in remove for path: '/metadata/labels/tier': Unable to remove nonexistent key: tier: missing value" },
  { name: 'add under a missing parent', ops: [{ op: 'add', path: '/spec/strategy/type', value: 'Recreate' }], message: 'add operation does not apply: doc is missing path: "/spec/strategy/type": missing value' },
  { name: 'add past the end', ops: [{ op: 'add', path: '/spec/template/spec/tolerations/2', value: {} }], message: "error in add for path: '/spec/template/spec/tolerations/2': Unable to access invalid index: 2: invalid index referenced" },
  { name: 'non-numeric index', ops: [{ op: 'add', path: '/spec/template/spec/tolerations/x', value: {} }], message: `error in add for path: '/spec/template/spec/tolerations/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax` },
  { name: 'move from a missing parent', ops: [{ op: 'move', from: '/nope/a', path: '/spec/a' }], message: 'move operation does not apply: doc is missing from path: /nope/a: missing value' },
  { name: 'unknown op', ops: [{ op: 'merge', path: '/spec' }], message: 'Unexpected kind: merge' },
  { name: 'missing op', ops: [{ path: '/spec' }], message: 'Unexpected kind: unknown' },
  { name: 'replace without path', ops: [{ op: 'replace', value: 1 }], message: 'replace operation failed to decode path: operation missing path field: missing value' },
];

for (const c of errorCases) {
  test(`applyJsonPatch error: ${c.name}`, () => {
    assert.throws(
      () => applyJsonPatch(deploy(), c.ops),
      (e: unknown) => {
        assert.ok(e instanceof JsonPatchError);
        assert.equal(e.message, c.message);
        assert.equal(e.code, 422);
        assert.equal(e.reason, 'Invalid');
        assert.equal(e.statusMessage, REJECTED_REQUEST_MESSAGE);
        return true;
      },
    );
  });
}

test('applyJsonPatch: an op failure leaves earlier ops unapplied (whole patch fails)', () => {
  const input = deploy();
  assert.throws(() => applyJsonPatch(input, [{ op: 'replace', path: '/spec/replicas', value: 9 }, { op: 'test', path: '/spec/replicas', value: 1 }]));
  assert.equal((input as any).spec.replicas, 2);
});

test('applyJsonPatch: too many operations is 413', () => {
  const ops = Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec/replicas', value: 2 }));
  assert.throws(() => applyJsonPatch(deploy(), ops), (e: any) => e.code === 413 && e.statusMessage === 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001');
});

const decodeCases: { body: string; strict?: boolean; message: string }[] = [
  { body: '{"op":"add"}', message: 'error decoding patch: json: cannot unmarshal object into Go value of type []handlers.jsonPatchOp' },
  { body: '{"op":"add"}', strict: false, message: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
  { body: '["x"]', message: 'error decoding patch: json: cannot unmarshal string into Go value of type handlers.jsonPatchOp' },
  { body: '[{"op":"add","path":3}]', message: 'error decoding patch: json: cannot unmarshal number into Go struct field jsonPatchOp.path of type string' },
  { body: '[{"op":"add"', message: 'error decoding patch: unexpected end of JSON input' },
];
for (const c of decodeCases) {
  test(`decodeJsonPatch rejects ${c.body} (strict=${c.strict ?? true})`, () => {
    assert.throws(() => decodeJsonPatch(c.body, { strict: c.strict }), (e: any) => e instanceof JsonPatchError && e.code === 400 && e.reason === 'BadRequest' && e.message === c.message);
  });
}

test('decodeJsonPatch reports unknown op fields as strict errors', () => {
  const d = decodeJsonPatch('[{"op":"replace","path":"/spec/replicas","value":3,"vaule":4}]');
  assert.deepEqual(d.strictErrors, ['json patch unknown field "vaule"']);
  assert.equal(d.ops.length, 1);
});
