import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { clone, type KubeObject } from '../../api/object';
import { startHarness, type Harness } from '../testing/harness';
import { DaemonSetController } from './controller';
import { targetNodeName } from './util';

let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new DaemonSetController(ctx)]);
});
after(async () => {
  await h.stop();
});

function daemonSet(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }, ...extra },
  };
}

const podsOf = (name: string) =>
  h.client
    .list('pods', 'default')
    .filter((p) => p.metadata.labels?.app === name && !p.metadata.deletionTimestamp)
    .sort((a, b) => (targetNodeName(a) ?? '').localeCompare(targetNodeName(b) ?? ''));

const nodesOf = (name: string) => podsOf(name).map((p) => targetNodeName(p));
const getDS = (name: string) => h.client.get('apps/daemonsets', 'default', name)!;

/** Plays the kubelet finishing graceful deletions: terminating pods go away. */
async function reap(): Promise<void> {
  for (let round = 0; round < 5; round++) {
    const terminating = h.client.list('pods', 'default').filter((p) => p.metadata.deletionTimestamp);
    if (!terminating.length) return;
    for (const p of terminating) h.client.delete('pods', 'default', p.metadata.name, { gracePeriodSeconds: 0 });
    await h.settle();
  }
}

/** Plays the scheduler and kubelet for every pending daemon pod of the set. */
function runAll(name: string): void {
  for (const p of podsOf(name)) h.markReady(p, targetNodeName(p));
}

function workers(): string[] {
  return h.client
    .list('nodes')
    .filter((n) => !(n.spec?.taints ?? []).some((t: { effect: string }) => t.effect === 'NoSchedule'))
    .map((n) => n.metadata.name)
    .sort();
}

function editNode(name: string, fn: (n: KubeObject) => void): void {
  const n = clone(h.client.get('nodes', undefined, name)!);
  fn(n);
  h.client.update('nodes', n);
}

test('one pod per untainted node, status counts, revision 1', async () => {
  h.client.create('apps/daemonsets', daemonSet('agent'));
  await h.settle();
  assert.deepEqual(nodesOf('agent'), workers());
  assert.deepEqual(getDS('agent').status, { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 0, observedGeneration: 1, updatedNumberScheduled: 2, numberUnavailable: 2 });
  runAll('agent');
  await h.settle();
  assert.deepEqual(getDS('agent').status, { currentNumberScheduled: 2, numberMisscheduled: 0, desiredNumberScheduled: 2, numberReady: 2, observedGeneration: 1, updatedNumberScheduled: 2, numberAvailable: 2 });
  const revs = h.client.list('apps/controllerrevisions', 'default').filter((r) => r.metadata.labels?.app === 'agent');
  assert.equal(revs.length, 1);
  assert.equal(revs[0].revision, 1);
  assert.equal(revs[0].metadata.name, `agent-${revs[0].metadata.labels?.['controller-revision-hash']}`);
  const events = h.eventsFor('agent');
  assert.deepEqual(events, podsOf('agent').map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort((a, b) => events.indexOf(a) - events.indexOf(b)));
});

test('a failed daemon pod is deleted and replaced', async () => {
  const [victim] = podsOf('agent');
  const failed = clone(victim);
  failed.status = { ...failed.status, phase: 'Failed' };
  h.client.updateStatus('pods', failed);
  await h.settle();
  assert.ok(h.eventsFor('agent').includes(`FailedDaemonPod: Found failed daemon pod default/${victim.metadata.name} on node ${victim.spec.nodeName}, will try to kill it`));
  assert.ok(h.eventsFor('agent').includes(`SuccessfulDelete: Deleted pod: ${victim.metadata.name}`));
  assert.deepEqual(nodesOf('agent'), workers());
  assert.ok(!podsOf('agent').some((p) => p.metadata.name === victim.metadata.name));
  runAll('agent');
  await h.settle();
});

test('nodes: a NoExecute taint evicts the daemon pod, labels gate by nodeSelector', async () => {
  const [first] = workers();
  editNode(first, (n) => (n.spec.taints = [...(n.spec.taints ?? []), { key: 'dedicated', value: 'db', effect: 'NoExecute' }]));
  await h.settle();
  await reap();
  assert.deepEqual(nodesOf('agent'), workers().filter((n) => n !== first));
  assert.equal(getDS('agent').status.desiredNumberScheduled, 1);
  editNode(first, (n) => (n.spec.taints = (n.spec.taints ?? []).filter((t: { key: string }) => t.key !== 'dedicated')));
  await h.settle();
  assert.deepEqual(nodesOf('agent'), workers());
  runAll('agent');

  h.client.create('apps/daemonsets', daemonSet('picky', { template: { metadata: { labels: { app: 'picky' } }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'nginx' }] } } }));
  await h.settle();
  assert.deepEqual(nodesOf('picky'), []);
  editNode(first, (n) => (n.metadata.labels = { ...n.metadata.labels, disk: 'ssd' }));
  await h.settle();
  assert.deepEqual(nodesOf('picky'), [first]);
  runAll('picky');
  await h.settle();
  // A running pod on a node that no longer matches counts as misscheduled until it is gone.
  editNode(first, (n) => delete n.metadata.labels?.disk);
  await h.settle();
  await reap();
  assert.deepEqual(nodesOf('picky'), []);
  assert.equal(getDS('picky').status.desiredNumberScheduled, 0);
});

