// rbac.authorization.k8s.io/v1 Role. No printer upstream, so tables show NAME and CREATED AT.
// Upstream: pkg/apis/rbac/validation (ValidateRole, ValidatePolicyRule)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { required, type FieldError } from '../api/field-errors';
import type { KubeObject } from '../api/object';
import type { ResourceDefinition } from './resource-definition';

const RBAC = 'rbac.authorization.k8s.io';

/** Upstream: validation.go ValidatePolicyRule */
export function validatePolicyRules(obj: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (obj.rules ?? []).forEach((rule: any, i: number) => {
    const p = `rules[${i}]`;
    if (!(rule.verbs ?? []).length) errs.push(required(`${p}.verbs`, 'verbs must contain at least one value'));
    const urls: string[] = rule.nonResourceURLs ?? [];
    const rendered = `[]string{${urls.map((u) => JSON.stringify(u)).join(', ')}}`;
    if (urls.length) {
      if (namespaced) errs.push({ type: 'FieldValueInvalid', field: `${p}.nonResourceURLs`, rendered, detail: 'namespaced rules cannot apply to non-resource URLs' });
      if ((rule.apiGroups ?? []).length || (rule.resources ?? []).length || (rule.resourceNames ?? []).length)
        errs.push({ type: 'FieldValueInvalid', field: `${p}.nonResourceURLs`, rendered, detail: 'rules cannot apply to both regular resources and non-resource URLs' });
      return;
    }
    if (!(rule.apiGroups ?? []).length) errs.push(required(`${p}.apiGroups`, 'resource rules must supply at least one api group'));
    if (!(rule.resources ?? []).length) errs.push(required(`${p}.resources`, 'resource rules must supply at least one resource'));
  });
  return errs;
}

export const roleDefinition: ResourceDefinition = {
  group: RBAC,
  versions: [{ version: 'v1', schema: 'io.k8s.api.rbac.v1.Role' }],
  kind: 'Role',
  plural: 'roles',
  singular: 'role',
  namespaced: true,
  nameRule: 'path',
  validate: (r) => validatePolicyRules(r, true),
};

