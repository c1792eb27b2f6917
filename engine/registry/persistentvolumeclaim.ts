// core/v1 PersistentVolumeClaim. Upstream: pkg/apis/core/v1/defaults.go
// (SetDefaults_PersistentVolumeClaim), pkg/apis/core/validation (ValidatePersistentVolumeClaimSpec),
// printers.go (printPersistentVolumeClaim)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { notSupported, required, type FieldError } from '../api/field-errors';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

export const ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];

/** helper.GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order, each once. */
export function accessModesCell(modes: string[] | undefined): string {
  const m = new Set(modes ?? []);
  const out: string[] = [];
  if (m.has('ReadWriteOnce')) out.push('RWO');
  if (m.has('ReadOnlyMany')) out.push('ROX');
  if (m.has('ReadWriteMany')) out.push('RWX');
  if (m.has('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

export function validateAccessModes(field: string, modes: unknown[] | undefined, requiredDetail: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!(modes ?? []).length) errs.push(required(field, requiredDetail));
  for (const m of modes ?? []) if (!ACCESS_MODES.includes(String(m))) errs.push(notSupported(field, m, ACCESS_MODES));
  if ((modes ?? []).includes('ReadWriteOncePod') && (modes ?? []).length > 1) errs.push({ type: 'FieldValueForbidden', field, detail: 'may not use ReadWriteOncePod with other access modes' });
  return errs;
}

/** A Quantity as a number of bytes (enough to tell zero and negative values apart). */
export function quantityValue(q: unknown): number {
  const m = /^([+-]?[0-9.]+)([a-zA-Z]*)$/.exec(String(q ?? '').trim());
  if (!m) return NaN;
  const mult: Record<string, number> = { '': 1, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4, Pi: 1024 ** 5, Ei: 1024 ** 6 };
  return Number(m[1]) * (mult[m[2]] ?? NaN);
}

export function defaultPersistentVolumeClaim(pvc: any): void {
  pvc.spec ??= {};
  pvc.spec.volumeMode ??= 'Filesystem';
  pvc.status ??= {};
  pvc.status.phase ||= 'Pending';
}

export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  const spec = pvc.spec ?? {};
  const errs = validateAccessModes('spec.accessModes', spec.accessModes, 'at least 1 access mode is required');
  const storage = spec.resources?.requests?.storage;
  if (storage === undefined) errs.push(required('spec.resources[storage]', ''));
  else if (!(quantityValue(storage) > 0)) errs.push({ type: 'FieldValueInvalid', field: 'spec.resources[storage]', value: String(storage), detail: 'must be greater than zero' });
  if (spec.volumeMode && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export const persistentVolumeClaimDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.PersistentVolumeClaim' }],
  kind: 'PersistentVolumeClaim',
  plural: 'persistentvolumeclaims',
  singular: 'persistentvolumeclaim',
  shortNames: ['pvc'],
  namespaced: true,
  hasStatus: true,
  prepareForCreate(pvc) {
    pvc.status = { phase: 'Pending' };
  },
  defaults: defaultPersistentVolumeClaim,
  validate: validatePersistentVolumeClaim,
  table: {
    columns: [
      NAME_COLUMN,
      col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
      col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
      col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
      col('Access Modes', 'string', 'accessModes contains the actual access modes the volume backing the PVC has. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes-1'),
      col('StorageClass', 'string', 'StorageClass of the pvc'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
      AGE_COLUMN,
      col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim. Value of Filesystem is implied when not included in claim spec.', 1),
    ],
    row(pvc, ctx) {
      const spec = pvc.spec ?? {};
      const phase = pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? '');
      const bound = !!spec.volumeName;
      // helper.GetPersistentVolumeClaimClass: the beta annotation wins over the field.
      const cls = pvc.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? '';
      return [
        pvc.metadata.name,
        phase,
        spec.volumeName ?? '',
        bound ? String(pvc.status?.capacity?.storage ?? '0') : '',
        bound ? accessModesCell(pvc.status?.accessModes) : '',
        cls,
        spec.volumeAttributesClassName ?? '<unset>',
        age(pvc.metadata.creationTimestamp, ctx.now),
        spec.volumeMode ?? '<unset>',
      ];
    },
  },
};
