import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyAnnotationPatch } from './apply-edit-last-applied-run';

test('the edited object becomes its own last-applied annotation (sorted compact JSON and a newline)', () => {
  const patch = applyAnnotationPatch({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c' }, data: { b: '<2>', a: '1' } });
  assert.equal(
    patch,
    '{"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\\"apiVersion\\":\\"v1\\",\\"data\\":{\\"a\\":\\"1\\",\\"b\\":\\"\\\\u003c2\\\\u003e\\"},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":{\\"name\\":\\"c\\"}}\\n"}}}',
  );
});
