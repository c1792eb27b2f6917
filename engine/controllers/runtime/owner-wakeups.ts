// Which owners an event on an owned object (a pod, a ControllerRevision) wakes, as the pod event
// handlers of the workload controllers decide: its controller, the controller it had before an
// ownership change, and, for an orphan whose labels or owners changed, every owner whose
// selector matches it (one of them may adopt it).
// Upstream: replica_set.go / daemon_controller.go addPod, updatePod, deletePod.
import { deepEqual } from '../../api/deep-equal';
import { fromLabelSelector, matches } from '../../api/label-selector';
import type { KubeObject } from '../../api/object';
import type { StoreEvent } from '../../store/object-store';
import type { ClusterClient } from './cluster-client';
import { keyOf } from './controller';
import { controllerRefOf } from './owner-index';

/** Owners of `resource` in obj's namespace whose non-empty selector matches obj's labels. */
export function ownersSelecting(client: ClusterClient, resource: string, obj: KubeObject): KubeObject[] {
  return client.list(resource, obj.metadata.namespace).filter((owner) => {
    const sel = owner.spec?.selector ? fromLabelSelector(owner.spec.selector) : undefined;
    return sel !== undefined && sel.length > 0 && matches(sel, obj.metadata.labels);
  });
}

/** The keys (namespace/name) of the owners of kind ownerKind that event e concerns. */
export function ownerKeysForOwned(e: StoreEvent, ownerKind: string, adopters: (obj: KubeObject) => KubeObject[]): string[] {
  const keys = new Set<string>();
  const ns = e.object.metadata.namespace;
  const ref = controllerRefOf(e.object);
  const prevRef = e.previous ? controllerRefOf(e.previous) : undefined;
  if (ref?.kind === ownerKind) keys.add(keyOf(ns, ref.name));
  if (prevRef?.kind === ownerKind && prevRef.uid !== ref?.uid) keys.add(keyOf(ns, prevRef.name));
  if (!ref && e.type !== 'DELETED') {
    const changed = e.type === 'ADDED' || !deepEqual(e.previous?.metadata.labels, e.object.metadata.labels) || !!prevRef;
    if (changed) for (const owner of adopters(e.object)) keys.add(keyOf(ns, owner.metadata.name));
  }
  return [...keys];
}
