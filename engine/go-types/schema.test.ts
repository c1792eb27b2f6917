import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { k8sMessages, packageOf, parseType, type FieldType } from './schema';

describe('the generated table', () => {
  test('every type it names is in it', () => {
    const missing: string[] = [];
    const visit = (from: string, t: FieldType) => {
      if (t.kind === 'message' && !k8sMessages.has(t.message)) missing.push(`${from} → ${t.message}`);
      if (t.kind === 'list') visit(from, t.elem);
      if (t.kind === 'map') {
        visit(from, t.key);
        visit(from, t.value);
      }
    };
    for (const name of k8sMessages.names()) for (const f of k8sMessages.message(name).fields) visit(`${name}.${f.json}`, f.type);
    assert.deepEqual(missing, []);
  });

  test('field numbers are unique within a message', () => {
    for (const name of k8sMessages.names()) {
      const m = k8sMessages.message(name);
      assert.equal(m.byNumber.size, m.fields.length, name);
    }
  });

  // Pinned from upstream k8s.io/api */generated.proto and apimachinery meta/v1/generated.proto, so a
  // regenerated table that drifts from the wire contract fails here.
  test('agrees with upstream generated.proto on a sample of fields', () => {
    const facts: Array<[string, number, string]> = [
      ['meta/v1.ObjectMeta', 1, 'name'],
      ['meta/v1.ObjectMeta', 8, 'creationTimestamp'],
      ['meta/v1.ObjectMeta', 11, 'labels'],
      ['meta/v1.ObjectMeta', 12, 'annotations'],
      ['meta/v1.LabelSelector', 1, 'matchLabels'],
      ['meta/v1.LabelSelector', 2, 'matchExpressions'],
      ['core/v1.ConfigMap', 2, 'data'],
      ['core/v1.ConfigMap', 3, 'binaryData'],
      ['core/v1.Secret', 2, 'data'],
      ['core/v1.Secret', 3, 'type'],
      ['core/v1.Container', 6, 'ports'],
      ['core/v1.Container', 7, 'env'],
      ['core/v1.ContainerPort', 3, 'containerPort'],
      ['core/v1.ServicePort', 4, 'targetPort'],
      ['core/v1.ServicePort', 5, 'nodePort'],
      ['apps/v1.DeploymentSpec', 1, 'replicas'],
      ['apps/v1.DeploymentSpec', 9, 'progressDeadlineSeconds'],
      ['networking/v1.IngressBackend', 3, 'resource'],
      ['networking/v1.IngressBackend', 4, 'service'],
      ['rbac/v1.PolicyRule', 1, 'verbs'],
      ['rbac/v1.PolicyRule', 5, 'nonResourceURLs'],
      ['rbac/v1.RoleBinding', 3, 'roleRef'],
      ['rbac/v1.Subject', 4, 'namespace'],
    ];
    for (const [message, number, json] of facts) assert.equal(k8sMessages.message(message).byNumber.get(number)?.json, json, `${message} #${number}`);
  });

  test('carries Go pointer-ness and omitempty', () => {
    const spec = k8sMessages.message('apps/v1.DeploymentSpec');
    assert.deepEqual([spec.byNumber.get(1)?.pointer, spec.byNumber.get(1)?.omitempty], [true, true]);
    const port = k8sMessages.message('core/v1.ServicePort').byNumber.get(3);
    assert.deepEqual([port?.pointer, port?.omitempty], [false, false]);
  });

  test('knows the objects kubectl creates', () => {
    const kinds: Array<[string, string]> = [
      ['v1', 'ConfigMap'], ['v1', 'Secret'], ['v1', 'Service'], ['v1', 'Namespace'], ['v1', 'ServiceAccount'], ['v1', 'ResourceQuota'], ['v1', 'Pod'],
      ['apps/v1', 'Deployment'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['networking.k8s.io/v1', 'Ingress'],
      ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'], ['scheduling.k8s.io/v1', 'PriorityClass'], ['policy/v1', 'PodDisruptionBudget'],
      ['policy/v1', 'Eviction'], ['autoscaling/v1', 'HorizontalPodAutoscaler'], ['autoscaling/v2', 'HorizontalPodAutoscaler'],
      ['authentication.k8s.io/v1', 'TokenRequest'], ['authorization.k8s.io/v1', 'SelfSubjectAccessReview'], ['meta.k8s.io/v1', 'DeleteOptions'], ['v1', 'DeleteOptions'],
    ];
    for (const [apiVersion, kind] of kinds) assert.ok(k8sMessages.messageForKind(apiVersion, kind), `${apiVersion} ${kind}`);
    assert.equal(k8sMessages.messageForKind('v1', 'ConfigMapList'), undefined);
    assert.equal(k8sMessages.messageForKind('apps/v1', 'ConfigMap'), undefined);
  });
});

test('packageOf', () => {
  assert.equal(packageOf('v1'), 'core/v1');
  assert.equal(packageOf('apps/v1'), 'apps/v1');
  assert.equal(packageOf('rbac.authorization.k8s.io/v1'), 'rbac/v1');
  assert.equal(packageOf('meta.k8s.io/v1'), 'meta/v1');
});

test('parseType', () => {
  assert.deepEqual(parseType('*int32', 'apps/v1'), { type: { kind: 'scalar', scalar: 'int32' }, pointer: true });
  assert.deepEqual(parseType('[]Container', 'core/v1'), { type: { kind: 'list', elem: { kind: 'message', message: 'core/v1.Container' } }, pointer: false });
  assert.deepEqual(parseType('map[string]resource.Quantity', 'core/v1').type, { kind: 'map', key: { kind: 'scalar', scalar: 'string' }, value: { kind: 'message', message: 'resource.Quantity' } });
  assert.deepEqual(parseType('map[string][]string', 'authentication/v1').type, { kind: 'map', key: { kind: 'scalar', scalar: 'string' }, value: { kind: 'list', elem: { kind: 'scalar', scalar: 'string' } } });
});
