// The cluster CA and the API server's serving certificate. kubectl (client-go) sends bearer
// tokens only over TLS, so the API is HTTPS with a CA of our own, written into the kubeconfig.
// Generated once per cluster and kept in the data folder.
import { generateKeyPair, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import forge from 'node-forge';

export interface ServingCerts {
  caCert: string;
  cert: string;
  key: string;
}

const generateKeyPairAsync = promisify(generateKeyPair);

async function rsaKeyPair(): Promise<{ privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey; pem: string }> {
  // Node's native generator runs off the main thread and is much faster than forge's JavaScript one.
  const { privateKey } = await generateKeyPairAsync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  const priv = forge.pki.privateKeyFromPem(privateKey);
  const pub = forge.pki.setRsaPublicKey(priv.n, priv.e);
  return { privateKey: priv, publicKey: pub, pem: privateKey };
}

function certificate(
  subjectCN: string,
  publicKey: forge.pki.rsa.PublicKey,
  signer: { key: forge.pki.rsa.PrivateKey; cert?: forge.pki.Certificate },
  notBefore: Date,
  years: number,
  extensions: object[],
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  cert.validity.notBefore = notBefore;
  cert.validity.notAfter = new Date(notBefore.getTime() + years * 365 * 86400_000);
  cert.setSubject([{ name: 'commonName', value: subjectCN }]);
  cert.setIssuer(signer.cert ? signer.cert.subject.attributes : [{ name: 'commonName', value: subjectCN }]);
  cert.setExtensions(extensions);
  cert.sign(signer.key, forge.md.sha256.create());
  return cert;
}

export async function createServingCerts(nowMs: number, extraIPs: string[] = [], extraNames: string[] = []): Promise<ServingCerts> {
  const notBefore = new Date(nowMs - 60_000);
  // Both keys at once: the two cores each take one.
  const [ca, server] = await Promise.all([rsaKeyPair(), rsaKeyPair()]);
  const caCert = certificate('kubernetes', ca.publicKey, { key: ca.privateKey }, notBefore, 10, [
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  const altNames = [
    ...['kubernetes', 'kubernetes.default', 'kubernetes.default.svc', 'kubernetes.default.svc.cluster.local', 'localhost', ...extraNames].map((value) => ({ type: 2, value })),
    ...['127.0.0.1', '10.96.0.1', ...extraIPs].map((ip) => ({ type: 7, ip })),
  ];
  const serverCert = certificate('kube-apiserver', server.publicKey, { key: ca.privateKey, cert: caCert }, notBefore, 1, [
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
  ]);
  return { caCert: forge.pki.certificateToPem(caCert), cert: forge.pki.certificateToPem(serverCert), key: server.pem };
}

/** Loads the certificates from dir/pki, creating them on first use. */
export async function ensureServingCerts(dir: string, nowMs: number, extraIPs: string[] = [], extraNames: string[] = []): Promise<ServingCerts> {
  const pki = join(dir, 'pki');
  const files = { caCert: join(pki, 'ca.crt'), cert: join(pki, 'apiserver.crt'), key: join(pki, 'apiserver.key') };
  if (existsSync(files.caCert) && existsSync(files.cert) && existsSync(files.key)) {
    return { caCert: readFileSync(files.caCert, 'utf8'), cert: readFileSync(files.cert, 'utf8'), key: readFileSync(files.key, 'utf8') };
  }
  mkdirSync(pki, { recursive: true });
  const certs = await createServingCerts(nowMs, extraIPs, extraNames);
  writeFileSync(files.caCert, certs.caCert);
  writeFileSync(files.cert, certs.cert);
  writeFileSync(files.key, certs.key, { mode: 0o600 });
  return certs;
}
