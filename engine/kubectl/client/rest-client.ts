// A small Kubernetes REST client: JSON in and out, bearer token and TLS from the
// kubeconfig, kubectl's Accept headers, Warning headers on stderr, Status errors,
// and Go-shaped connection errors so errors.ts can print kubectl's messages.
// Upstream: kubernetes/client-go rest/request.go (transformResponse, newUnstructuredResponseError),
// rest/warnings.go, rest/config.go (DefaultKubernetesUserAgent).

import type { HttpRequest, HttpResponse, KubectlIO } from '../io';
import type { ClientConfig } from '../kubeconfig';
import { StatusError, UrlError, type Status } from '../errors';
import { clientVersion } from '../version-info';
import { JsonStreamDecoder, type WatchEvent } from './watch-decoder';
import { bodyLogSource, logBody, logRequest, logResponse } from './request-log';

export const acceptJson = 'application/json, */*';
export const acceptTable =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface RequestOptions {
  method?: string;
  /** Path with leading slash, e.g. /api/v1/namespaces/default/pods. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Overrides the per-request timeout (ms); discovery uses 32 s. */
  timeoutMs?: number;
  /** Adds `timeout=` to the query like client-go does when a timeout is set. */
  timeoutParam?: string;
  /** Extra request headers (the SPDY upgrade headers of exec/attach/port-forward). */
  headers?: Record<string, string>;
  /** Ends this request (besides Ctrl-C, io.signal). */
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string[]>;
  body: Uint8Array;
}

export class RestClient {
  private readonly warned = new Set<string>();

  constructor(
    readonly config: ClientConfig,
    private readonly io: KubectlIO,
    private readonly opts: { timeoutMs?: number; warningsAsErrors?: boolean; verbosity?: number } = {},
  ) {}

