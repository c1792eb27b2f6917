import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { definition, definitionForGVK, definitions, schemaSet, type Schema } from './schemas';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const prop = (def: string, field: string): Schema => definition(def)!.properties![field];

test('definitions come from kubernetes-types under upstream names', () => {
  assert.match(schemaSet().source, /^kubernetes-types@/);
  for (const name of [
    'io.k8s.api.apps.v1.Deployment',
    'io.k8s.api.core.v1.PodSpec',
    'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    'io.k8s.apimachinery.pkg.api.resource.Quantity',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    'io.k8s.api.autoscaling.v1.Scale',
    'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Status',
  ]) {
    assert.ok(definition(name), name);
  }
});

test('Deployment: group-version-kind, struct refs wrapped in allOf with default {}', () => {
  const d = definition('io.k8s.api.apps.v1.Deployment')!;
  assert.deepEqual(d['x-kubernetes-group-version-kind'], [{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  assert.equal(d.type, 'object');
  assert.equal(d.description, 'Deployment enables declarative updates for Pods and ReplicaSets.');
  assert.deepEqual(d.properties!.spec, {
    allOf: [{ $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' }],
    default: {},
    description: 'Specification of the desired behavior of the Deployment.',
  });
  assert.deepEqual(d.properties!.apiVersion.type, 'string');
  const spec = definition('io.k8s.api.apps.v1.DeploymentSpec')!;
  assert.deepEqual(spec.required, ['selector', 'template']);
  assert.deepEqual({ type: spec.properties!.replicas.type, format: spec.properties!.replicas.format }, { type: 'integer', format: 'int32' });
  assert.equal(prop('io.k8s.api.apps.v1.DeploymentSpec', 'strategy')['x-kubernetes-patch-strategy'], 'retainKeys');
  assert.deepEqual(prop('io.k8s.api.apps.v1.DeploymentStrategy', 'type').enum, ['Recreate', 'RollingUpdate']);
  assert.equal(definitionForGVK({ group: 'apps', version: 'v1', kind: 'DeploymentList' }), 'io.k8s.api.apps.v1.DeploymentList');
});

test('PodSpec containers: merge on name; container ports keyed by containerPort+protocol', () => {
  const containers = prop('io.k8s.api.core.v1.PodSpec', 'containers');
  assert.equal(containers.type, 'array');
  assert.deepEqual(containers.items, { allOf: [{ $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }], default: {} });
  assert.equal(containers['x-kubernetes-patch-strategy'], 'merge');
  assert.equal(containers['x-kubernetes-patch-merge-key'], 'name');
  assert.equal(prop('io.k8s.api.core.v1.PodSpec', 'volumes')['x-kubernetes-patch-strategy'], 'merge,retainKeys');
  const ports = prop('io.k8s.api.core.v1.Container', 'ports');
  assert.equal(ports['x-kubernetes-patch-merge-key'], 'containerPort');
  assert.deepEqual(ports['x-kubernetes-list-map-keys'], ['containerPort', 'protocol']);
  assert.equal(ports['x-kubernetes-list-type'], 'map');
  assert.equal(prop('io.k8s.api.core.v1.Container', 'volumeMounts')['x-kubernetes-patch-merge-key'], 'mountPath');
  assert.equal(prop('io.k8s.api.core.v1.ServiceSpec', 'ports')['x-kubernetes-patch-merge-key'], 'port');
  assert.equal(prop('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'ownerReferences')['x-kubernetes-patch-merge-key'], 'uid');
  assert.equal(prop('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'finalizers')['x-kubernetes-list-type'], 'set');
  assert.equal(prop('io.k8s.api.apps.v1.DeploymentStatus', 'conditions')['x-kubernetes-patch-merge-key'], 'type');
});

test('scalar types: IntOrString, Quantity, Time, maps, int64 and byte fields', () => {
  assert.deepEqual(definition('io.k8s.apimachinery.pkg.util.intstr.IntOrString'), {
    description: definition('io.k8s.apimachinery.pkg.util.intstr.IntOrString')!.description,
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  });
  assert.deepEqual(prop('io.k8s.api.apps.v1.RollingUpdateDeployment', 'maxSurge').allOf, [
    { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString' },
  ]);
  assert.deepEqual(definition('io.k8s.apimachinery.pkg.api.resource.Quantity')!.oneOf, [{ type: 'string' }, { type: 'number' }]);
  const time = definition('io.k8s.apimachinery.pkg.apis.meta.v1.Time')!;
  assert.deepEqual([time.type, time.format], ['string', 'date-time']);
  assert.deepEqual(prop('io.k8s.api.core.v1.ResourceRequirements', 'limits').additionalProperties, {
    $ref: '#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity',
  });
  assert.deepEqual(prop('io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'labels').additionalProperties, { type: 'string' });
  assert.equal(prop('io.k8s.api.core.v1.PodSpec', 'terminationGracePeriodSeconds').format, 'int64');
  assert.equal(prop('io.k8s.api.core.v1.Probe', 'periodSeconds').format, 'int32');
  assert.equal(prop('io.k8s.api.apps.v1.DeploymentStatus', 'observedGeneration').format, 'int64');
  assert.equal(prop('io.k8s.api.core.v1.Toleration', 'tolerationSeconds').format, 'int64');
  assert.equal(prop('io.k8s.api.certificates.v1.CertificateSigningRequestSpec', 'expirationSeconds').format, 'int32');
  assert.deepEqual(prop('io.k8s.api.core.v1.Secret', 'data').additionalProperties, { type: 'string', format: 'byte' });
  // Multi-line JSDoc keeps its line breaks, as upstream's descriptions have them.
  assert.match(definition('io.k8s.apimachinery.pkg.api.resource.Quantity')!.description!, /\n\nThe serialization format is:\n\n/);
});

test('the generator is deterministic and matches the loaded file', async () => {
  const gen = (await import(pathToFileURL(join(root, 'scripts', 'gen-openapi.mjs')).href)) as {
    generateSchemas(root: string): Promise<{ definitions: Record<string, unknown> }>;
  };
  const a = await gen.generateSchemas(root);
  const b = await gen.generateSchemas(root);
  assert.equal(JSON.stringify(a), JSON.stringify(b));
  assert.equal(JSON.stringify(a.definitions), JSON.stringify(definitions()));
});
