import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { HttpRequest, HttpResponse } from '../io';
import { memoryIO } from '../testing/memory-fs';
import { RestClient, parseWarningHeader } from './rest-client';
import { Discovery } from './discovery';
import { RestMapper, resourcePath } from './rest-mapper';
import { JsonStreamDecoder } from './watch-decoder';
import { renderError, StatusError } from '../errors';
import { Factory } from '../factory';
import { Command, parseFlags } from '../cli/command';
import { rootSpec } from '../cmd/root';
import { normalizeKlog } from '../testdata/golden-format';

const enc = (s: string) => new TextEncoder().encode(s);
async function* body(...parts: string[]): AsyncIterable<Uint8Array> {
  for (const p of parts) yield enc(p);
}
const reply = (status: number, text: string, headers: Record<string, string[]> = {}): HttpResponse => ({ status, headers, body: body(text) });
const config = { server: 'https://127.0.0.1:6443', namespace: 'default', namespaceExplicit: false, insecureSkipTLSVerify: false, token: 't0k' };

test('requests carry the bearer token, kubectl user agent and Accept; query keys sorted', async () => {
  let seen: HttpRequest | undefined;
  const io = memoryIO();
  io.transport = async (r) => ((seen = r), reply(200, '{"kind":"PodList","items":[]}'));
  const c = new RestClient(config, io);
  await c.json({ path: '/api/v1/namespaces/default/pods', query: { limit: '500', labelSelector: 'app=web,tier in (a,b)' } });
  assert.equal(seen!.url, 'https://127.0.0.1:6443/api/v1/namespaces/default/pods?labelSelector=app%3Dweb%2Ctier+in+%28a%2Cb%29&limit=500');
  assert.equal(seen!.headers.Authorization, 'Bearer t0k');
  assert.equal(seen!.headers.Accept, 'application/json, */*');
  assert.equal(seen!.headers['User-Agent'], 'kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07');
});

test('Warning headers go to stderr once each', async () => {
  const io = memoryIO();
  io.transport = async () => reply(200, '{}', { warning: ['299 - "spec.x is deprecated", 299 - "second \\"quoted\\""', '299 - "spec.x is deprecated"'] });
  await new RestClient(config, io).json({ path: '/x' });
  assert.equal(io.err(), 'Warning: spec.x is deprecated\nWarning: second "quoted"\n');
  assert.deepEqual(parseWarningHeader('299 kube-apiserver "a" "Mon, 02 Jan 2006 15:04:05 GMT"'), ['a']);
});

test('Status errors render as kubectl does', async () => {
  const io = memoryIO();
  io.transport = async () =>
    reply(404, JSON.stringify({ kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'deployments.apps "x" not found', reason: 'NotFound', code: 404 }));
  const err = await new RestClient(config, io).json({ path: '/x' }).catch((e) => e);
  assert.ok(err instanceof StatusError);
  assert.equal(renderError(err).text, 'Error from server (NotFound): deployments.apps "x" not found\n');
  const invalid = new StatusError({
    reason: 'Invalid',
    message: 'x',
    details: { kind: 'Deployment', name: 'x', causes: [{ field: 'spec.replicas', message: 'Invalid value: -1: must be greater than or equal to 0' }, { field: 'a', message: 'Required value' }] },
  });
  assert.equal(renderError(invalid).text, 'The Deployment "x" is invalid: \n* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n* a: Required value\n');
  const one = new StatusError({ reason: 'Invalid', message: 'x', details: { kind: 'Deployment', name: 'x', causes: [{ field: 'a', message: 'Required value' }] } });
  assert.equal(renderError(one).text, 'The Deployment "x" is invalid: a: Required value\n');
  io.transport = async () => reply(404, '404 page not found');
  const plain = await new RestClient(config, io).json({ path: '/x' }).catch((e) => e);
  assert.equal(renderError(plain).text, 'Error from server (NotFound): the server could not find the requested resource\n');
});

