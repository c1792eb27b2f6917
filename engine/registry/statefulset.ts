// apps/v1 StatefulSet. Upstream: pkg/apis/apps/v1/defaults.go (SetDefaults_StatefulSet),
// pkg/registry/apps/statefulset/strategy.go, pkg/apis/apps/validation (ValidateStatefulSet,
// ValidateStatefulSetUpdate), printers.go (printStatefulSet)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { forbidden, invalid, required, type FieldError } from '../api/field-errors';
import { fromLabelSelector, selectorString } from '../api/label-selector';
import type { KubeObject } from '../api/object';
import { deepEqual } from '../api/deep-equal';
import { alwaysRestartPolicy } from './daemonset';
import { containersCell } from './deployment';
import { defaultPersistentVolumeClaim } from './persistentvolumeclaim';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation';

export function defaultStatefulSet(sts: KubeObject): void {
  const spec = (sts.spec ??= {});
  if (!spec.podManagementPolicy) spec.podManagementPolicy = 'OrderedReady';
  spec.updateStrategy ??= {};
  if (!spec.updateStrategy.type) {
    spec.updateStrategy.type = 'RollingUpdate';
    spec.updateStrategy.rollingUpdate ??= {};
  }
  if (spec.updateStrategy.type === 'RollingUpdate' && spec.updateStrategy.rollingUpdate) spec.updateStrategy.rollingUpdate.partition ??= 0;
  spec.persistentVolumeClaimRetentionPolicy ??= {};
  spec.persistentVolumeClaimRetentionPolicy.whenDeleted ||= 'Retain';
  spec.persistentVolumeClaimRetentionPolicy.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  defaultPodTemplate(spec.template);
  for (const t of spec.volumeClaimTemplates ?? []) {
    t.apiVersion ??= 'v1';
    t.kind ??= 'PersistentVolumeClaim';
    t.metadata ??= {};
    if (!('creationTimestamp' in t.metadata)) t.metadata.creationTimestamp = null;
    defaultPersistentVolumeClaim(t);
  }
}

const MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSet(sts: KubeObject): FieldError[] {
  const spec = sts.spec ?? {};
  const errs: FieldError[] = [];
  const pmp = spec.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy', ''));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const st = spec.updateStrategy ?? {};
  if (!st.type) errs.push(required('spec.updateStrategy', ''));
  else if (st.type === 'OnDelete') {
    if (st.rollingUpdate) errs.push({ type: 'FieldValueInvalid', field: 'spec.updateStrategy.rollingUpdate', rendered: '&apps.RollingUpdateStatefulSetStrategy{}', detail: "only allowed for updateStrategy 'RollingUpdate'" });
  } else if (st.type === 'RollingUpdate') {
    if (st.rollingUpdate) errs.push(...validateNonNegative('spec.updateStrategy.rollingUpdate.partition', st.rollingUpdate.partition));
  } else {
    errs.push({
      type: 'FieldValueInvalid',
      field: 'spec.updateStrategy',
      rendered: `apps.StatefulSetUpdateStrategy{Type:${JSON.stringify(st.type)}, RollingUpdate:(*apps.RollingUpdateStatefulSetStrategy)(nil)}`,
      detail: "must be 'RollingUpdate' or 'OnDelete'",
    });
  }
  const policy = spec.persistentVolumeClaimRetentionPolicy ?? {};
  for (const k of ['whenDeleted', 'whenScaled']) {
    if (policy[k] && !['Retain', 'Delete'].includes(policy[k]))
      errs.push({ type: 'FieldValueNotSupported', field: `spec.persistentVolumeClaimRetentionPolicy.${k}`, value: policy[k], detail: 'supported values: "Retain", "Delete"' });
  }
  errs.push(...validateNonNegative('spec.replicas', spec.replicas));
  errs.push(...validateNonNegative('spec.minReadySeconds', spec.minReadySeconds));
  if (spec.ordinals?.start !== undefined) errs.push(...validateNonNegative('spec.ordinals.start', spec.ordinals.start));
  errs.push(...validateSelectorAndTemplate(spec, { kindName: 'statefulset' }));
  errs.push(...alwaysRestartPolicy(spec));
  return errs;
}

export function validateStatefulSetUpdate(sts: KubeObject, old: KubeObject): FieldError[] {
  const strip = (s: any) => {
    const out = { ...(s ?? {}) };
    for (const k of MUTABLE) delete out[k];
    return out;
  };
  const errs = validateSelectorImmutable(sts.spec, old.spec);
  if (errs.length === 0 && !deepEqual(strip(sts.spec), strip(old.spec)))
    errs.push(forbidden('spec', "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  return errs;
}

export const statefulSetDefinition: ResourceDefinition = {
  group: 'apps',
  versions: [{ version: 'v1', schema: 'io.k8s.api.apps.v1.StatefulSet' }],
  kind: 'StatefulSet',
  plural: 'statefulsets',
  singular: 'statefulset',
  shortNames: ['sts'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  scale: {
    specReplicasPath: ['spec', 'replicas'],
    statusReplicasPath: ['status', 'replicas'],
    selector: (o) => selectorString(fromLabelSelector(o.spec?.selector)),
  },
  prepareForCreate(sts) {
    sts.status = { availableReplicas: 0, replicas: 0 };
  },
  defaults: defaultStatefulSet,
  validate: validateStatefulSet,
  validateUpdate: validateStatefulSetUpdate,
  table: {
    columns: [
      NAME_COLUMN,
      col('Ready', 'string', 'Number of the pod with ready state'),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
    ],
    row(sts, ctx) {
      const [names, images] = containersCell(sts.spec?.template?.spec);
      return [sts.metadata.name, `${sts.status?.readyReplicas ?? 0}/${sts.spec?.replicas ?? 0}`, age(sts.metadata.creationTimestamp, ctx.now), names, images];
    },
  },
};
