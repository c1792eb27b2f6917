// The status a ReplicaSet reports for its active pods: a pure function of the RS, its pods and
// the outcome of the last create/delete pass.
// Upstream: pkg/controller/replicaset/replica_set_utils.go calculateStatus, NewReplicaSetCondition,
// SetCondition, RemoveCondition.
import { rfc3339 } from '../../clock';
import { matches, fromLabelSelector } from '../../api/label-selector';
import type { KubeObject } from '../../api/object';
import { isPodAvailable, isPodReady, podAvailableAt } from './pod-util';

export interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

/** The RS status as the apiserver serializes it: zero counters and empty lists are omitted. */
export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ManageError {
  /** FailedCreate or FailedDelete, by the sign of the replica difference. */
  message: string;
}

function omitZero(n: number): number | undefined {
  return n === 0 ? undefined : n;
}

// Upstream: pkg/controller/replicaset/replica_set_utils.go calculateStatus
export function calculateStatus(rs: KubeObject, activePods: KubeObject[], manageError: ManageError | undefined, now: number): ReplicaSetStatus {
  const templateLabels = rs.spec?.template?.metadata?.labels ?? {};
  const templateSelector = Object.entries(templateLabels).map(([key, v]) => ({ key, op: '=' as const, values: [String(v)] }));
  const minReadySeconds: number = rs.spec?.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matches(templateSelector, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, now)) available++;
    }
  }
  let conditions: ReplicaSetCondition[] = [...((rs.status?.conditions ?? []) as ReplicaSetCondition[])];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    const diff = activePods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: 'ReplicaFailure', status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageError.message });
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: activePods.length };
  const set = (k: 'fullyLabeledReplicas' | 'readyReplicas' | 'availableReplicas' | 'observedGeneration', v: number | undefined) => {
    if (v !== undefined) status[k] = v;
  };
  set('fullyLabeledReplicas', omitZero(fullyLabeled));
  set('readyReplicas', omitZero(ready));
  set('availableReplicas', omitZero(available));
  set('observedGeneration', omitZero(rs.metadata.generation ?? 0));
  if (conditions.length) status.conditions = conditions;
  return status;
}

/** The earliest time (ms) a ready-but-not-yet-available pod becomes available, for a requeue. */
export function nextAvailabilityCheck(rs: KubeObject, activePods: KubeObject[], now: number): number | undefined {
  const minReadySeconds: number = rs.spec?.minReadySeconds ?? 0;
  if (!minReadySeconds) return undefined;
  let next: number | undefined;
  for (const pod of activePods) {
    if (!isPodReady(pod) || isPodAvailable(pod, minReadySeconds, now)) continue;
    const at = podAvailableAt(pod, minReadySeconds)!;
    if (next === undefined || at < next) next = at;
  }
  return next;
}

/** Selector requirements of an RS, or undefined when it selects nothing (nil selector). */
export function selectorOf(obj: KubeObject): ReturnType<typeof fromLabelSelector> | undefined {
  const sel = obj.spec?.selector;
  if (!sel) return undefined;
  return fromLabelSelector(sel);
}
