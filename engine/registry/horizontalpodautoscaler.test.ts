import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../api/object';
import { BEHAVIOR_ANNOTATION, defaultHPA, formatHPAMetrics, hpaRow, hpaV1ToV2, hpaV2ToV1, METRIC_SPECS_ANNOTATION, validateHPA } from './horizontalpodautoscaler';
import { messages, NOW, obj } from './testing/registry-fixtures';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' };
const cpu = (u?: number) => ({ type: 'Resource', resource: { name: 'cpu', target: u === undefined ? { type: 'Utilization' } : { type: 'Utilization', averageUtilization: u } } });

test('v2 defaults: minReplicas 1, cpu 80%, behavior filled only when given', () => {
  const h = obj('HorizontalPodAutoscaler', 'h', { spec: { scaleTargetRef: ref, maxReplicas: 5 } });
  defaultHPA(h);
  assert.equal(h.spec.minReplicas, 1);
  assert.deepEqual(h.spec.metrics, [cpu(80)]);
  assert.equal(h.spec.behavior, undefined);
  const b = obj('HorizontalPodAutoscaler', 'b', { spec: { scaleTargetRef: ref, maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } } });
  defaultHPA(b);
  assert.deepEqual(b.spec.behavior, {
    scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], stabilizationWindowSeconds: 60 },
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
  });
});

test('autoscaling/v1 <-> v2 conversion', () => {
  const v1 = { apiVersion: 'autoscaling/v1', ...obj('HorizontalPodAutoscaler', 'h', { spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 }, status: { currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 22 } }) };
  const v2 = hpaV1ToV2(v1);
  assert.deepEqual(v2.spec, { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics: [cpu(50)] });
  assert.deepEqual(v2.status.currentMetrics, [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 22 } } }]);
  const back = hpaV2ToV1(v2);
  assert.deepEqual(back.spec, v1.spec);
  assert.equal(back.status.currentCPUUtilizationPercentage, 22);
  // What v1 cannot say goes into annotations, and comes back.
  const rich = obj('HorizontalPodAutoscaler', 'r', {
    spec: {
      scaleTargetRef: ref,
      maxReplicas: 4,
      metrics: [cpu(60), { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }],
      behavior: { scaleDown: { stabilizationWindowSeconds: 30 } },
    },
  });
  const asV1 = hpaV2ToV1(rich);
  assert.equal(asV1.spec.targetCPUUtilizationPercentage, 60);
  assert.equal(asV1.metadata.annotations![METRIC_SPECS_ANNOTATION], '[{"type":"Resource","resource":{"name":"memory","targetAverageValue":"100Mi"}}]');
  assert.equal(asV1.metadata.annotations![BEHAVIOR_ANNOTATION], '{"scaleDown":{"stabilizationWindowSeconds":30}}');
  const again = hpaV1ToV2(asV1);
  assert.deepEqual(again.spec, rich.spec);
  assert.equal(again.metadata.annotations, undefined);
});

test('TARGETS cell', () => {
  assert.equal(formatHPAMetrics([], []), '<none>');
  assert.equal(formatHPAMetrics([cpu(50)], []), 'cpu: <unknown>/50%');
  assert.equal(formatHPAMetrics([cpu(50)], [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 22, averageValue: '22m' } } }]), 'cpu: 22%/50%');
  assert.equal(formatHPAMetrics([cpu()], []), 'cpu: <unknown>/<auto>');
  const mem = { type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } };
  assert.equal(formatHPAMetrics([mem], [{ type: 'Resource', resource: { name: 'memory', current: { averageValue: '10Mi' } } }]), 'memory: 10Mi/100Mi');
  const pods = { type: 'Pods', pods: { metric: { name: 'qps' }, target: { type: 'AverageValue', averageValue: '1k' } } };
  assert.equal(formatHPAMetrics([cpu(50), mem, pods], []), 'cpu: <unknown>/50%, memory: <unknown>/100Mi + 1 more...');
  assert.equal(formatHPAMetrics([pods], []), '<unknown>/1k');
  const ext = { type: 'External', external: { metric: { name: 'queue' }, target: { type: 'AverageValue', averageValue: '30' } } };
  assert.equal(formatHPAMetrics([ext], []), '<unknown>/30 (avg)');
  assert.equal(formatHPAMetrics([{ type: 'Weird' }], []), '<unknown type>');
});

test('table row is the same through v1 and v2', () => {
  const v2 = obj('HorizontalPodAutoscaler', 'php-apache', { apiVersion: 'autoscaling/v2', spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 10, metrics: [cpu(50)] }, status: { currentReplicas: 3, desiredReplicas: 3 } }) as KubeObject;
  const want = ['php-apache', 'Deployment/php-apache', 'cpu: <unknown>/50%', '1', 10, 3, '5m'];
  assert.deepEqual(hpaRow(v2, NOW), want);
  assert.deepEqual(hpaRow(hpaV2ToV1(v2), NOW), want);
  const noMin = obj('HorizontalPodAutoscaler', 'x', { spec: { scaleTargetRef: ref, maxReplicas: 2, metrics: [] } });
  assert.deepEqual(hpaRow(noMin, NOW).slice(2, 6), ['<none>', '<unset>', 2, 0]);
});

test('validation: replicas and scale target', () => {
  const v = (spec: Record<string, unknown>) => {
    const h = obj('HorizontalPodAutoscaler', 'h', { spec });
    defaultHPA(h);
    return messages(validateHPA(h));
  };
  assert.deepEqual(v({ scaleTargetRef: ref, maxReplicas: 3 }), []);
  assert.deepEqual(v({ scaleTargetRef: ref, minReplicas: 5, maxReplicas: 3 }), ['spec.maxReplicas: Invalid value: 3: must be greater than or equal to `minReplicas`']);
  assert.deepEqual(v({ scaleTargetRef: ref, minReplicas: 0, maxReplicas: 3 }), ['spec.minReplicas: Invalid value: 0: must be greater than or equal to 1']);
  assert.deepEqual(v({ scaleTargetRef: ref, maxReplicas: 0 }), ['spec.maxReplicas: Invalid value: 0: must be greater than 0', 'spec.maxReplicas: Invalid value: 0: must be greater than or equal to `minReplicas`']);
  assert.deepEqual(v({ scaleTargetRef: { apiVersion: 'apps/v1' }, maxReplicas: 3 }), ['spec.scaleTargetRef.kind: Required value', 'spec.scaleTargetRef.name: Required value']);
  assert.deepEqual(v({ scaleTargetRef: ref, maxReplicas: 3, metrics: [cpu(0)] }), ['spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0']);
});
