// Server certificate verification against the kubeconfig's certificate authority, done here
// rather than by OpenSSL: handing node a `ca` makes it first parse its whole bundled root store
// (~25 ms, a third of kubectl's start), while kubectl trusts only the kubeconfig's CA anyway.
// Returns the error code node itself would have used, so the messages stay those of client-go.
import type { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';

export type TlsVerifyCode =
  | 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'
  | 'SELF_SIGNED_CERT_IN_CHAIN'
  | 'DEPTH_ZERO_SELF_SIGNED_CERT'
  | 'CERT_HAS_EXPIRED'
  | 'ERR_TLS_CERT_ALTNAME_INVALID';

/**
 * The certificates of a PEM bundle (kubeconfig certificate-authority-data may hold several).
 * X509 is node:crypto's X509Certificate, passed in so that callers holding a peer certificate
 * can use its class without loading node:crypto.
 */
export function parsePemBundle(pem: string | Uint8Array, X509: typeof X509Certificate): X509Certificate[] {
  const text = typeof pem === 'string' ? pem : new TextDecoder().decode(pem);
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((b) => new X509(b));
}

function signedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

function current(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

/**
 * Verifies the chain the server presented (leaf first) up to one of the trusted roots, each link
 * within its validity period, and the leaf's names against the host kubectl dialled (IP SANs for
 * an address, DNS SANs otherwise; like Go, never the subject's common name).
 */
export function verifyServerChain(presented: X509Certificate[], roots: X509Certificate[], host: string, now: Date): TlsVerifyCode | undefined {
  const leaf = presented[0];
  if (!leaf) return 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
  const path: X509Certificate[] = [leaf];
  let cur = leaf;
  let trusted = roots.some((r) => r.fingerprint256 === leaf.fingerprint256);
  for (let depth = 0; !trusted && depth < 10; depth++) {
    if (roots.some((r) => signedBy(cur, r))) {
      trusted = true;
      break;
    }
    const next = presented.find((c) => c !== cur && !path.includes(c) && signedBy(cur, c));
    if (!next) break;
    path.push(next);
    cur = next;
  }
  if (!trusted) {
    if (presented.length === 1 && leaf.checkIssued(leaf)) return 'DEPTH_ZERO_SELF_SIGNED_CERT';
    return cur.checkIssued(cur) ? 'SELF_SIGNED_CERT_IN_CHAIN' : 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
  }
  if (!path.every((c) => current(c, now))) return 'CERT_HAS_EXPIRED';
  const name = host.startsWith('[') ? host.slice(1, -1) : host;
  const matches = isIP(name) ? leaf.checkIP(name) !== undefined : leaf.checkHost(name, { subject: 'never' }) !== undefined;
  return matches ? undefined : 'ERR_TLS_CERT_ALTNAME_INVALID';
}
