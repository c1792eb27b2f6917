// Storage kinds: PersistentVolume, PersistentVolumeClaim (with the pods using it) and StorageClass.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (describePersistentVolume, printVolumeNodeAffinity,
// describePersistentVolumeClaim, printPersistentVolumeClaim, getPodsForPVC, describeStorageClass),
// pkg/util/storage/storage.go (GetAccessModesAsString, GetPersistentVolumeClass, IsDefaultAnnotationText).

import type { DescribeApi } from './api';
import { describeEvents, refOf, searchEvents } from './events';
import { formatLabels, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline, rfc1123z, since, type Obj } from './format';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity } from './quantity';
import { describeVolumeSource } from './pod';

export function storageClassOfClaim(pvc: Obj): string {
  const a = pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (a !== undefined) return a;
  return pvc.spec?.storageClassName ?? '';
}

function storageClassOfVolume(pv: Obj): string {
  const a = pv.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (a !== undefined) return a;
  return pv.spec?.storageClassName ?? '';
}

export function accessModesString(modes: string[] | undefined): string {
  const m = modes ?? [];
  const out: string[] = [];
  if (m.includes('ReadWriteOnce')) out.push('RWO');
  if (m.includes('ReadOnlyMany')) out.push('ROX');
  if (m.includes('ReadWriteMany')) out.push('RWX');
  if (m.includes('ReadWriteOncePod')) out.push('RWOP');
  return out.join(',');
}

export async function describePersistentVolumeByName(api: DescribeApi, _ns: string, name: string, show: boolean): Promise<string> {
  const pv = await api.get(`/api/v1/persistentvolumes/${name}`);
  const events = show ? await searchEvents(api, refOf(pv, 'PersistentVolume')) : undefined;
  const spec = pv.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pv.metadata?.name}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata?.annotations);
    w.write(LEVEL_0, `Finalizers:\t[${(pv.metadata?.finalizers ?? []).join(' ')}]\n`);
    w.write(LEVEL_0, `StorageClass:\t${storageClassOfVolume(pv)}\n`);
    if (pv.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, api.now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pv.status?.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${canonicalQuantity(spec.capacity?.storage)}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${pv.status?.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path ?? ''}\n`);
    else if (spec.csi) {
      w.write(LEVEL_2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${spec.csi.driver ?? ''}\n    FSType:\t${spec.csi.fsType ?? ''}\n    VolumeHandle:\t${spec.csi.volumeHandle ?? ''}\n    ReadOnly:\t${spec.csi.readOnly === true}\n`);
    } else describeVolumeSource({ ...spec, name: '' }, w);
    if (events) describeEvents(events, w, api.now);
  });
}

function printVolumeNodeAffinity(w: PrefixWriter, affinity: Obj | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms: Obj[] = affinity.required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs: Obj[] = term.matchExpressions ?? [];
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let s = `${r.key} ${String(r.operator).toLowerCase()}`;
      if (r.values?.length) s += ` [${r.values.join(', ')}]`;
      w.write(LEVEL_0, s + '\n');
    });
  });
}

export async function describePersistentVolumeClaimByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const pvc = await api.get(`/api/v1/namespaces/${namespace}/persistentvolumeclaims/${name}`);
  const nsPods = await api.list(`/api/v1/namespaces/${namespace}/pods`);
  const pods: Obj[] = [];
  for (const p of nsPods) for (const v of p.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata?.name) pods.push(p);
  for (const ref of pvc.metadata?.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata?.uid === ref.uid);
    if (owner && !pods.some((p) => p.metadata?.uid === owner.metadata?.uid)) pods.push(owner);
  }
  const events = show ? await searchEvents(api, refOf(pvc, 'PersistentVolumeClaim')) : undefined;
  return tabbedString((w) => {
    printPersistentVolumeClaim(w, pvc, true, api.now);
    w.write(LEVEL_0, 'Used By:\t');
    if (pods.length === 0) w.writeLine('<none>');
    else {
      const names = pods.map((p) => p.metadata?.name as string).sort();
      names.forEach((n, i) => {
        if (i !== 0) w.write(LEVEL_0, '\t');
        w.write(LEVEL_0, `${n}\n`);
      });
    }
    const conds: Obj[] = pvc.status?.conditions ?? [];
    if (conds.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type} \t${c.status} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    if (events) describeEvents(events, w, api.now);
  });
}

