// apps/v1 DaemonSet. Upstream: pkg/apis/apps/v1/defaults.go (SetDefaults_DaemonSet),
// pkg/registry/apps/daemonset/strategy.go, pkg/apis/apps/validation (ValidateDaemonSet),
// printers.go (printDaemonSet)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, type FieldError } from '../api/field-errors';
import { formatLabels, formatLabelSelector } from '../api/label-selector';
import { clone, type KubeObject } from '../api/object';
import { deepEqual } from '../api/deep-equal';
import { containersCell, validateIntOrPercent } from './deployment';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation';

/** metadata.annotations key that carries spec.templateGeneration in apps/v1. */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

export function defaultDaemonSet(ds: KubeObject): void {
  const spec = (ds.spec ??= {});
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) spec.updateStrategy.type = 'RollingUpdate';
  if (spec.updateStrategy.type === 'RollingUpdate') {
    spec.updateStrategy.rollingUpdate ??= {};
    spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
}

/** Required workload templates must restart Always. */
export function alwaysRestartPolicy(spec: any, path = 'spec.template.spec.restartPolicy'): FieldError[] {
  const rp = spec?.template?.spec?.restartPolicy;
  return rp && rp !== 'Always' ? [notSupported(path, rp, ['Always'])] : [];
}

export function validateDaemonSet(ds: KubeObject): FieldError[] {
  const spec = ds.spec ?? {};
  const errs = validateSelectorAndTemplate(spec, { kindName: 'daemonset' });
  errs.push(...alwaysRestartPolicy(spec));
  errs.push(...validateNonNegative('spec.minReadySeconds', spec.minReadySeconds));
  errs.push(...validateNonNegative('spec.revisionHistoryLimit', spec.revisionHistoryLimit));
  const st = spec.updateStrategy ?? {};
  if (st.type && !['OnDelete', 'RollingUpdate'].includes(st.type)) errs.push(notSupported('spec.updateStrategy.type', st.type, ['OnDelete', 'RollingUpdate']));
  if (st.type === 'RollingUpdate' && st.rollingUpdate) {
    const ru = st.rollingUpdate;
    errs.push(...validateIntOrPercent('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable));
    errs.push(...validateIntOrPercent('spec.updateStrategy.rollingUpdate.maxSurge', ru.maxSurge));
    const zero = (v: unknown) => v === 0 || v === '0%';
    if (zero(ru.maxUnavailable) && zero(ru.maxSurge)) errs.push(invalid('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
  }
  return errs;
}

function templateGeneration(ds: KubeObject): number {
  return Number(ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION] ?? 1) || 1;
}

export const daemonSetDefinition: ResourceDefinition = {
  group: 'apps',
  versions: [{ version: 'v1', schema: 'io.k8s.api.apps.v1.DaemonSet' }],
  kind: 'DaemonSet',
  plural: 'daemonsets',
  singular: 'daemonset',
  shortNames: ['ds'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(ds) {
    ds.status = { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: '1' };
  },
  prepareForUpdate(ds, old) {
    // The template generation is server-owned: kept, and bumped when the template changes.
    let gen = templateGeneration(old);
    const next = clone(ds.spec?.template);
    defaultPodTemplate(next);
    if (!deepEqual(next, old.spec?.template)) gen++;
    ds.metadata.annotations = { ...(ds.metadata.annotations ?? {}), [TEMPLATE_GENERATION_ANNOTATION]: String(gen) };
  },
  defaults: defaultDaemonSet,
  validate: validateDaemonSet,
  validateUpdate: (ds, old) => validateSelectorImmutable(ds.spec, old.spec),
  table: {
    columns: [
      NAME_COLUMN,
      col('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
      col('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
      col('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
      col('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
      col('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
      col('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
      col('Selector', 'string', "A label query over pods that are managed by the daemon set. Must match in order to be controlled. It must match the pod template's labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors", 1),
    ],
    row(ds, ctx) {
      const st = ds.status ?? {};
      const [names, images] = containersCell(ds.spec?.template?.spec);
      return [
        ds.metadata.name,
        st.desiredNumberScheduled ?? 0,
        st.currentNumberScheduled ?? 0,
        st.numberReady ?? 0,
        st.updatedNumberScheduled ?? 0,
        st.numberAvailable ?? 0,
        formatLabels(ds.spec?.template?.spec?.nodeSelector),
        age(ds.metadata.creationTimestamp, ctx.now),
        names,
        images,
        formatLabelSelector(ds.spec?.selector),
      ];
    },
  },
};
