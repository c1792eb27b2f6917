// Small authenticated engine endpoints the lab runner needs beyond the Kubernetes API (they sit
// behind the same bearer token; labs/README.md documents them):
//   GET  /kubelab/v1/history?after=SEQ&limit=N     recorded changes (history-log.ts), oldest first
//   GET  /kubelab/v1/nodes/<node>/commands         the lines of root's ~/.bash_history on that node
//   PUT  /kubelab/v1/nodes/<node>/files            {path, content, mode?}: a lab's setup file
//   GET  /kubelab/v1/clock                         {now, canAdvance}
//   POST /kubelab/v1/clock/advance                 {seconds}: fast-forward the cluster clock
// Outside /api and /apis on purpose: kubectl's discovery never sees them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { posix } from 'node:path';
import { parseJsonBody, readBody } from '../api/body';
import { sendJson } from '../api/rest-handlers';
import type { ApiServer } from '../api/server';
import { badRequest, notFoundPath } from '../api/status-error';
import type { Clock } from '../clock';
import type { VirtualFs } from '../shell/virtual-fs';
import type { HistoryLog } from './history-log';

export interface LabEndpointsOptions {
  api: ApiServer;
  clock: Clock;
  history: HistoryLog;
  nodes: () => string[];
  disk: (node: string) => VirtualFs;
  /** Called after a file is written so the node disk is saved with the cluster. */
  saved: () => void;
}

const PREFIX = '/kubelab/v1/';
const MAX_ADVANCE_SECONDS = 7 * 24 * 3600;

function advanceable(clock: Clock): clock is Clock & { advance(ms: number): void } {
  return typeof (clock as { advance?: unknown }).advance === 'function';
}

export function installLabEndpoints(opts: LabEndpointsOptions): void {
  const { api, clock, history } = opts;
  const node = (name: string) => {
    if (!opts.nodes().includes(name)) throw badRequest(`no node "${name}"`);
    return opts.disk(name);
  };
  api.addRoute(async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (!url.pathname.startsWith(PREFIX)) return false;
    const path = url.pathname.slice(PREFIX.length).split('/').map(decodeURIComponent);
    const method = req.method ?? 'GET';
    if (method === 'GET' && path.length === 1 && path[0] === 'history') {
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Math.min(Math.max(Number(url.searchParams.get('limit') ?? 5000), 1), 20000);
      if (!Number.isFinite(after)) throw badRequest('after must be a number');
      const items = history.since(after, limit);
      sendJson(res, 200, { items, last: items.length ? items[items.length - 1].seq : after, more: items.length === limit, now: clock.now() });
      return true;
    }
    if (path[0] === 'nodes' && path.length === 3 && path[2] === 'commands' && method === 'GET') {
      const fs = node(path[1]);
      const text = fs.isFile('/root/.bash_history') ? fs.readFile('/root/.bash_history') : '';
      sendJson(res, 200, { node: path[1], lines: text.split('\n').filter((l) => l !== '' && !l.startsWith('#')), now: clock.now() });
      return true;
    }
    if (path[0] === 'nodes' && path.length === 3 && path[2] === 'files' && method === 'PUT') {
      const fs = node(path[1]);
      const body = parseJsonBody(await readBody(req)) as { path?: unknown; content?: unknown; mode?: unknown };
      if (typeof body?.path !== 'string' || typeof body.content !== 'string') throw badRequest('expected {path, content}');
      const target = posix.resolve('/root', body.path);
      fs.mkdir(posix.dirname(target), { recursive: true });
      fs.writeFile(target, body.content, { mode: typeof body.mode === 'number' ? body.mode : 0o644 });
      opts.saved();
      sendJson(res, 200, { path: target });
      return true;
    }
    if (path.length === 1 && path[0] === 'clock' && method === 'GET') {
      sendJson(res, 200, { now: clock.now(), canAdvance: advanceable(clock) });
      return true;
    }
    if (path.length === 2 && path[0] === 'clock' && path[1] === 'advance' && method === 'POST') {
      const body = parseJsonBody(await readBody(req)) as { seconds?: unknown };
      const seconds = Number(body?.seconds);
      if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_ADVANCE_SECONDS) throw badRequest(`seconds must be between 1 and ${MAX_ADVANCE_SECONDS}`);
      if (!advanceable(clock)) throw badRequest('this cluster clock cannot be advanced');
      clock.advance(seconds * 1000);
      sendJson(res, 200, { now: clock.now() });
      return true;
    }
    throw notFoundPath();
  });
}
