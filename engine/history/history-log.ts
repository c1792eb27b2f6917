// The engine's own recording of every change, with the time on the engine clock, in
// <data>/history.db. It lets `kubelab lab check` judge a lab after the fact (GET
// /kubelab/v1/history) without a recorder having watched, and it keeps the fast-forwarded time
// that an outside watcher cannot see. Rows have the shape of labs/runtime/history.ts entries.
import Database from 'better-sqlite3';
import type { KubeObject } from '../api/object';
import type { Clock } from '../clock';
import type { Registry } from '../registry/registry';
import type { ObjectStore, StoreEvent } from '../store/object-store';

/** Store resources not worth recording: node heartbeats (leases) would be most of the log. */
const SKIPPED = new Set(['coordination.k8s.io/leases']);
const DEFAULT_ROW_LIMIT = 200_000;

export interface HistoryRow {
  seq: number;
  time: number;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  object: KubeObject;
}

export class HistoryLog {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly pending: Array<Omit<HistoryRow, 'seq'>> = [];
  private flushQueued = false;
  private readonly unsubscribe: () => void;
  private closed = false;

  constructor(
    path: string,
    store: ObjectStore,
    private readonly registry: Registry,
    private readonly clock: Clock,
    private readonly rowLimit = DEFAULT_ROW_LIMIT,
  ) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS history (seq INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, type TEXT NOT NULL,
      api_version TEXT NOT NULL, kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL)`);
    this.insert = this.db.prepare('INSERT INTO history (time, type, api_version, kind, namespace, name, json) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.unsubscribe = store.subscribe((e) => this.record(e));
  }

  private record(e: StoreEvent): void {
    if (this.closed || SKIPPED.has(e.resource)) return;
    const def = this.registry.byKey(e.resource);
    const o = e.object;
    const apiVersion = o.apiVersion ?? (def ? (def.group ? `${def.group}/${def.versions[0].version}` : def.versions[0].version) : '');
    const kind = o.kind ?? def?.kind ?? e.resource;
    this.pending.push({ time: this.clock.now(), type: e.type, apiVersion, kind, namespace: o.metadata.namespace ?? '', name: o.metadata.name, object: o });
    // One transaction per burst of writes (a controller pass writes several objects at once):
    // the store's own write stays synchronous and cheap.
    if (!this.flushQueued) {
      this.flushQueued = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush(): void {
    this.flushQueued = false;
    if (this.closed || this.pending.length === 0) return;
    const rows = this.pending.splice(0);
    this.db.transaction(() => {
      for (const r of rows) this.insert.run(r.time, r.type, r.apiVersion, r.kind, r.namespace, r.name, JSON.stringify(r.object));
    })();
    const last = (this.db.prepare('SELECT MAX(seq) AS m FROM history').get() as { m: number | null }).m ?? 0;
    if (last % 1000 < rows.length) this.db.prepare('DELETE FROM history WHERE seq <= ?').run(last - this.rowLimit);
  }

  /** Rows after `after` (exclusive), oldest first. */
  since(after: number, limit: number): HistoryRow[] {
    this.flush();
    const rows = this.db.prepare('SELECT seq, time, type, api_version, kind, namespace, name, json FROM history WHERE seq > ? ORDER BY seq LIMIT ?').all(after, limit) as Array<{
      seq: number;
      time: number;
      type: HistoryRow['type'];
      api_version: string;
      kind: string;
      namespace: string;
      name: string;
      json: string;
    }>;
    return rows.map((r) => ({ seq: r.seq, time: r.time, type: r.type, apiVersion: r.api_version, kind: r.kind, namespace: r.namespace, name: r.name, object: JSON.parse(r.json) }));
  }

  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.unsubscribe();
    this.db.close();
  }
}
