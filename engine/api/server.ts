// The HTTP front of the engine: authentication, routing of Kubernetes REST paths to the
// registry's resources, discovery, /version, health checks, OpenAPI. Listens on 127.0.0.1 only.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../clock';
import type { Registry } from '../registry/registry';
import { aggregatedCore, aggregatedGroups, AGGREGATED_CONTENT_TYPE, legacyApiVersions, legacyGroup, legacyGroupList, legacyResourceList, wantsAggregated } from './discovery';
import { fieldValidationOf, queryBool, type ResourceRequest } from './request-context';
import { RestHandlers, sendJson } from './rest-handlers';
import type { ResourceService } from './resource-service';
import { badRequest, methodNotAllowed, notFoundPath, statusBody, StatusError, unauthorized } from './status-error';
import { serveWatch } from './watch';

export const KUBERNETES_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};

/** Extra route handlers other parts of the engine mount (OpenAPI, pod logs/exec, metrics). */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;
/** Handlers for pod subresources such as log, exec, attach, portforward, eviction, binding. */
export type SubresourceHandler = (r: ResourceRequest) => Promise<void> | void;
/** Handlers for WebSocket upgrades on `<plural>/<name>/<sub>` (exec, attach, portforward). */
export type UpgradeHandler = (r: { req: IncomingMessage; socket: Duplex; head: Buffer; url: URL; namespace?: string; name: string }) => void;

export interface ApiServerOptions {
  registry: Registry;
  service: ResourceService;
  clock: Clock;
  token: string;
  /** PEM serving certificate and key (see serving-certs.ts). */
  tls: { cert: string; key: string };
}

export class ApiServer {
  readonly http: Server;
  private readonly handlers: RestHandlers;
  private readonly routes: RouteHandler[] = [];
  private readonly subresources = new Map<string, SubresourceHandler>();
  private readonly upgrades = new Map<string, UpgradeHandler>();
  private readonly sockets = new Set<Socket>();
  private readonly watchClosers = new Set<() => void>();
  private serverAddress = '127.0.0.1:6443';

