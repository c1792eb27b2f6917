// The recorded history indexed for checkpoint functions: the latest state of every object, the
// changes per kind, and the state of a kind's objects after each of its changes (snapshots, for
// "at some point" and "never at the same time" conditions). Built incrementally: the runner
// appends and re-evaluates on every watch event, so nothing here may be quadratic per append.
import { kindKey, type HistoryEntry } from './history';

/** JSON with integers as bigint, which is how CEL sees ints (`replicas + 1` needs int, not double). */
export type CelJson = null | boolean | string | number | bigint | CelJson[] | { [k: string]: CelJson };

export function toCel(v: unknown): CelJson {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return v.map(toCel);
  if (v && typeof v === 'object') {
    const out: Record<string, CelJson> = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = toCel(x);
    return out;
  }
  return (v ?? null) as CelJson;
}

export interface CelEntry {
  seq: bigint;
  time: bigint;
  type: string;
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
  object: { [k: string]: CelJson };
}

export interface Snapshot {
  seq: bigint;
  time: bigint;
  objects: CelEntry['object'][];
}

interface KindState {
  /** Changes of this kind in order. */
  changes: CelEntry[];
  /** Latest object per namespace/name. */
  latest: Map<string, CelEntry['object']>;
}

function objKey(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export class HistoryIndex {
  private readonly kinds = new Map<string, KindState>();
  private readonly firstByUid = new Map<string, CelEntry>();
  /** Changes per object (kind key + namespace/name), for objectAt and changes(..., name). */
  private readonly byObject = new Map<string, CelEntry[]>();
  readonly all: CelEntry[] = [];
  /** Snapshot lists per kind/namespace, extended lazily up to the current length of `changes`. */
  private readonly snapshotCache = new Map<string, { done: number; live: Map<string, CelEntry['object']>; list: Snapshot[] }>();

  constructor(entries: Iterable<HistoryEntry> = []) {
    for (const e of entries) this.append(e);
  }

  get size(): number {
    return this.all.length;
  }

  append(e: HistoryEntry): void {
    const ce: CelEntry = {
      seq: BigInt(e.seq),
      time: BigInt(Math.round(e.time)),
      type: e.type,
      apiVersion: e.apiVersion,
      kind: e.kind,
      namespace: e.namespace,
      name: e.name,
      object: toCel(e.object) as CelEntry['object'],
    };
    this.all.push(ce);
    const k = kindKey(e.apiVersion, e.kind);
    let st = this.kinds.get(k);
    if (!st) this.kinds.set(k, (st = { changes: [], latest: new Map() }));
    st.changes.push(ce);
    const key = objKey(e.namespace, e.name);
    const ok = `${k}|${key}`;
    let list = this.byObject.get(ok);
    if (!list) this.byObject.set(ok, (list = []));
    list.push(ce);
    if (e.type === 'DELETED') st.latest.delete(key);
    else st.latest.set(key, ce.object);
    const uid = e.object.metadata?.uid;
    if (uid && !this.firstByUid.has(uid)) this.firstByUid.set(uid, ce);
  }

  objects(apiVersion: string, kind: string, namespace = ''): CelEntry['object'][] {
    const st = this.kinds.get(kindKey(apiVersion, kind));
    if (!st) return [];
    const out: CelEntry['object'][] = [];
    for (const [key, o] of st.latest) if (!namespace || key.startsWith(namespace + '/')) out.push(o);
    return out.sort(byName);
  }

  object(apiVersion: string, kind: string, namespace: string, name: string): CelEntry['object'] | null {
    return this.kinds.get(kindKey(apiVersion, kind))?.latest.get(objKey(namespace, name)) ?? null;
  }

  changes(apiVersion: string, kind: string, namespace = '', name?: string): CelEntry[] {
    if (name !== undefined && namespace) return this.byObject.get(`${kindKey(apiVersion, kind)}|${objKey(namespace, name)}`) ?? [];
    const st = this.kinds.get(kindKey(apiVersion, kind));
    if (!st) return [];
    return st.changes.filter((c) => (!namespace || c.namespace === namespace) && (name === undefined || c.name === name));
  }

  /** The object as it was once the change numbered `seq` had been applied (null: absent then). */
  objectAt(apiVersion: string, kind: string, namespace: string, name: string, seq: bigint): CelEntry['object'] | null {
    const list = this.byObject.get(`${kindKey(apiVersion, kind)}|${objKey(namespace, name)}`);
    if (!list) return null;
    // The last change with seq <= the given one (binary search: evaluated inside loops).
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    const found = lo === 0 ? undefined : list[lo - 1];
    return found && found.type !== 'DELETED' ? found.object : null;
  }

  /** After each change of this kind in this namespace: the objects of the kind that existed. */
  snapshots(apiVersion: string, kind: string, namespace = ''): Snapshot[] {
    const k = `${kindKey(apiVersion, kind)}|${namespace}`;
    const st = this.kinds.get(kindKey(apiVersion, kind));
    if (!st) return [];
    let cache = this.snapshotCache.get(k);
    if (!cache) this.snapshotCache.set(k, (cache = { done: 0, live: new Map(), list: [] }));
    for (; cache.done < st.changes.length; cache.done++) {
      const c = st.changes[cache.done];
      if (namespace && c.namespace !== namespace) continue;
      const key = objKey(c.namespace, c.name);
      if (c.type === 'DELETED') cache.live.delete(key);
      else cache.live.set(key, c.object);
      cache.list.push({ seq: c.seq, time: c.time, objects: [...cache.live.values()] });
    }
    return cache.list;
  }

  /** The objects of a kind in a namespace once the change numbered `seq` had been applied. */
  objectsAt(apiVersion: string, kind: string, namespace: string, seq: bigint): CelEntry['object'][] {
    const list = this.snapshots(apiVersion, kind, namespace);
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid].seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? [] : list[lo - 1].objects;
  }

  /** The first recorded change of the object with this uid. */
  firstSeen(uid: string): CelEntry | null {
    return this.firstByUid.get(uid) ?? null;
  }
}

function byName(a: CelEntry['object'], b: CelEntry['object']): number {
  const ma = a.metadata as { namespace?: string; name?: string } | undefined;
  const mb = b.metadata as { namespace?: string; name?: string } | undefined;
  return `${ma?.namespace ?? ''}/${ma?.name ?? ''}`.localeCompare(`${mb?.namespace ?? ''}/${mb?.name ?? ''}`);
}
