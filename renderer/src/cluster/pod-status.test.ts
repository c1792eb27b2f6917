import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1';
import { nodeStatus, podSummary } from './pod-status';

const pod = (status: Pod['status'], extra: Partial<Pod['metadata']> = {}, containers = 1): Pod => ({
  metadata: { name: 'p', ...extra },
  spec: { containers: Array.from({ length: containers }, (_, i) => ({ name: `c${i}`, image: 'nginx' })) },
  status,
});

const cases: Array<[string, Pod, Partial<ReturnType<typeof podSummary>>]> = [
  ['pending, unscheduled', pod({ phase: 'Pending' }), { status: 'Pending', ready: 0, total: 1, tone: 'pending' }],
  ['creating', pod({ phase: 'Pending', containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }), { status: 'ContainerCreating', tone: 'pending' }],
  ['running and ready', pod({ phase: 'Running', containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: true, restartCount: 2, state: { running: {} } }] }), { status: 'Running', ready: 1, restarts: 2, tone: 'ready' }],
  ['running, not ready', pod({ phase: 'Running', containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { running: {} } }] }), { status: 'Running', ready: 0, tone: 'running' }],
  ['image pull error', pod({ phase: 'Pending', containerStatuses: [{ name: 'c0', image: 'ngnix', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }] }), { status: 'ErrImagePull', tone: 'failed' }],
  ['crash loop', pod({ phase: 'Running', containerStatuses: [{ name: 'c0', image: 'x', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] }), { status: 'CrashLoopBackOff', restarts: 4, tone: 'failed' }],
  ['completed', pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c0', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }), { status: 'Completed', tone: 'succeeded' }],
  ['terminating', pod({ phase: 'Running' }, { deletionTimestamp: '2025-01-01T00:00:00Z' }), { status: 'Terminating', tone: 'terminating' }],
  ['init container waiting', { ...pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { running: {} } }] }), spec: { initContainers: [{ name: 'i' }], containers: [{ name: 'c' }] } }, { status: 'Init:0/1', tone: 'pending' }],
];

for (const [name, p, want] of cases) {
  test(`pod status: ${name}`, () => {
    const got = podSummary(p);
    for (const [k, v] of Object.entries(want)) assert.equal(got[k as keyof typeof got], v, `${k} of ${name}`);
  });
}

test('node status like kubectl', () => {
  assert.equal(nodeStatus({ status: { conditions: [{ type: 'Ready', status: 'True' }] } }), 'Ready');
  assert.equal(nodeStatus({ spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'False' }] } }), 'NotReady,SchedulingDisabled');
  assert.equal(nodeStatus({}), 'Unknown');
});