  constructor(private readonly opts: ApiServerOptions) {
    this.handlers = new RestHandlers(opts.service, opts.clock);
    this.http = createServer({ cert: opts.tls.cert, key: opts.tls.key }, (req, res) => {
      this.handle(req, res).catch((err) => this.fail(res, err));
    });
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.handleUpgrade(req, socket, head));
    this.http.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
  }

  /** Mounts a handler tried before the resource routes; it returns true when it answered. */
  addRoute(h: RouteHandler): void {
    this.routes.push(h);
  }

  /** Mounts a handler for `<plural>/<name>/<sub>`, e.g. `pods/log`. */
  addSubresource(pluralAndSub: string, h: SubresourceHandler): void {
    this.subresources.set(pluralAndSub, h);
  }

  /** Mounts a WebSocket handler for `<plural>/<sub>` upgrades, e.g. `pods/exec`. */
  addUpgrade(pluralAndSub: string, h: UpgradeHandler): void {
    this.upgrades.set(pluralAndSub, h);
  }

  private handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const reject = (code: number, body: unknown) => {
      const text = JSON.stringify(body);
      socket.end(`HTTP/1.1 ${code} ${code === 401 ? 'Unauthorized' : code === 404 ? 'Not Found' : 'Bad Request'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`);
    };
    try {
      if (!this.authorized(req)) throw unauthorized();
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const m = /^\/api\/v1\/(?:namespaces\/([^/]+)\/)?([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
      const h = m && this.upgrades.get(`${m[2]}/${m[4]}`);
      // Non-WebSocket upgrades (kubectl's SPDY fallback) still get the handler's validation
      // errors, which is what kubectl then prints.
      if (!m || !h) throw badRequest('Upgrade request required');
      h({ req, socket, head, url, namespace: m[1] && decodeURIComponent(m[1]), name: decodeURIComponent(m[3]) });
    } catch (err) {
      const body = statusBody(err);
      reject(body.code, body);
    }
  }

  async listen(port = 0): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, '127.0.0.1', () => resolve());
    });
    const addr = this.http.address() as AddressInfo;
    this.serverAddress = `127.0.0.1:${addr.port}`;
    return `https://127.0.0.1:${addr.port}`;
  }

  async close(): Promise<void> {
    for (const c of [...this.watchClosers]) c();
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      for (const s of this.sockets) s.destroy();
    });
  }

  private fail(res: ServerResponse, err: unknown): void {
    if (!(err instanceof StatusError)) console.error('api error:', err);
    const body = statusBody(err);
    if (res.headersSent) {
      res.end();
      return;
    }
    sendJson(res, body.code, body);
  }

  /**
   * kubectl only reads OpenAPI v2 for kinds the v3 documents do not describe (e.g. a removed
   * apiVersion in a file), to validate them client-side. An empty v2 Document (swagger "2.0", no
   * definitions) lets it skip validation and report the real error: no mapping for the kind.
   */
  private openApiV2(res: ServerResponse): void {
    const body = Buffer.from([0x0a, 0x03, 0x32, 0x2e, 0x30]); // Document{swagger: "2.0"}
    res.writeHead(200, { 'Content-Type': 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf', 'Content-Length': String(body.length) });
    res.end(body);
  }

  private authorized(req: IncomingMessage): boolean {
    const h = req.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(h);
    if (!m) return false;
    const a = Buffer.from(m[1].trim());
    const b = Buffer.from(this.opts.token);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/\/+$/, '') || '/';
    // Public endpoints, as system:public-info-viewer allows on a real cluster.
    if (req.method === 'GET' && (path === '/healthz' || path === '/readyz' || path === '/livez')) {
      res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('ok');
      return;
    }
    if (req.method === 'GET' && path === '/version') return sendJson(res, 200, KUBERNETES_VERSION);
    if (!this.authorized(req)) throw unauthorized();

    for (const r of this.routes) if (await r(req, res, url)) return;
    if (req.method === 'GET' && path === '/openapi/v2') return this.openApiV2(res);

    const { registry } = this.opts;
    if (path === '/api' && req.method === 'GET') {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedCore(registry), AGGREGATED_CONTENT_TYPE);
      return sendJson(res, 200, legacyApiVersions(this.serverAddress));
    }
    if (path === '/apis' && req.method === 'GET') {
      if (wantsAggregated(req.headers.accept)) return sendJson(res, 200, aggregatedGroups(registry), AGGREGATED_CONTENT_TYPE);
      return sendJson(res, 200, legacyGroupList(registry));
    }
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    let group: string;
    let version: string;
    let rest: string[];
    if (seg[0] === 'api' && seg.length >= 2) {
      group = '';
      version = seg[1];
      rest = seg.slice(2);
    } else if (seg[0] === 'apis' && seg.length >= 2) {
      group = seg[1];
      if (seg.length === 2) {
        const g = legacyGroup(registry, group);
        if (!g) throw notFoundPath();
        return sendJson(res, 200, g);
      }
      version = seg[2];
      rest = seg.slice(3);
    } else {
      throw notFoundPath();
    }
    if (rest.length === 0) {
      const list = legacyResourceList(registry, group, version);
      if (!list || req.method !== 'GET') throw notFoundPath();
      return sendJson(res, 200, list);
    }
    let watch = queryBool(url.searchParams.get('watch'));
    if (rest[0] === 'watch') {
      watch = true;
      rest = rest.slice(1);
    }
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && registry.lookup(group, version, rest[2])) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [plural, name, subresource, ...extra] = rest;
    const found = registry.lookup(group, version, plural);
    if (!found || extra.length) throw notFoundPath();
    const { def, version: served } = found;
    if (def.namespaced === false && namespace !== undefined) throw notFoundPath();
    const r: ResourceRequest = {
      req,
      res,
      url,
      def,
      version: served,
      namespace,
      name,
      subresource,
      watch,
      dryRun: url.searchParams.getAll('dryRun').includes('All'),
      fieldValidation: fieldValidationOf(url),
      fieldManager: url.searchParams.get('fieldManager') ?? undefined,
      warnings: served.deprecationWarning ? [served.deprecationWarning] : [],
    };
    const dr = url.searchParams.getAll('dryRun').filter((v) => v !== 'All');
    if (dr.length) throw badRequest(`Invalid dry run value: ${dr[0]}`);
    await this.dispatch(r);
  }

  private async dispatch(r: ResourceRequest): Promise<void> {
    const method = r.req.method ?? 'GET';
    const h = this.handlers;
    if (r.subresource) {
      const custom = this.subresources.get(`${r.def.plural}/${r.subresource}`);
      if (custom) return custom(r);
      const known = (r.subresource === 'status' && r.def.hasStatus) || (r.subresource === 'scale' && r.def.scale) || (r.subresource === 'finalize' && r.def.plural === 'namespaces');
      if (!known) throw notFoundPath();
      if (r.subresource === 'finalize') {
        if (method !== 'PUT') throw methodNotAllowed(method, r.def.kind);
        return h.update({ ...r, subresource: undefined });
      }
      if (method === 'GET') return h.get(r);
      if (method === 'PUT') return h.update(r);
      if (method === 'PATCH') return h.patch(r);
      throw methodNotAllowed(method, r.def.kind);
    }
    if (method === 'GET') {
      if (r.watch) {
        const close = serveWatch(r, this.opts.service, this.opts.clock);
        this.watchClosers.add(close);
        r.res.on('close', () => this.watchClosers.delete(close));
        return;
      }
      return r.name ? h.get(r) : h.list(r);
    }
    if (method === 'POST' && !r.name) return h.create(r);
    if (method === 'PUT' && r.name) return h.update(r);
    if (method === 'PATCH' && r.name) return h.patch(r);
    if (method === 'DELETE') return r.name ? h.delete(r) : h.deleteCollection(r);
    throw methodNotAllowed(method, r.def.kind);
  }
}
