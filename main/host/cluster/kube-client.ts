// The host's client for the engine's API, from the kubeconfig the engine writes. It is the only
// holder of the engine token on the host side; the renderer reaches the API through api-proxy.ts.
import { readFileSync } from 'node:fs';
import { Agent, request, type RequestOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { parse } from 'yaml';

export interface KubeTarget {
  server: string;
  token: string;
  ca: string;
}

export function readKubeconfig(path: string): KubeTarget {
  const cfg = parse(readFileSync(path, 'utf8'));
  const ctxName = cfg['current-context'];
  const ctx = (cfg.contexts ?? []).find((c: { name: string }) => c.name === ctxName)?.context ?? cfg.contexts?.[0]?.context;
  const cluster = (cfg.clusters ?? []).find((c: { name: string }) => c.name === ctx?.cluster)?.cluster ?? cfg.clusters[0].cluster;
  const user = (cfg.users ?? []).find((u: { name: string }) => u.name === ctx?.user)?.user ?? cfg.users[0].user;
  return { server: cluster.server, token: user.token, ca: Buffer.from(cluster['certificate-authority-data'], 'base64').toString() };
}

export class KubeClient {
  private agent: Agent;

  constructor(readonly target: KubeTarget) {
    this.agent = new Agent({ keepAlive: true, ca: target.ca, maxSockets: 64 });
  }

  /** Starts a GET and resolves with the response stream (the caller consumes or destroys it). */
  open(path: string, opts: { accept?: string; signal?: AbortSignal; timeoutMs?: number } = {}): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const options: RequestOptions = {
        method: 'GET',
        agent: this.agent,
        headers: { Accept: opts.accept ?? 'application/json', Authorization: `Bearer ${this.target.token}` },
        signal: opts.signal,
        timeout: opts.timeoutMs,
      };
      const req = request(this.target.server + path, options, resolve);
      req.on('timeout', () => req.destroy(new Error(`timeout after ${opts.timeoutMs} ms`)));
      req.on('error', reject);
      req.end();
    });
  }

  async getJson<T = unknown>(path: string, timeoutMs = 5000): Promise<{ status: number; body: T }> {
    const res = await this.open(path, { timeoutMs });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    return { status: res.statusCode ?? 0, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** Status code of a GET whose body does not matter (health checks). */
  async ping(path: string, timeoutMs: number): Promise<number> {
    const res = await this.open(path, { timeoutMs });
    res.resume();
    return res.statusCode ?? 0;
  }

  close(): void {
    this.agent.destroy();
  }
}