test('no kubeconfig: discovery against localhost:8080 fails like kubectl get', async () => {
  const io = memoryIO({ env: { KUBECONFIG: '/nonexistent', HOME: '/root' } });
  io.transport = async () => {
    throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8080'), { code: 'ECONNREFUSED', address: '127.0.0.1', port: 8080 });
  };
  const root = new Command(rootSpec('/root'));
  const factory = new Factory(io, parseFlags(root, []).flags);
  const err = await factory.mapper(5).catch((e) => e);
  // The real kubectl logs this line five times for `get` (captured from /usr/bin/kubectl).
  const line =
    'EMMDD hh:mm:ss.uuuuuu PID memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n';
  assert.equal(normalizeKlog(io.err()), line.repeat(5));
  assert.equal(renderError(err).text, 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
});

const aggregatedCore = {
  kind: 'APIGroupDiscoveryList',
  items: [
    {
      metadata: { name: '' },
      versions: [
        {
          version: 'v1',
          resources: [
            { resource: 'pods', responseKind: { group: '', version: 'v1', kind: 'Pod' }, scope: 'Namespaced', singularResource: 'pod', shortNames: ['po'], categories: ['all'], verbs: ['get'] },
            { resource: 'events', responseKind: { group: '', version: 'v1', kind: 'Event' }, scope: 'Namespaced', singularResource: 'event', shortNames: ['ev'], verbs: ['get'] },
            { resource: 'broken', scope: 'Namespaced' },
          ],
        },
      ],
    },
  ],
};
const aggregatedApis = {
  kind: 'APIGroupDiscoveryList',
  items: [
    {
      metadata: { name: 'apps' },
      versions: [
        {
          version: 'v1',
          resources: [
            {
              resource: 'deployments',
              responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' },
              scope: 'Namespaced',
              singularResource: 'deployment',
              shortNames: ['deploy'],
              categories: ['all'],
              subresources: [{ subresource: 'scale', responseKind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get'] }],
            },
          ],
        },
      ],
    },
    {
      metadata: { name: 'events.k8s.io' },
      versions: [{ version: 'v1', resources: [{ resource: 'events', responseKind: { group: 'events.k8s.io', version: 'v1', kind: 'Event' }, scope: 'Namespaced', singularResource: 'event', shortNames: ['ev'] }] }],
    },
  ],
};

test('aggregated discovery and the REST mapper', async () => {
  const io = memoryIO();
  const ct = { 'content-type': ['application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList'] };
  io.transport = async (r) => reply(200, JSON.stringify(r.url.includes('/apis?') ? aggregatedApis : aggregatedCore), ct);
  const d = await new Discovery(new RestClient(config, io)).get();
  assert.equal(d.resources.length, 4, 'entries without responseKind are dropped');
  const m = new RestMapper(d);
  for (const arg of ['deploy', 'deployments', 'deployment', 'Deployment', 'deployment.apps', 'deployments.v1.apps', 'deploy.apps']) {
    assert.equal(m.mappingFor(arg).resource, 'deployments', arg);
  }
  assert.equal(m.mappingFor('ev').group, '', 'core group wins ties');
  assert.equal(m.mappingFor('events.events.k8s.io').group, 'events.k8s.io');
  assert.throws(() => m.mappingFor('foo'), { message: 'the server doesn\'t have a resource type "foo"' });
  assert.deepEqual(m.expandCategory('all')?.map((x) => x.resource), ['pods', 'deployments']);
  assert.equal(resourcePath(m.mappingFor('deploy'), 'default', 'web', 'scale'), '/apis/apps/v1/namespaces/default/deployments/web/scale');
});

test('legacy discovery when the server answers plain JSON', async () => {
  const io = memoryIO();
  const docs: Record<string, unknown> = {
    '/api': { kind: 'APIVersions', versions: ['v1'] },
    '/apis': { kind: 'APIGroupList', groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { version: 'v1' } }] },
    '/api/v1': { resources: [{ name: 'pods', singularName: 'pod', namespaced: true, kind: 'Pod', shortNames: ['po'] }, { name: 'pods/log', kind: 'Pod' }] },
    '/apis/apps/v1': { resources: [{ name: 'deployments', singularName: 'deployment', namespaced: true, kind: 'Deployment', shortNames: ['deploy'] }] },
  };
  io.transport = async (r) => reply(200, JSON.stringify(docs[new URL(r.url).pathname]), { 'content-type': ['application/json'] });
  const m = new RestMapper(await new Discovery(new RestClient(config, io)).get());
  assert.equal(m.mappingFor('po').resource, 'pods');
  assert.equal(m.mappingFor('po').subresources[0].name, 'log');
  assert.equal(m.mappingFor('deploy').group, 'apps');
});

test('watch streams: concatenated and newline-separated JSON events', () => {
  const d = new JsonStreamDecoder();
  assert.deepEqual(d.push('{"type":"ADDED","object":{"a":"}{"}}{"type":"MOD'), [{ type: 'ADDED', object: { a: '}{' } }]);
  assert.deepEqual(d.push('IFIED","object":{}}\n{"type":"DELETED","object":{"s":"\\"}"}}\n'), [
    { type: 'MODIFIED', object: {} },
    { type: 'DELETED', object: { s: '"}' } },
  ]);
});
