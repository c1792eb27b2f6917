// Test support: a plain-HTTP proxy in front of the engine that records request bodies, so a test
// sees the exact bytes the real kubectl sent (protobuf included) and can still let the engine answer.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { kubeconfigYaml } from '../../../kubeconfig';

export interface RecordedRequest {
  method: string;
  path: string;
  contentType: string;
  body: Buffer;
}

export interface RecordingProxy {
  readonly requests: RecordedRequest[];
  /** A kubeconfig pointing at the proxy with the engine's token. */
  readonly kubeconfigPath: string;
  close(): Promise<void>;
}

export async function startRecordingProxy(target: { url: string; token: string }, kubeconfigPath: string): Promise<RecordingProxy> {
  const upstream = new URL(target.url);
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readAll(req);
      requests.push({ method: req.method ?? 'GET', path: req.url ?? '/', contentType: String(req.headers['content-type'] ?? ''), body });
      const out = httpsRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          // kubectl keeps a bearer token off a plain-HTTP connection, so the proxy adds it.
          headers: { ...req.headers, host: upstream.host, authorization: `Bearer ${target.token}` },
          // The engine's serving cert is for its own address; this hop never leaves 127.0.0.1.
          rejectUnauthorized: false,
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on('error', (e) => {
        res.writeHead(502);
        res.end(String(e));
      });
      out.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  // The CA is unused over plain HTTP; kubeconfigYaml wants one, so give it an empty PEM.
  writeFileSync(kubeconfigPath, kubeconfigYaml(`http://127.0.0.1:${port}`, target.token, '').replace(/\n\s*certificate-authority-data: ""\n/, '\n'), { mode: 0o600 });
  return {
    requests,
    kubeconfigPath,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
