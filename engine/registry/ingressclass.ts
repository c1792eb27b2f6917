// networking.k8s.io/v1 IngressClass (cluster-scoped). Upstream: pkg/apis/networking/validation
// (ValidateIngressClass, ValidateIngressClassUpdate), printers.go (printIngressClass)
import { invalid, required, type FieldError } from '../api/field-errors';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

function validateIngressClass(ic: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const c = ic.spec?.controller;
  if (!c) errs.push(required('spec.controller', ''));
  else {
    if (c.length > 250) errs.push({ type: 'FieldValueTooLong', field: 'spec.controller', detail: 'may not be more than 250 bytes' });
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/./.test(c)) errs.push(invalid('spec.controller', c, 'must be a domain-prefixed path (such as "acme.io/foo")'));
  }
  const p = ic.spec?.parameters;
  if (p) {
    if (!p.kind) errs.push(required('spec.parameters.kind', 'kind is required'));
    if (!p.name) errs.push(required('spec.parameters.name', 'name is required'));
    if (p.scope && p.scope !== 'Cluster' && p.scope !== 'Namespace')
      errs.push({ type: 'FieldValueNotSupported', field: 'spec.parameters.scope', value: p.scope, detail: 'supported values: "Cluster", "Namespace"' });
    if (p.scope === 'Namespace' && !p.namespace) errs.push(required('spec.parameters.namespace', '`parameters.scope` is set to "Namespace"'));
  }
  return errs;
}

export function parametersCell(ic: KubeObject): string {
  const p = ic.spec?.parameters;
  if (!p) return '<none>';
  return `${p.kind ?? ''}${p.apiGroup !== undefined && p.apiGroup !== null ? `.${p.apiGroup}` : ''}/${p.name ?? ''}`;
}

export const ingressClassDefinition: ResourceDefinition = {
  group: 'networking.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.networking.v1.IngressClass' }],
  kind: 'IngressClass',
  plural: 'ingressclasses',
  singular: 'ingressclass',
  namespaced: false,
  tracksGeneration: true,
  defaults(ic) {
    const p = ic.spec?.parameters;
    if (p && !p.scope) p.scope = 'Cluster';
  },
  validate: validateIngressClass,
  validateUpdate(ic, old) {
    if (ic.spec?.controller !== old.spec?.controller) return [invalid('spec.controller', ic.spec?.controller ?? '', 'field is immutable')];
    return [];
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Controller', 'string', 'Controller that is responsible for handling this class'),
      col('Parameters', 'string', 'A reference to a resource with additional parameters'),
      AGE_COLUMN,
    ],
    row: (ic, ctx) => [ic.metadata.name, ic.spec?.controller ?? '', parametersCell(ic), age(ic.metadata.creationTimestamp, ctx.now)],
  },
};