  url(path: string, query?: Record<string, string | undefined>): string {
    // url.Values.Encode sorts by key.
    const q = Object.entries(query ?? {})
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeQueryValue(v!)}`)
      .join('&');
    return this.config.server + path + (q ? `?${q}` : '');
  }

  userAgent(): string {
    const v = clientVersion.gitVersion.split('-')[0];
    return `kubectl/${v} (${this.io.platform ?? 'linux/amd64'}) kubernetes/${clientVersion.gitCommit.slice(0, 7)}`;
  }

  private async send(o: RequestOptions, stream: boolean): Promise<HttpResponse & { url: string }> {
    const method = o.method ?? 'GET';
    const query = { ...(o.query ?? {}) };
    if (o.timeoutParam) query.timeout = o.timeoutParam;
    const url = this.url(o.path, query);
    const headers: Record<string, string> = { Accept: o.accept ?? acceptJson, 'User-Agent': this.userAgent() };
    if (this.config.token) headers.Authorization = `Bearer ${this.config.token}`;
    Object.assign(headers, o.headers ?? {});
    let body: string | Uint8Array | undefined;
    if (o.body !== undefined) {
      body = typeof o.body === 'string' || o.body instanceof Uint8Array ? o.body : JSON.stringify(o.body);
      headers['Content-Type'] = o.contentType ?? 'application/json';
    }
    const req: HttpRequest = {
      method,
      url,
      headers,
      body,
      ca: this.config.caData,
      cert: this.config.certData,
      key: this.config.keyData,
      insecureSkipTLSVerify: this.config.insecureSkipTLSVerify,
      serverName: this.config.tlsServerName,
      timeoutMs: stream ? undefined : (o.timeoutMs ?? this.opts.timeoutMs),
      signal: o.signal && this.io.signal ? AbortSignal.any([o.signal, this.io.signal]) : (o.signal ?? this.io.signal),
    };
    const transport = this.io.transport ?? (await import('./node-transport')).nodeTransport;
    const v = this.opts.verbosity ?? 0;
    if (v >= 7) logRequest(this.io, v, req);
    const started = this.io.now();
    try {
      const res = await transport(req);
      if (v >= 6) logResponse(this.io, v, req, res.status, res.headers, this.io.now() - started);
      this.handleWarnings(res.headers.warning ?? []);
      return { ...res, url };
    } catch (e) {
      if (v >= 6) logResponse(this.io, v, req, 0, {}, this.io.now() - started);
      throw toUrlError(method, url, e);
    }
  }

  /** One request, whole body; non-2xx becomes a StatusError. */
  async request(o: RequestOptions): Promise<RawResponse> {
    const res = await this.send(o, false);
    const chunks: Uint8Array[] = [];
    try {
      for await (const c of res.body) chunks.push(c);
    } catch (e) {
      throw toUrlError(o.method ?? 'GET', res.url, e);
    }
    const body = concat(chunks);
    if ((this.opts.verbosity ?? 0) >= 8) logBody(this.io, this.opts.verbosity ?? 0, 'Response Body', new TextDecoder().decode(body), bodyLogSource(o.method ?? 'GET', res.url));
    if (res.status < 200 || res.status > 299) throw responseError(res.status, body, o.method ?? 'GET');
    return { status: res.status, headers: res.headers, body };
  }

  async json<T = unknown>(o: RequestOptions): Promise<T> {
    const res = await this.request(o);
    return JSON.parse(new TextDecoder().decode(res.body)) as T;
  }

  /** A streamed response (logs -f): non-2xx becomes a StatusError, else the body as it arrives. */
  async stream(o: RequestOptions): Promise<HttpResponse> {
    const res = await this.send(o, true);
    if (res.status < 200 || res.status > 299) {
      const chunks: Uint8Array[] = [];
      for await (const c of res.body) chunks.push(c);
      throw responseError(res.status, concat(chunks), o.method ?? 'GET');
    }
    return res;
  }

  /** A watch: calls onEvent per event until the server closes or the signal aborts. */
  async watch(o: RequestOptions, onEvent: (e: WatchEvent) => void | Promise<void>): Promise<void> {
    // --request-timeout bounds the whole exchange, body included (Go's http.Client.Timeout):
    // the watch then ends as if the server had closed it.
    const limit = this.opts.timeoutMs;
    const deadline = limit ? new AbortController() : undefined;
    const timer = deadline ? setTimeout(() => deadline.abort(), limit) : undefined;
    try {
      const res = await this.send({ ...o, signal: deadline?.signal }, true);
      if (res.status < 200 || res.status > 299) {
        const chunks: Uint8Array[] = [];
        for await (const c of res.body) chunks.push(c);
        throw responseError(res.status, concat(chunks), o.method ?? 'GET');
      }
      const dec = new JsonStreamDecoder();
      try {
        for await (const chunk of res.body) for (const ev of dec.push(chunk)) await onEvent(ev as WatchEvent);
      } catch (e) {
        if (this.io.signal?.aborted || deadline?.signal.aborted) return;
        throw e;
      }
    } finally {
      clearTimeout(timer);
    }
  }

  // Upstream: client-go rest/warnings.go — `Warning: <text>` once per distinct text.
  private handleWarnings(values: string[]): void {
    for (const v of values) {
      for (const text of parseWarningHeader(v)) {
        if (this.warned.has(text)) continue;
        this.warned.add(text);
        this.io.stderr.write(`Warning: ${text}\n`);
      }
    }
  }
}

/** client-go escapes the query with url.Values.Encode (space as +, `/` and `,` escaped). */
function encodeQueryValue(v: string): string {
  return encodeURIComponent(v).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.length;
  }
  return out;
}

// RFC 7234 warning values: `299 - "text" ["date"]`, several per header separated by commas.
export function parseWarningHeader(header: string): string[] {
  const out: string[] = [];
  const re = /\s*(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"[^"]*")?\s*(?:,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header))) {
    if (m[1] === '299') out.push(m[3].replace(/\\(.)/g, '$1'));
    if (m[0] === '') break;
  }
  return out;
}

// Upstream: rest/request.go transformResponse + newUnstructuredResponseError.
export function responseError(status: number, body: Uint8Array, method: string): StatusError {
  const text = new TextDecoder().decode(body);
  try {
    const obj = JSON.parse(text) as Status;
    if (obj && obj.kind === 'Status') return new StatusError({ ...obj, code: obj.code || status });
  } catch {
    /* not JSON */
  }
  const generic: Record<number, [string, string]> = {
    400: ['BadRequest', 'the server rejected our request for an unknown reason'],
    401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
    403: ['Forbidden', 'the server does not allow access to the requested resource'],
    404: ['NotFound', 'the server could not find the requested resource'],
    405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
    406: ['NotAcceptable', 'the server was unable to respond with a content type that the client supports'],
    409: ['Conflict', 'the server reported a conflict'],
    410: ['Gone', 'the server has asked for the client to retry'],
    415: ['UnsupportedMediaType', 'the server was unable to respond with a content type that the client supports'],
    422: ['Invalid', 'the server rejected our request due to an error in our request'],
    429: ['TooManyRequests', 'the server has received too many requests and has asked us to try again later'],
    503: ['ServiceUnavailable', 'the server is currently unable to handle the request'],
    504: ['Timeout', 'the server was unable to return a response in the time allotted, but may still be processing the request'],
  };
  let [reason, message] = generic[status] ?? ['InternalError', 'an error on the server has prevented the request from succeeding'];
  const trimmed = text.trim();
  if (trimmed && (status >= 500 || !generic[status])) {
    reason = status >= 500 ? 'InternalError' : reason;
    message = `an error on the server (${JSON.stringify(trimmed)}) has prevented the request from succeeding`;
  }
  void method;
  return new StatusError({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code: status });
}

/** Go's url.Error op: the method with only its first letter upper-case. */
function urlOp(method: string): string {
  return method[0] + method.slice(1).toLowerCase();
}

interface NodeNetError {
  code?: string;
  address?: string;
  port?: number;
  hostname?: string;
  message?: string;
  errors?: NodeNetError[];
}

// Node's socket errors rewritten as the Go errors kubectl prints.
export function toUrlError(method: string, url: string, e: unknown): UrlError {
  if (e instanceof UrlError) return e;
  let err = e as NodeNetError;
  if (err?.errors?.length) err = err.errors[err.errors.length - 1];
  const u = new URL(url);
  const port = u.port || (u.protocol === 'https:' ? '443' : '80');
  let cause: string;
  switch (err?.code) {
    case 'ECONNREFUSED':
      cause = `dial tcp ${err.address ?? u.hostname}:${err.port ?? port}: connect: connection refused`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      cause = `dial tcp: lookup ${u.hostname}: no such host`;
      break;
    case 'ECONNRESET':
      cause = 'read: connection reset by peer';
      break;
    case 'KUBECTL_TIMEOUT':
    case 'ETIMEDOUT':
      cause = 'context deadline exceeded (Client.Timeout exceeded while awaiting headers)';
      break;
    case 'ABORT_ERR':
      cause = 'context canceled';
      break;
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
      cause = 'tls: failed to verify certificate: x509: certificate signed by unknown authority';
      break;
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      cause = `tls: failed to verify certificate: x509: certificate is not valid for ${u.hostname}`;
      break;
    case 'CERT_HAS_EXPIRED':
      cause = 'tls: failed to verify certificate: x509: certificate has expired or is not yet valid';
      break;
    default:
      cause = err?.message ?? String(e);
  }
  return new UrlError(urlOp(method), url, cause);
}
