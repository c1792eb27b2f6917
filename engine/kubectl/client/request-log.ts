// What `kubectl -v=6..9` logs about each request, as client-go's debugging round tripper does:
// -v=6 one line per request (method, URL, status, latency), -v=7 the request line and headers
// first, -v=8 response headers too and bodies (cut at 1024 characters), -v=9 a curl command
// instead of the request line, HTTP statistics, and bodies up to 10240 characters.
// Upstream: client-go transport/round_trippers.go (debuggingRoundTripper), rest/request.go
// (logBody). Differences: client-go prints headers in Go map order (not stable between runs);
// here they come in the order kubectl sets them.

import type { HttpRequest, KubectlIO } from '../io';
import { goQuote } from '../cli/flags';
import { klogf } from '../klog';

const statusTexts: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  204: 'No Content',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Go's http.Response.Status: "200 OK"; empty when no response came. */
export function statusLine(code: number): string {
  return code ? `${code} ${statusTexts[code] ?? ''}`.trimEnd() : '';
}

/** Go's textproto.CanonicalMIMEHeaderKey: content-type → Content-Type. */
export function canonicalHeader(name: string): string {
  return name
    .split('-')
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1).toLowerCase())
    .join('-');
}

function shownValue(name: string, value: string): string {
  // client-go masks bearer tokens (maskValue): the scheme stays, the secret does not.
  if (name.toLowerCase() === 'authorization') return value.replace(/^(Bearer|Basic)\s+.*$/i, '$1 <masked>');
  return value;
}

/** Logged before the request goes out (-v=7 and up). */
export function logRequest(io: KubectlIO, v: number, req: HttpRequest): void {
  if (v >= 8) logBody(io, v, 'Request Body', req.body === undefined ? '' : typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body), bodyLogSource(req.method, req.url));
  const headers = Object.entries(req.headers);
  if (v >= 9) {
    const h = headers.map(([k, val]) => ` -H ${goQuote(`${k}: ${shownValue(k, val)}`)}`).join('');
    klogf(io, 'I', 'round_trippers.go:473', `curl -v -X${req.method} ${h} '${req.url}'`);
    return;
  }
  klogf(io, 'I', 'round_trippers.go:470', `${req.method} ${req.url}`);
  klogf(io, 'I', 'round_trippers.go:476', 'Request Headers:');
  for (const [k, val] of headers) klogf(io, 'I', 'round_trippers.go:480', `    ${k}: ${shownValue(k, val)}`);
}

/** Logged when the response headers arrive (-v=6 and up); status 0 when the request failed. */
export function logResponse(io: KubectlIO, v: number, req: HttpRequest, status: number, headers: Record<string, string[]>, ms: number): void {
  const latency = Math.max(0, Math.round(ms));
  if (v === 6 || v >= 9) klogf(io, 'I', 'round_trippers.go:560', `${req.method} ${req.url} ${statusLine(status)} in ${latency} milliseconds`);
  else klogf(io, 'I', 'round_trippers.go:581', `Response Status: ${statusLine(status)} in ${latency} milliseconds`);
  if (v >= 9) klogf(io, 'I', 'round_trippers.go:577', `HTTP Statistics: GetConnection 0 ms ServerProcessing ${latency} ms Duration ${latency} ms`);
  if (v >= 8 && status) {
    klogf(io, 'I', 'round_trippers.go:584', 'Response Headers:');
    for (const [k, values] of Object.entries(headers)) for (const val of values) klogf(io, 'I', 'round_trippers.go:587', `    ${canonicalHeader(k)}: ${val}`);
  }
}

/**
 * The source line client-go's callers log bodies from (the resource helper's Get, List and
 * Create); other callers (discovery, openapi, patch, delete) log from their own lines, which
 * are not reproduced.
 */
export function bodyLogSource(method: string, url: string): string {
  if (method === 'POST') return 'helper.go:246';
  const path = new URL(url).pathname.split('/').filter(Boolean);
  // /api/v1/<resource> or /api/v1/namespaces/<ns>/<resource>: a list; one segment more is a name.
  const rest = path[0] === 'api' ? path.slice(2) : path.slice(3);
  const listed = rest.length === 1 || (rest[0] === 'namespaces' && rest.length === 3);
  return method === 'GET' && listed ? 'helper.go:113' : 'helper.go:105';
}

/** klog's structured `"Request Body" body="…"`: cut at 1024 characters (10240 at -v=9). */
export function logBody(io: KubectlIO, v: number, what: 'Request Body' | 'Response Body', body: string, source = 'helper.go:105'): void {
  const max = v >= 9 ? 10240 : 1024;
  const shown = body.length > max ? `${body.slice(0, max)} [truncated ${body.length - max} chars]` : body;
  // klog writes a multi-line value as an indented block instead of a quoted string.
  const value = shown.includes('\n') ? `<\n${shown.replace(/\n$/, '').split('\n').map((l) => `\t${l}`).join('\n')}\n >` : goQuote(shown);
  klogf(io, 'I', source, `${goQuote(what)} body=${value}`);
}
