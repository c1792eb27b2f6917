import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { daemonSetDefinition, defaultDaemonSet, TEMPLATE_GENERATION_ANNOTATION, validateDaemonSet } from './daemonset';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

const ds = (spec: Record<string, unknown>, status?: unknown): KubeObject => obj('DaemonSet', 'agent', { spec, ...(status ? { status } : {}) });
const template = { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'busybox' }] } };

test('defaults: RollingUpdate with maxUnavailable 1 and maxSurge 0, 10 revisions', () => {
  const d = ds({ selector: { matchLabels: { app: 'agent' } }, template: structuredClone(template) });
  defaultDaemonSet(d);
  assert.deepEqual(d.spec.updateStrategy, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
  assert.equal(d.spec.revisionHistoryLimit, 10);
  assert.equal(d.spec.template.metadata.creationTimestamp, null);
  const onDelete = ds({ updateStrategy: { type: 'OnDelete' } });
  defaultDaemonSet(onDelete);
  assert.deepEqual(onDelete.spec.updateStrategy, { type: 'OnDelete' });
});

test('template generation annotation: 1 on create, bumped when the template changes', () => {
  const ctx = fakeContext();
  const d = ds({ selector: { matchLabels: { app: 'agent' } }, template: structuredClone(template) });
  daemonSetDefinition.prepareForCreate!(d, ctx);
  daemonSetDefinition.defaults!(d, ctx);
  assert.equal(d.metadata.annotations![TEMPLATE_GENERATION_ANNOTATION], '1');
  assert.deepEqual(d.status, { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 });
  const same = structuredClone(d);
  daemonSetDefinition.prepareForUpdate!(same, d, ctx);
  assert.equal(same.metadata.annotations![TEMPLATE_GENERATION_ANNOTATION], '1');
  const changed = structuredClone(d);
  changed.spec.template.spec.containers[0].image = 'busybox:1.36';
  daemonSetDefinition.prepareForUpdate!(changed, d, ctx);
  assert.equal(changed.metadata.annotations![TEMPLATE_GENERATION_ANNOTATION], '2');
});

test('validation: restartPolicy, empty selector, strategy', () => {
  const v = (spec: Record<string, unknown>) => {
    const d = ds(spec);
    defaultDaemonSet(d);
    return messages(validateDaemonSet(d));
  };
  const base = { selector: { matchLabels: { app: 'agent' } } };
  assert.deepEqual(v({ ...base, template: { ...structuredClone(template), spec: { ...template.spec, restartPolicy: 'Never' } } }), ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"']);
  assert.deepEqual(v({ selector: {}, template: structuredClone(template) }), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset',
  ]);
  assert.deepEqual(v({ selector: { matchLabels: { app: 'other' } }, template: structuredClone(template) }), ['spec.template.metadata.labels: Invalid value: map[string]string{"app":"agent"}: `selector` does not match template `labels`']);
  assert.deepEqual(v({ ...base, template: structuredClone(template), updateStrategy: { type: 'Rolling' } }), ['spec.updateStrategy.type: Unsupported value: "Rolling": supported values: "OnDelete", "RollingUpdate"']);
  assert.deepEqual(v({ ...base, template: structuredClone(template), updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }), [
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
  ]);
});

test('table row: status counters, node selector and wide cells', () => {
  const d = ds(
    { selector: { matchLabels: { app: 'agent' } }, template: { ...structuredClone(template), spec: { ...template.spec, nodeSelector: { disk: 'ssd', zone: 'a' } } } },
    { desiredNumberScheduled: 2, currentNumberScheduled: 2, numberReady: 1, updatedNumberScheduled: 2, numberAvailable: 1 },
  );
  assert.deepEqual(daemonSetDefinition.table!.row(d, { now: NOW }), ['agent', 2, 2, 1, 2, 1, 'disk=ssd,zone=a', '5m', 'agent', 'busybox', 'app=agent']);
  const none = ds({ selector: { matchLabels: { app: 'agent' } }, template: structuredClone(template) });
  assert.deepEqual(daemonSetDefinition.table!.row(none, { now: NOW }).slice(1, 7), [0, 0, 0, 0, 0, '<none>']);
});
