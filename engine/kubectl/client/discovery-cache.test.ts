import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryFS, memoryIO } from '../testing/memory-fs';
import type { HttpRequest, HttpResponse } from '../io';
import { RestClient } from './rest-client';
import { Discovery, acceptDiscovery } from './discovery';
import { discoveryCacheDir, discoveryCacheTTLMs, fromResourceList, readDiscoveryCache, toGroupList, toResourceList } from './discovery-cache';

const aggregatedType = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';
const core = {
  kind: 'APIGroupDiscoveryList',
  items: [
    {
      metadata: { name: '' },
      versions: [
        {
          version: 'v1',
          resources: [
            {
              resource: 'pods',
              responseKind: { group: '', version: 'v1', kind: 'Pod' },
              scope: 'Namespaced',
              singularResource: 'pod',
              verbs: ['get', 'list'],
              shortNames: ['po'],
              categories: ['all'],
              subresources: [{ subresource: 'log', responseKind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] }],
            },
            { resource: 'nodes', responseKind: { group: '', version: 'v1', kind: 'Node' }, scope: 'Cluster', singularResource: 'node', verbs: ['get'] },
          ],
        },
      ],
    },
  ],
};
const apis = {
  kind: 'APIGroupDiscoveryList',
  items: [
    {
      metadata: { name: 'apps' },
      versions: [{ version: 'v1', resources: [{ resource: 'deployments', responseKind: { group: 'apps', version: 'v1', kind: 'Deployment' }, scope: 'Namespaced', singularResource: 'deployment', verbs: ['get'], shortNames: ['deploy'] }] }],
    },
  ],
};

function server(): { requests: string[]; transport: (r: HttpRequest) => Promise<HttpResponse> } {
  const requests: string[] = [];
  return {
    requests,
    transport: async (r) => {
      const path = new URL(r.url).pathname;
      requests.push(path);
      assert.equal(r.headers.Accept, acceptDiscovery);
      const body = JSON.stringify(path === '/api' ? core : apis);
      return { status: 200, headers: { 'content-type': [aggregatedType] }, body: (async function* () { yield new TextEncoder().encode(body); })() };
    },
  };
}

const config = { server: 'https://127.0.0.1:6443', namespace: 'default', namespaceExplicit: false, insecureSkipTLSVerify: false };

test('the cache folder is named after the server as client-go names it', () => {
  assert.equal(discoveryCacheDir('/root/.kube/cache', 'https://127.0.0.1:6443'), '/root/.kube/cache/discovery/127.0.0.1_6443');
  assert.equal(discoveryCacheDir('/c', 'https://api.example.com:443/prefix'), '/c/discovery/api.example.com_443/prefix');
});

test('discovery is written in the legacy list form and read back the same', async () => {
  const fs = new MemoryFS();
  const io = memoryIO({ fs });
  const s = server();
  io.transport = s.transport;
  const loc = { dir: '/h/.kube/cache/discovery/127.0.0.1_6443', fs, now: () => Date.now() };
  const first = new Discovery(new RestClient(config, io), loc);
  const fetched = await first.get();
  assert.equal(first.fromDisk, false);
  assert.deepEqual(s.requests, ['/api', '/apis']);
  assert.equal(
    fs.text(`${loc.dir}/v1/serverresources.json`),
    '{"kind":"APIResourceList","apiVersion":"v1","groupVersion":"v1","resources":[' +
      '{"name":"pods","singularName":"pod","namespaced":true,"version":"v1","kind":"Pod","verbs":["get","list"],"shortNames":["po"],"categories":["all"]},' +
      '{"name":"pods/log","singularName":"pod","namespaced":true,"version":"v1","kind":"Pod","verbs":["get"]},' +
      '{"name":"nodes","singularName":"node","namespaced":false,"version":"v1","kind":"Node","verbs":["get"]}]}\n',
  );
  assert.match(fs.text(`${loc.dir}/servergroups.json`)!, /^\{"kind":"APIGroupList","apiVersion":"v1","groups":\[\{"name":"","versions":\[\{"groupVersion":"v1","version":"v1"\}\]/);

  const second = new Discovery(new RestClient(config, io), loc);
  assert.deepEqual(await second.get(), fetched);
  assert.equal(second.fromDisk, true);
  assert.deepEqual(s.requests, ['/api', '/apis'], 'a fresh cache answers without the server');

  // A lookup miss drops the cached answer and asks the server once more.
  assert.equal(second.refreshIfStale(), true);
  await second.get();
  assert.deepEqual(s.requests, ['/api', '/apis', '/api', '/apis']);
  assert.equal(second.refreshIfStale(), false, 'fresh discovery has nothing to refresh');
});

test('a cache older than six hours, or missing a group version, is not used', async () => {
  const fs = new MemoryFS();
  let clock = 1_000_000;
  fs.now = () => clock;
  const io = memoryIO({ fs });
  io.transport = server().transport;
  const loc = { dir: '/c', fs, now: () => clock };
  await new Discovery(new RestClient(config, io), loc).get();
  assert.ok(await readDiscoveryCache(loc));
  clock += discoveryCacheTTLMs + 1;
  assert.equal(await readDiscoveryCache(loc), undefined);
  clock -= discoveryCacheTTLMs + 1;
  fs.files.delete('/c/apps/v1/serverresources.json');
  assert.equal(await readDiscoveryCache(loc), undefined);
});

test('group lists and resource lists convert both ways', () => {
  const result = {
    groups: [{ name: 'apps', versions: ['v1'], preferredVersion: 'v1' }],
    resources: [
      {
        group: 'apps',
        version: 'v1',
        resource: 'deployments',
        kind: 'Deployment',
        singular: 'deployment',
        namespaced: true,
        shortNames: ['deploy'],
        categories: ['all'],
        verbs: ['get'],
        subresources: [{ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch'] }],
        preferred: true,
      },
    ],
  };
  const list = toResourceList(result, 'apps', 'v1');
  assert.deepEqual(list.resources[1], { name: 'deployments/scale', singularName: 'deployment', namespaced: true, group: 'autoscaling', version: 'v1', kind: 'Scale', verbs: ['get', 'patch'] });
  assert.deepEqual(fromResourceList(list, 'apps', 'v1', true), result.resources);
  assert.deepEqual(toGroupList(result).groups[0], { name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } });
});
