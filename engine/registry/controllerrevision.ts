// apps/v1 ControllerRevision: immutable snapshots of a DaemonSet's or StatefulSet's template.
// Upstream: pkg/registry/apps/controllerrevision/strategy.go, pkg/apis/apps/validation
// (ValidateControllerRevision), printers.go (printControllerRevision, formatResourceName)
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { FieldError } from '../api/field-errors';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative } from './workload-validation';

/** `statefulset.apps/web` for the controlling owner, `<none>` without one. */
export function controllerCell(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r: any) => r.controller === true);
  if (!ref) return '<none>';
  const apiVersion = String(ref.apiVersion ?? '');
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  if (!ref.kind && !group) return ref.name;
  return `${(group ? `${ref.kind}.${group}` : ref.kind).toLowerCase()}/${ref.name}`;
}

export const controllerRevisionDefinition: ResourceDefinition = {
  group: 'apps',
  versions: [{ version: 'v1', schema: 'io.k8s.api.apps.v1.ControllerRevision' }],
  kind: 'ControllerRevision',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  validate(cr) {
    const errs: FieldError[] = [];
    if (cr.data === undefined || cr.data === null) errs.push({ type: 'FieldValueRequired', field: 'data', detail: 'data is mandatory' });
    errs.push(...validateNonNegative('revision', cr.revision));
    return errs;
  },
  validateUpdate(cr, old) {
    // Upstream prints the raw bytes of the new data (%#v of a RawExtension); the type name stands in.
    if (JSON.stringify(cr.data ?? null) !== JSON.stringify(old.data ?? null)) return [{ type: 'FieldValueInvalid', field: 'data', rendered: 'runtime.RawExtension{...}', detail: 'field is immutable' }];
    return [];
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Controller', 'string', 'Controller of the object'),
      col('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
      AGE_COLUMN,
    ],
    row: (cr, ctx) => [cr.metadata.name, controllerCell(cr), cr.revision ?? 0, age(cr.metadata.creationTimestamp, ctx.now)],
  },
};
