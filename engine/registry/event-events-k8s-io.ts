// events.k8s.io/v1 Event: the same stored objects as core/v1 Events, seen through the newer API.
// One object, two groups: this definition shares the core kind's store key (`events`), keeps
// objects in the core/v1 shape, and converts on the way in and out (regarding <-> involvedObject,
// note <-> message, deprecated* <-> the old timestamps, count and source). Writes made here are
// held to the stricter events.k8s.io validation.
// Upstream: pkg/apis/events/v1/conversion.go, pkg/apis/core/validation/events.go (ValidateEventCreate),
// printers.go (printEvent; the table is the core one)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, required, type FieldError } from '../api/field-errors';
import { validateQualifiedName } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { eventDefinition, eventRow } from './event';
import type { ResourceDefinition } from './resource-definition';

const moves: [string, string][] = [
  // [events.k8s.io field, core/v1 field]
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
  ['reportingController', 'reportingComponent'],
];

function move(obj: KubeObject, pairs: [string, string][]): KubeObject {
  const out: KubeObject = { ...obj };
  for (const [from, to] of pairs) {
    delete out[to];
    if (obj[from] !== undefined) out[to] = obj[from];
    delete out[from];
  }
  return out;
}

/** events.k8s.io/v1 -> core/v1 (the stored shape). */
export function eventsV1ToCore(obj: KubeObject): KubeObject {
  const out = move(obj, moves);
  out.apiVersion = 'v1';
  // core/v1 always has these; empty values are what the conversion leaves.
  out.involvedObject ??= {};
  out.source ??= {};
  if (out.reportingComponent === undefined) out.reportingComponent = '';
  if (out.reportingInstance === undefined) out.reportingInstance = '';
  return out;
}

/** core/v1 -> events.k8s.io/v1. */
export function coreToEventsV1(obj: KubeObject): KubeObject {
  const out = move(obj, moves.map(([a, b]) => [b, a]));
  out.apiVersion = 'events.k8s.io/v1';
  // Empty core fields are omitted in the newer API.
  if (out.deprecatedSource && !out.deprecatedSource.component && !out.deprecatedSource.host) delete out.deprecatedSource;
  if (out.deprecatedCount === 0) delete out.deprecatedCount;
  if (out.reportingController === '') delete out.reportingController;
  if (out.reportingInstance === '') delete out.reportingInstance;
  if (out.eventTime === null) delete out.eventTime;
  out.eventTime ??= null;
  return out;
}

/** Upstream: events.go ValidateEventCreate for requests through events.k8s.io/v1 (on the core shape). */
export function validateEventsV1(e: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const ns = e.metadata.namespace ?? '';
  const io = e.involvedObject ?? {};
  if (!e.eventTime) {
    if (!io.namespace ? ns !== '' && ns !== 'default' : ns !== io.namespace) errs.push(invalid('involvedObject.namespace', io.namespace ?? '', 'does not match event.namespace'));
  } else {
    if (!io.namespace && ns !== 'default' && ns !== 'kube-system') errs.push(invalid('involvedObject.namespace', io.namespace ?? '', 'does not match event.namespace'));
    if (!e.reportingComponent) errs.push(required('reportingController', ''));
    errs.push(...validateQualifiedName('reportingController', e.reportingComponent ?? ''));
    if (!e.reportingInstance) errs.push(required('reportingInstance', ''));
    if ((e.reportingInstance ?? '').length > 128) errs.push(invalid('reportingInstance', '', 'can have at most 128 characters'));
    if (!e.action) errs.push(required('action', ''));
    if ((e.action ?? '').length > 128) errs.push(invalid('action', '', 'can have at most 128 characters'));
    if (!e.reason) errs.push(required('reason', ''));
    if ((e.reason ?? '').length > 128) errs.push(invalid('reason', '', 'can have at most 128 characters'));
    if ((e.message ?? '').length > 1024) errs.push(invalid('note', '', 'can have at most 1024 characters'));
  }
  if (e.series) {
    if ((e.series.count ?? 0) < 2) errs.push(invalid('series.count', '', 'should be at least 2'));
    if (!e.series.lastObservedTime) errs.push(required('series.lastObservedTime', ''));
  }
  if (!e.eventTime) errs.push(required('eventTime', ''));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${e.type ?? ''}`));
  if (e.firstTimestamp) errs.push(invalid('deprecatedFirstTimestamp', '', 'needs to be unset'));
  if (e.lastTimestamp) errs.push(invalid('deprecatedLastTimestamp', '', 'needs to be unset'));
  if (e.count) errs.push(invalid('deprecatedCount', '', 'needs to be unset'));
  if (e.source?.component || e.source?.host) errs.push(invalid('deprecatedSource', '', 'needs to be unset'));
  return errs;
}

export const eventsV1EventDefinition: ResourceDefinition = {
  group: 'events.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.events.v1.Event', toStorage: eventsV1ToCore, fromStorage: coreToEventsV1 }],
  kind: 'Event',
  plural: 'events',
  singular: 'event',
  shortNames: ['ev'],
  namespaced: true,
  storeKeyOf: 'events',
  defaults(e) {
    // Stored as the core/v1 object whichever API wrote it.
    e.apiVersion = 'v1';
  },
  validate: validateEventsV1,
  fieldSelectors: eventDefinition.fieldSelectors,
  table: {
    columns: eventDefinition.table!.columns,
    row: (e, ctx) => eventRow(e.apiVersion === 'events.k8s.io/v1' ? eventsV1ToCore(e) : e, ctx.now, true),
  },
};
