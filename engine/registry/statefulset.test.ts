import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { defaultStatefulSet, statefulSetDefinition, validateStatefulSet, validateStatefulSetUpdate } from './statefulset';
import { messages, NOW, obj } from './testing/registry-fixtures';

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.17.1' }, { name: 'log', image: 'busybox' }] } };
const sts = (spec: Record<string, unknown>, status?: unknown): KubeObject => obj('StatefulSet', 'web', { spec, ...(status ? { status } : {}) });

test('defaults: OrderedReady, RollingUpdate partition 0, Retain/Retain, 1 replica, 10 revisions, PVC templates', () => {
  const s = sts({ serviceName: 'web', selector: { matchLabels: { app: 'web' } }, template: structuredClone(template), volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } }] });
  defaultStatefulSet(s);
  assert.equal(s.spec.podManagementPolicy, 'OrderedReady');
  assert.deepEqual(s.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { partition: 0 } });
  assert.deepEqual(s.spec.persistentVolumeClaimRetentionPolicy, { whenDeleted: 'Retain', whenScaled: 'Retain' });
  assert.equal(s.spec.replicas, 1);
  assert.equal(s.spec.revisionHistoryLimit, 10);
  assert.deepEqual(s.spec.volumeClaimTemplates[0], {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'www', creationTimestamp: null },
    spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' },
    status: { phase: 'Pending' },
  });
  const onDelete = sts({ updateStrategy: { type: 'OnDelete' } });
  defaultStatefulSet(onDelete);
  assert.deepEqual(onDelete.spec.updateStrategy, { type: 'OnDelete' });
});

test('validation: policy, strategy, restartPolicy, forbidden updates', () => {
  const v = (spec: Record<string, unknown>) => {
    const s = sts(spec);
    defaultStatefulSet(s);
    return messages(validateStatefulSet(s));
  };
  const base = { selector: { matchLabels: { app: 'web' } }, template: structuredClone(template) };
  assert.deepEqual(v(base), []);
  assert.deepEqual(v({ ...base, podManagementPolicy: 'Ordered' }), ["spec.podManagementPolicy: Invalid value: \"Ordered\": must be 'OrderedReady' or 'Parallel'"]);
  assert.deepEqual(v({ ...base, replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']);
  assert.deepEqual(v({ ...base, updateStrategy: { type: 'Recreate' } }), [
    "spec.updateStrategy: Invalid value: apps.StatefulSetUpdateStrategy{Type:\"Recreate\", RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}: must be 'RollingUpdate' or 'OnDelete'",
  ]);
  assert.deepEqual(v({ ...base, selector: {} }), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for statefulset',
  ]);
  const old = sts({ ...base, serviceName: 'web' });
  defaultStatefulSet(old);
  const scaled = structuredClone(old);
  scaled.spec.replicas = 5;
  scaled.spec.template.spec.containers[0].image = 'nginx:1.25';
  assert.deepEqual(messages(validateStatefulSetUpdate(scaled, old)), []);
  const renamed = structuredClone(old);
  renamed.spec.serviceName = 'other';
  assert.deepEqual(messages(validateStatefulSetUpdate(renamed, old)), [
    "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
  ]);
});

test('table row and scale selector', () => {
  const s = sts({ replicas: 3, selector: { matchLabels: { app: 'web' } }, template: structuredClone(template) }, { readyReplicas: 2, replicas: 3 });
  assert.deepEqual(statefulSetDefinition.table!.row(s, { now: NOW }), ['web', '2/3', '5m', 'nginx,log', 'nginx:1.17.1,busybox']);
  assert.equal(statefulSetDefinition.scale!.selector(s), 'app=web');
});
