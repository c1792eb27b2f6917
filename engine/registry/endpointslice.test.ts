import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointSliceDefinition, formatDiscoveryEndpoints, formatDiscoveryPorts, validateEndpointSlice } from './endpointslice';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('PORTS and ENDPOINTS cells', () => {
  assert.equal(formatDiscoveryPorts([]), '<unset>');
  assert.equal(formatDiscoveryPorts([{ port: 80 }, { name: 'https' }, {}, { port: 8080 }]), '80,https,* + 1 more...');
  assert.equal(formatDiscoveryEndpoints([{ addresses: ['10.244.1.5'] }, { addresses: ['10.244.2.6', '10.244.2.7'] }]), '10.244.1.5,10.244.2.6,10.244.2.7');
  assert.equal(formatDiscoveryEndpoints([{ addresses: ['a', 'b', 'c', 'd', 'e'] }]), 'a,b,c + 2 more...');
  assert.equal(formatDiscoveryEndpoints(undefined), '<unset>');
  const es = obj('EndpointSlice', 'web-abcde', { addressType: 'IPv4', ports: [{ name: 'http', port: 80, protocol: 'TCP' }], endpoints: [{ addresses: ['10.244.1.5'] }] });
  assert.deepEqual(endpointSliceDefinition.table!.row(es, { now: NOW }), ['web-abcde', 'IPv4', '80', '10.244.1.5', '5m']);
});

test('defaults and validation', () => {
  const es = obj('EndpointSlice', 'x', { addressType: 'IPV4', ports: [{ port: 80 }], endpoints: [{ addresses: [] }] });
  endpointSliceDefinition.defaults!(es, fakeContext());
  assert.deepEqual(es.ports, [{ port: 80, name: '', protocol: 'TCP' }]);
  assert.deepEqual(messages(validateEndpointSlice(es)), [
    'addressType: Unsupported value: "IPV4": supported values: "FQDN", "IPv4", "IPv6"',
    'endpoints[0].addresses: Required value: must contain at least 1 address',
  ]);
  const v4 = obj('EndpointSlice', 'y', { addressType: 'IPv4', endpoints: [{ addresses: ['fd00::1'] }] });
  assert.deepEqual(messages(validateEndpointSlice(v4)), ['endpoints[0].addresses[0]: Invalid value: "fd00::1": must be an IPv4 address']);
});
