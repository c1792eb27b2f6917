// apps/v1 Deployment. Upstream: kubernetes pkg/registry/apps/deployment/strategy.go,
// pkg/apis/apps/v1/defaults.go, printers.go (printDeployment)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { formatLabelSelector, fromLabelSelector, selectorString } from '../api/label-selector';
import type { KubeObject } from '../api/object';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation';
import { invalid, type FieldError } from '../api/field-errors';

export function containersCell(spec: any): [string, string] {
  const cs: any[] = spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

export function validateIntOrPercent(field: string, v: unknown): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'number') return v < 0 ? [invalid(field, v, 'must be greater than or equal to 0')] : [];
  if (typeof v === 'string' && !/^\d+%$/.test(v)) return [invalid(field, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  if (typeof v === 'string' && Number(v.slice(0, -1)) > 100) return [invalid(field, v, 'must not be greater than 100%')];
  return [];
}

export const deploymentDefinition: ResourceDefinition = {
  group: 'apps',
  versions: [{ version: 'v1', schema: 'io.k8s.api.apps.v1.Deployment' }],
  kind: 'Deployment',
  plural: 'deployments',
  singular: 'deployment',
  shortNames: ['deploy'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  scale: {
    specReplicasPath: ['spec', 'replicas'],
    statusReplicasPath: ['status', 'replicas'],
    selector: (o) => selectorString(fromLabelSelector(o.spec?.selector)),
  },
  defaults(d) {
    const spec = (d.spec ??= {});
    spec.replicas ??= 1;
    spec.strategy ??= {};
    spec.strategy.type ??= 'RollingUpdate';
    if (spec.strategy.type === 'RollingUpdate') {
      spec.strategy.rollingUpdate ??= {};
      spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      spec.strategy.rollingUpdate.maxSurge ??= '25%';
    }
    spec.revisionHistoryLimit ??= 10;
    spec.progressDeadlineSeconds ??= 600;
    defaultPodTemplate(spec.template);
  },
  validate(d) {
    const spec = d.spec ?? {};
    const errs = [...validateNonNegative('spec.replicas', spec.replicas), ...validateSelectorAndTemplate(spec)];
    const st = spec.strategy ?? {};
    if (st.type && !['RollingUpdate', 'Recreate'].includes(st.type))
      errs.push({ type: 'FieldValueNotSupported', field: 'spec.strategy.type', value: st.type, detail: 'supported values: "Recreate", "RollingUpdate"' });
    if (st.type === 'Recreate' && st.rollingUpdate) errs.push({ type: 'FieldValueForbidden', field: 'spec.strategy.rollingUpdate', detail: 'may not be specified when strategy `type` is \'Recreate\'' });
    if (st.rollingUpdate) {
      errs.push(...validateIntOrPercent('spec.strategy.rollingUpdate.maxUnavailable', st.rollingUpdate.maxUnavailable));
      errs.push(...validateIntOrPercent('spec.strategy.rollingUpdate.maxSurge', st.rollingUpdate.maxSurge));
      const zero = (v: unknown) => v === 0 || v === '0%';
      if (zero(st.rollingUpdate.maxUnavailable) && zero(st.rollingUpdate.maxSurge))
        errs.push(invalid('spec.strategy.rollingUpdate.maxUnavailable', st.rollingUpdate.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
    }
    if (spec.template?.spec?.restartPolicy && spec.template.spec.restartPolicy !== 'Always')
      errs.push({ type: 'FieldValueNotSupported', field: 'spec.template.spec.restartPolicy', value: spec.template.spec.restartPolicy, detail: 'supported values: "Always"' });
    errs.push(...validateNonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
    errs.push(...validateNonNegative('spec.minReadySeconds', spec.minReadySeconds));
    return errs;
  },
  validateUpdate(d, old) {
    return validateSelectorImmutable(d.spec, old.spec);
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Ready', 'string', 'Number of the pod with ready state'),
      col('Up-to-date', 'string', 'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
      col('Available', 'string', 'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
      col('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.', 1),
    ],
    row(d: KubeObject, ctx) {
      const st = d.status ?? {};
      const [names, images] = containersCell(d.spec?.template?.spec);
      let selector: string;
      try {
        selector = selectorString(fromLabelSelector(d.spec?.selector));
      } catch {
        selector = '<invalid>';
      }
      return [d.metadata.name, `${st.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`, st.updatedReplicas ?? 0, st.availableReplicas ?? 0, age(d.metadata.creationTimestamp, ctx.now), names, images, selector];
    },
  },
};

export { formatLabelSelector };
