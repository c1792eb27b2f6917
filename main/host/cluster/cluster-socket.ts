// One page's /ws/cluster socket: the engine status, and the watches the page asks for (only
// collections the API proxy allows, without query). Closing the socket stops them all.
import type { WebSocket } from 'ws';
import type { ClusterClientMessage, ClusterServerMessage, EngineStatus } from '../protocol';
import type { Disposable } from '../terminal/pty-session';
import { allowedApiPath } from './api-proxy';
import type { KubeClient } from './kube-client';
import { Reflector } from './reflector';

export interface ClusterSocketDeps {
  status(): EngineStatus;
  onStatus(listener: (s: EngineStatus) => void): Disposable;
  kube(): KubeClient | undefined;
}

const MAX_WATCHES = 32;

function parse(raw: string): ClusterClientMessage | undefined {
  try {
    const m = JSON.parse(raw) as Record<string, unknown>;
    if (m.type === 'watch' && typeof m.id === 'number' && typeof m.path === 'string') return { type: 'watch', id: m.id, path: m.path };
    if (m.type === 'unwatch' && typeof m.id === 'number') return { type: 'unwatch', id: m.id };
  } catch {
    // ignore malformed frames
  }
  return undefined;
}

export function bindClusterSocket(ws: WebSocket, deps: ClusterSocketDeps): void {
  const send = (m: ClusterServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(m));
  };
  const watches = new Map<number, Reflector>();
  let wasReady = deps.status().state === 'ready';
  send({ type: 'status', status: deps.status() });
  const statusSub = deps.onStatus((status) => {
    send({ type: 'status', status });
    // Back from a restart (or a hiccup): every watch re-lists against the engine now serving.
    if (status.state === 'ready' && !wasReady) for (const r of watches.values()) r.engineReady();
    wasReady = status.state === 'ready';
  });

  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const msg = parse(data.toString());
    if (!msg) return;
    if (msg.type === 'unwatch') {
      watches.get(msg.id)?.dispose();
      watches.delete(msg.id);
      return;
    }
    const path = allowedApiPath(new URL(msg.path, 'http://x'), '');
    if (!path || path.includes('?') || watches.has(msg.id) || watches.size >= MAX_WATCHES) {
      send({ type: 'error', id: msg.id, message: 'not an allowed watch' });
      return;
    }
    const id = msg.id;
    watches.set(
      id,
      new Reflector(path, deps.kube, {
        list: (items) => send({ type: 'list', id, items }),
        event: (event, object) => send({ type: 'event', id, event, object }),
        error: (message) => send({ type: 'error', id, message }),
      }),
    );
  });

  const cleanup = () => {
    statusSub.dispose();
    for (const r of watches.values()) r.dispose();
    watches.clear();
  };
  ws.on('close', cleanup);
  ws.on('error', cleanup);
}
