import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { HostAuth } from './auth';

function req(url: string, headers: Record<string, string>): IncomingMessage {
  return { url, headers: { host: '127.0.0.1:4000', ...headers } } as unknown as IncomingMessage;
}

const auth = new HostAuth('secret-token');
auth.setPort(4000);

test('the token is accepted from the query, a header, a bearer or the cookie', () => {
  assert.deepEqual(auth.check(req('/?token=secret-token', {})), { ok: true, viaQuery: true });
  assert.equal(auth.check(req('/api/status', { 'x-kubelab-token': 'secret-token' })).ok, true);
  assert.equal(auth.check(req('/api/status', { authorization: 'Bearer secret-token' })).ok, true);
  assert.equal(auth.check(req('/api/status', { cookie: 'a=b; kubelab_token_4000=secret-token' })).ok, true);
  assert.match(auth.cookie(), /^kubelab_token_4000=secret-token; HttpOnly; SameSite=Strict; Path=\/$/);
});

test('no token, a wrong token, or another port’s cookie is refused with 401', () => {
  assert.deepEqual(auth.check(req('/', {})), { ok: false, status: 401, reason: 'missing or wrong token' });
  assert.equal(auth.check(req('/?token=secret-tokeX', {})).ok, false);
  assert.equal(auth.check(req('/', { cookie: 'kubelab_token_4001=secret-token' })).ok, false);
});

test('another Origin or Host is refused with 403 even with the token', () => {
  const evil = auth.check(req('/ws/terminal/x?token=secret-token', { origin: 'http://evil.example' }), { websocket: true });
  assert.deepEqual(evil, { ok: false, status: 403, reason: 'bad Origin' });
  assert.equal(auth.check(req('/?token=secret-token', { origin: 'http://127.0.0.1:4001' })).ok, false);
  assert.equal(auth.check(req('/?token=secret-token', { host: 'rebind.example:4000' })).ok, false);
  assert.equal(auth.check(req('/?token=secret-token', { origin: 'http://127.0.0.1:4000' })).ok, true);
  assert.equal(auth.check(req('/?token=secret-token', { origin: 'http://localhost:4000', host: 'localhost:4000' })).ok, true);
});
