import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../api/object';
import { computeHash } from '../deployment/util';
import {
  addDaemonPodTolerations,
  daemonPodTemplate,
  extraPodsToDelete,
  isPodUpdated,
  nodeShouldRunDaemonPod,
  pinToNode,
  planRollingUpdate,
  revisionData,
  surgeAndUnavailable,
  targetNodeName,
} from './util';

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function node(name: string, labels: Record<string, string> = {}, taints: unknown[] = [], unschedulable = false): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec: { taints, ...(unschedulable ? { unschedulable } : {}) } };
}

function ds(spec: Record<string, unknown> = {}, strategy: Record<string, unknown> = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'u1', generation: 1, annotations: { 'deprecated.daemonset.template.generation': '2' } },
    spec: { selector: { matchLabels: { app: 'a' } }, updateStrategy: strategy, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } } },
  };
}

let seq = 0;
function pod(name: string, hash: string, opts: { ready?: boolean; created?: number; deleting?: boolean; phase?: string } = {}): KubeObject {
  const t = new Date(opts.created ?? 1000 + seq++).toISOString();
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: t, labels: { app: 'a', 'controller-revision-hash': hash }, ...(opts.deleting ? { deletionTimestamp: t } : {}) },
    spec: {},
    status: { phase: opts.phase ?? 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True', lastTransitionTime: t }] },
  };
}

test('eligibility: nodeSelector and required node affinity decide; untolerated taints stop new pods', () => {
  assert.deepEqual(nodeShouldRunDaemonPod(node('n1'), ds()), { shouldRun: true, shouldContinueRunning: true });
  assert.deepEqual(nodeShouldRunDaemonPod(node('n1'), ds({ nodeSelector: { disk: 'ssd' } })), { shouldRun: false, shouldContinueRunning: false });
  assert.equal(nodeShouldRunDaemonPod(node('n1', { disk: 'ssd' }), ds({ nodeSelector: { disk: 'ssd' } })).shouldRun, true);
  const affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }] } } };
  assert.equal(nodeShouldRunDaemonPod(node('n1', { zone: 'b' }), ds({ affinity })).shouldRun, false);
  assert.equal(nodeShouldRunDaemonPod(node('n1', { zone: 'a' }), ds({ affinity })).shouldRun, true);
  assert.deepEqual(nodeShouldRunDaemonPod(node('n1'), ds({ nodeName: 'n2' })), { shouldRun: false, shouldContinueRunning: false });
  // The control plane's NoSchedule taint: no new pod, but a running one may stay.
  assert.deepEqual(nodeShouldRunDaemonPod(node('m', {}, [CONTROL_PLANE_TAINT]), ds()), { shouldRun: false, shouldContinueRunning: true });
  assert.equal(nodeShouldRunDaemonPod(node('m', {}, [CONTROL_PLANE_TAINT]), ds({ tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists', effect: 'NoSchedule' }] })).shouldRun, true);
  assert.deepEqual(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'evict', value: 'x', effect: 'NoExecute' }]), ds()), { shouldRun: false, shouldContinueRunning: false });
  // PreferNoSchedule does not count.
  assert.equal(nodeShouldRunDaemonPod(node('n1', {}, [{ key: 'soft', effect: 'PreferNoSchedule' }]), ds()).shouldRun, true);
});

test('eligibility: cordoned and not-ready nodes keep daemon pods (the automatic tolerations)', () => {
  const cordoned = node('n1', {}, [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], true);
  assert.deepEqual(nodeShouldRunDaemonPod(cordoned, ds()), { shouldRun: true, shouldContinueRunning: true });
  const notReady = node('n1', {}, [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }, { key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
  // not-ready:NoSchedule is not among the automatic tolerations: no new pod, the old one stays.
  assert.deepEqual(nodeShouldRunDaemonPod(notReady, ds()), { shouldRun: false, shouldContinueRunning: true });
  const noNetwork = node('n1', {}, [{ key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' }]);
  assert.equal(nodeShouldRunDaemonPod(noNetwork, ds()).shouldRun, false);
  assert.equal(nodeShouldRunDaemonPod(noNetwork, ds({ hostNetwork: true })).shouldRun, true);
});

test('tolerations: appended in upstream order, equal ones replaced in place', () => {
  const spec: Record<string, unknown> = { tolerations: [{ operator: 'Exists' }, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }], hostNetwork: true };
  addDaemonPodTolerations(spec);
  assert.deepEqual(
    (spec.tolerations as { key?: string; effect?: string }[]).map((t) => `${t.key ?? ''}:${t.effect ?? ''}`),
    [
      ':',
      'node.kubernetes.io/unschedulable:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/network-unavailable:NoSchedule',
    ],
  );
});

test('pod template: labels, node pinning through matchFields, target node', () => {
  const t = daemonPodTemplate(ds(), 'abc123', 'node1');
  assert.deepEqual(t.metadata.labels, { app: 'a', 'pod-template-generation': '2', 'controller-revision-hash': 'abc123' });
  assert.deepEqual(t.spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] }] } } });
  assert.equal(targetNodeName({ metadata: { name: 'p' }, spec: t.spec } as KubeObject), 'node1');
  assert.equal(targetNodeName({ metadata: { name: 'p' }, spec: { ...t.spec, nodeName: 'node9' } } as KubeObject), 'node9');
  // Existing terms keep their expressions and get the field requirement; other affinity stays.
  const a = pinToNode({ podAffinity: { x: 1 }, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['old'] }] }] } } }, 'n2');
  assert.deepEqual(a, { podAffinity: { x: 1 }, nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }], matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }] } } });
});

