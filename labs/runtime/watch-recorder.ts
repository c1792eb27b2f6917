// Records a cluster's changes through the Kubernetes API: list, then watch each kind, and append
// every change with its time. A relist (after a 410 or a dropped watch, or when resuming after a
// restart) is diffed against what was known, so nothing is lost, only recorded late.
import { setMaxListeners } from 'node:events';
import type { KubeObject } from '../../engine/api/object';
import { entryFor, type ChangeType, type HistoryEntry } from './history';
import type { WatchedKind } from './lab-pack';
import { KubeApiError, type KubeApi, type ResourceInfo } from './kube-api';

/** What every lab records; a pack's `watch` adds to it. */
export const DEFAULT_KINDS: WatchedKind[] = [
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'Endpoints' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'Event' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'apps/v1', kind: 'ReplicaSet' },
  { apiVersion: 'apps/v1', kind: 'DaemonSet' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
  { apiVersion: 'batch/v1', kind: 'Job' },
  { apiVersion: 'batch/v1', kind: 'CronJob' },
  { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' },
];

export function kindsFor(extra: WatchedKind[]): WatchedKind[] {
  const out = [...DEFAULT_KINDS];
  for (const k of extra) if (!out.some((x) => x.apiVersion === k.apiVersion && x.kind === k.kind)) out.push(k);
  return out;
}

export interface RecorderOptions {
  api: KubeApi;
  kinds: WatchedKind[];
  /** Receives each batch of changes, in order. */
  sink: (entries: HistoryEntry[]) => void;
  /** The cluster's time (wall clock plus the engine's fast-forward offset). */
  now: () => number;
  /** The seq of the last entry already recorded (resuming). */
  lastSeq?: number;
  /** The last recorded state of each object (resuming): relisting records what changed meanwhile. */
  known?: HistoryEntry[];
  onError?: (e: Error) => void;
}

function key(apiVersion: string, kind: string, o: KubeObject): string {
  return `${apiVersion.split('/').length > 1 ? apiVersion.split('/')[0] : ''}/${kind}|${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export class WatchRecorder {
  private seq: number;
  private readonly state = new Map<string, KubeObject>();
  private readonly abort = new AbortController();
  private readonly loops: Promise<void>[] = [];

  constructor(private readonly opts: RecorderOptions) {
    // One stop signal serves a watch per kind a lab follows (often more than node's warning limit of 10).
    setMaxListeners(0, this.abort.signal);
    this.seq = opts.lastSeq ?? 0;
    for (const e of opts.known ?? []) {
      const k = key(e.apiVersion, e.kind, e.object);
      if (e.type === 'DELETED') this.state.delete(k);
      else this.state.set(k, e.object);
    }
  }

  private emit(changes: Array<{ type: ChangeType; object: KubeObject; r: ResourceInfo }>): void {
    if (changes.length === 0) return;
    const time = this.opts.now();
    const entries = changes.map((c) => entryFor(++this.seq, time, c.type, c.object, c.r));
    this.opts.sink(entries);
  }

  /** Lists every kind (recording the differences) and starts the watches. */
  async start(): Promise<void> {
    const infos: ResourceInfo[] = [];
    for (const k of this.opts.kinds) {
      const r = await this.opts.api.resourceFor(k.apiVersion, k.kind);
      if (r) infos.push(r);
    }
    const listed = await Promise.all(infos.map(async (r) => ({ r, list: await this.opts.api.list(r) })));
    for (const { r, list } of listed) this.sync(r, list.items);
    for (const { r, list } of listed) this.loops.push(this.loop(r, list.resourceVersion));
  }

  /** Records the differences between a fresh list and what was known of that kind. */
  private sync(r: ResourceInfo, items: KubeObject[]): void {
    const changes: Array<{ type: ChangeType; object: KubeObject; r: ResourceInfo }> = [];
    const seen = new Set<string>();
    for (const o of items) {
      const k = key(r.apiVersion, r.kind, o);
      seen.add(k);
      const prev = this.state.get(k);
      if (!prev) changes.push({ type: 'ADDED', object: o, r });
      else if (prev.metadata.resourceVersion !== o.metadata.resourceVersion) changes.push({ type: 'MODIFIED', object: o, r });
      this.state.set(k, o);
    }
    const prefix = key(r.apiVersion, r.kind, { metadata: { name: '' } } as KubeObject).split('|')[0] + '|';
    for (const [k, o] of [...this.state]) {
      if (k.startsWith(prefix) && !seen.has(k)) {
        changes.push({ type: 'DELETED', object: o, r });
        this.state.delete(k);
      }
    }
    this.emit(changes);
  }

  private async loop(r: ResourceInfo, rv: string): Promise<void> {
    const signal = this.abort.signal;
    let backoff = 100;
    while (!signal.aborted) {
      try {
        rv = await this.opts.api.watch(
          r,
          rv,
          (type, o) => {
            const k = key(r.apiVersion, r.kind, o);
            if (type === 'DELETED') this.state.delete(k);
            else this.state.set(k, o);
            this.emit([{ type: type as ChangeType, object: o, r }]);
          },
          signal,
        );
        backoff = 100;
      } catch (e) {
        if (signal.aborted) return;
        if (!(e instanceof KubeApiError && e.status === 410)) this.opts.onError?.(e as Error);
        await new Promise((res) => setTimeout(res, backoff).unref?.());
        backoff = Math.min(backoff * 2, 5000);
        try {
          const list = await this.opts.api.list(r);
          this.sync(r, list.items);
          rv = list.resourceVersion;
        } catch (e2) {
          if (!signal.aborted) this.opts.onError?.(e2 as Error);
        }
      }
    }
  }

  get lastSeq(): number {
    return this.seq;
  }

  async stop(): Promise<void> {
    this.abort.abort();
    await Promise.allSettled(this.loops);
  }
}
