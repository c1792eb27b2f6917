// The object store: every Kubernetes object as one JSON row keyed by (resource, namespace, name),
// a global resourceVersion, and a watch log. Each write is one SQLite transaction that updates the
// row and appends the event, so an acknowledged write survives `kill -9`; reads come from memory.
import Database from 'better-sqlite3';
import type { KubeObject } from '../api/object';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: WatchEventType;
  resource: string;
  /** The object after the change (for DELETED: the last state, with the deletion's RV). */
  object: KubeObject;
  /** The object before the change, for MODIFIED and DELETED. */
  previous?: KubeObject;
  rv: number;
}

export type StoreListener = (e: StoreEvent) => void;

/** Thrown when a watch asks for history older than the log keeps (HTTP 410). */
export class ResourceVersionTooOld extends Error {
  constructor(readonly requested: number, readonly oldest: number) {
    super(`too old resource version: ${requested} (${oldest})`);
  }
}

const DEFAULT_LOG_LIMIT = 20000;

function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export class ObjectStore {
  private readonly db: Database.Database;
  private readonly byResource = new Map<string, Map<string, KubeObject>>();
  private readonly listeners = new Set<StoreListener>();
  private rv = 0;
  /** Recent events kept in memory for watch resumption; the SQLite log mirrors it. */
  private readonly recent: StoreEvent[] = [];
  private readonly logLimit: number;
  private readonly stmts: {
    upsert: Database.Statement;
    remove: Database.Statement;
    log: Database.Statement;
    trim: Database.Statement;
    setMeta: Database.Statement;
  };

  constructor(path: string, opts: { logLimit?: number } = {}) {
    this.logLimit = opts.logLimit ?? DEFAULT_LOG_LIMIT;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode is durable across process crashes (not power loss), which is the promise.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS objects (resource TEXT NOT NULL, key TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (resource, key));
      CREATE TABLE IF NOT EXISTS watch_log (rv INTEGER PRIMARY KEY, type TEXT NOT NULL, resource TEXT NOT NULL, json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
    `);
    this.stmts = {
      upsert: this.db.prepare('INSERT INTO objects (resource, key, rv, json) VALUES (?, ?, ?, ?) ON CONFLICT(resource, key) DO UPDATE SET rv = excluded.rv, json = excluded.json'),
      remove: this.db.prepare('DELETE FROM objects WHERE resource = ? AND key = ?'),
      log: this.db.prepare('INSERT INTO watch_log (rv, type, resource, json) VALUES (?, ?, ?, ?)'),
      trim: this.db.prepare('DELETE FROM watch_log WHERE rv <= ?'),
      setMeta: this.db.prepare('INSERT INTO meta (k, v) VALUES (?, ?) ON CONFLICT(k) DO UPDATE SET v = excluded.v'),
    };
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare('SELECT resource, key, json FROM objects').iterate() as Iterable<{ resource: string; key: string; json: string }>) {
      this.bucket(row.resource).set(row.key, JSON.parse(row.json));
    }
    const maxObj = (this.db.prepare('SELECT MAX(rv) AS m FROM objects').get() as { m: number | null }).m ?? 0;
    const maxLog = (this.db.prepare('SELECT MAX(rv) AS m FROM watch_log').get() as { m: number | null }).m ?? 0;
    const savedRv = Number((this.db.prepare("SELECT v FROM meta WHERE k = 'rv'").get() as { v: string } | undefined)?.v ?? 0);
    this.rv = Math.max(maxObj, maxLog, savedRv);
    const rows = this.db
      .prepare('SELECT rv, type, resource, json FROM watch_log ORDER BY rv DESC LIMIT ?')
      .all(this.logLimit) as { rv: number; type: WatchEventType; resource: string; json: string }[];
    for (const r of rows.reverse()) this.recent.push({ rv: r.rv, type: r.type, resource: r.resource, object: JSON.parse(r.json) });
  }

  private bucket(resource: string): Map<string, KubeObject> {
    let m = this.byResource.get(resource);
    if (!m) this.byResource.set(resource, (m = new Map()));
    return m;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  /** The oldest resourceVersion a watch can resume from. */
  get oldestWatchableVersion(): number {
    return this.recent.length ? this.recent[0].rv - 1 : this.rv;
  }

  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byResource.get(resource)?.get(objectKey(namespace, name));
  }

  /** Objects of a resource, optionally in one namespace; read-only references, sorted by key. */
  list(resource: string, namespace?: string): KubeObject[] {
    const m = this.byResource.get(resource);
    if (!m) return [];
    const out: KubeObject[] = [];
    for (const [key, obj] of m) {
      if (namespace && !key.startsWith(namespace + '/')) continue;
      out.push(obj);
    }
    return out.sort((a, b) => compareKeys(a, b));
  }

  count(resource: string): number {
    return this.byResource.get(resource)?.size ?? 0;
  }

  /** Writes an object (create or update); assigns and returns the new resourceVersion. */
  put(resource: string, obj: KubeObject, type: 'ADDED' | 'MODIFIED'): KubeObject {
    const rv = this.rv + 1;
    obj.metadata.resourceVersion = String(rv);
    const json = JSON.stringify(obj);
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    this.transaction(() => {
      this.stmts.upsert.run(resource, key, rv, json);
      this.stmts.log.run(rv, type, resource, json);
    });
    this.rv = rv;
    const previous = this.bucket(resource).get(key);
    this.bucket(resource).set(key, obj);
    this.emit({ type, resource, object: obj, previous, rv });
    return obj;
  }

  /** Removes an object; the DELETED event carries a fresh resourceVersion as the apiserver does. */
  remove(resource: string, obj: KubeObject): KubeObject {
    const rv = this.rv + 1;
    const gone: KubeObject = { ...obj, metadata: { ...obj.metadata, resourceVersion: String(rv) } };
    const key = objectKey(obj.metadata.namespace, obj.metadata.name);
    this.transaction(() => {
      this.stmts.remove.run(resource, key);
      this.stmts.log.run(rv, 'DELETED', resource, JSON.stringify(gone));
    });
    this.rv = rv;
    this.bucket(resource).delete(key);
    this.emit({ type: 'DELETED', resource, object: gone, previous: obj, rv });
    return gone;
  }

  private transaction(fn: () => void): void {
    this.db.transaction(fn)();
  }

  private emit(e: StoreEvent): void {
    this.recent.push(e);
    if (this.recent.length > this.logLimit * 1.25) {
      const drop = this.recent.length - this.logLimit;
      const cut = this.recent[drop - 1].rv;
      this.recent.splice(0, drop);
      this.stmts.trim.run(cut);
    }
    for (const l of [...this.listeners]) {
      try {
        l(e);
      } catch (err) {
        // A faulty listener must not break the write path or other listeners.
        console.error('store listener failed:', err);
      }
    }
  }

  /** Subscribes to every event from now on; returns the unsubscribe function. */
  subscribe(listener: StoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events after `fromRv` (exclusive) still in the log, or throws ResourceVersionTooOld. */
  eventsSince(fromRv: number): StoreEvent[] {
    if (fromRv >= this.rv) return [];
    if (fromRv < this.oldestWatchableVersion) throw new ResourceVersionTooOld(fromRv, this.oldestWatchableVersion);
    // Binary search for the first event with rv > fromRv.
    let lo = 0;
    let hi = this.recent.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.recent[mid].rv <= fromRv) lo = mid + 1;
      else hi = mid;
    }
    return this.recent.slice(lo);
  }

  getMeta(k: string): string | undefined {
    return (this.db.prepare('SELECT v FROM meta WHERE k = ?').get(k) as { v: string } | undefined)?.v;
  }

  setMeta(k: string, v: string): void {
    this.stmts.setMeta.run(k, v);
  }

  close(): void {
    this.listeners.clear();
    if (this.db.open) {
      this.stmts.setMeta.run('rv', String(this.rv));
      this.db.close();
    }
  }
}

function compareKeys(a: KubeObject, b: KubeObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