export function printPersistentVolumeClaim(w: PrefixWriter, pvc: Obj, full: boolean, now = 0): void {
  if (full) {
    w.write(LEVEL_0, `Name:\t${pvc.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${pvc.metadata?.namespace}\n`);
  }
  w.write(LEVEL_0, `StorageClass:\t${storageClassOfClaim(pvc)}\n`);
  if (full) {
    if (pvc.metadata?.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, now)})\n`);
    else w.write(LEVEL_0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  }
  const spec = pvc.spec ?? {};
  w.write(LEVEL_0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata?.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata?.annotations);
  if (full) w.write(LEVEL_0, `Finalizers:\t[${(pvc.metadata?.finalizers ?? []).join(' ')}]\n`);
  let capacity = '';
  let accessModes = '';
  if (spec.volumeName) {
    accessModes = accessModesString(pvc.status?.accessModes);
    capacity = canonicalQuantity(pvc.status?.capacity?.storage);
  }
  w.write(LEVEL_0, `Capacity:\t${capacity}\n`);
  w.write(LEVEL_0, `Access Modes:\t${accessModes}\n`);
  if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(LEVEL_0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined) w.write(LEVEL_1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(LEVEL_1, `Kind:\t${spec.dataSource.kind ?? ''}\n`);
    w.write(LEVEL_1, `Name:\t${spec.dataSource.name ?? ''}\n`);
  }
}

export async function describeStorageClassByName(api: DescribeApi, _ns: string, name: string, show: boolean): Promise<string> {
  const sc = await api.get(`/apis/storage.k8s.io/v1/storageclasses/${name}`);
  const events = show ? await searchEvents(api, refOf(sc, 'StorageClass')) : undefined;
  const ann = sc.metadata?.annotations ?? {};
  const isDefault =
    ann['storageclass.kubernetes.io/is-default-class'] === 'true' || ann['storageclass.beta.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No';
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${sc.metadata?.name}\n`);
    w.write(LEVEL_0, `IsDefaultClass:\t${isDefault}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(sc.metadata?.annotations)}\n`);
    w.write(LEVEL_0, `Provisioner:\t${sc.provisioner ?? ''}\n`);
    w.write(LEVEL_0, `Parameters:\t${formatLabels(sc.parameters)}\n`);
    w.write(LEVEL_0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
    if (!sc.mountOptions?.length) w.write(LEVEL_0, 'MountOptions:\t<none>\n');
    else {
      w.write(LEVEL_0, 'MountOptions:\n');
      for (const o of sc.mountOptions) w.write(LEVEL_1, `${o}\n`);
    }
    if (sc.reclaimPolicy) w.write(LEVEL_0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
    if (sc.volumeBindingMode) w.write(LEVEL_0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
    if (sc.allowedTopologies) {
      w.write(LEVEL_0, 'AllowedTopologies:\t');
      if (!sc.allowedTopologies.length) w.writeLine('<none>');
      else {
        w.writeLine('');
        sc.allowedTopologies.forEach((term: Obj, i: number) => {
          w.write(LEVEL_1, `Term ${i}:\t`);
          const reqs: Obj[] = term.matchLabelExpressions ?? [];
          if (!reqs.length) {
            w.writeLine('<none>');
            return;
          }
          reqs.forEach((r, j) => {
            if (j !== 0) w.write(LEVEL_1, '\t');
            w.write(LEVEL_0, `${r.key} in${r.values?.length ? ` [${r.values.join(', ')}]` : ''}\n`);
          });
        });
      }
    }
    if (events) describeEvents(events, w, api.now);
  });
}
