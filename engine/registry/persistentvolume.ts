// core/v1 PersistentVolume (cluster-scoped). Upstream: pkg/apis/core/v1/defaults.go
// (SetDefaults_PersistentVolume), pkg/apis/core/validation (ValidatePersistentVolume),
// printers.go (printPersistentVolume)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { notSupported, required, type FieldError } from '../api/field-errors';
import type { KubeObject } from '../api/object';
import { accessModesCell, validateAccessModes } from './persistentvolumeclaim';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

/** The volume sources a PV may name; exactly one must be set. */
const VOLUME_SOURCES = [
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'csi', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'glusterfs', 'hostPath',
  'iscsi', 'local', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
];

export function validatePersistentVolume(pv: KubeObject): FieldError[] {
  const spec = pv.spec ?? {};
  const errs = validateAccessModes('spec.accessModes', spec.accessModes, '');
  const capacity = spec.capacity ?? {};
  if (Object.keys(capacity).length === 0) errs.push(required('spec.capacity', ''));
  if (!('storage' in capacity) || Object.keys(capacity).length > 1) {
    const keys = Object.keys(capacity).sort();
    errs.push({ type: 'FieldValueNotSupported', field: 'spec.capacity', rendered: keys.length ? `core.ResourceList{${keys.map((k) => `${JSON.stringify(k)}:resource.Quantity{...}`).join(', ')}}` : 'core.ResourceList(nil)', detail: 'supported values: "storage"' });
  }
  const rp = spec.persistentVolumeReclaimPolicy;
  if (rp && !['Delete', 'Recycle', 'Retain'].includes(rp)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', rp, ['Delete', 'Recycle', 'Retain']));
  const sources = VOLUME_SOURCES.filter((s) => spec[s] !== undefined && spec[s] !== null);
  if (sources.length === 0) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push({ type: 'FieldValueForbidden', field: `spec.${sources[1]}`, detail: 'may not specify more than 1 volume type' });
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path', ''));
  if (spec.nfs) {
    if (!spec.nfs.server) errs.push(required('spec.nfs.server', ''));
    if (!spec.nfs.path) errs.push(required('spec.nfs.path', ''));
  }
  if (spec.volumeMode && !['Block', 'Filesystem'].includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, ['Block', 'Filesystem']));
  return errs;
}

export const persistentVolumeDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.PersistentVolume' }],
  kind: 'PersistentVolume',
  plural: 'persistentvolumes',
  singular: 'persistentvolume',
  shortNames: ['pv'],
  namespaced: false,
  hasStatus: true,
  prepareForCreate(pv) {
    pv.status = { phase: 'Pending' };
  },
  defaults(pv) {
    const spec = (pv.spec ??= {});
    spec.persistentVolumeReclaimPolicy ||= 'Retain';
    spec.volumeMode ??= 'Filesystem';
    if (spec.hostPath) spec.hostPath.type ??= '';
    pv.status ??= {};
    pv.status.phase ||= 'Pending';
  },
  validate: validatePersistentVolume,
  table: {
    columns: [
      NAME_COLUMN,
      col('Capacity', 'string', "capacity is the description of the persistent volume's resources and capacity. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#capacity"),
      col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#access-modes'),
      col('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim. Valid options are Retain (default for manually created PersistentVolumes), Delete (default for dynamically provisioned PersistentVolumes), and Recycle (deprecated). Recycle must be supported by the volume plugin underlying this PersistentVolume. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#reclaiming'),
      col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#phase'),
      col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim. Expected to be non-nil when bound. claim.VolumeName is the authoritative bind between PV and PVC. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#binding'),
      col('StorageClass', 'string', 'StorageClass of the pv'),
      col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
      col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
      AGE_COLUMN,
      col('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state. Value of Filesystem is implied when not included in spec.', 1),
    ],
    row(pv, ctx) {
      const spec = pv.spec ?? {};
      const claim = spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : '';
      // helper.GetPersistentVolumeClass: the beta annotation wins over the field.
      const cls = pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? spec.storageClassName ?? '';
      return [
        pv.metadata.name,
        String(spec.capacity?.storage ?? '0'),
        accessModesCell(spec.accessModes),
        spec.persistentVolumeReclaimPolicy ?? '',
        pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
        claim,
        cls,
        spec.volumeAttributesClassName ?? '<unset>',
        pv.status?.reason ?? '',
        age(pv.metadata.creationTimestamp, ctx.now),
        spec.volumeMode ?? '<unset>',
      ];
    },
  },
};
