// The Events section every describer ends with: find the events whose involvedObject is the
// described object, sort them by time and print `Type Reason Age From Message`.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (searchEvents, DescribeEvents),
// pkg/util/event/sorted_event_list.go (SortableEvents), client-go events_expansion.go (GetFieldSelector).

import type { DescribeApi } from './api';
import { since, type Obj } from './format';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer';

export interface ObjectRef {
  kind?: string;
  name: string;
  namespace: string;
  uid?: string;
}

/** The reference kubectl searches with (reference.GetReference). */
export function refOf(obj: Obj, kind: string | undefined): ObjectRef {
  return { kind, name: obj.metadata?.name ?? '', namespace: obj.metadata?.namespace ?? '', uid: obj.metadata?.uid };
}

// Upstream: searchEvents — fields are sorted by key (fields.Set → selector string).
export async function searchEvents(api: DescribeApi, ref: ObjectRef): Promise<Obj[] | undefined> {
  const terms: [string, string][] = [];
  if (ref.kind) terms.push(['involvedObject.kind', ref.kind]);
  terms.push(['involvedObject.name', ref.name]);
  terms.push(['involvedObject.namespace', ref.namespace]);
  if (ref.uid) terms.push(['involvedObject.uid', ref.uid]);
  const fieldSelector = terms.map(([k, v]) => `${k}=${escapeFieldValue(v)}`).join(',');
  const path = ref.namespace ? `/api/v1/namespaces/${ref.namespace}/events` : '/api/v1/events';
  try {
    return await api.list(path, { fieldSelector });
  } catch {
    // Events are best effort: upstream ignores the error and prints what it has.
    return [];
  }
}

/** fields.EscapeValue. */
function escapeFieldValue(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
}

function eventTime(e: Obj): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime;
  const ms = t ? Date.parse(t) : NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

// Upstream: DescribeEvents.
export function describeEvents(events: Obj[], w: PrefixWriter, now: number): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n');
    return;
  }
  const sorted = events.map((e, i) => ({ e, i })).sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i).map((x) => x.e);
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    let first = since(e.eventTime, now);
    if (!e.eventTime) first = since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    // core/v1 Event's ReportingController is serialised as reportingComponent.
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${String(e.message ?? '').trim()}\n`);
  }
}