test('revisions: the history data is a replace patch of the template; the hash follows the template', () => {
  const d = ds();
  assert.deepEqual(revisionData(d), { spec: { template: { $patch: 'replace', metadata: { labels: { app: 'a' } }, spec: { containers: [{ image: 'nginx', name: 'c' }] } } } });
  assert.deepEqual(Object.keys(revisionData(d).spec.template), ['$patch', 'metadata', 'spec']);
  const other = ds({ hostNetwork: true });
  assert.notEqual(computeHash(d.spec.template), computeHash(other.spec.template));
  assert.equal(computeHash(d.spec.template), computeHash(structuredClone(d.spec.template)));
  assert.notEqual(computeHash(d.spec.template, 1), computeHash(d.spec.template));
  assert.ok(isPodUpdated(pod('p', 'h1'), 'h1', undefined));
  assert.ok(!isPodUpdated(pod('p', 'h0'), 'h1', 7));
  const byGen = pod('p', 'h0');
  byGen.metadata.labels!['pod-template-generation'] = '7';
  assert.ok(isPodUpdated(byGen, 'h1', 7));
});

test('rolling update arithmetic: maxUnavailable and maxSurge scale over the desired nodes, rounding up', () => {
  assert.deepEqual(surgeAndUnavailable(ds(), 3), { maxSurge: 0, maxUnavailable: 1 });
  assert.deepEqual(surgeAndUnavailable(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '50%', maxSurge: 0 } }), 3), { maxSurge: 0, maxUnavailable: 2 });
  assert.deepEqual(surgeAndUnavailable(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '10%' } }), 3), { maxSurge: 1, maxUnavailable: 0 });
  // 0% of no nodes on both: one may still go.
  assert.deepEqual(surgeAndUnavailable(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0%', maxSurge: '0%' } }), 0), { maxSurge: 0, maxUnavailable: 1 });
});

test('rolling update without surge: unavailable old pods go at once, then one available old pod at a time', () => {
  const d = ds();
  const all = () => true;
  const m = new Map<string, KubeObject[]>([
    ['n1', [pod('old1', 'h0')]],
    ['n2', [pod('old2', 'h0')]],
    ['n3', [pod('old3', 'h0', { ready: false })]],
  ]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 3, 10_000), { deletePods: ['old3', 'old1'], createOnNodes: [] });
  // An unavailable new pod uses up the budget.
  m.set('n3', [pod('new3', 'h1', { ready: false })]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 3, 10_000), { deletePods: [], createOnNodes: [] });
  m.set('n3', [pod('new3', 'h1')]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 3, 10_000), { deletePods: ['old1'], createOnNodes: [] });
  // A node whose old pod is still terminating counts as unavailable: nothing more goes.
  m.set('n1', [pod('old1', 'h0', { deleting: true })]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 3, 10_000), { deletePods: [], createOnNodes: [] });
});

test('rolling update with surge: new pods start beside old ones, old ones go once the new is available', () => {
  const d = ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } });
  const all = () => true;
  const m = new Map<string, KubeObject[]>([
    ['n1', [pod('old1', 'h0')]],
    ['n2', [pod('old2', 'h0')]],
  ]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 2, 10_000), { deletePods: [], createOnNodes: ['n1'] });
  m.set('n1', [pod('old1', 'h0'), pod('new1', 'h1', { ready: false })]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 2, 10_000), { deletePods: [], createOnNodes: [] });
  m.set('n1', [pod('old1', 'h0'), pod('new1', 'h1')]);
  assert.deepEqual(planRollingUpdate(d, m, all, 'h1', 2, 10_000), { deletePods: ['old1'], createOnNodes: ['n2'] });
  // The manage pass's choice among two live pods on a node keeps the new one once it is available.
  assert.deepEqual(extraPodsToDelete(d, m.get('n1')!, 'h1', 10_000).map((p) => p.metadata.name), ['old1']);
  assert.deepEqual(extraPodsToDelete(d, [pod('old1', 'h0'), pod('new1', 'h1', { ready: false })], 'h1', 10_000), []);
  // Without surge the oldest pod stays.
  assert.deepEqual(extraPodsToDelete(ds(), [pod('a', 'h1', { created: 5 }), pod('b', 'h1', { created: 1 })], 'h1', 10_000).map((p) => p.metadata.name), ['a']);
});
