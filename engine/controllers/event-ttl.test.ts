import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, rfc3339 } from '../clock';
import { Engine } from '../engine';
import { EventTtlController, EVENT_TTL_MS } from './event-ttl';

test('an event is deleted one TTL after it was last seen, not before', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-ttl-'));
  const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
  const engine = await Engine.start({ dataDir: dir, clock, controllers: false });
  try {
    const ev = (name: string) =>
      engine.client.create('events', {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace: 'default' },
        involvedObject: { kind: 'Pod', name: 'p', namespace: 'default' },
        reason: 'Test',
        message: 'm',
        lastTimestamp: rfc3339(clock.now()),
      });
    ev('old');
    const ttl = new EventTtlController({ client: engine.client, clock, events: undefined as never });
    ttl.start();
    const settle = async () => {
      for (let i = 0; i < 20 && !ttl.idle; i++) await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
    };
    await settle();
    clock.advance(EVENT_TTL_MS - 1000);
    ev('young');
    await settle();
    assert.ok(engine.client.get('events', 'default', 'old'), 'not expired yet');
    clock.advance(2000);
    await settle();
    assert.equal(engine.client.get('events', 'default', 'old'), undefined);
    assert.ok(engine.client.get('events', 'default', 'young'));
    ttl.stop();
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
