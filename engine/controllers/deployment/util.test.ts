import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import {
  computeHash,
  equalIgnoreHash,
  findActiveOrLatest,
  getProportion,
  isSaturated,
  lastRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  proportionalSizes,
  resolveFenceposts,
  scaledValue,
  setCondition,
  setNewReplicaSetAnnotations,
  type DeploymentStatus,
} from './util';

function deployment(replicas: number, maxSurge: number | string = '25%', maxUnavailable: number | string = '25%', type = 'RollingUpdate'): KubeObject {
  return {
    metadata: { name: 'web', namespace: 'default', uid: 'd-uid', annotations: {} },
    spec: { replicas, strategy: type === 'RollingUpdate' ? { type, rollingUpdate: { maxSurge, maxUnavailable } } : { type }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    status: {},
  };
}

function rs(name: string, replicas: number, opts: { available?: number; created?: string; annotations?: Record<string, string> } = {}): KubeObject {
  return {
    metadata: { name, uid: `${name}-uid`, creationTimestamp: opts.created ?? '2026-01-01T00:00:00Z', annotations: opts.annotations ?? {} },
    spec: { replicas },
    status: { replicas, availableReplicas: opts.available ?? replicas },
  };
}

test('percentages: surge rounds up, unavailable rounds down, both zero gives one unavailable', () => {
  const table: [number | string, number | string, number, number, number][] = [
    // maxSurge, maxUnavailable, replicas, surge, unavailable
    ['25%', '25%', 1, 1, 0],
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    ['25%', '25%', 0, 0, 1],
    ['0%', '1%', 2, 0, 1], // both resolve to 0 -> unavailable 1
    ['1%', '0%', 2, 1, 0],
    [0, 1, 5, 0, 1],
    [2, 0, 5, 2, 0],
    ['100%', '100%', 3, 3, 3],
    ['50%', '50%', 5, 3, 2],
  ];
  for (const [s, u, r, es, eu] of table) assert.deepEqual(resolveFenceposts(s, u, r), [es, eu], `surge=${s} unavailable=${u} replicas=${r}`);
  assert.equal(scaledValue('33%', 10, true), 4);
  assert.equal(scaledValue('33%', 10, false), 3);
  assert.equal(scaledValue(7, 10, false), 7);
});

test('MaxUnavailable is 0 for Recreate or zero replicas and never above replicas; MaxSurge 0 for Recreate', () => {
  assert.equal(maxUnavailable(deployment(3, 1, '100%')), 3);
  assert.equal(maxUnavailable(deployment(0)), 0);
  assert.equal(maxUnavailable(deployment(3, 1, 1, 'Recreate')), 0);
  assert.equal(maxSurge(deployment(3, 1, 1, 'Recreate')), 0);
  assert.equal(maxSurge(deployment(10)), 3);
});

test('new ReplicaSet size per rolling step (NewRSNewReplicas)', () => {
  const d = deployment(3); // surge 1
  const oldRS = rs('old', 3);
  const newRS = rs('new', 0);
  assert.equal(newRSNewReplicas(d, [oldRS, newRS], newRS), 1); // 3+1 total allowed, 3 in use
  assert.equal(newRSNewReplicas(d, [rs('old', 3), rs('new', 1)], rs('new', 1)), 1); // at the limit
  assert.equal(newRSNewReplicas(d, [rs('old', 1), rs('new', 1)], rs('new', 1)), 3); // room for 2, capped at replicas
  assert.equal(newRSNewReplicas(deployment(10, '30%'), [rs('old', 10), rs('new', 0)], rs('new', 0)), 3);
  assert.equal(newRSNewReplicas(deployment(4, 1, 1, 'Recreate'), [rs('new', 0)], rs('new', 0)), 4);
});

test('proportional scaling spreads by max-replicas and gives the leftover to the largest', () => {
  // 10 replicas, surge 3 (13 allowed): scaled to 20 (surge 5 -> 25 allowed) mid-rollout.
  const d = deployment(20, '25%', '25%');
  const a = rs('a', 8, { created: '2026-01-01T00:00:00Z', annotations: { 'deployment.kubernetes.io/max-replicas': '13' } });
  const b = rs('b', 5, { created: '2026-01-01T00:01:00Z', annotations: { 'deployment.kubernetes.io/max-replicas': '13' } });
  const sizes = proportionalSizes(d, [a, b]);
  assert.deepEqual(
    sizes.map((s) => [s.rs.metadata.name, s.size]),
    [
      ['a', 15],
      ['b', 10],
    ],
  );
  assert.equal(getProportion(undefined, d, 5, 0), 0);
  // Scaling down to zero removes everything.
  assert.deepEqual(
    proportionalSizes(deployment(0), [a, b]).map((s) => s.size),
    [0, 0],
  );
});

test('saturation and the single active replica set', () => {
  const d = deployment(3);
  assert.ok(isSaturated(d, rs('n', 3, { annotations: { 'deployment.kubernetes.io/desired-replicas': '3' } })));
  assert.ok(!isSaturated(d, rs('n', 3, { available: 2, annotations: { 'deployment.kubernetes.io/desired-replicas': '3' } })));
  assert.ok(!isSaturated(d, rs('n', 3)));
  const newer = rs('newer', 0, { created: '2026-01-02T00:00:00Z' });
  const older = rs('older', 0, { created: '2026-01-01T00:00:00Z' });
  assert.equal(findActiveOrLatest(undefined, [older, newer])?.metadata.name, 'newer');
  assert.equal(findActiveOrLatest(rs('n', 0), [rs('o', 2)])?.metadata.name, 'o');
  assert.equal(findActiveOrLatest(rs('n', 1), [rs('o', 2)]), undefined);
});

test('pod-template-hash is stable, key-order independent, collision-sensitive and in the safe alphabet', () => {
  const t1 = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
  const t2 = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { app: 'web' } } };
  const h = computeHash(t1);
  assert.equal(h, computeHash(t2));
  assert.equal(h, computeHash(structuredClone(t1)));
  assert.equal(h, computeHash({ ...t1, metadata: { ...t1.metadata, creationTimestamp: null }, spec: { ...t1.spec, volumes: [] } }), 'zero values do not count');
  assert.match(h, /^[456789bcdf]{1,10}$/);
  assert.notEqual(computeHash(t1, 1), h);
  assert.notEqual(computeHash(t1, 1), computeHash(t1, 2));
  assert.notEqual(computeHash({ ...t1, spec: { containers: [{ name: 'c', image: 'nginx:1.26' }] } }), h);
});

