import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { colourIndex, ownerChain, workloads } from './owners';

const dep: Deployment = { metadata: { name: 'web', namespace: 'default', uid: 'd1', annotations: { 'deployment.kubernetes.io/revision': '2' } } };
const rsOld: ReplicaSet = { metadata: { name: 'web-old', uid: 'r1', annotations: { 'deployment.kubernetes.io/revision': '1' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }, spec: { selector: {} } };
const rsNew: ReplicaSet = { metadata: { name: 'web-new', uid: 'r2', annotations: { 'deployment.kubernetes.io/revision': '2' }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] }, spec: { selector: {} } };
const pod = (name: string, rs: ReplicaSet): Pod => ({ metadata: { name, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata!.name!, uid: rs.metadata!.uid!, controller: true }] } });

test('a pod’s chain goes up to its Deployment', () => {
  const rsByUid = new Map([[rsNew.metadata!.uid!, rsNew]]);
  const c = ownerChain(pod('web-new-a', rsNew), rsByUid);
  assert.deepEqual(c.chain.map((o) => `${o.kind}/${o.name}`), ['Deployment/web', 'ReplicaSet/web-new']);
  assert.equal(c.topKey, 'Deployment/d1');
  assert.deepEqual(ownerChain({ metadata: { name: 'bare' } }, rsByUid), { chain: [], topKey: undefined });
});

test('workloads list ReplicaSets newest first with their pod counts', () => {
  const rows = workloads([dep], [rsOld, rsNew], [pod('a', rsNew), pod('b', rsNew), pod('c', rsOld)]);
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].replicaSets.map((r) => [r.rs.metadata!.name, r.pods, r.current]), [['web-new', 2, true], ['web-old', 1, false]]);
});

test('colours are stable per key', () => {
  assert.equal(colourIndex('Deployment/d1'), colourIndex('Deployment/d1'));
  assert.equal(colourIndex(undefined), -1);
});
