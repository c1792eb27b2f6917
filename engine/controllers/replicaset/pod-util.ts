// Pod predicates the workload controllers share, and the pure builder of a controller's pod.
// Upstream: kubernetes pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable),
// pkg/controller/controller_utils.go (IsPodActive, GetPodFromTemplate).
import type { KubeObject } from '../../api/object';
import type { OwnerReference } from '../runtime/owner-index';

export interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export function podReadyCondition(pod: KubeObject): PodCondition | undefined {
  return ((pod.status?.conditions ?? []) as PodCondition[]).find((c) => c.type === 'Ready');
}

export function isPodReady(pod: KubeObject): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

// Upstream: pkg/controller/controller_utils.go IsPodActive
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** Parses an RFC 3339 timestamp to ms; undefined when absent or invalid. */
export function timeOf(ts: string | undefined | null): number | undefined {
  if (!ts) return undefined;
  const t = Date.parse(ts);
  return Number.isNaN(t) ? undefined : t;
}

// Upstream: pkg/api/v1/pod/util.go IsPodAvailable — ready, and ready for longer than
// minReadySeconds (strictly: lastTransitionTime + minReadySeconds is before now).
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = timeOf(podReadyCondition(pod)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** When a ready pod becomes available (ms), for requeueing; undefined when it is not ready. */
export function podAvailableAt(pod: KubeObject, minReadySeconds: number): number | undefined {
  if (!isPodReady(pod)) return undefined;
  const since = timeOf(podReadyCondition(pod)?.lastTransitionTime) ?? 0;
  return since + minReadySeconds * 1000 + 1;
}

// Upstream: pkg/controller/controller_utils.go GetPodFromTemplate, getPodsPrefix
/** The pod a controller creates from its template: `<owner>-` + random suffix, template labels/annotations/finalizers. */
export function podFromTemplate(template: KubeObject['spec'], owner: KubeObject, controllerRef: OwnerReference): KubeObject {
  const meta = template?.metadata ?? {};
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: '',
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ownerReferences: [{ ...controllerRef }],
    },
    spec: structuredClone(template?.spec ?? {}),
  };
  if (meta.labels && Object.keys(meta.labels).length) pod.metadata.labels = { ...meta.labels };
  if (meta.annotations && Object.keys(meta.annotations).length) pod.metadata.annotations = { ...meta.annotations };
  if (meta.finalizers?.length) pod.metadata.finalizers = [...meta.finalizers];
  return pod;
}
