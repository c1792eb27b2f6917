import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storeKey } from './resource-definition';
import { eventDefinition } from './event';
import { coreToEventsV1, eventsV1EventDefinition, eventsV1ToCore, validateEventsV1 } from './event-events-k8s-io';
import { Registry } from './registry';
import { messages, minutesAgo, NOW, obj } from './testing/registry-fixtures';

const coreEvent = () =>
  obj('Event', 'web.17a', {
    apiVersion: 'v1',
    involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
    reason: 'Scheduled',
    message: 'Successfully assigned default/web to node1',
    source: { component: 'default-scheduler' },
    firstTimestamp: minutesAgo(2),
    lastTimestamp: minutesAgo(1),
    count: 1,
    type: 'Normal',
    reportingComponent: 'default-scheduler',
    reportingInstance: '',
  });

test('one store key, owned by the core kind', () => {
  assert.equal(storeKey(eventsV1EventDefinition), 'events');
  const r = new Registry([eventDefinition, eventsV1EventDefinition]);
  assert.equal(r.byKey('events'), eventDefinition);
  assert.equal(r.lookup('events.k8s.io', 'v1', 'events')?.def, eventsV1EventDefinition);
});

test('conversion both ways', () => {
  const v1 = coreToEventsV1(coreEvent());
  assert.equal(v1.apiVersion, 'events.k8s.io/v1');
  assert.deepEqual(v1.regarding, { kind: 'Pod', name: 'web', namespace: 'default' });
  assert.equal(v1.note, 'Successfully assigned default/web to node1');
  assert.deepEqual(v1.deprecatedSource, { component: 'default-scheduler' });
  assert.equal(v1.deprecatedCount, 1);
  assert.equal(v1.reportingController, 'default-scheduler');
  assert.equal(v1.eventTime, null);
  assert.equal(v1.message, undefined);
  const back = eventsV1ToCore(v1);
  assert.deepEqual({ ...back, eventTime: undefined }, { ...coreEvent(), eventTime: undefined });
});

test('events.k8s.io writes are validated strictly', () => {
  const e = eventsV1ToCore({ apiVersion: 'events.k8s.io/v1', ...obj('Event', 'x', { regarding: { kind: 'Pod', name: 'p', namespace: 'default' }, type: 'Info', deprecatedCount: 3 }) });
  assert.deepEqual(messages(validateEventsV1(e)), [
    'eventTime: Required value',
    'type: Invalid value: "": has invalid value: Info',
    'deprecatedCount: Invalid value: "": needs to be unset',
  ]);
  const ok = eventsV1ToCore({
    apiVersion: 'events.k8s.io/v1',
    ...obj('Event', 'y', { eventTime: '2024-05-01T12:00:00.000000Z', reportingController: 'kubelab.io/x', reportingInstance: 'x-1', action: 'Test', reason: 'Test', type: 'Normal', regarding: { kind: 'Pod', name: 'p', namespace: 'default' } }),
  });
  assert.deepEqual(messages(validateEventsV1(ok)), []);
  const noCtl = { ...ok, reportingComponent: '' };
  assert.deepEqual(messages(validateEventsV1(noCtl)).slice(0, 1), ['reportingController: Required value']);
});

test('the table is the core one, from either shape', () => {
  const row = eventsV1EventDefinition.table!.row(coreToEventsV1(coreEvent()), { now: NOW });
  assert.deepEqual(row, eventDefinition.table!.row(coreEvent(), { now: NOW }));
  assert.deepEqual(row.slice(0, 4), ['60s', 'Normal', 'Scheduled', 'pod/web']);
});
