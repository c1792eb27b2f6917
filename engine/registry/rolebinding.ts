// rbac.authorization.k8s.io/v1 RoleBinding, and what ClusterRoleBinding shares with it: subject
// defaults and validation, the immutable roleRef, the table with wide USERS/GROUPS/SERVICEACCOUNTS.
// Upstream: pkg/apis/rbac/v1/defaults.go, pkg/apis/rbac/validation (ValidateRoleBinding,
// ValidateRoleBindingSubject), pkg/apis/rbac/helpers.go (SubjectsStrings), printers.go (printRoleBinding)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { notSupported, required, type FieldError } from '../api/field-errors';
import { validatePathSegmentName } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition, TableColumn } from './resource-definition';

export const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function defaultBinding(b: KubeObject): void {
  b.roleRef ??= {};
  if (!b.roleRef.apiGroup) b.roleRef.apiGroup = RBAC_GROUP;
  for (const s of b.subjects ?? []) {
    if (!s.apiGroup) {
      if (s.kind === 'User' || s.kind === 'Group') s.apiGroup = RBAC_GROUP;
      else if (s.kind === 'ServiceAccount') s.apiGroup = '';
    }
  }
}

export function validateBinding(b: KubeObject, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const ref = b.roleRef ?? {};
  if (ref.apiGroup !== RBAC_GROUP) errs.push(notSupported('roleRef.apiGroup', ref.apiGroup ?? '', [RBAC_GROUP]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(ref.kind)) errs.push(notSupported('roleRef.kind', ref.kind ?? '', kinds));
  if (!ref.name) errs.push(required('roleRef.name', ''));
  else errs.push(...validatePathSegmentName('roleRef.name', ref.name));
  (b.subjects ?? []).forEach((s: any, i: number) => {
    const p = `subjects[${i}]`;
    if (!s.name) errs.push(required(`${p}.name`, ''));
    switch (s.kind) {
      case 'ServiceAccount':
        if (s.apiGroup) errs.push(notSupported(`${p}.apiGroup`, s.apiGroup, ['']));
        if (!namespaced && !s.namespace) errs.push(required(`${p}.namespace`, ''));
        break;
      case 'User':
      case 'Group':
        if (s.apiGroup !== RBAC_GROUP) errs.push(notSupported(`${p}.apiGroup`, s.apiGroup ?? '', [RBAC_GROUP]));
        break;
      default:
        errs.push(notSupported(`${p}.kind`, s.kind ?? '', ['ServiceAccount', 'User', 'Group']));
    }
  });
  return errs;
}

/** roleRef is immutable: `roleRef: Invalid value: rbac.RoleRef{...}: cannot change roleRef`. */
export function validateBindingUpdate(b: KubeObject, old: KubeObject): FieldError[] {
  const a = b.roleRef ?? {};
  const o = old.roleRef ?? {};
  if (a.apiGroup !== o.apiGroup || a.kind !== o.kind || a.name !== o.name)
    return [{ type: 'FieldValueInvalid', field: 'roleRef', rendered: `rbac.RoleRef{APIGroup:${JSON.stringify(a.apiGroup ?? '')}, Kind:${JSON.stringify(a.kind ?? '')}, Name:${JSON.stringify(a.name ?? '')}}`, detail: 'cannot change roleRef' }];
  return [];
}

/** rbac.SubjectsStrings: users, groups, and namespace/name of service accounts. */
export function subjectsStrings(subjects: any[] | undefined): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of subjects ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [users.join(', '), groups.join(', '), sas.join(', ')];
}

export function bindingColumns(what: string, roleRefDoc: string): TableColumn[] {
  return [
    NAME_COLUMN,
    col('Role', 'string', roleRefDoc),
    AGE_COLUMN,
    col('Users', 'string', `Users in the ${what}`, 1),
    col('Groups', 'string', `Groups in the ${what}`, 1),
    col('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`, 1),
  ];
}

export function bindingRow(b: KubeObject, now: number): string[] {
  return [b.metadata.name, `${b.roleRef?.kind ?? ''}/${b.roleRef?.name ?? ''}`, age(b.metadata.creationTimestamp, now), ...subjectsStrings(b.subjects)];
}

export const roleBindingDefinition: ResourceDefinition = {
  group: RBAC_GROUP,
  versions: [{ version: 'v1', schema: 'io.k8s.api.rbac.v1.RoleBinding' }],
  kind: 'RoleBinding',
  plural: 'rolebindings',
  singular: 'rolebinding',
  namespaced: true,
  nameRule: 'path',
  defaults: defaultBinding,
  validate: (b) => validateBinding(b, true),
  validateUpdate: validateBindingUpdate,
  table: {
    columns: bindingColumns('roleBinding', "RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error. This field is immutable."),
    row: (b, ctx) => bindingRow(b, ctx.now),
  },
};
