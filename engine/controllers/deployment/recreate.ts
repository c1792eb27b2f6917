// The Recreate strategy: scale every old ReplicaSet to zero, wait until none of their pods is
// still running, then bring the new ReplicaSet up to full size at once.
// Upstream: pkg/controller/deployment/recreate.go
import type { KubeObject } from '../../api/object';
import { syncRolloutStatus } from './progress';
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, PODS, scaleReplicaSetAndRecordEvent, type DeploymentContext } from './sync';
import { activeReplicaSets, deploymentComplete, desiredReplicas, sumStatus } from './util';

// Upstream: recreate.go rolloutRecreate
export function rolloutRecreate(ctx: DeploymentContext, rsList: KubeObject[]): void {
  // Don't create the new RS yet: scale down before scaling up.
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  let allRSs = [...oldRSs, newRS];
  if (scaleDownOldReplicaSetsForRecreate(ctx, activeReplicaSets(oldRSs))) return syncRolloutStatus(ctx, allRSs, newRS);
  if (oldPodsRunning(ctx, newRS, oldRSs, rsList)) return syncRolloutStatus(ctx, allRSs, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  scaleReplicaSetAndRecordEvent(ctx, newRS!, desiredReplicas(ctx.d));
  if (deploymentComplete(ctx.d, ctx.d.status ?? {})) cleanupDeployment(ctx, oldRSs);
  syncRolloutStatus(ctx, allRSs, newRS);
}

// Upstream: recreate.go scaleDownOldReplicaSetsForRecreate
function scaleDownOldReplicaSetsForRecreate(ctx: DeploymentContext, oldRSs: KubeObject[]): boolean {
  let scaled = false;
  for (const rs of oldRSs) if (scaleReplicaSetAndRecordEvent(ctx, rs, 0).scaled) scaled = true;
  return scaled;
}

// Upstream: recreate.go oldPodsRunning — any pod of an old RS not Succeeded/Failed counts,
// including pods still terminating.
export function oldPodsRunning(ctx: DeploymentContext, newRS: KubeObject | undefined, oldRSs: KubeObject[], rsList: KubeObject[]): boolean {
  if (sumStatus(oldRSs, 'replicas') > 0) return true;
  for (const rs of rsList) {
    if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
    for (const pod of ctx.index.controlledBy(PODS, rs.metadata.uid!)) {
      const phase = pod.status?.phase;
      if (phase !== 'Failed' && phase !== 'Succeeded') return true;
    }
  }
  return false;
}
