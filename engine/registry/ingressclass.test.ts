import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ingressClassDefinition } from './ingressclass';
import { fakeContext, messages, NOW, obj } from './testing/registry-fixtures';

test('table: CONTROLLER and PARAMETERS', () => {
  const ic = obj('IngressClass', 'nginx', { spec: { controller: 'k8s.io/ingress-nginx' } }, undefined);
  assert.deepEqual(ingressClassDefinition.table!.row(ic, { now: NOW }), ['nginx', 'k8s.io/ingress-nginx', '<none>', '5m']);
  const withParams = obj('IngressClass', 'ext', { spec: { controller: 'example.com/lb', parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'ext' } } }, undefined);
  assert.equal(ingressClassDefinition.table!.row(withParams, { now: NOW })[2], 'IngressParameters.k8s.example.com/ext');
});

test('validation: controller required and immutable; parameters scope default', () => {
  const ctx = fakeContext();
  assert.deepEqual(messages(ingressClassDefinition.validate!(obj('IngressClass', 'x', { spec: {} }, undefined), ctx)), ['spec.controller: Required value']);
  const old = obj('IngressClass', 'x', { spec: { controller: 'a.io/one' } }, undefined);
  const next = obj('IngressClass', 'x', { spec: { controller: 'a.io/two' } }, undefined);
  assert.deepEqual(messages(ingressClassDefinition.validateUpdate!(next, old, ctx)), ['spec.controller: Invalid value: "a.io/two": field is immutable']);
  const p = obj('IngressClass', 'p', { spec: { controller: 'a.io/x', parameters: { kind: 'K', name: 'n' } } }, undefined);
  ingressClassDefinition.defaults!(p, ctx);
  assert.equal(p.spec.parameters.scope, 'Cluster');
});
