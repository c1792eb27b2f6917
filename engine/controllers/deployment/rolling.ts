// The RollingUpdate strategy, one step per sync: grow the new ReplicaSet within maxSurge, then
// shrink old ones within maxUnavailable (unhealthy replicas first), then report progress.
// Upstream: pkg/controller/deployment/rolling.go
import type { KubeObject } from '../../api/object';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentContext } from './sync';
import { activeReplicaSets, deploymentComplete, desiredReplicas, maxUnavailable, newRSNewReplicas, replicasOf, sortByCreation, sumReplicas, sumStatus } from './util';

// Upstream: rolling.go rolloutRolling
export function rolloutRolling(ctx: DeploymentContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, true);
  const allRSs = [...oldRSs, newRS!];
  if (reconcileNewReplicaSet(ctx, allRSs, newRS!)) return syncRolloutStatus(ctx, allRSs, newRS);
  if (reconcileOldReplicaSets(ctx, allRSs, activeReplicaSets(oldRSs), newRS!)) return syncRolloutStatus(ctx, allRSs, newRS);
  if (deploymentComplete(ctx.d, ctx.d.status ?? {})) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

// Upstream: rolling.go reconcileNewReplicaSet
export function reconcileNewReplicaSet(ctx: DeploymentContext, allRSs: KubeObject[], newRS: KubeObject): boolean {
  const replicas = desiredReplicas(ctx.d);
  if (replicasOf(newRS) === replicas) return false;
  if (replicasOf(newRS) > replicas) return scaleReplicaSetAndRecordEvent(ctx, newRS, replicas).scaled;
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(ctx.d, allRSs, newRS)).scaled;
}

// Upstream: rolling.go reconcileOldReplicaSets
export function reconcileOldReplicaSets(ctx: DeploymentContext, allRSs: KubeObject[], oldRSs: KubeObject[], newRS: KubeObject): boolean {
  if (sumReplicas(oldRSs) === 0) return false;
  const allPods = sumReplicas(allRSs);
  const minAvailable = desiredReplicas(ctx.d) - maxUnavailable(ctx.d);
  const newRSUnavailable = replicasOf(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthyReplicas(ctx, oldRSs, maxScaledDown);
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(ctx, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  return cleaned.scaledDown + scaledDown > 0;
}

// Upstream: rolling.go cleanupUnhealthyReplicas — scale old RSs down by their unavailable
// replicas, oldest first, so broken old pods never block the rollout.
export function cleanupUnhealthyReplicas(ctx: DeploymentContext, oldRSs: KubeObject[], maxCleanup: number): { oldRSs: KubeObject[]; scaledDown: number } {
  const sorted = sortByCreation(oldRSs);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i];
    if (total >= maxCleanup) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (replicasOf(rs) === 0 || replicasOf(rs) === available) continue;
    const count = Math.min(maxCleanup - total, replicasOf(rs) - available);
    const next = replicasOf(rs) - count;
    sorted[i] = scaleReplicaSetAndRecordEvent(ctx, rs, next).rs;
    total += count;
  }
  return { oldRSs: sorted, scaledDown: total };
}

// Upstream: rolling.go scaleDownOldReplicaSetsForRollingUpdate — only while more than
// minAvailable pods are available, oldest RS first.
export function scaleDownOldReplicaSetsForRollingUpdate(ctx: DeploymentContext, allRSs: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = desiredReplicas(ctx.d) - maxUnavailable(ctx.d);
  const available = sumStatus(allRSs, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const totalToScaleDown = available - minAvailable;
  let total = 0;
  for (const rs of sortByCreation(oldRSs)) {
    if (total >= totalToScaleDown) break;
    if (replicasOf(rs) === 0) continue;
    const count = Math.min(replicasOf(rs), totalToScaleDown - total);
    scaleReplicaSetAndRecordEvent(ctx, rs, replicasOf(rs) - count);
    total += count;
  }
  return total;
}
