import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AllocationError, inUse, IPRange, nodePortRange, PortRange, rangeOffset, serviceIPRange } from './service-allocator';
import { fakeContext, obj } from './testing/registry-fixtures';

test('range offsets: 256 addresses of a /12 and 86 node ports are kept for static use', () => {
  assert.equal(rangeOffset(2 ** 20, 16, 256, 16), 256);
  assert.equal(serviceIPRange.offset, 256);
  assert.equal(serviceIPRange.size, 2 ** 20 - 2);
  assert.equal(nodePortRange.offset, 86);
  assert.equal(rangeOffset(16, 16, 256, 16), 0);
  assert.equal(rangeOffset(64, 16, 256, 16), 16);
});

test('dynamic cluster IPs come from above the static band, and fall back to it when full', () => {
  const used = new Set<string>();
  assert.equal(serviceIPRange.allocateNext(used, () => 0), '10.96.1.1');
  assert.equal(serviceIPRange.allocateNext(used, (n) => n - 1), '10.111.255.254');
  const small = new IPRange('10.0.0.0/26'); // 62 usable, offset 16
  const taken = new Set<string>();
  for (let i = 17; i <= 62; i++) taken.add(`10.0.0.${i}`);
  assert.equal(small.allocateNext(taken, () => 0), '10.0.0.1');
  for (let i = 1; i <= 16; i++) taken.add(`10.0.0.${i}`);
  assert.throws(() => small.allocateNext(taken, () => 0), (e: Error) => e instanceof AllocationError && e.message === 'range is full');
});

test('static cluster IPs: range and collision errors', () => {
  const used = new Set(['10.96.0.10']);
  assert.throws(() => serviceIPRange.allocateStatic('10.96.0.10', used), { message: 'provided IP is already allocated' });
  assert.throws(() => serviceIPRange.allocateStatic('1.1.1.1', used), { message: 'the provided IP (1.1.1.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12' });
  assert.throws(() => serviceIPRange.allocateStatic('10.96.0.0', used), /not in the valid range/);
  assert.doesNotThrow(() => serviceIPRange.allocateStatic('10.96.0.11', used));
});

test('node ports: dynamic from 30086 up, static checks', () => {
  const used = new Set<number>([30080]);
  assert.equal(nodePortRange.allocateNext(used, () => 0), 30086);
  assert.equal(nodePortRange.allocateNext(used, (n) => n - 1), 32767);
  assert.throws(() => nodePortRange.allocateStatic(30080, used), { message: 'provided port is already allocated' });
  assert.throws(() => nodePortRange.allocateStatic(8080, used), { message: 'provided port is not in the valid range. The range of valid ports is 30000-32767' });
  const tiny = new PortRange(100, 3, '100-102');
  assert.throws(() => tiny.allocateNext(new Set([100, 101, 102]), () => 0), { message: 'range is full' });
});

test('what is in use is read from the stored services, leaving out the one being written', () => {
  const ctx = fakeContext({
    services: [
      obj('Service', 'a', { spec: { clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ port: 443 }] } }),
      obj('Service', 'b', { spec: { clusterIPs: ['10.100.0.5'], ports: [{ port: 80, nodePort: 30080 }], healthCheckNodePort: 31000 } }),
      obj('Service', 'h', { spec: { clusterIP: 'None', clusterIPs: ['None'] } }),
    ],
  });
  const all = inUse(ctx);
  assert.deepEqual([...all.ips].sort(), ['10.100.0.5', '10.96.0.1']);
  assert.deepEqual([...all.nodePorts].sort(), [30080, 31000]);
  const others = inUse(ctx, { namespace: 'default', name: 'b' });
  assert.deepEqual([...others.ips], ['10.96.0.1']);
  assert.equal(others.nodePorts.size, 0);
});
