import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock';
import { deleteBefore, podsToDelete } from './ranking';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const ago = (s: number) => rfc3339(NOW - s * 1000);

interface PodOpts {
  node?: string;
  phase?: string;
  readySince?: number; // seconds ago
  cost?: string;
  restarts?: number;
  createdAgo?: number;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): KubeObject {
  return {
    metadata: { name, uid: o.uid ?? name, creationTimestamp: ago(o.createdAgo ?? 3600), annotations: o.cost !== undefined ? { 'controller.kubernetes.io/pod-deletion-cost': o.cost } : undefined },
    spec: { nodeName: o.node ?? 'node1', containers: [{ name: 'c' }] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readySince !== undefined ? [{ type: 'Ready', status: 'True', lastTransitionTime: ago(o.readySince) }] : [{ type: 'Ready', status: 'False' }],
      containerStatuses: [{ name: 'c', restartCount: o.restarts ?? 0 }],
    },
  };
}

function first(a: KubeObject, b: KubeObject, related: KubeObject[] = []): string {
  return podsToDelete([b, a], related, 1, NOW)[0].metadata.name;
}

test('scale-down ranking follows ActivePodsWithRanks, rule by rule', () => {
  // 1. unassigned before assigned
  assert.equal(first(pod('unassigned', { node: '', phase: 'Pending' }), pod('assigned', { readySince: 10 })), 'unassigned');
  // 2. Pending < Unknown < Running
  assert.equal(first(pod('pending', { phase: 'Pending' }), pod('running', { readySince: 10 })), 'pending');
  assert.equal(first(pod('unknown', { phase: 'Unknown' }), pod('running2', { phase: 'Running' })), 'unknown');
  // 3. not ready before ready
  assert.equal(first(pod('notready'), pod('ready', { readySince: 10 })), 'notready');
  // 4. lower deletion cost first
  assert.equal(first(pod('cheap', { readySince: 10, cost: '-5' }), pod('dear', { readySince: 10, cost: '100' })), 'cheap');
  assert.equal(first(pod('zero', { readySince: 10, cost: 'junk' }), pod('one', { readySince: 10, cost: '1' })), 'zero');
  // 5. doubled-up node first
  const crowded = pod('crowded', { readySince: 10, node: 'node2' });
  const alone = pod('alone', { readySince: 10, node: 'node1' });
  const related = [crowded, alone, pod('sibling', { readySince: 10, node: 'node2' })];
  assert.equal(first(crowded, alone, related), 'crowded');
  // 6. ready more recently first, in log2 buckets (10 s vs 1000 s differ; 100 s vs 101 s tie -> uid)
  assert.equal(first(pod('recent', { readySince: 10 }), pod('old', { readySince: 1000 })), 'recent');
  assert.equal(first(pod('b-tie', { readySince: 101, uid: 'b' }), pod('a-tie', { readySince: 100, uid: 'a' })), 'a-tie');
  // 7. more restarts first
  assert.equal(first(pod('flaky', { readySince: 100, restarts: 3, uid: 'z' }), pod('steady', { readySince: 100, uid: 'y' })), 'flaky');
  // 8. newer first
  assert.equal(first(pod('young', { createdAgo: 10 }), pod('aged', { createdAgo: 100000 })), 'young');
});

test('deleteBefore is a strict order; podsToDelete takes everything when asked for all', () => {
  const a = { pod: pod('a', { readySince: 5 }), rank: 0 };
  assert.equal(deleteBefore(a, a, NOW), false);
  const pods = [pod('x'), pod('y'), pod('z')];
  assert.equal(podsToDelete(pods, [], 3, NOW).length, 3);
  assert.deepEqual(
    podsToDelete([pod('r', { readySince: 50 }), pod('p', { phase: 'Pending', node: '' }), pod('n')], [], 2, NOW).map((p) => p.metadata.name),
    ['p', 'n'],
  );
});
