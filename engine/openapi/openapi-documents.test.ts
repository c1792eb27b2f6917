import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOpenAPIV3, operationGroupVersion, serveOpenAPIV3, type Operation } from './openapi-documents';
import { TEST_RESOURCES } from './testing/served-resources';

const api = () => buildOpenAPIV3(TEST_RESOURCES);

test('the /openapi/v3 index lists each served group-version with a content hash', () => {
  const { index, missing } = api();
  assert.deepEqual(Object.keys(index.paths), ['api/v1', 'apis/apps/v1', 'apis/autoscaling/v2']);
  assert.match(index.paths['apis/apps/v1'].serverRelativeURL, /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
  assert.match(index.paths['api/v1'].serverRelativeURL, /^\/openapi\/v3\/api\/v1\?hash=/);
  // Kinds the schema package lacks are left out, and reported.
  assert.deepEqual(missing, [{ group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics' }]);
});

test('documents are memoized per input', () => {
  assert.equal(api(), api());
  assert.equal(buildOpenAPIV3([...TEST_RESOURCES]), api());
});

test('Deployment PATCH declares fieldValidation, so kubectl leaves validation to the server', () => {
  const doc = api().documents.get('apis/apps/v1')!.document;
  assert.equal(doc.openapi, '3.0.0');
  assert.deepEqual(doc.info, { title: 'Kubernetes', version: 'v1.32.4' });
  const item = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];
  const patch = item.patch as Operation;
  assert.deepEqual(patch['x-kubernetes-group-version-kind'], { group: 'apps', version: 'v1', kind: 'Deployment' });
  assert.equal(patch['x-kubernetes-action'], 'patch');
  assert.equal(patch.operationId, 'patchAppsV1NamespacedDeployment');
  const query = patch.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
  assert.deepEqual(query, ['dryRun', 'fieldManager', 'fieldValidation', 'force']);
  assert.deepEqual(Object.keys(patch.requestBody!.content), [
    'application/apply-patch+yaml', 'application/json-patch+json', 'application/merge-patch+json', 'application/strategic-merge-patch+json',
  ]);
  assert.deepEqual(patch.responses['200'].content!['application/json'].schema, { $ref: '#/components/schemas/io.k8s.api.apps.v1.Deployment' });
  assert.deepEqual(item.parameters!.map((p) => `${p.in}:${p.name}`), ['path:name', 'path:namespace', 'query:pretty']);
});

test('each resource has list/create/get/replace/patch/delete/deletecollection and status/scale paths', () => {
  const doc = api().documents.get('apis/apps/v1')!.document;
  const ops = (path: string) => Object.entries(doc.paths[path]).filter(([k]) => k !== 'parameters').map(([k, op]) => `${k}:${(op as Operation)['x-kubernetes-action']}`);
  assert.deepEqual(ops('/apis/apps/v1/deployments'), ['get:list']);
  assert.deepEqual(ops('/apis/apps/v1/namespaces/{namespace}/deployments'), ['get:list', 'post:post', 'delete:deletecollection']);
  assert.deepEqual(ops('/apis/apps/v1/namespaces/{namespace}/deployments/{name}'), ['get:get', 'put:put', 'patch:patch', 'delete:delete']);
  assert.deepEqual(ops('/apis/apps/v1/namespaces/{namespace}/deployments/{name}/status'), ['get:get', 'put:put', 'patch:patch']);
  const scale = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'];
  assert.deepEqual(scale.patch!['x-kubernetes-group-version-kind'], { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  assert.ok(scale.patch!.parameters!.some((p) => p.name === 'fieldValidation'));
  assert.equal(scale.get!.operationId, 'readAppsV1NamespacedDeploymentScale');
  const post = doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments'].post!;
  assert.deepEqual(post.requestBody!.content['*/*'].schema, { $ref: '#/components/schemas/io.k8s.api.apps.v1.Deployment' });
  assert.deepEqual(Object.keys(post.responses), ['200', '201', '202', '401']);
  // Cluster-scoped kinds have no namespace segment.
  const core = api().documents.get('api/v1')!.document;
  assert.ok(core.paths['/api/v1/namespaces/{name}'].patch);
  assert.equal(core.paths['/api/v1/namespaces'].get!.operationId, 'listCoreV1Namespace');
  assert.ok(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/status']);
  assert.equal(core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'], undefined);
});

test('components hold only what the group-version reaches, plus the meta types', () => {
  const schemas = api().documents.get('apis/apps/v1')!.document.components.schemas;
  for (const name of [
    'io.k8s.api.apps.v1.Deployment', 'io.k8s.api.apps.v1.DeploymentList', 'io.k8s.api.apps.v1.ReplicaSet',
    'io.k8s.api.core.v1.PodSpec', 'io.k8s.api.core.v1.Container', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    'io.k8s.apimachinery.pkg.api.resource.Quantity', 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Status', 'io.k8s.apimachinery.pkg.apis.meta.v1.APIResourceList',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch', 'io.k8s.api.autoscaling.v1.Scale',
  ]) {
    assert.ok(schemas[name], name);
  }
  assert.equal(schemas['io.k8s.api.batch.v1.Job'], undefined);
  assert.equal(schemas['io.k8s.api.core.v1.Service'], undefined);
  assert.deepEqual(Object.keys(schemas), Object.keys(schemas).sort());
});

test('operation ids follow upstream naming', () => {
  assert.equal(operationGroupVersion('', 'v1'), 'CoreV1');
  assert.equal(operationGroupVersion('apps', 'v1'), 'AppsV1');
  assert.equal(operationGroupVersion('networking.k8s.io', 'v1'), 'NetworkingV1');
  assert.equal(operationGroupVersion('rbac.authorization.k8s.io', 'v1'), 'RbacAuthorizationV1');
  assert.equal(operationGroupVersion('autoscaling', 'v2'), 'AutoscalingV2');
});

test('serveOpenAPIV3 answers the index, documents, stale hashes and unknown paths', () => {
  const q = (s = '') => new URLSearchParams(s);
  const index = serveOpenAPIV3(TEST_RESOURCES, '/openapi/v3', q())!;
  assert.equal(index.status, 200);
  assert.equal(index.headers['Content-Type'], 'application/json');
  const url = JSON.parse(index.body).paths['apis/apps/v1'].serverRelativeURL as string;
  const [path, search] = url.split('?');
  const doc = serveOpenAPIV3(TEST_RESOURCES, path, q(search))!;
  assert.equal(doc.status, 200);
  assert.equal(doc.headers['Cache-Control'], 'public, immutable');
  assert.equal(JSON.parse(doc.body).paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].patch.operationId, 'patchAppsV1NamespacedDeployment');
  const stale = serveOpenAPIV3(TEST_RESOURCES, path, q('hash=ABC'))!;
  assert.equal(stale.status, 301);
  assert.equal(stale.headers.Location, url);
  assert.equal(serveOpenAPIV3(TEST_RESOURCES, '/openapi/v3/apis/batch/v1', q())!.status, 404);
  assert.equal(serveOpenAPIV3(TEST_RESOURCES, '/openapi/v2', q()), undefined);
  assert.equal(serveOpenAPIV3(TEST_RESOURCES, '/api/v1', q()), undefined);
});
