// The page's one live channel to the host (/ws/cluster): engine status and every watched
// collection, multiplexed. Browsers allow six HTTP/1.1 connections per host, so a long-lived
// request per watched kind would starve every other request; one socket does not.
// Watches are ref-counted per path and re-sent after a reconnect; the host re-lists on its side
// when the engine restarts, so the page only ever applies "list" and "event" messages.
import type { ClusterClientMessage, ClusterServerMessage, EngineStatus } from '../../../main/host/protocol';

export interface Obj {
  metadata?: { uid?: string; name?: string; namespace?: string; resourceVersion?: string };
}

type ItemsListener = (items: unknown[], synced: boolean) => void;

interface Watch {
  id: number;
  path: string;
  items: Map<string, unknown>;
  synced: boolean;
  listeners: Set<ItemsListener>;
  scheduled: boolean;
}

const keyOf = (o: Obj) => o.metadata?.uid ?? `${o.metadata?.namespace}/${o.metadata?.name}`;

export class ClusterConnection {
  private ws: WebSocket | undefined;
  private nextId = 1;
  private watches = new Map<string, Watch>();
  private byId = new Map<number, Watch>();
  private statusListeners = new Set<(s: EngineStatus | undefined, connected: boolean) => void>();
  private status: EngineStatus | undefined;
  private connected = false;
  private retry = 250;

  constructor(private readonly url: string) {}

  subscribe(path: string, listener: ItemsListener): () => void {
    let w = this.watches.get(path);
    if (!w) {
      w = { id: this.nextId++, path, items: new Map(), synced: false, listeners: new Set(), scheduled: false };
      this.watches.set(path, w);
      this.byId.set(w.id, w);
      this.send({ type: 'watch', id: w.id, path });
    }
    w.listeners.add(listener);
    if (w.synced) listener([...w.items.values()], true);
    this.ensureOpen();
    const watch = w;
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size > 0) return;
      this.watches.delete(path);
      this.byId.delete(watch.id);
      this.send({ type: 'unwatch', id: watch.id });
    };
  }

  onStatus(listener: (s: EngineStatus | undefined, connected: boolean) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status, this.connected);
    this.ensureOpen();
    return () => this.statusListeners.delete(listener);
  }

  private send(m: ClusterClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(m));
  }

  private ensureOpen(): void {
    if (this.ws) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 250;
      this.setConnected(true);
      for (const w of this.watches.values()) this.send({ type: 'watch', id: w.id, path: w.path });
    };
    ws.onmessage = (e: MessageEvent<string>) => this.receive(JSON.parse(e.data) as ClusterServerMessage);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      this.setConnected(false);
      setTimeout(() => this.ensureOpen(), this.retry);
      this.retry = Math.min(this.retry * 2, 3000);
    };
  }

  private setConnected(c: boolean): void {
    this.connected = c;
    for (const l of this.statusListeners) l(this.status, c);
  }

  private receive(m: ClusterServerMessage): void {
    if (m.type === 'status') {
      this.status = m.status;
      for (const l of this.statusListeners) l(m.status, this.connected);
      return;
    }
    const w = this.byId.get(m.id);
    if (!w) return;
    if (m.type === 'list') {
      w.items = new Map((m.items as Obj[]).map((o) => [keyOf(o), o]));
      w.synced = true;
    } else if (m.type === 'event') {
      const o = m.object as Obj;
      if (m.event === 'DELETED') w.items.delete(keyOf(o));
      else w.items.set(keyOf(o), o);
    } else {
      return;
    }
    this.notify(w);
  }

  /** One render per frame for a burst of events. */
  private notify(w: Watch): void {
    if (w.scheduled) return;
    w.scheduled = true;
    const flush = () => {
      w.scheduled = false;
      const items = [...w.items.values()];
      for (const l of w.listeners) l(items, w.synced);
    };
    if (document.visibilityState === 'visible') requestAnimationFrame(flush);
    else setTimeout(flush, 50);
  }
}

let shared: ClusterConnection | undefined;
export function clusterConnection(): ClusterConnection {
  shared ??= new ClusterConnection(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/cluster`);
  return shared;
}
