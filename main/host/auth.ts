// Who may talk to the host. It listens on 127.0.0.1, but any web page the user opens can send
// requests to 127.0.0.1, and any local process can connect: so every HTTP and WebSocket request
// must carry the random token (query on the first load, then an HttpOnly cookie, or a header),
// come with our own Host (DNS rebinding), and, when a browser says where it comes from, our Origin.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_HEADER = 'x-kubelab-token';

export type AuthResult = { ok: true; viaQuery: boolean } | { ok: false; status: 401 | 403; reason: string };

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) out.set(part.slice(0, i).trim(), part.slice(i + 1).trim());
  }
  return out;
}

export class HostAuth {
  private port = 0;

  constructor(readonly token: string = newToken()) {}

  /** Set once the server listens: the port is part of the allowed Host and Origin. */
  setPort(port: number): void {
    this.port = port;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Cookies are per host, not per port: the name carries the port so two hosts do not clash. */
  get cookieName(): string {
    return `kubelab_token_${this.port}`;
  }

  /** The cookie that lets a page loaded with ?token= keep working after a reload. */
  cookie(): string {
    return `${this.cookieName}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** The browser URL: the token in the query is traded for the cookie on first load. */
  url(path = '/'): string {
    return `${this.origin}${path}?token=${this.token}`;
  }

  allowedOrigins(): string[] {
    return [`http://127.0.0.1:${this.port}`, `http://localhost:${this.port}`];
  }

  check(req: IncomingMessage, opts: { websocket?: boolean } = {}): AuthResult {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) return { ok: false, status: 403, reason: 'bad Host' };
    const origin = req.headers.origin;
    // Browsers always send Origin on WebSockets and cross-origin requests; tools may omit it.
    if (origin !== undefined && !this.allowedOrigins().includes(origin)) return { ok: false, status: 403, reason: 'bad Origin' };
    if (opts.websocket && req.headers['sec-fetch-site'] && req.headers['sec-fetch-site'] !== 'same-origin') {
      return { ok: false, status: 403, reason: 'cross-site WebSocket' };
    }
    const query = new URL(req.url ?? '/', 'http://x').searchParams.get('token');
    if (query !== null && sameSecret(query, this.token)) return { ok: true, viaQuery: true };
    const header = req.headers[TOKEN_HEADER];
    if (typeof header === 'string' && sameSecret(header, this.token)) return { ok: true, viaQuery: false };
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (bearer && sameSecret(bearer[1], this.token)) return { ok: true, viaQuery: false };
    const cookie = parseCookies(req.headers.cookie).get(this.cookieName);
    if (cookie !== undefined && sameSecret(cookie, this.token)) return { ok: true, viaQuery: false };
    return { ok: false, status: 401, reason: 'missing or wrong token' };
  }
}
