// A read-only window on the Kubernetes API for the renderer: list and watch of the kinds the
// cluster view shows, and GET of one object. The host adds the engine token; the renderer never
// sees it, and cannot reach anything outside this allowlist (no Secrets, no writes, no exec).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BASE_HEADERS, sendError } from '../http-util';
import type { KubeClient } from './kube-client';

const NAME = '[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?';
const KINDS: Array<{ prefix: string; plural: string; namespaced: boolean }> = [
  { prefix: '/api/v1', plural: 'nodes', namespaced: false },
  { prefix: '/api/v1', plural: 'namespaces', namespaced: false },
  { prefix: '/api/v1', plural: 'pods', namespaced: true },
  { prefix: '/api/v1', plural: 'events', namespaced: true },
  { prefix: '/api/v1', plural: 'services', namespaced: true },
  { prefix: '/apis/apps/v1', plural: 'deployments', namespaced: true },
  { prefix: '/apis/apps/v1', plural: 'replicasets', namespaced: true },
  { prefix: '/apis/apps/v1', plural: 'daemonsets', namespaced: true },
  { prefix: '/apis/apps/v1', plural: 'statefulsets', namespaced: true },
];

const ALLOWED = KINDS.flatMap(({ prefix, plural, namespaced }) => {
  const p = prefix.replace(/\//g, '\\/');
  const out = [new RegExp(`^${p}\\/${plural}(\\/${NAME})?$`)];
  if (namespaced) out.push(new RegExp(`^${p}\\/namespaces\\/${NAME}\\/${plural}(\\/${NAME})?$`));
  return out;
});

const QUERY = new Set(['watch', 'resourceVersion', 'resourceVersionMatch', 'allowWatchBookmarks', 'fieldSelector', 'labelSelector', 'limit', 'continue', 'timeoutSeconds', 'sendInitialEvents']);

/** The API path and query to forward for a `/k8s/...` request, or undefined when not allowed. */
export function allowedApiPath(url: URL, prefix: string): string | undefined {
  const path = url.pathname.slice(prefix.length);
  if (!ALLOWED.some((re) => re.test(path))) return undefined;
  const q = new URLSearchParams();
  for (const [k, v] of url.searchParams) {
    if (!QUERY.has(k)) return undefined;
    q.append(k, v);
  }
  const qs = q.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function proxyKube(req: IncomingMessage, res: ServerResponse, url: URL, prefix: string, kube: KubeClient | undefined): Promise<void> {
  if (req.method !== 'GET') return sendError(res, 405, 'read-only');
  const apiPath = allowedApiPath(url, prefix);
  if (!apiPath) return sendError(res, 403, 'not an allowed API path');
  if (!kube) return sendError(res, 503, 'the cluster is not ready');
  const abort = new AbortController();
  // A watch lasts until the page goes away: close the engine side with it.
  res.on('close', () => abort.abort());
  let upstream: IncomingMessage;
  try {
    upstream = await kube.open(apiPath, { signal: abort.signal });
  } catch (e) {
    if (!res.headersSent && !abort.signal.aborted) sendError(res, 502, `engine: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  res.writeHead(upstream.statusCode ?? 502, { ...BASE_HEADERS, 'Content-Type': upstream.headers['content-type'] ?? 'application/json' });
  res.flushHeaders();
  upstream.on('error', () => res.destroy());
  upstream.pipe(res);
}
