// Node heartbeats, leases and the cordon taint, on a ManualClock against a bare engine store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ManualClock, rfc3339 } from '../clock';
import { nodeObject } from '../topology/bootstrap';
import { courseTopology } from '../topology/topology';
import { taintsForCordon } from './node-lifecycle';

test('cordon adds node.kubernetes.io/unschedulable:NoSchedule, uncordon removes it', () => {
  const clock = new ManualClock();
  const node = nodeObject(courseTopology, courseTopology.nodes[1], clock.now());
  assert.equal(taintsForCordon(node, clock.now()), undefined);
  node.spec.unschedulable = true;
  const taints = taintsForCordon(node, clock.now())!;
  assert.deepEqual(taints, [{ effect: 'NoSchedule', key: 'node.kubernetes.io/unschedulable', timeAdded: rfc3339(clock.now()) }]);
  node.spec.taints = taints;
  assert.equal(taintsForCordon(node, clock.now()), undefined);
  node.spec.unschedulable = false;
  assert.deepEqual(taintsForCordon(node, clock.now()), []);
});

test('heartbeats every 40 s and a Lease per node renewed every 10 s', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { Engine } = await import('../engine');
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-nl-'));
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const engine = await Engine.start({ dataDir: dir, clock });
  const settle = async () => {
    for (let i = 0; i < 50; i++) await new Promise((r) => setImmediate(r));
  };
  try {
    await settle();
    const hasLeases = !!engine.client.service.registry.byKey('coordination.k8s.io/leases');
    const lease = () => engine.client.get('coordination.k8s.io/leases', 'kube-node-lease', 'node1');
    if (hasLeases) {
      assert.equal(lease()?.spec.holderIdentity, 'node1');
      assert.equal(lease()?.spec.leaseDurationSeconds, 40);
      assert.equal(lease()?.metadata.ownerReferences?.[0].kind, 'Node');
    }
    const beat = () => engine.client.get('nodes', undefined, 'node1')!.status.conditions.find((c: { type: string }) => c.type === 'Ready').lastHeartbeatTime;
    const first = beat();
    clock.advance(10_000);
    await settle();
    if (hasLeases) assert.equal(lease()?.spec.renewTime, '2026-01-01T00:00:10.000000Z');
    assert.equal(beat(), first);
    clock.advance(30_000);
    await settle();
    assert.equal(beat(), '2026-01-01T00:00:40Z');
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('NoExecute: untolerated evicts now, tolerationSeconds delays, unbounded toleration keeps', async () => {
  const { evictionDelayMs } = await import('./node-lifecycle');
  const now = Date.UTC(2026, 0, 1, 0, 10);
  const taint = { key: 'node-type', value: 'production', effect: 'NoExecute', timeAdded: '2026-01-01T00:09:00Z' };
  const seen = () => now;
  assert.equal(evictionDelayMs([taint], [], now, seen), 0);
  assert.equal(evictionDelayMs([taint], [{ key: 'node-type', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 3600 }], now, seen), 3540_000);
  assert.equal(evictionDelayMs([taint], [{ operator: 'Exists' }], now, seen), undefined);
  assert.equal(evictionDelayMs([{ ...taint, effect: 'NoSchedule' }], [], now, seen), undefined);
  // The default not-ready/unreachable tolerations do not cover other keys.
  assert.equal(evictionDelayMs([taint], [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], now, seen), 0);
});
