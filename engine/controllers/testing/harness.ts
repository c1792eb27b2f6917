// Test support for controller tests: an in-memory engine (no built-in controllers) on a
// ManualClock, the controllers under test, and the kubelet's part played by hand (pod status).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, rfc3339 } from '../../clock';
import { Engine } from '../../engine';
import { clone, type KubeObject } from '../../api/object';
import type { ClusterClient } from '../runtime/cluster-client';
import type { Controller, ControllerContext } from '../runtime/controller';
import { EventRecorder } from '../runtime/event-recorder';

export interface Harness {
  engine: Engine;
  client: ClusterClient;
  clock: ManualClock;
  ctx: ControllerContext;
  /** Waits until every controller under test is idle (delayed requeues do not count). */
  settle(): Promise<void>;
  /** Steps the clock, then settles. */
  advance(ms: number): Promise<void>;
  /** Plays the kubelet: the pod is on a node, Running and Ready since now. */
  markReady(pod: KubeObject, node?: string): KubeObject;
  /** Marks every active pod of a namespace ready, returns how many changed. */
  markAllReady(namespace?: string, filter?: (p: KubeObject) => boolean): number;
  /** Events recorded for an object, as `reason: message`. */
  eventsFor(name: string, namespace?: string): string[];
  stop(): Promise<void>;
}

export async function startHarness(make: (ctx: ControllerContext) => Controller[]): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-ctrl-'));
  const clock = new ManualClock();
  const engine = await Engine.start({ dataDir: join(dir, 'data'), clock, controllers: false, port: 0 });
  const client = engine.client;
  const ctx: ControllerContext = { client, clock, events: new EventRecorder(client) };
  const controllers = make(ctx);
  const stops = controllers.map((c) => c.start());
  const settle = async () => {
    let quiet = 0;
    for (let i = 0; i < 100000 && quiet < 3; i++) {
      await new Promise<void>((r) => setImmediate(r));
      quiet = controllers.every((c) => c.idle) ? quiet + 1 : 0;
    }
  };
  const harness: Harness = {
    engine,
    client,
    clock,
    ctx,
    settle,
    async advance(ms) {
      clock.advance(ms);
      await settle();
    },
    markReady(pod, node) {
      const current = client.get('pods', pod.metadata.namespace, pod.metadata.name) ?? pod;
      let next = clone(current);
      if (node && !next.spec.nodeName) {
        next.spec.nodeName = node;
        next = clone(client.update('pods', next));
      }
      const t = rfc3339(clock.now());
      next.status = {
        ...next.status,
        phase: 'Running',
        conditions: [
          { type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: t },
          { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t },
          { type: 'ContainersReady', status: 'True', lastProbeTime: null, lastTransitionTime: t },
          { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t },
        ],
        containerStatuses: (next.spec.containers ?? []).map((c: { name: string; image: string }) => ({ name: c.name, image: c.image, ready: true, started: true, restartCount: 0, state: { running: { startedAt: t } } })),
      };
      return client.updateStatus('pods', next);
    },
    markAllReady(namespace = 'default', filter = () => true) {
      let n = 0;
      for (const p of client.list('pods', namespace)) {
        if (p.metadata.deletionTimestamp || !filter(p)) continue;
        if ((p.status?.conditions ?? []).some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')) continue;
        harness.markReady(p);
        n++;
      }
      return n;
    },
    eventsFor(name, namespace = 'default') {
      return client
        .list('events', namespace)
        .filter((e) => e.involvedObject?.name === name)
        .sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion))
        .map((e) => `${e.reason}: ${e.message}`);
    },
    async stop() {
      for (const s of stops) s();
      await engine.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await settle();
  return harness;
}
