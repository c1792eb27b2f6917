// Which pods a ReplicaSet deletes first when it has too many: a pure ordering, table-tested.
// Upstream: pkg/controller/controller_utils.go ActivePodsWithRanks.Less, logarithmicRankDiff,
// maxContainerRestarts; pkg/controller/replicaset/replica_set.go getPodsToDelete,
// getPodsRankedByRelatedPodsOnSameNode. Feature gates PodDeletionCost and LogarithmicScaleDown
// are on, as in 1.32.
import type { KubeObject } from '../../api/object';
import { isPodActive, isPodReady, podReadyCondition, timeOf } from './pod-util';

const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

function phaseOrdinal(pod: KubeObject): number {
  return PHASE_ORDINAL[pod.status?.phase ?? ''] ?? 0;
}

// Upstream: pkg/apis/core/helper/helpers.go GetDeletionCostFromPodAnnotations (invalid -> 0)
export function deletionCost(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v.trim())) return 0;
  const n = Number(v.trim());
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxContainerRestarts(pod: KubeObject): { regular: number; sidecar: number } {
  let regular = 0;
  for (const c of pod.status?.containerStatuses ?? []) regular = Math.max(regular, c.restartCount ?? 0);
  const sidecars = new Set<string>(((pod.spec?.initContainers ?? []) as { name: string; restartPolicy?: string }[]).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let sidecar = 0;
  for (const c of pod.status?.initContainerStatuses ?? []) if (sidecars.has(c.name)) sidecar = Math.max(sidecar, c.restartCount ?? 0);
  return { regular, sidecar };
}

/** floor(log2(now - t)) in nanoseconds, -1 for non-positive ages. */
function logBucket(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** afterOrZero: a zero time sorts first, then the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

function uidLess(a: KubeObject, b: KubeObject): boolean {
  return (a.metadata.uid ?? '') < (b.metadata.uid ?? '');
}

export interface RankedPod {
  pod: KubeObject;
  /** Related active pods on the same node (doubled-up pods are deleted first). */
  rank: number;
}

// Upstream: pkg/controller/controller_utils.go ActivePodsWithRanks.Less
/** True when pod a should be deleted before pod b. */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  // 1. Unassigned < assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending < Unknown < Running.
  if (phaseOrdinal(pa) !== phaseOrdinal(pb)) return phaseOrdinal(pa) < phaseOrdinal(pb);
  // 3. Not ready < ready.
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  // 4. Lower pod-deletion-cost < higher.
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb;
  // 5. Doubled up < not doubled up.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Both ready: ready for a shorter time first, in log2 buckets.
  if (ra && rb) {
    const ta = timeOf(podReadyCondition(pa)?.lastTransitionTime);
    const tb = timeOf(podReadyCondition(pb)?.lastTransitionTime);
    if (ta !== tb) {
      if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
      const diff = logBucket(ta, now) - logBucket(tb, now);
      if (diff === 0) return uidLess(pa, pb);
      return diff < 0;
    }
  }
  // 7. More container restarts first.
  const xa = maxContainerRestarts(pa);
  const xb = maxContainerRestarts(pb);
  if (xa.regular !== xb.regular) return xa.regular > xb.regular;
  if (xa.sidecar !== xb.sidecar) return xa.sidecar > xb.sidecar;
  // 8. Newer first (log2 buckets, uid tiebreak).
  const ta = timeOf(pa.metadata.creationTimestamp);
  const tb = timeOf(pb.metadata.creationTimestamp);
  if (ta !== tb) {
    if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
    const diff = logBucket(ta, now) - logBucket(tb, now);
    if (diff === 0) return uidLess(pa, pb);
    return diff < 0;
  }
  return false;
}

// Upstream: pkg/controller/replicaset/replica_set.go getPodsRankedByRelatedPodsOnSameNode
export function rankByRelatedPodsOnSameNode(pods: KubeObject[], related: KubeObject[]): RankedPod[] {
  const perNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName ?? '';
    if (isPodActive(p)) perNode.set(node, (perNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: perNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
}

// Upstream: pkg/controller/replicaset/replica_set.go getPodsToDelete
/** The `diff` pods to delete out of the active ones, best candidates first. */
export function podsToDelete(active: KubeObject[], related: KubeObject[], diff: number, now: number): KubeObject[] {
  if (diff >= active.length) return active.slice(0, diff);
  const ranked = rankByRelatedPodsOnSameNode(active, related);
  // A stable sort with a strict "less" as Go's sort.Sort needs (its order is not stable, ours is).
  ranked.sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
