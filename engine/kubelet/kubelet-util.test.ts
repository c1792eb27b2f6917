// Small pieces of the kubelet: Go duration text, back-off, pod IPs, the phase table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff } from './backoff';
import { goDuration } from './go-duration';
import { IpAllocator } from './ip-allocator';
import { podPhase, type ContainerView } from './pod-status';

test('goDuration prints like Go after Truncate(time.Millisecond)', () => {
  assert.equal(goDuration(874), '874ms');
  assert.equal(goDuration(1663), '1.663s');
  assert.equal(goDuration(30680), '30.68s');
  assert.equal(goDuration(10000), '10s');
  assert.equal(goDuration(125100), '2m5.1s');
  assert.equal(goDuration(300000), '5m0s');
});

test('back-off doubles to 5 minutes', () => {
  const b = new Backoff();
  const seq = [0, 1, 2, 3, 4, 5, 6].map((i) => b.next('k', i * 1000));
  assert.deepEqual(seq, [10000, 20000, 40000, 80000, 160000, 300000, 300000]);
  assert.ok(b.isInBackOffSince('k', 6000, 7000));
  assert.ok(!b.isInBackOffSince('k', 6000, 306001));
});

test('pod IPs: .2 first, round robin, released addresses come back later', () => {
  const a = new IpAllocator('10.244.1.0/24');
  assert.equal(a.allocate(), '10.244.1.2');
  assert.equal(a.allocate(), '10.244.1.3');
  a.release('10.244.1.2');
  assert.equal(a.allocate(), '10.244.1.4');
  a.reserve('10.244.1.5');
  assert.equal(a.allocate(), '10.244.1.6');
  const small = new IpAllocator('10.0.0.0/30');
  assert.equal(small.allocate(), '10.0.0.2');
  assert.equal(small.allocate(), undefined);
});

const running = (name: string): ContainerView => ({ name, specImage: 'x', restartCount: 0, ready: true, started: true, state: { running: { startedAt: 0 } } });
const exited = (name: string, exitCode: number): ContainerView => ({ name, specImage: 'x', restartCount: 0, ready: false, started: false, state: { terminated: { exitCode, finishedAt: 0 } } });
const waiting = (name: string): ContainerView => ({ name, specImage: 'x', restartCount: 0, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } });

test('phase follows the kubelet table', () => {
  const spec = (restartPolicy: string) => ({ restartPolicy, containers: [{ name: 'a' }, { name: 'b' }] });
  assert.equal(podPhase(spec('Always'), [], [waiting('a'), running('b')], false), 'Pending');
  assert.equal(podPhase(spec('Always'), [], [running('a'), running('b')], false), 'Running');
  assert.equal(podPhase(spec('Always'), [], [exited('a', 0), exited('b', 1)], false), 'Running');
  assert.equal(podPhase(spec('Never'), [], [exited('a', 0), exited('b', 0)], false), 'Succeeded');
  assert.equal(podPhase(spec('Never'), [], [exited('a', 0), exited('b', 1)], false), 'Failed');
  assert.equal(podPhase(spec('OnFailure'), [], [exited('a', 0), exited('b', 1)], false), 'Running');
  assert.equal(podPhase(spec('Always'), [], [exited('a', 0), exited('b', 137)], true), 'Failed');
  const withInit = { restartPolicy: 'Never', initContainers: [{ name: 'i' }], containers: [{ name: 'a' }] };
  assert.equal(podPhase(withInit, [exited('i', 1)], [waiting('a')], false), 'Failed');
  assert.equal(podPhase(withInit, [running('i')], [waiting('a')], false), 'Pending');
});
