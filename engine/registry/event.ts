// core/v1 Event (and the same objects through events.k8s.io/v1). Events are stored once and
// converted for the other group. Upstream: printers.go (printEvent), pkg/apis/events/v1 conversion
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../api/object';
import { age, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

function lastSeen(e: KubeObject): string | undefined {
  return e.series?.lastObservedTime ?? e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime ?? undefined;
}

function eventRow(e: KubeObject, now: number, wide: boolean) {
  const io = e.involvedObject ?? {};
  const first = e.firstTimestamp ?? e.eventTime;
  const last = lastSeen(e);
  const lastCell = last ? age(last, now) : '<unknown>';
  const firstCell = first ? age(first, now) : '<unknown>';
  const object = `${String(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`;
  const source = e.source?.component
    ? [e.source.component, e.source.host].filter(Boolean).join(', ')
    : [e.reportingComponent, e.reportingInstance].filter(Boolean).join(', ');
  const count = e.series?.count ?? e.count ?? 1;
  const message = String(e.message ?? '').trim();
  if (!wide) return [lastCell, e.type ?? '', e.reason ?? '', object, message];
  return [lastCell, e.type ?? '', e.reason ?? '', object, io.fieldPath ?? '', source, message, firstCell, count, e.metadata.name];
}

export const eventDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Event' }],
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  fieldSelectors: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
  table: {
    // The apiserver always generates the wide row; kubectl drops priority-1 columns unless -o wide.
    columns: [
      col('Last Seen', 'string', 'Time when this Event was last observed.'),
      col('Type', 'string', "Type of this event (Normal, Warning), new types could be added in the future."),
      col('Reason', 'string', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
      col('Object', 'string', 'The object that this event is about.'),
      col('Subobject', 'string', 'The subobject that this event is about.', 1),
      col('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.', 1),
      col('Message', 'string', 'A human-readable description of the status of this operation.'),
      col('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
      col('Count', 'string', 'The number of times this event has occurred.', 1),
      { ...NAME_COLUMN, priority: 1 },
    ],
    row: (e, ctx) => eventRow(e, ctx.now, true),
  },
};

export { eventRow };
