// The default HTTP transport: node:http/https with the cluster CA, client certificates
// and insecure-skip-tls-verify. Only this file touches node's networking.
//
// Connections are kept alive and reused (as client-go reuses its one HTTP/2 connection), one
// agent per TLS configuration. The server's certificate is checked by tls-verify before the
// socket is handed to the request, so no request byte (nor the bearer token) precedes the check.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import type { HttpRequest, HttpResponse } from '../io';
import { parsePemBundle, verifyServerChain } from './tls-verify';
import type { X509Certificate } from 'node:crypto';

interface TlsSettings {
  ca?: string | Uint8Array;
  cert?: string | Uint8Array;
  key?: string | Uint8Array;
  insecure: boolean;
  serverName?: string;
}

type ConnectCallback = (err: Error | null, socket: Duplex) => void;

/** The X509 chain the server presented, leaf first. */
function presentedChain(socket: tls.TLSSocket): X509Certificate[] {
  const leaf = socket.getPeerX509Certificate();
  if (!leaf) return [];
  const chain: X509Certificate[] = [leaf];
  // The rest of the chain is only reachable through the legacy objects.
  let legacy = socket.getPeerCertificate(true) as tls.DetailedPeerCertificate | undefined;
  const seen = new Set<string>([leaf.fingerprint256]);
  while (legacy?.issuerCertificate && legacy.issuerCertificate !== legacy) {
    legacy = legacy.issuerCertificate;
    if (!legacy.raw) break;
    const c = new (leaf.constructor as typeof X509Certificate)(legacy.raw);
    if (seen.has(c.fingerprint256)) break;
    seen.add(c.fingerprint256);
    chain.push(c);
  }
  return chain;
}

class VerifyingAgent extends https.Agent {
  private roots: X509Certificate[] | undefined;

  constructor(private readonly settings: TlsSettings) {
    super({ keepAlive: true });
  }

  // node's Agent accepts an asynchronous createConnection (the callback form).
  override createConnection(options: http.ClientRequestArgs, callback?: ConnectCallback): undefined {
    const host = String(options.host ?? 'localhost');
    const s = this.settings;
    let done = false;
    const finish = (err: Error | null, socket?: tls.TLSSocket) => {
      if (done) return;
      done = true;
      callback?.(err, socket as Duplex);
    };
    const socket = tls.connect({
      host,
      port: Number(options.port ?? 443),
      servername: s.serverName ?? (isIP(host) ? undefined : host),
      // An empty list keeps node from loading its own root store; trust is decided below.
      ca: [],
      cert: s.cert as string | undefined,
      key: s.key as string | undefined,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    socket.once('error', (e) => finish(e));
    socket.once('secureConnect', () => {
      if (!s.insecure) {
        let code: string | undefined;
        try {
          const chain = presentedChain(socket);
          // The peer's certificate class parses the CA too: node:crypto itself costs a module load.
          this.roots ??= s.ca && chain[0] ? parsePemBundle(s.ca, chain[0].constructor as typeof X509Certificate) : [];
          code = verifyServerChain(chain, this.roots, s.serverName ?? host, new Date());
        } catch {
          code = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
        }
        if (code) {
          socket.destroy();
          finish(Object.assign(new Error(`certificate verification failed: ${code}`), { code }));
          return;
        }
      }
      finish(null, socket);
    });
    return undefined;
  }
}

const agents = new Map<string, VerifyingAgent>();

function agentFor(s: TlsSettings): VerifyingAgent {
  const text = (v: string | Uint8Array | undefined) => (v === undefined ? '' : typeof v === 'string' ? v : Buffer.from(v).toString('base64'));
  const key = [text(s.ca), text(s.cert), text(s.key), s.insecure ? '1' : '0', s.serverName ?? ''].join('\0');
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = new VerifyingAgent(s)));
  return agent;
}

const plainAgent = new http.Agent({ keepAlive: true });

export async function nodeTransport(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const secure = url.protocol === 'https:';
  const agent: http.Agent = secure
    ? agentFor({ ca: req.ca, cert: req.cert, key: req.key, insecure: !!req.insecureSkipTLSVerify, serverName: req.serverName })
    : plainAgent;
  const mod = secure ? https : http;
  return new Promise<HttpResponse>((resolve, reject) => {
    const r = mod.request(
      url,
      {
        method: req.method,
        agent,
        // A body always goes with its length: without it node sends DELETE bodies chunked,
        // which Go's and Kubelab's servers reject with a bare 400.
        headers: req.body === undefined ? req.headers : { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
        signal: req.signal,
      },
      (res) => {
        const headers: Record<string, string[]> = {};
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const k = res.rawHeaders[i].toLowerCase();
          (headers[k] ??= []).push(res.rawHeaders[i + 1]);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: res as AsyncIterable<Uint8Array> });
      },
    );
    if (req.timeoutMs) r.setTimeout(req.timeoutMs, () => r.destroy(Object.assign(new Error('timeout'), { code: 'KUBECTL_TIMEOUT' })));
    r.on('error', reject);
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}
