import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointsDefinition, formatEndpoints, validateEndpoints } from './endpoints';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('ENDPOINTS cell: ip:port, up to three, then + N more', () => {
  const ep = (subsets: unknown[] | undefined) => obj('Endpoints', 'web', subsets ? { subsets } : {});
  assert.equal(formatEndpoints(ep(undefined)), '<none>');
  assert.equal(formatEndpoints(ep([{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }])), '10.244.1.5:80');
  const four = [{ addresses: ['1', '2', '3', '4'].map((n) => ({ ip: `10.244.1.${n}` })), ports: [{ port: 80 }] }];
  assert.equal(formatEndpoints(ep(four)), '10.244.1.1:80,10.244.1.2:80,10.244.1.3:80 + 1 more...');
  assert.equal(formatEndpoints(ep([{ addresses: [{ ip: '10.244.1.1' }], ports: [{ port: 80 }, { port: 443 }] }])), '10.244.1.1:80,10.244.1.1:443');
  assert.equal(formatEndpoints(ep([{ addresses: [{ ip: '10.244.1.1' }] }])), '10.244.1.1');
  assert.equal(formatEndpoints(ep([{ notReadyAddresses: [{ ip: '10.244.1.1' }], ports: [{ port: 80 }] }])), '');
  assert.equal(formatEndpoints(ep([{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }])), '[fd00::1]:80');
  assert.deepEqual(endpointsDefinition.table!.row(ep([{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 80 }] }]), { now: NOW }), ['web', '10.244.1.5:80', '5m']);
});

test('defaults and validation', () => {
  const ep = obj('Endpoints', 'web', { subsets: [{ addresses: [{ ip: 'nope' }], ports: [{ port: 0 }, { port: 80, protocol: 'HTTP' }] }] });
  endpointsDefinition.defaults!(ep, fakeContext());
  assert.equal(ep.subsets[0].ports[0].protocol, 'TCP');
  assert.deepEqual(messages(validateEndpoints(ep)), [
    'subsets[0].addresses[0].ip: Invalid value: "nope": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    'subsets[0].ports[0].name: Required value',
    'subsets[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
    'subsets[0].ports[1].name: Required value',
    'subsets[0].ports[1].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
  ]);
});
