// A small Kubernetes API client for the lab runtime: requests, discovery (kind -> resource) and
// watches, from a kubeconfig. It speaks only the public API (plus the engine's /kubelab/v1
// routes, which a real cluster answers with 404), so labs run against a real cluster too.
import { Agent, request as httpsRequest } from 'node:https';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { KubeObject } from '../../engine/api/object';
import { targetFromKubeconfig, type ClusterTarget } from '../../engine/cli/kubeconfig-target';

export class KubeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body?: unknown,
  ) {
    super(message);
  }
}

export interface ResourceInfo {
  apiVersion: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export class KubeApi {
  private readonly agent: Agent;
  private readonly resources = new Map<string, ResourceInfo | null>();

  constructor(readonly target: ClusterTarget) {
    this.agent = new Agent({ keepAlive: true, ca: target.ca, rejectUnauthorized: !target.insecure, maxSockets: 32 });
  }

  static fromKubeconfig(path: string): KubeApi {
    return new KubeApi(targetFromKubeconfig(path));
  }

  /** Starts a request; resolves with the response stream (the caller consumes it). */
  open(method: string, path: string, body?: unknown, opts: { signal?: AbortSignal; contentType?: string; timeoutMs?: number } = {}): Promise<IncomingMessage> {
    const url = new URL(path, this.target.server);
    const data = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.target.token) headers.Authorization = `Bearer ${this.target.token}`;
    if (data) {
      headers['Content-Type'] = opts.contentType ?? 'application/json';
      headers['Content-Length'] = String(data.length);
    }
    const req = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const r = req(url, { method, headers, agent: url.protocol === 'https:' ? this.agent : undefined, signal: opts.signal, timeout: opts.timeoutMs }, resolve);
      r.on('timeout', () => r.destroy(new Error(`${method} ${path}: no answer in ${opts.timeoutMs} ms`)));
      r.on('error', reject);
      r.end(data);
    });
  }

  async request<T = unknown>(method: string, path: string, body?: unknown, opts: { contentType?: string; timeoutMs?: number } = {}): Promise<T> {
    const res = await this.open(method, path, body, { timeoutMs: opts.timeoutMs ?? 30_000, contentType: opts.contentType });
    const chunks: Buffer[] = [];
    for await (const c of res) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    const status = res.statusCode ?? 0;
    if (status >= 400) {
      const message = (parsed as { message?: string })?.message ?? `${method} ${path}: HTTP ${status}`;
      throw new KubeApiError(status, message, parsed);
    }
    return parsed as T;
  }

  get<T = unknown>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  /** The resource serving a kind (preferred version of the group when `apiVersion` has none). */
  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo | undefined> {
    const key = `${apiVersion}|${kind}`;
    if (this.resources.has(key)) return this.resources.get(key) ?? undefined;
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let found: ResourceInfo | undefined;
    try {
      const list = await this.get<{ resources: Array<{ name: string; kind: string; namespaced: boolean }> }>(base);
      const r = list.resources.find((x) => x.kind === kind && !x.name.includes('/'));
      if (r) found = { apiVersion, kind, plural: r.name, namespaced: r.namespaced };
    } catch (e) {
      if (!(e instanceof KubeApiError) || e.status !== 404) throw e;
    }
    this.resources.set(key, found ?? null);
    return found;
  }

  collectionPath(r: ResourceInfo, namespace?: string): string {
    const base = r.apiVersion.includes('/') ? `/apis/${r.apiVersion}` : `/api/${r.apiVersion}`;
    return r.namespaced && namespace ? `${base}/namespaces/${encodeURIComponent(namespace)}/${r.plural}` : `${base}/${r.plural}`;
  }

  async list(r: ResourceInfo, namespace?: string): Promise<{ items: KubeObject[]; resourceVersion: string }> {
    const l = await this.get<{ items: KubeObject[]; metadata: { resourceVersion: string } }>(this.collectionPath(r, namespace));
    const items = l.items.map((o) => ({ ...o, apiVersion: o.apiVersion ?? r.apiVersion, kind: o.kind ?? r.kind }));
    return { items, resourceVersion: l.metadata.resourceVersion };
  }

  /**
   * Streams watch events until the server closes or `signal` aborts. Resolves with the last
   * resourceVersion seen; rejects with KubeApiError(410) when the version is too old.
   */
  async watch(r: ResourceInfo, resourceVersion: string, onEvent: (type: string, o: KubeObject) => void, signal: AbortSignal): Promise<string> {
    const path = `${this.collectionPath(r)}?watch=true&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(resourceVersion)}&timeoutSeconds=300`;
    const res = await this.open('GET', path, undefined, { signal });
    if ((res.statusCode ?? 0) >= 400) {
      res.resume();
      throw new KubeApiError(res.statusCode ?? 0, `watch ${r.plural}: HTTP ${res.statusCode}`);
    }
    let rv = resourceVersion;
    let buf = '';
    try {
      for await (const chunk of res) {
        buf += (chunk as Buffer).toString();
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line) continue;
          const ev = JSON.parse(line) as { type: string; object: KubeObject & { code?: number } };
          if (ev.type === 'ERROR') {
            const code = ev.object.code ?? 500;
            throw new KubeApiError(code, (ev.object as { message?: string }).message ?? 'watch error');
          }
          if (ev.object?.metadata?.resourceVersion) rv = ev.object.metadata.resourceVersion;
          if (ev.type === 'BOOKMARK') continue;
          onEvent(ev.type, { ...ev.object, apiVersion: ev.object.apiVersion ?? r.apiVersion, kind: ev.object.kind ?? r.kind });
        }
      }
    } catch (e) {
      if (signal.aborted) return rv;
      throw e;
    }
    return rv;
  }

  close(): void {
    this.agent.destroy();
  }
}
