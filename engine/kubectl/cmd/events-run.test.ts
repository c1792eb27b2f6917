import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventTable, escapeCell, eventInterval, typeFilter, typedEvent } from './events-run';
import { toTyped } from '../printers/typed-object';
import { toGoJson } from '../printers/json-printer';

const now = Date.parse('2026-01-01T00:10:00Z');

test('LAST SEEN: single events, counted ones and series (event_printer.go getInterval)', () => {
  assert.equal(eventInterval({ firstTimestamp: '2026-01-01T00:09:55Z', count: 1 }, now), '5s');
  assert.equal(eventInterval({ firstTimestamp: '2026-01-01T00:05:00Z', lastTimestamp: '2026-01-01T00:09:30Z', count: 3 }, now), '30s (x3 over 5m)');
  assert.equal(eventInterval({ eventTime: '2026-01-01T00:08:00.000000Z', series: { count: 4, lastObservedTime: '2026-01-01T00:09:59.000000Z' } }, now), '1s (x4 over 2m)');
  assert.equal(eventInterval({}, now), '<unknown>');
});

test('cells stop at a line break; --types matches case-insensitively', () => {
  assert.equal(escapeCell('one\ntwo'), 'one...');
  assert.equal(escapeCell('a\x1bb'), 'a^[b');
  const f = typeFilter(['warning']);
  assert.equal(f('Warning'), true);
  assert.equal(f('Normal'), false);
  assert.equal(typeFilter([])('Anything'), true);
});

test('the table prints its headings once, NAMESPACE first with -A', () => {
  const t = new EventTable(true, true, () => now);
  const e = { metadata: { namespace: 'ns' }, type: 'Normal', reason: 'R', involvedObject: { kind: 'Pod', name: 'p' }, message: ' hi \n', firstTimestamp: '2026-01-01T00:09:00Z' };
  assert.equal(t.print({ kind: 'EventList', items: [e] }), 'NAMESPACE\tLAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\nns\t60s\tNormal\tR\tPod/p\thi\n');
  assert.equal(t.print(e), 'ns\t60s\tNormal\tR\tPod/p\thi\n');
});

test('events and services marshal in Go struct order', () => {
  const ev = typedEvent({ metadata: { name: 'e', namespace: 'd' }, type: 'Normal', involvedObject: { name: 'p', kind: 'Pod' }, extra: 1 });
  assert.equal(
    toGoJson(ev),
    '{"kind":"Event","apiVersion":"v1","metadata":{"name":"e","namespace":"d","creationTimestamp":null},"involvedObject":{"kind":"Pod","name":"p"},"source":{},"firstTimestamp":null,"lastTimestamp":null,"type":"Normal","eventTime":null,"reportingComponent":"","reportingInstance":""}',
  );
  const svc = toTyped({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { b: '1', a: '2' }, ports: [{ port: 80 }] } });
  assert.equal(
    toGoJson(svc),
    '{"kind":"Service","apiVersion":"v1","metadata":{"name":"s","creationTimestamp":null},"spec":{"ports":[{"port":80,"targetPort":0}],"selector":{"a":"2","b":"1"}},"status":{"loadBalancer":{}}}',
  );
});
