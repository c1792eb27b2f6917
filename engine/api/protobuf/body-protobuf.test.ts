// The integration point: engine/api/body.ts parseJsonBody reads protobuf bodies through decode.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonBody } from '../body';
import { StatusError } from '../status-error';
import { cat, entry, envelope, len, str } from './testing/wire-writer';

test('a protobuf ConfigMap body parses to its JSON object', () => {
  const body = envelope('v1', 'ConfigMap', cat(len(1, str(1, 'x')), entry(2, 'a', str(2, '1'))));
  assert.deepEqual(parseJsonBody(body), { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x' }, data: { a: '1' } });
});

test('a kind without a schema is 415 UnsupportedMediaType', () => {
  assert.throws(() => parseJsonBody(envelope('example.com/v1', 'Widget', new Uint8Array())), (e: unknown) => e instanceof StatusError && e.code === 415);
});

test('broken protobuf is 400', () => {
  assert.throws(() => parseJsonBody(envelope('v1', 'ConfigMap', len(1, str(1, 'x'))).subarray(0, -1)), (e: unknown) => e instanceof StatusError && e.code === 400);
});

test('JSON bodies are untouched', () => {
  assert.deepEqual(parseJsonBody(Buffer.from('{"kind":"ConfigMap"}')), { kind: 'ConfigMap' });
});
