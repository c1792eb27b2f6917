// Watch streams: chunked JSON events, from a resourceVersion or with synthetic ADDED events for
// the current state, filtered by namespace and selectors (objects leaving the filter arrive as
// DELETED), as Tables when asked, with bookmarks and 410 for history the log no longer has.
// Upstream: apiserver pkg/endpoints/handlers/watch.go, pkg/storage/cacher
import type { Clock } from '../clock';
import { storeKey } from '../registry/resource-definition';
import { ResourceVersionTooOld, type StoreEvent } from '../store/object-store';
import type { KubeObject } from './object';
import type { ResourceRequest } from './request-context';
import { queryBool } from './request-context';
import { requestFilter } from './rest-handlers';
import type { ResourceService } from './resource-service';
import { parseIncludeObject, parseTableAccept, toTable } from './table';

const BOOKMARK_INTERVAL_MS = 60_000;

export function serveWatch(r: ResourceRequest, service: ResourceService, clock: Clock): () => void {
  const filter = requestFilter(r);
  const tableReq = parseTableAccept(r.req.headers.accept);
  const include = parseIncludeObject(r.url.searchParams.get('includeObject'));
  const key = storeKey(r.def);
  const ns = r.def.namespaced ? r.namespace : undefined;
  const inScope = (o: KubeObject) => !ns || o.metadata.namespace === ns;
  let headerSent = false;

  r.res.writeHead(200, {
    'Content-Type': tableReq.table ? `application/json;as=Table;v=${tableReq.apiVersion.split('/')[1]};g=meta.k8s.io` : 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  // Send the headers now: a watch with nothing to report yet must still answer, or clients
  // (rollout status --watch=false, informers) wait for the first event before seeing a response.
  r.res.flushHeaders();

  const encode = (type: string, obj: KubeObject): string => {
    const versioned = service.toVersion(r.def, r.version, obj);
    if (!tableReq.table) return JSON.stringify({ type, object: versioned });
    const table = toTable(r.def, [versioned], {
      apiVersion: tableReq.apiVersion,
      include,
      now: clock.now(),
      resourceVersion: obj.metadata.resourceVersion,
      noHeaders: headerSent,
    });
    headerSent = true;
    return JSON.stringify({ type, object: table });
  };
  const write = (type: string, obj: KubeObject) => {
    if (!r.res.writableEnded) r.res.write(encode(type, obj) + '\n');
  };

  const deliver = (e: StoreEvent) => {
    if (e.resource !== key) return;
    const now = inScope(e.object) && filter(e.object);
    const before = e.previous !== undefined && inScope(e.previous) && filter(e.previous);
    if (e.type === 'ADDED') {
      if (now) write('ADDED', e.object);
    } else if (e.type === 'MODIFIED') {
      if (now && before) write('MODIFIED', e.object);
      else if (now) write('ADDED', e.object);
      else if (before) write('DELETED', e.object);
    } else if (now || before) write('DELETED', e.object);
  };

  const rvParam = r.url.searchParams.get('resourceVersion');
  let cleanup = () => {};
  if (!rvParam || rvParam === '0') {
    for (const o of service.list(r.def, ns)) if (filter(o)) write('ADDED', o);
  } else {
    try {
      for (const e of service.store.eventsSince(Number(rvParam))) deliver(e);
    } catch (err) {
      if (err instanceof ResourceVersionTooOld) {
        r.res.write(
          JSON.stringify({
            type: 'ERROR',
            object: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `too old resource version: ${err.requested} (${err.oldest})`, reason: 'Expired', code: 410 },
          }) + '\n',
        );
        r.res.end();
        return cleanup;
      }
      throw err;
    }
  }
  const unsubscribe = service.store.subscribe(deliver);
  const timers: (() => void)[] = [];
  const timeout = Number(r.url.searchParams.get('timeoutSeconds') ?? 0);
  const finish = () => {
    cleanup();
    if (!r.res.writableEnded) r.res.end();
  };
  if (timeout > 0) timers.push(clock.setTimer(timeout * 1000, finish));
  if (queryBool(r.url.searchParams.get('allowWatchBookmarks'))) {
    const bookmark = () => {
      const v = r.version.version;
      const apiVersion = r.def.group ? `${r.def.group}/${v}` : v;
      if (!r.res.writableEnded) r.res.write(JSON.stringify({ type: 'BOOKMARK', object: { kind: r.def.kind, apiVersion, metadata: { resourceVersion: String(service.store.resourceVersion) } } }) + '\n');
      timers.push(clock.setTimer(BOOKMARK_INTERVAL_MS, bookmark));
    };
    timers.push(clock.setTimer(BOOKMARK_INTERVAL_MS, bookmark));
  }
  cleanup = () => {
    unsubscribe();
    for (const t of timers) t();
  };
  r.req.on('close', cleanup);
  r.res.on('close', cleanup);
  return finish;
}
