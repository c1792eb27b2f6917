// The default HTTP transport: node:http/https with the cluster CA, client certificates
// and insecure-skip-tls-verify. Only this file touches node's networking.

import type { HttpRequest, HttpResponse } from '../io';

export async function nodeTransport(req: HttpRequest): Promise<HttpResponse> {
  const url = new URL(req.url);
  const mod = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise<HttpResponse>((resolve, reject) => {
    const r = mod.request(
      url,
      {
        method: req.method,
        // A body always goes with its length: without it node sends DELETE bodies chunked,
        // which Go's and Kubelab's servers reject with a bare 400.
        headers: req.body === undefined ? req.headers : { ...req.headers, 'Content-Length': String(Buffer.byteLength(req.body)) },
        ca: req.ca as string | undefined,
        cert: req.cert as string | undefined,
        key: req.key as string | undefined,
        rejectUnauthorized: !req.insecureSkipTLSVerify,
        servername: req.serverName,
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
