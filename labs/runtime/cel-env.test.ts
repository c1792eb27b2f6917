import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compile, createLabEnv, validateExpression, type EvalContext } from './cel-env';
import { HistoryIndex } from './history-index';
import type { HistoryEntry } from './history';

function pod(name: string, image: string, opts: { ready?: boolean; deleting?: boolean; owner?: string; uid?: string } = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'dev',
      uid: opts.uid ?? `uid-${name}`,
      labels: { app: 'nginx-pod' },
      ...(opts.deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
      ...(opts.owner ? { ownerReferences: [{ kind: 'ReplicaSet', name: opts.owner, uid: `uid-${opts.owner}`, controller: true }] } : {}),
    },
    spec: { containers: [{ name: 'nginx', image }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }] },
  };
}

let seq = 0;
function entry(type: HistoryEntry['type'], object: ReturnType<typeof pod> | Record<string, unknown>, time = seq * 100): HistoryEntry {
  const o = object as HistoryEntry['object'];
  seq++;
  return { seq, time, type, apiVersion: o.apiVersion!, kind: o.kind!, namespace: o.metadata.namespace ?? '', name: o.metadata.name, object: o };
}

function evaluator(entries: HistoryEntry[], commands: EvalContext['commands'] = []) {
  const index = new HistoryIndex(entries);
  const env = createLabEnv(() => ({ index, commands }));
  return (expr: string) => {
    const r = compile(env, expr)({ now: 0n, startedAt: 0n, namespace: 'dev', history: index.all, events: [], commands: [], passed: {} });
    if (r.error) throw new Error(r.error);
    return r.value;
  };
}

test('objects are the latest state; ints are CEL ints', () => {
  const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'pc-replicaset', namespace: 'dev', uid: 'uid-pc-replicaset' }, spec: { replicas: 3 } };
  const ev = evaluator([entry('ADDED', rs), entry('MODIFIED', { ...rs, spec: { replicas: 6 } }), entry('ADDED', pod('a', 'nginx:1.17.1', { owner: 'pc-replicaset' }))]);
  assert.equal(ev(`objects('apps/v1', 'ReplicaSet', 'dev').size() == 1`), true);
  assert.equal(ev(`object('apps/v1', 'ReplicaSet', 'dev', 'pc-replicaset').spec.replicas + 1 == 7`), true);
  assert.equal(ev(`object('apps/v1', 'ReplicaSet', 'dev', 'nope') == null`), true);
  assert.equal(ev(`changes('apps/v1', 'ReplicaSet', 'dev').exists(c, c.object.spec.replicas == 3)`), true);
  assert.equal(ev(`ownedBy(objects('v1', 'Pod', 'dev'), object('apps/v1', 'ReplicaSet', 'dev', 'pc-replicaset')).size() == 1`), true);
  assert.equal(ev(`objects('v1', 'Pod', 'dev').all(p, ownerName(p) == 'pc-replicaset' && images(p) == ['nginx:1.17.1'])`), true);
  assert.equal(ev(`objects('apps/v2', 'ReplicaSet', 'other').size() == 0`), true);
});

test('snapshots see what existed together', () => {
  seq = 0;
  const ev = evaluator([
    entry('ADDED', pod('old', 'nginx:1.17.1')),
    entry('ADDED', pod('new', 'nginx:1.17.2', { ready: false })),
    entry('MODIFIED', pod('new', 'nginx:1.17.2')),
    entry('MODIFIED', pod('old', 'nginx:1.17.1', { deleting: true })),
    entry('DELETED', pod('old', 'nginx:1.17.1', { deleting: true })),
  ]);
  const both = `snapshots('v1', 'Pod', 'dev').exists(s, s.objects.exists(p, podReady(p) && images(p)[0] == 'nginx:1.17.1') && s.objects.exists(p, podReady(p) && images(p)[0] == 'nginx:1.17.2'))`;
  assert.equal(ev(both), true);
  assert.equal(ev(`snapshots('v1', 'Pod', 'dev').size() == 5`), true);
  assert.equal(ev(`snapshots('v1', 'Pod', 'dev')[4].objects.size() == 1`), true);
  assert.equal(ev(`maxOf(snapshots('v1', 'Pod', 'dev').map(s, s.objects.filter(p, podActive(p)).size())) == 2`), true);
  assert.equal(ev(`objectAt('v1', 'Pod', 'dev', 'old', 3).metadata.name == 'old' && objectAt('v1', 'Pod', 'dev', 'old', 5) == null`), true);
  assert.equal(ev(`firstSeen(object('v1', 'Pod', 'dev', 'new')).seq == 2`), true);
});

test('helpers: field, condition, scaledValue, revision, distinct, ran', () => {
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd', namespace: 'dev', annotations: { 'deployment.kubernetes.io/revision': '4', 'kubernetes.io/change-cause': 'v1' } }, spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, replicas: 4 }, status: { conditions: [{ type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable' }] } };
  const ev = evaluator([entry('ADDED', d)], [{ seq: 1, time: 0, node: 'master', line: 'kubectl rollout undo deploy d --to-revision=1 -n dev' }]);
  assert.equal(ev(`field(object('apps/v1','Deployment','dev','d'), 'spec.paused', false) == false`), true);
  assert.equal(ev(`field(object('apps/v1','Deployment','dev','d'), 'status.conditions[0].reason', '') == 'NewReplicaSetAvailable'`), true);
  assert.equal(ev(`condition(object('apps/v1','Deployment','dev','d'), 'Progressing').reason == 'NewReplicaSetAvailable'`), true);
  assert.equal(ev(`condition(object('apps/v1','Deployment','dev','d'), 'Available').status == 'Unknown'`), true);
  assert.equal(ev(`scaledValue(object('apps/v1','Deployment','dev','d').spec.strategy.rollingUpdate.maxSurge, 4, true) == 1`), true);
  assert.equal(ev(`scaledValue('30%', 4, true) == 2 && scaledValue('30%', 4, false) == 1 && scaledValue(2, 4, false) == 2`), true);
  assert.equal(ev(`revision(object('apps/v1','Deployment','dev','d')) == 4`), true);
  assert.equal(ev(`annotation(object('apps/v1','Deployment','dev','d'), 'kubernetes.io/change-cause') == 'v1'`), true);
  assert.equal(ev(`distinct(['a', 'b', 'a']).size() == 2 && sumOf([1, 2, 3]) == 6 && minOf([3, 1]) == 1`), true);
  assert.equal(ev(`ran('rollout\\\\s+undo.*--to-revision=1') && !ran('rollout pause')`), true);
  assert.equal(ev(`commandsMatching('undo').size() == 1`), true);
});

test('validation names unknown functions and variables, and syntax errors', () => {
  assert.equal(validateExpression(`objects('v1', 'Pod', 'dev').exists(p, podReady(p))`), undefined);
  assert.equal(validateExpression(`[1, 2].map(x, x * 2).size() == 2 && history.size() >= 0`), undefined);
  assert.match(validateExpression(`maxOver(history, 1)`) ?? '', /unknown function "maxOver"/);
  assert.match(validateExpression(`histroy.size() > 0`) ?? '', /unknown variable "histroy"/);
  assert.match(validateExpression(`objects('v1', 'Pod',`) ?? '', /^invalid CEL: at 1:/);
});
