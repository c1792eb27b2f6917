import { test } from 'node:test';
import assert from 'node:assert/strict';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServingCerts } from '../../api/serving-certs';
import { X509Certificate } from 'node:crypto';
import { parsePemBundle as parseWith, verifyServerChain } from './tls-verify';
import { nodeTransport } from './node-transport';

const parsePemBundle = (pem: string) => parseWith(pem, X509Certificate);
const now = Date.now();
const certs = createServingCerts(now, ['192.168.109.100'], ['master']);
const otherCerts = createServingCerts(now);

test('a leaf signed by the kubeconfig CA verifies for its names and addresses only', async () => {
  const c = await certs;
  const [leaf] = parsePemBundle(c.cert);
  const roots = parsePemBundle(c.caCert);
  const at = new Date(now);
  assert.equal(verifyServerChain([leaf], roots, '127.0.0.1', at), undefined);
  assert.equal(verifyServerChain([leaf], roots, '192.168.109.100', at), undefined);
  assert.equal(verifyServerChain([leaf], roots, 'master', at), undefined);
  assert.equal(verifyServerChain([leaf], roots, 'kubernetes.default.svc', at), undefined);
  assert.equal(verifyServerChain([leaf], roots, '10.0.0.9', at), 'ERR_TLS_CERT_ALTNAME_INVALID');
  assert.equal(verifyServerChain([leaf], roots, 'example.com', at), 'ERR_TLS_CERT_ALTNAME_INVALID');
  // The subject CN (kube-apiserver) is not a name the certificate is valid for, as in Go.
  assert.equal(verifyServerChain([leaf], roots, 'kube-apiserver', at), 'ERR_TLS_CERT_ALTNAME_INVALID');
});

test('another CA, a bare self-signed certificate and an expired chain are refused', async () => {
  const c = await certs;
  const o = await otherCerts;
  const [leaf] = parsePemBundle(c.cert);
  const at = new Date(now);
  assert.equal(verifyServerChain([leaf], parsePemBundle(o.caCert), '127.0.0.1', at), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  assert.equal(verifyServerChain(parsePemBundle(o.caCert), parsePemBundle(c.caCert), 'kubernetes', at), 'DEPTH_ZERO_SELF_SIGNED_CERT');
  assert.equal(verifyServerChain([], parsePemBundle(c.caCert), '127.0.0.1', at), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
  const twoYearsOn = new Date(now + 2 * 365 * 86400_000);
  assert.equal(verifyServerChain([leaf], parsePemBundle(c.caCert), '127.0.0.1', twoYearsOn), 'CERT_HAS_EXPIRED');
});

test('a bundle of several CAs trusts a leaf signed by any of them; a pinned leaf is trusted', async () => {
  const c = await certs;
  const o = await otherCerts;
  const bundle = parsePemBundle(o.caCert + '\n' + c.caCert);
  assert.equal(bundle.length, 2);
  const [leaf] = parsePemBundle(c.cert);
  assert.equal(verifyServerChain([leaf], bundle, '127.0.0.1', new Date(now)), undefined);
  assert.equal(verifyServerChain([leaf], [leaf], '127.0.0.1', new Date(now)), undefined);
});

test('the transport sends nothing to a server it cannot verify, and reuses verified connections', async () => {
  const c = await certs;
  const o = await otherCerts;
  let requests = 0;
  let connections = 0;
  const server = https.createServer({ cert: c.cert, key: c.key }, (_req, res) => {
    requests++;
    res.end('ok');
  });
  server.on('secureConnection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/x`;
  const get = async (over: object) => {
    const res = await nodeTransport({ method: 'GET', url, headers: { Authorization: 'Bearer secret' }, ...over });
    let text = '';
    for await (const chunk of res.body) text += Buffer.from(chunk).toString();
    return text;
  };
  try {
    const refused = await get({ ca: o.caCert }).catch((e) => e);
    assert.equal(refused.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    assert.equal(requests, 0);
    const misnamed = await get({ ca: c.caCert, serverName: 'example.com' }).catch((e) => e);
    assert.equal(misnamed.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
    assert.equal(requests, 0);
    assert.equal(await get({ ca: o.caCert, insecureSkipTLSVerify: true }), 'ok');
    assert.equal(requests, 1);
    const before = connections;
    assert.equal(await get({ ca: c.caCert }), 'ok');
    assert.equal(await get({ ca: c.caCert }), 'ok');
    assert.equal(requests, 3);
    assert.equal(connections - before, 1);
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});
