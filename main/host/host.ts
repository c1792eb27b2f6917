// The host: one HTTP server on 127.0.0.1 that serves the renderer, the terminal sessions
// (WebSocket), the engine status and a read-only proxy of the Kubernetes API; and the engine
// child it supervises. Runs in plain Node (`kubelab start --browser`, tests) and under Electron
// as a child process (main/host-process.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { appPaths, childCommands, type AppPaths } from './app-paths';
import { HostAuth } from './auth';
import { proxyKube } from './cluster/api-proxy';
import { bindClusterSocket } from './cluster/cluster-socket';
import { describe } from './cluster/describe';
import { EngineSupervisor } from './engine-supervisor';
import { HttpError, readJson, sendError, sendJson, BASE_HEADERS } from './http-util';
import type { CreateSessionRequest, EngineStatus, HostInfo } from './protocol';
import { ROUTES } from './protocol';
import { contentSecurityPolicy, serveStatic } from './static-files';
import { PtySession } from './terminal/pty-session';
import { SessionManager } from './terminal/session-manager';
import { bashRcText, commandFor, parseProfile } from './terminal/session-profiles';
import { bindTerminalSocket } from './terminal/terminal-socket';
import { createLabApi } from './labs/lab-api';

export interface HostOptions {
  dataDir: string;
  /** 0 or undefined: a free port. */
  port?: number;
  token?: string;
  paths?: AppPaths;
  /** argv prefixes; default from app-paths.ts. */
  engineCommand?: string[];
  shellCommand?: string[];
  version?: string;
  log?: (line: string) => void;
  /** Supervisor tuning (tests). */
  healthIntervalMs?: number;
  /**
   * Open the master shell at once, before any page asks: its `kubelab shell` starts as soon as the
   * engine is ready, in parallel with the page loading, and the page attaches to it (cold start).
   */
  openDefaultSession?: boolean;
}

export interface Host {
  url: string;
  origin: string;
  port: number;
  token: string;
  engine: EngineSupervisor;
  sessions: SessionManager;
  close(): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const paths = opts.paths ?? appPaths();
  const commands = childCommands(paths);
  const auth = new HostAuth(opts.token);
  const engine = new EngineSupervisor({
    command: opts.engineCommand ?? commands.engine,
    dataDir: opts.dataDir,
    log: opts.log,
    healthIntervalMs: opts.healthIntervalMs,
  });
  const shellCommand = opts.shellCommand ?? commands.shell;
  mkdirSync(opts.dataDir, { recursive: true });
  const bashRcFile = join(opts.dataDir, 'host-terminal.bashrc');
  writeFileSync(bashRcFile, bashRcText());
  const sessions = new SessionManager({
    spawn: (profile, cols, rows) => new PtySession(commandFor(profile, { shellCommand, kubeconfig: engine.kubeconfigPath, binDir: paths.binDir, bashRcFile }), cols, rows),
    canStart: (profile) => profile.kind === 'host' || engine.status.state === 'ready',
    generation: () => engine.status.generation,
  });
  const labs = createLabApi({ dataDir: opts.dataDir, kubeconfig: () => (engine.status.state === 'ready' ? engine.kubeconfigPath : undefined), log: opts.log });
  const statusSub = engine.onStatus((s) => {
    if (s.state !== 'ready') return;
    sessions.engineReady(s.generation);
    // Resumes a lab run that was active when the app stopped.
    void labs.engineReady();
  });

  const info: HostInfo = { version: opts.version ?? '0.0.0', platform: process.platform, dataDir: opts.dataDir };
  let csp = '';

