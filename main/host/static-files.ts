// Serves the built renderer (dist/renderer) with the Content-Security-Policy that makes the page
// unable to load or talk to anything but this host. Hashed assets are cached; index.html is not.
import { createReadStream, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { BASE_HEADERS, sendError } from './http-util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

/** The page's CSP: our own scripts only, no eval, no frames, no remote anything. */
export function contentSecurityPolicy(origins: string[]): string {
  const ws = origins.map((o) => o.replace(/^http:/, 'ws:'));
  return [
    "default-src 'none'",
    "script-src 'self'",
    // xterm.js writes its theme into a <style> element.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' ${ws.join(' ')}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

export function serveStatic(rendererDir: string, urlPath: string, res: ServerResponse, csp: string): void {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return sendError(res, 400, 'bad path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = normalize(join(rendererDir, rel));
  if (!file.startsWith(rendererDir + sep) || rel.includes('\0')) return sendError(res, 404, 'not found');
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) return sendError(res, 404, 'not found');
    size = st.size;
  } catch {
    if (rel === '/index.html') return sendError(res, 500, `the renderer is not built (${rendererDir}); run npm run build`);
    return sendError(res, 404, 'not found');
  }
  const ext = extname(file);
  const headers: Record<string, string | number> = {
    ...BASE_HEADERS,
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Content-Length': size,
  };
  if (ext === '.html') {
    headers['Content-Security-Policy'] = csp;
    headers['Cross-Origin-Opener-Policy'] = 'same-origin';
    headers['X-Frame-Options'] = 'DENY';
  } else if (rel.startsWith('/assets/')) {
    headers['Cache-Control'] = 'public, max-age=31536000, immutable';
  }
  res.writeHead(200, headers);
  createReadStream(file).pipe(res);
}
