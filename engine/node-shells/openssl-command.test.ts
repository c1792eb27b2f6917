import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { test } from 'node:test';
import { createTestShell } from '../shell/testing/test-shell';
import { opensslCommand } from './openssl-command';

function shell() {
  const sh = createTestShell();
  sh.commands.registerCommand('openssl', opensslCommand);
  return sh;
}

test('req -x509 -newkey makes a real self-signed certificate and key, with openssl 1.0.2 messages', async () => {
  const sh = shell();
  const r = await sh.run('openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=nginxsvc/O=nginxsvc"');
  assert.equal(r.status, 0);
  assert.match(r.stderr, /^Generating a 2048 bit RSA private key\n\.+\+\+\+\n\.+\+\+\+\nwriting new private key to 'tls\.key'\n-----\n$/);
  const key = sh.fs.readFile('/root/tls.key');
  assert.match(key, /^-----BEGIN PRIVATE KEY-----\n/);
  const cert = new X509Certificate(sh.fs.readFile('/root/tls.crt'));
  assert.equal(cert.subject, 'CN=nginxsvc\nO=nginxsvc');
  assert.equal(cert.issuer, cert.subject);
  assert.ok(cert.checkPrivateKey(createPrivateKey(key)));
  assert.equal(cert.validFrom, 'Nov 22 01:52:38 2026 GMT');
  assert.equal(cert.validTo, 'Nov 22 01:52:38 2027 GMT');
  const text = (await sh.run('openssl x509 -in tls.crt -text -noout')).stdout;
  assert.match(text, /^Certificate:\n {4}Data:\n {8}Version: 3 \(0x2\)\n {8}Serial Number: \d+ \(0x[0-9a-f]+\)\n/);
  assert.match(text, /\n {4}Signature Algorithm: sha256WithRSAEncryption\n {8}Issuer: CN=nginxsvc, O=nginxsvc\n {8}Validity\n {12}Not Before: Nov 22 01:52:38 2026 GMT\n {12}Not After : Nov 22 01:52:38 2027 GMT\n {8}Subject: CN=nginxsvc, O=nginxsvc\n/);
  assert.match(text, /\n {16}Public-Key: \(2048 bit\)\n {16}Modulus:\n {20}00:[0-9a-f:]{42}\n/);
  assert.match(text, /Exponent: 65537 \(0x10001\)\n {8}X509v3 extensions:\n {12}X509v3 Subject Key Identifier: \n {16}[0-9A-F:]{59}\n {12}X509v3 Authority Key Identifier: \n {16}keyid:[0-9A-F:]{59}\n\n {12}X509v3 Basic Constraints: \n {16}CA:TRUE\n {4}Signature Algorithm: sha256WithRSAEncryption\n {9}[0-9a-f:]{54}\n/);
  assert.equal((await sh.run('openssl x509 -in tls.crt -noout -subject')).stdout, 'subject= /CN=nginxsvc/O=nginxsvc\n');
});

test('genrsa, req -new and x509 -req -CA sign a certificate that chains to the CA', async () => {
  const sh = shell();
  const g = await sh.run('openssl genrsa -out ca.key 2048');
  assert.match(g.stderr, /^Generating RSA private key, 2048 bit long modulus\n\.+\+\+\+\n\.+\+\+\+\ne is 65537 \(0x10001\)\n$/);
  assert.match(sh.fs.readFile('/root/ca.key'), /^-----BEGIN RSA PRIVATE KEY-----\n/);
  await sh.run('openssl req -x509 -new -nodes -key ca.key -subj "/CN=my-ca" -days 3650 -out ca.crt');
  await sh.run('openssl genrsa -out app.key 2048 2>/dev/null');
  assert.equal((await sh.run('openssl req -new -key app.key -out app.csr -subj "/CN=app.example.com/O=dev"')).status, 0);
  assert.match(sh.fs.readFile('/root/app.csr'), /^-----BEGIN CERTIFICATE REQUEST-----\n/);
  const s = await sh.run('openssl x509 -req -in app.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out app.crt -days 500');
  assert.deepEqual(s, { stdout: '', stderr: 'Signature ok\nsubject=/CN=app.example.com/O=dev\nGetting CA Private Key\n', status: 0 });
  assert.match(sh.fs.readFile('/root/ca.srl'), /^[0-9A-F]+\n$/);
  const ca = new X509Certificate(sh.fs.readFile('/root/ca.crt'));
  const app = new X509Certificate(sh.fs.readFile('/root/app.crt'));
  assert.ok(app.verify(ca.publicKey));
  assert.ok(app.checkIssued(ca));
  assert.match((await sh.run('openssl x509 -in app.crt -noout -text')).stdout, /Version: 1 \(0x0\)/);
  assert.match((await sh.run('openssl x509 -in app.crt -noout -dates')).stdout, /^notBefore=Nov 22 01:52:38 2026 GMT\nnotAfter=Apr  5 01:52:38 2028 GMT\n$/);
});

test('rand, version, errors', async () => {
  const sh = shell();
  assert.match((await sh.run('openssl rand -base64 32')).stdout, /^[A-Za-z0-9+/]{43}=\n$/);
  assert.match((await sh.run('openssl rand -hex 4')).stdout, /^[0-9a-f]{8}\n$/);
  assert.equal((await sh.run('openssl version')).stdout, 'OpenSSL 1.0.2k-fips  26 Jan 2017\n');
  assert.match((await sh.run('openssl foo')).stderr, /^openssl:Error: 'foo' is an invalid command\.\n\nStandard commands\n/);
  const bad = await sh.run('openssl x509 -in nope.crt -noout -text');
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /^Error opening certificate nope\.crt\n/);
  assert.match((await sh.run('openssl req -x509 -nodes -newkey rsa:2048 -keyout k -out c -subj "CN=x" 2>&1')).stdout, /Subject does not start with '\/'\.\nproblems making Certificate Request\n$/);
});