  async function route(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    const method = req.method ?? 'GET';
    if (path === ROUTES.status && method === 'GET') return sendJson(res, 200, engine.status satisfies EngineStatus);
    if (path === ROUTES.info && method === 'GET') return sendJson(res, 200, info);
    if (path === ROUTES.sessions && method === 'GET') return sendJson(res, 200, sessions.list());
    if (path === ROUTES.sessions && method === 'POST') {
      const body = (await readJson(req)) as Partial<CreateSessionRequest> | null;
      const profile = parseProfile(body?.profile);
      if (!profile) throw new HttpError(400, 'unknown terminal profile');
      try {
        const s = sessions.create(profile, Number(body?.cols ?? 80), Number(body?.rows ?? 24));
        return sendJson(res, 201, s.info);
      } catch (e) {
        throw new HttpError(429, e instanceof Error ? e.message : String(e));
      }
    }
    if (path.startsWith(ROUTES.sessions + '/') && method === 'DELETE') {
      const ok = await sessions.close(path.slice(ROUTES.sessions.length + 1));
      return ok ? sendJson(res, 200, { closed: true }) : sendError(res, 404, 'no such session');
    }
    if (path === ROUTES.engineRestart && method === 'POST') {
      await readJson(req);
      void engine.restartNow();
      return sendJson(res, 202, engine.status);
    }
    if (path === ROUTES.kube || path.startsWith(ROUTES.kube + '/')) return proxyKube(req, res, url, ROUTES.kube, engine.kube);
    if (path.startsWith(ROUTES.describe + '/') && method === 'GET') {
      // /api/describe/<resource>/<namespace or _>/<name>
      const [resource, ns, name] = path.slice(ROUTES.describe.length + 1).split('/').map(decodeURIComponent);
      const kube = engine.kube;
      if (!kube) throw new HttpError(503, 'the cluster is not ready');
      if (!resource || !ns || !name) throw new HttpError(400, 'expected /api/describe/<resource>/<namespace>/<name>');
      try {
        const result = await describe(kube, resource, ns === '_' ? undefined : ns, name);
        if (!result) throw new HttpError(404, `cannot describe ${resource}`);
        return sendJson(res, 200, result);
      } catch (e) {
        if (e instanceof HttpError) throw e;
        const status = (e as { status?: number }).status;
        throw new HttpError(status && status >= 400 ? status : 502, e instanceof Error ? e.message : String(e));
      }
    }
    if (await labs.handle(req, res, url)) return;
    if (path.startsWith('/api/') || path.startsWith('/ws/')) return sendError(res, 404, 'not found');
    if (method !== 'GET' && method !== 'HEAD') return sendError(res, 405, 'method not allowed');
    return serveStatic(paths.rendererDir, path, res, csp);
  }

  const server = createServer((req, res) => {
    const verdict = auth.check(req);
    if (!verdict.ok) return sendError(res, verdict.status, verdict.reason);
    const url = new URL(req.url ?? '/', auth.origin);
    if (verdict.viaQuery && req.method === 'GET' && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/k8s/')) {
      // Trade the token in the address bar for the cookie, and drop it from the URL (history, screenshots).
      url.searchParams.delete('token');
      res.writeHead(303, { ...BASE_HEADERS, 'Set-Cookie': auth.cookie(), Location: url.pathname + url.search });
      res.end();
      return;
    }
    route(req, res, url).catch((e) => {
      if (res.headersSent) return res.destroy();
      if (e instanceof HttpError) return sendError(res, e.status, e.message);
      opts.log?.(`host: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      sendError(res, 500, 'internal error');
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const reject = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    const verdict = auth.check(req, { websocket: true });
    if (!verdict.ok) return reject(verdict.status, verdict.status === 401 ? 'Unauthorized' : 'Forbidden');
    const url = new URL(req.url ?? '/', auth.origin);
    if (url.pathname === ROUTES.clusterSocket) {
      return wss.handleUpgrade(req, socket, head, (ws) =>
        bindClusterSocket(ws, { status: () => engine.status, onStatus: (l) => engine.onStatus(l), kube: () => engine.kube }),
      );
    }
    if (!url.pathname.startsWith(ROUTES.terminalSocket)) return reject(404, 'Not Found');
    const session = sessions.get(url.pathname.slice(ROUTES.terminalSocket.length));
    if (!session) return reject(404, 'Not Found');
    wss.handleUpgrade(req, socket, head, (ws) => bindTerminalSocket(ws, session));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  auth.setPort(port);
  csp = contentSecurityPolicy(auth.allowedOrigins());
  engine.start();
  if (opts.openDefaultSession) sessions.create({ kind: 'node', node: 'master' }, 120, 32);

  let closed = false;
  return {
    url: auth.url(),
    origin: auth.origin,
    port,
    token: auth.token,
    engine,
    sessions,
    async close() {
      if (closed) return;
      closed = true;
      statusSub.dispose();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await sessions.dispose();
      await labs.close();
      await engine.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
