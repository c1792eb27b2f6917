// A minimal HTTPS client for the engine's API, reading the kubeconfig the engine wrote.
// Used by tests and benchmarks that need raw API calls (not kubectl output).
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:https';
import { parse } from 'yaml';

export interface ApiResponse {
  status: number;
  body: string;
  json<T = unknown>(): T;
}

export class ApiClient {
  readonly server: string;
  private readonly token: string;
  private readonly agent: Agent;

  constructor(kubeconfigPath: string) {
    const cfg = parse(readFileSync(kubeconfigPath, 'utf8'));
    const cluster = cfg.clusters[0].cluster;
    this.server = cluster.server;
    this.token = cfg.users[0].user.token;
    this.agent = new Agent({ keepAlive: true, ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString() });
  }

  call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}, withToken = true): Promise<ApiResponse> {
    return new Promise((resolve, reject) => {
      const data = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(
        this.server + path,
        {
          method,
          agent: this.agent,
          headers: {
            Accept: 'application/json',
            ...(data !== undefined ? { 'Content-Type': 'application/json' } : {}),
            ...(withToken ? { Authorization: `Bearer ${this.token}` } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString();
            resolve({ status: res.statusCode ?? 0, body: text, json: () => JSON.parse(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      if (data !== undefined) req.write(data);
      req.end();
    });
  }

  /** Opens a watch and calls onEvent for each decoded event until the returned stop is called. */
  watch(path: string, onEvent: (e: { type: string; object: unknown }) => void, headers: Record<string, string> = {}): () => void {
    let buffer = '';
    const req = request(this.server + path, { method: 'GET', agent: this.agent, headers: { Accept: 'application/json', Authorization: `Bearer ${this.token}`, ...headers } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let i;
        while ((i = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, i);
          buffer = buffer.slice(i + 1);
          if (line.trim()) onEvent(JSON.parse(line));
        }
      });
      res.on('error', () => {});
    });
    req.on('error', () => {});
    req.end();
    return () => req.destroy();
  }

  close(): void {
    this.agent.destroy();
  }
}
