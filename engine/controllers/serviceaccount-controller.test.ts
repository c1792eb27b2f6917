import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { placeholderCa, ServiceAccountController } from './serviceaccount-controller';
import { startHarness, type Harness } from './testing/harness';

const CA = '-----BEGIN CERTIFICATE-----\nTUlJQ...\n-----END CERTIFICATE-----\n';
let h: Harness;
before(async () => {
  h = await startHarness((ctx) => [new ServiceAccountController(ctx, CA)]);
});
after(async () => {
  await h.stop();
});

test('every namespace, built-in or new, gets the default ServiceAccount and kube-root-ca.crt', async () => {
  for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
    assert.ok(h.client.get('serviceaccounts', ns, 'default'), ns);
    assert.equal(h.client.get('configmaps', ns, 'kube-root-ca.crt')?.data?.['ca.crt'], CA, ns);
  }
  h.client.create('namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  await h.settle();
  const sa = h.client.get('serviceaccounts', 'team-a', 'default')!;
  assert.equal(sa.secrets, undefined, 'no token secret since 1.24');
  const cm = h.client.get('configmaps', 'team-a', 'kube-root-ca.crt')!;
  assert.deepEqual(cm.data, { 'ca.crt': CA });
  assert.match(cm.metadata.annotations!['kubernetes.io/description'], /^Contains a CA bundle/);
});

test('deleted or edited, they come back', async () => {
  h.client.delete('serviceaccounts', 'team-a', 'default');
  h.client.delete('configmaps', 'default', 'kube-root-ca.crt');
  const edited = structuredClone(h.client.get('configmaps', 'kube-system', 'kube-root-ca.crt')!);
  edited.data = { 'ca.crt': 'garbage' };
  h.client.update('configmaps', edited);
  await h.settle();
  assert.ok(h.client.get('serviceaccounts', 'team-a', 'default'));
  assert.equal(h.client.get('configmaps', 'default', 'kube-root-ca.crt')?.data?.['ca.crt'], CA);
  assert.equal(h.client.get('configmaps', 'kube-system', 'kube-root-ca.crt')?.data?.['ca.crt'], CA);
});

test('without the engine CA a PEM-shaped placeholder is published', () => {
  assert.match(placeholderCa(), /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/);
});