test('OnDelete: a template change waits for pods to be deleted by hand', async () => {
  h.client.create('apps/daemonsets', daemonSet('manual', { updateStrategy: { type: 'OnDelete' } }));
  await h.settle();
  runAll('manual');
  await h.settle();
  const before = podsOf('manual').map((p) => p.metadata.name);
  const d = clone(getDS('manual'));
  d.spec.template.spec.containers[0].image = 'nginx:1.19';
  h.client.update('apps/daemonsets', d);
  await h.settle();
  assert.deepEqual(podsOf('manual').map((p) => p.metadata.name), before);
  assert.equal(getDS('manual').status.updatedNumberScheduled, undefined);
  assert.equal(getDS('manual').status.observedGeneration, 2);
  h.client.delete('pods', 'default', before[0]);
  await h.settle();
  await reap();
  const fresh = podsOf('manual').find((p) => !before.includes(p.metadata.name))!;
  assert.equal(fresh.spec.containers[0].image, 'nginx:1.19');
  assert.equal(fresh.metadata.labels?.['pod-template-generation'], '2');
  assert.equal(getDS('manual').status.updatedNumberScheduled, 1);
  const revs = h.client.list('apps/controllerrevisions', 'default').filter((r) => r.metadata.labels?.app === 'manual');
  assert.deepEqual(revs.map((r) => r.revision).sort(), [1, 2]);
});

test('RollingUpdate replaces one node at a time and keeps revisionHistoryLimit old revisions', async () => {
  h.client.create('apps/daemonsets', daemonSet('roll', { revisionHistoryLimit: 1 }));
  await h.settle();
  runAll('roll');
  await h.settle();
  for (const image of ['nginx:1.18', 'nginx:1.19', 'nginx:1.20']) {
    const d = clone(getDS('roll'));
    d.spec.template.spec.containers[0].image = image;
    h.client.update('apps/daemonsets', d);
    await h.settle();
    // maxUnavailable 1: one old pod deleted; once it is gone its replacement is created.
    assert.equal(podsOf('roll').length, 1);
    await reap();
    assert.equal(podsOf('roll').filter((p) => p.spec.containers[0].image === image).length, 1);
    runAll('roll');
    await h.settle();
    await reap();
    assert.deepEqual(podsOf('roll').map((p) => p.spec.containers[0].image), [image, image]);
    runAll('roll');
    await h.settle();
    assert.equal(getDS('roll').status.updatedNumberScheduled, 2);
    assert.equal(getDS('roll').status.numberAvailable, 2);
  }
  const revs = h.client.list('apps/controllerrevisions', 'default').filter((r) => r.metadata.labels?.app === 'roll');
  assert.deepEqual(revs.map((r) => r.revision).sort(), [3, 4]);
});

test('RollingUpdate with maxSurge: the new pod starts beside the old one, which goes once the new is available', async () => {
  h.client.create('apps/daemonsets', daemonSet('surge', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
  await h.settle();
  runAll('surge');
  await h.settle();
  const d = clone(getDS('surge'));
  d.spec.template.spec.containers[0].image = 'nginx:1.19';
  h.client.update('apps/daemonsets', d);
  await h.settle();
  // One node surges: two pods there, nothing deleted yet.
  assert.equal(podsOf('surge').length, 3);
  const surged = podsOf('surge').find((p) => p.spec.containers[0].image === 'nginx:1.19')!;
  h.markReady(surged, targetNodeName(surged));
  await h.settle();
  await reap();
  // Its old pod went; the next node surges.
  assert.equal(podsOf('surge').filter((p) => targetNodeName(p) === targetNodeName(surged)).length, 1);
  assert.equal(podsOf('surge').length, 3);
  runAll('surge');
  await h.settle();
  await reap();
  assert.deepEqual(podsOf('surge').map((p) => p.spec.containers[0].image), ['nginx:1.19', 'nginx:1.19']);
  assert.equal(getDS('surge').status.updatedNumberScheduled, 2);
});
