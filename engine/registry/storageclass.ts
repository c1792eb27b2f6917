// storage.k8s.io/v1 StorageClass (cluster-scoped). Upstream: pkg/apis/storage/v1/defaults.go,
// pkg/apis/storage/validation (ValidateStorageClass, ValidateStorageClassUpdate),
// printers.go (printStorageClass)
import { forbidden, invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { validateQualifiedName } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

/** storageutil.IsDefaultAnnotation: the GA or the beta annotation set to "true". */
export function isDefaultStorageClass(sc: KubeObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a['storageclass.kubernetes.io/is-default-class'] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

export function validateStorageClass(sc: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push(required('provisioner', ''));
  else {
    errs.push(...validateQualifiedName('provisioner', String(sc.provisioner).toLowerCase()));
    if (String(sc.provisioner).length > 63) errs.push({ type: 'FieldValueTooLong', field: 'provisioner', detail: 'may not be more than 63 bytes' });
  }
  if (sc.reclaimPolicy && !['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (sc.volumeBindingMode && !['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode))
    errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  return errs;
}

export function validateStorageClassUpdate(sc: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  if (JSON.stringify(sc.parameters ?? {}) !== JSON.stringify(old.parameters ?? {})) errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (sc.provisioner !== old.provisioner) errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (sc.reclaimPolicy !== old.reclaimPolicy) errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (sc.volumeBindingMode !== old.volumeBindingMode) errs.push(invalid('volumeBindingMode', sc.volumeBindingMode, 'field is immutable'));
  return errs;
}

export const storageClassDefinition: ResourceDefinition = {
  group: 'storage.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.storage.v1.StorageClass' }],
  kind: 'StorageClass',
  plural: 'storageclasses',
  singular: 'storageclass',
  shortNames: ['sc'],
  namespaced: false,
  defaults(sc) {
    sc.reclaimPolicy ||= 'Delete';
    sc.volumeBindingMode ||= 'Immediate';
  },
  validate: validateStorageClass,
  validateUpdate: validateStorageClassUpdate,
  table: {
    columns: [
      NAME_COLUMN,
      col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
      col('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class. Defaults to Delete.'),
      col('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.  When unset, VolumeBindingImmediate is used. This field is only honored by servers that enable the VolumeScheduling feature.'),
      col('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
      AGE_COLUMN,
    ],
    row: (sc, ctx) => [
      isDefaultStorageClass(sc) ? `${sc.metadata.name} (default)` : sc.metadata.name,
      sc.provisioner ?? '',
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ?? false,
      age(sc.metadata.creationTimestamp, ctx.now),
    ],
  },
};
