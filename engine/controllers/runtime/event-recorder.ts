// Records core/v1 Events the way client-go's recorder does: one Event per (object, reason,
// message, source), repeats within the window bump count and lastTimestamp.
// Upstream: client-go tools/record/event.go, events_cache.go
import { randomBytes } from 'node:crypto';
import { rfc3339, rfc3339Micro } from '../../clock';
import type { KubeObject } from '../../api/object';
import type { ClusterClient } from './cluster-client';

export interface EventSource {
  component: string;
  host?: string;
}

const AGGREGATE_WINDOW_MS = 10 * 60 * 1000;

interface Seen {
  namespace: string;
  name: string;
  last: number;
}

export class EventRecorder {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly client: ClusterClient) {}

  /** Emits an event about obj; never throws (events are best-effort, as upstream). */
  emit(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: EventSource, fieldPath?: string): void {
    try {
      this.record(obj, type, reason, message, source, fieldPath);
    } catch {
      // The namespace may be terminating or gone; upstream drops such events too.
    }
  }

  private record(obj: KubeObject, type: string, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    const now = this.client.now();
    const namespace = obj.metadata.namespace || 'default';
    const key = [obj.metadata.uid, fieldPath ?? '', type, reason, message, source.component, source.host ?? ''].join('\u0000');
    const prior = this.seen.get(key);
    if (prior && now - prior.last < AGGREGATE_WINDOW_MS) {
      const existing = this.client.get('events', prior.namespace, prior.name);
      if (existing) {
        const next = structuredClone(existing);
        next.count = (next.count ?? 1) + 1;
        next.lastTimestamp = rfc3339(now);
        this.client.update('events', next);
        prior.last = now;
        return;
      }
    }
    const apiVersion = obj.apiVersion ?? 'v1';
    const name = `${obj.metadata.name}.${randomBytes(8).toString('hex')}`;
    const involved: Record<string, unknown> = { kind: obj.kind, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid, apiVersion, resourceVersion: obj.metadata.resourceVersion };
    if (!obj.metadata.namespace) delete involved.namespace;
    if (fieldPath) involved.fieldPath = fieldPath;
    const ev: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    void rfc3339Micro;
    this.client.create('events', ev);
    this.seen.set(key, { namespace, name, last: now });
    if (this.seen.size > 5000) {
      for (const [k, v] of this.seen) if (now - v.last > AGGREGATE_WINDOW_MS) this.seen.delete(k);
    }
  }
}