test('templates compare ignoring the hash label and nil-versus-empty', () => {
  const a = { metadata: { labels: { app: 'web', 'pod-template-hash': 'abc' }, creationTimestamp: null }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
  const b = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], volumes: [] } };
  assert.ok(equalIgnoreHash(a, b));
  assert.ok(!equalIgnoreHash(a, { ...b, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } }));
});

test('new ReplicaSet annotations: copied, revision bumped with history on reuse, replicas when created', () => {
  const d = deployment(3);
  d.metadata.annotations = { 'kubernetes.io/change-cause': 'kubectl set image', 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '2' };
  const fresh = rs('n', 0);
  assert.ok(setNewReplicaSetAnnotations(d, fresh, 3, false));
  assert.deepEqual(fresh.metadata.annotations, {
    'kubernetes.io/change-cause': 'kubectl set image',
    'deployment.kubernetes.io/revision': '3',
    'deployment.kubernetes.io/desired-replicas': '3',
    'deployment.kubernetes.io/max-replicas': '4',
  });
  const reused = rs('o', 0, { annotations: { 'deployment.kubernetes.io/revision': '1' } });
  setNewReplicaSetAnnotations(d, reused, 4, true);
  assert.equal(reused.metadata.annotations!['deployment.kubernetes.io/revision'], '4');
  assert.equal(reused.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1');
  setNewReplicaSetAnnotations(d, reused, 6, true);
  assert.equal(reused.metadata.annotations!['deployment.kubernetes.io/revision-history'], '1,4');
  assert.ok(!setNewReplicaSetAnnotations(d, reused, 5, true), 'a lower revision leaves it alone');
  assert.equal(lastRevision([rs('a', 0, { annotations: { 'deployment.kubernetes.io/revision': '3' } }), rs('b', 0, { annotations: { 'deployment.kubernetes.io/revision': '5' } })]), 3);
});

test('conditions keep lastTransitionTime while the status stays', () => {
  const s: DeploymentStatus = {};
  setCondition(s, { type: 'Progressing', status: 'True', reason: 'NewReplicaSetCreated', message: 'a', lastUpdateTime: 't1', lastTransitionTime: 't1' });
  setCondition(s, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'b', lastUpdateTime: 't2', lastTransitionTime: 't2' });
  assert.equal(s.conditions![0].lastTransitionTime, 't1');
  assert.equal(s.conditions![0].lastUpdateTime, 't2');
  setCondition(s, { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'c', lastUpdateTime: 't3', lastTransitionTime: 't3' });
  assert.equal(s.conditions![0].message, 'b', 'same status and reason: unchanged');
  setCondition(s, { type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'd', lastUpdateTime: 't4', lastTransitionTime: 't4' });
  assert.equal(s.conditions![0].lastTransitionTime, 't4');
});
