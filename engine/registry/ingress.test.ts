import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatHosts, ingressDefinition, validateIngress } from './ingress';
import { messages, NOW, obj } from './testing/registry-fixtures';

const backend = { service: { name: 'web', port: { number: 80 } } };
const rule = (host: string | undefined, paths: unknown[]) => ({ ...(host ? { host } : {}), http: { paths } });

test('validation: pathType, paths, backends, hosts', () => {
  const v = (spec: Record<string, unknown>) => messages(validateIngress(obj('Ingress', 'web', { spec })));
  assert.deepEqual(v({ rules: [rule('a.example.com', [{ path: '/', pathType: 'Prefix', backend }])] }), []);
  assert.deepEqual(v({}), ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified']);
  assert.deepEqual(v({ rules: [rule('a.example.com', [{ path: '/', backend }])] }), ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified']);
  assert.deepEqual(v({ rules: [rule(undefined, [{ path: '/', pathType: 'prefix', backend }])] }), ['spec.rules[0].http.paths[0].pathType: Unsupported value: "prefix": supported values: "Exact", "ImplementationSpecific", "Prefix"']);
  assert.deepEqual(v({ rules: [rule(undefined, [{ path: 'app', pathType: 'Prefix', backend }])] }), ['spec.rules[0].http.paths[0].path: Invalid value: "app": must be an absolute path']);
  assert.deepEqual(v({ rules: [rule(undefined, [])] }), ['spec.rules[0].http.paths: Required value']);
  assert.deepEqual(v({ rules: [rule(undefined, [{ path: '/', pathType: 'Prefix', backend: {} }])] }), ['spec.rules[0].http.paths[0].backend: Invalid value: "": resource or service backend is required']);
  assert.deepEqual(v({ rules: [rule(undefined, [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web' } } }])] }), ['spec.rules[0].http.paths[0].backend: Required value: port name or number is required']);
  assert.deepEqual(v({ rules: [rule(undefined, [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80, name: 'http' } } } }])] }), [
    'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
  ]);
  assert.deepEqual(v({ rules: [rule('192.168.1.1', [{ path: '/', pathType: 'Prefix', backend }])] }), ['spec.rules[0].host: Invalid value: "192.168.1.1": must be a DNS name, not an IP address']);
  assert.deepEqual(v({ defaultBackend: backend, rules: [rule('*.example.com', [{ path: '/', pathType: 'Exact', backend }])] }), []);
});

test('table: CLASS, HOSTS, ADDRESS, PORTS', () => {
  const ing = obj('Ingress', 'web', {
    spec: { ingressClassName: 'nginx', tls: [{ hosts: ['a.example.com'] }], rules: [rule('a.example.com', []), rule('b.example.com', [])] },
    status: { loadBalancer: { ingress: [{ ip: '192.168.109.101' }, { ip: '192.168.109.100' }] } },
  });
  assert.deepEqual(ingressDefinition.table!.row(ing, { now: NOW }), ['web', 'nginx', 'a.example.com,b.example.com', '192.168.109.100,192.168.109.101', '80, 443', '5m']);
  const bare = obj('Ingress', 'x', { spec: { defaultBackend: backend }, status: { loadBalancer: {} } });
  assert.deepEqual(ingressDefinition.table!.row(bare, { now: NOW }), ['x', '<none>', '*', '', '80', '5m']);
  assert.equal(formatHosts([{ host: 'a' }, { host: 'b' }, { host: 'c' }, { host: 'd' }, { host: 'e' }]), 'a,b,c + 2 more...');
  assert.equal(formatHosts([{}, { host: 'b' }]), 'b');
});
