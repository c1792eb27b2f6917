// policy/v1 PodDisruptionBudget. Upstream: pkg/apis/policy/validation
// (ValidatePodDisruptionBudgetSpec), printers.go (printPodDisruptionBudget)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { notSupported, type FieldError } from '../api/field-errors';
import { formatLabelSelector } from '../api/label-selector';
import type { KubeObject } from '../api/object';
import { validateIntOrPercent } from './deployment';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

/** intstr.IntOrString.String() */
function intOrString(v: unknown): string {
  return v === undefined || v === null ? 'N/A' : String(v);
}

export function validatePdb(pdb: KubeObject): FieldError[] {
  const spec = pdb.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    // Upstream prints the spec struct (%#v, with pointer addresses); the shape stands in.
    errs.push({ type: 'FieldValueInvalid', field: 'spec', rendered: `policy.PodDisruptionBudgetSpec{MinAvailable:${JSON.stringify(spec.minAvailable)}, Selector:${formatLabelSelector(spec.selector)}, MaxUnavailable:${JSON.stringify(spec.maxUnavailable)}}`, detail: 'minAvailable and maxUnavailable cannot be both set' });
  }
  if (spec.minAvailable !== undefined) errs.push(...validateIntOrPercent('spec.minAvailable', spec.minAvailable));
  if (spec.maxUnavailable !== undefined) errs.push(...validateIntOrPercent('spec.maxUnavailable', spec.maxUnavailable));
  const p = spec.unhealthyPodEvictionPolicy;
  if (p !== undefined && p !== 'IfHealthyBudget' && p !== 'AlwaysAllow') errs.push(notSupported('spec.unhealthyPodEvictionPolicy', p, ['AlwaysAllow', 'IfHealthyBudget']));
  return errs;
}

export const podDisruptionBudgetDefinition: ResourceDefinition = {
  group: 'policy',
  versions: [{ version: 'v1', schema: 'io.k8s.api.policy.v1.PodDisruptionBudget' }],
  kind: 'PodDisruptionBudget',
  plural: 'poddisruptionbudgets',
  singular: 'poddisruptionbudget',
  shortNames: ['pdb'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(pdb) {
    pdb.status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  },
  validate: validatePdb,
  table: {
    columns: [
      NAME_COLUMN,
      col('Min Available', 'string', 'The minimum number of pods that must be available.'),
      col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
      col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
      AGE_COLUMN,
    ],
    row: (pdb: KubeObject, ctx) => [pdb.metadata.name, intOrString(pdb.spec?.minAvailable), intOrString(pdb.spec?.maxUnavailable), (pdb.status as any)?.disruptionsAllowed ?? 0, age(pdb.metadata.creationTimestamp, ctx.now)],
  },
};
