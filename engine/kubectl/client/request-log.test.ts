import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryIO } from '../testing/memory-fs';
import { klogHeaderPattern } from '../klog';
import { bodyLogSource, canonicalHeader, logBody, logRequest, logResponse, statusLine } from './request-log';

const req = { method: 'GET', url: 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500', headers: { Accept: 'application/json', Authorization: 'Bearer s3cret' } };
const lines = (text: string) => text.replace(klogHeaderPattern, (h) => h.replace(/^.*\d+ /, '')).split('\n');

test('status lines, header names and body sources as client-go prints them', () => {
  assert.equal(statusLine(200), '200 OK');
  assert.equal(statusLine(422), '422 Unprocessable Entity');
  assert.equal(statusLine(0), '');
  assert.equal(canonicalHeader('content-type'), 'Content-Type');
  assert.equal(canonicalHeader('x-kubernetes-pf-flowschema-uid'), 'X-Kubernetes-Pf-Flowschema-Uid');
  assert.equal(bodyLogSource('GET', 'https://h/api/v1/namespaces/default/pods'), 'helper.go:113');
  assert.equal(bodyLogSource('GET', 'https://h/api/v1/namespaces/default/pods/web'), 'helper.go:105');
  assert.equal(bodyLogSource('GET', 'https://h/apis/apps/v1/deployments'), 'helper.go:113');
  assert.equal(bodyLogSource('POST', 'https://h/api/v1/namespaces/default/configmaps'), 'helper.go:246');
});

test('-v=6 logs one line per request; -v=7 the request and its headers, with the token masked', () => {
  const io = memoryIO();
  logResponse(io, 6, req, 200, {}, 3.4);
  assert.deepEqual(lines(io.err()), ['round_trippers.go:560] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500 200 OK in 3 milliseconds', '']);
  const v7 = memoryIO();
  logRequest(v7, 7, req);
  logResponse(v7, 7, req, 404, {}, 1);
  assert.deepEqual(lines(v7.err()), [
    'round_trippers.go:470] GET https://127.0.0.1:6443/api/v1/namespaces/default/pods?limit=500',
    'round_trippers.go:476] Request Headers:',
    'round_trippers.go:480]     Accept: application/json',
    'round_trippers.go:480]     Authorization: Bearer <masked>',
    'round_trippers.go:581] Response Status: 404 Not Found in 1 milliseconds',
    '',
  ]);
  assert.ok(!v7.err().includes('s3cret'));
});

test('bodies are cut at 1024 characters at -v=8 (10240 at -v=9) and multi-line ones indented', () => {
  const io = memoryIO();
  logBody(io, 8, 'Response Body', 'x'.repeat(1030));
  assert.ok(io.err().endsWith(`body="${'x'.repeat(1024)} [truncated 6 chars]"\n`));
  const nine = memoryIO();
  logBody(nine, 9, 'Response Body', 'x'.repeat(1030));
  assert.ok(nine.err().endsWith(`body="${'x'.repeat(1030)}"\n`));
  const multi = memoryIO();
  logBody(multi, 8, 'Request Body', '{"a":1}\n', 'helper.go:246');
  assert.deepEqual(lines(multi.err()), ['helper.go:246] "Request Body" body=<', '\t{"a":1}', ' >', '']);
});
