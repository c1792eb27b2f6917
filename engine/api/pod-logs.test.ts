import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from './object';
import { logContainerId, logTimestamp, parsePodLogOptions, selectLines, validateLogContainer } from './pod-logs';

const pod = (spec: object, status: object = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, status }) as KubeObject;
const message = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return 'no error';
};

test('the API server picks the only container, or asks for one among all of them', () => {
  assert.equal(validateLogContainer(pod({ containers: [{ name: 'a' }] }), undefined), 'a');
  assert.equal(message(() => validateLogContainer(pod({ initContainers: [{ name: 'init' }], containers: [{ name: 'a' }, { name: 'b' }] }), undefined)), 'a container name must be specified for pod p, choose one of: [init a b]');
  assert.equal(message(() => validateLogContainer(pod({ containers: [{ name: 'a' }] }), 'x')), 'container x is not valid for pod p');
});

test('the kubelet picks the instance from the status, or says why there is none', () => {
  const running = { name: 'a', containerID: 'containerd://2', state: { running: {} }, lastState: { terminated: { containerID: 'containerd://1' } } };
  assert.equal(logContainerId(pod({}, { containerStatuses: [running] }), 'a', false), 'containerd://2');
  assert.equal(logContainerId(pod({}, { containerStatuses: [running] }), 'a', true), 'containerd://1');
  const crashLoop = { name: 'a', containerID: 'containerd://3', state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { containerID: 'containerd://3' } } };
  assert.equal(logContainerId(pod({}, { containerStatuses: [crashLoop] }), 'a', false), 'containerd://3');
  const creating = { name: 'a', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {} };
  assert.equal(message(() => logContainerId(pod({}, { containerStatuses: [creating] }), 'a', false)), 'container "a" in pod "p" is waiting to start: ContainerCreating');
  assert.equal(message(() => logContainerId(pod({}, { containerStatuses: [creating] }), 'a', true)), 'previous terminated container "a" in pod "p" not found');
  const pull = { name: 'a', state: { waiting: { reason: 'ImagePullBackOff' } }, lastState: {} };
  assert.equal(message(() => logContainerId(pod({}, { containerStatuses: [pull] }), 'a', false)), 'container "a" in pod "p" is waiting to start: trying and failing to pull image');
  assert.equal(message(() => logContainerId(pod({}, {}), 'a', false)), 'container "a" in pod "p" is not available');
});

test('options: since, tail and timestamps with nine fraction digits', () => {
  const o = parsePodLogOptions(new URLSearchParams('container=a&tailLines=2&timestamps=true&sinceSeconds=10&follow=true'));
  assert.deepEqual(o, { container: 'a', follow: true, previous: false, timestamps: true, sinceSeconds: 10, sinceTime: undefined, tailLines: 2, limitBytes: undefined });
  const lines = [0, 5000, 8000, 9000].map((t, seq) => ({ time: 1_000_000 + t, stream: 'stdout' as const, text: `l${seq}`, seq }));
  assert.deepEqual(selectLines(lines, { ...o, tailLines: undefined }, 1_000_000 + 12_000).map((l) => l.text), ['l1', 'l2', 'l3']);
  assert.deepEqual(selectLines(lines, o, 1_000_000 + 12_000).map((l) => l.text), ['l2', 'l3']);
  assert.deepEqual(selectLines(lines, { ...o, tailLines: 0 }, 0), []);
  assert.match(logTimestamp({ time: Date.UTC(2026, 0, 1, 10, 0, 0, 123), stream: 'stdout', text: '', seq: 4 }), /^2026-01-01T10:00:00\.123\d{6}Z$/);
});
