// Progress of a rollout: the Progressing condition (ReplicaSetUpdated, NewReplicaSetAvailable,
// ProgressDeadlineExceeded), ReplicaFailure copied from the ReplicaSets, and a requeue for the
// moment the deadline would pass, measured on the engine clock.
// Upstream: pkg/controller/deployment/progress.go
import { deepEqual } from '../../api/deep-equal';
import type { KubeObject } from '../../api/object';
import { calculateStatus, updateDeploymentStatus, type DeploymentContext } from './sync';
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getCondition,
  hasProgressDeadline,
  newCondition,
  NewRSAvailableReason,
  removeCondition,
  ReplicaSetUpdatedReason,
  setCondition,
  TimedOutReason,
  type DeploymentCondition,
  type DeploymentStatus,
} from './util';

// Upstream: progress.go syncRolloutStatus
export function syncRolloutStatus(ctx: DeploymentContext, allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  const d = ctx.d;
  const status = calculateStatus(allRSs, newRS, d, ctx.now);
  if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
  const currentCond = getCondition(d.status, 'Progressing');
  const isCompleteDeployment = status.replicas === status.updatedReplicas && currentCond?.reason === NewRSAvailableReason;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    if (deploymentComplete(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : `Deployment "${d.metadata.name}" has successfully progressed.`;
      setCondition(status, newCondition('Progressing', 'True', NewRSAvailableReason, msg, ctx.now));
    } else if (deploymentProgressing(d, status)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : `Deployment "${d.metadata.name}" is progressing.`;
      let condition = newCondition('Progressing', 'True', ReplicaSetUpdatedReason, msg, ctx.now);
      // Progress refreshes lastUpdateTime even with an unchanged reason; the transition time stays.
      if (currentCond) {
        if (currentCond.status === 'True') condition = { ...condition, lastTransitionTime: currentCond.lastTransitionTime };
        removeCondition(status, 'Progressing');
      }
      setCondition(status, condition);
    } else if (deploymentTimedOut(d, status, ctx.now)) {
      const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
      setCondition(status, newCondition('Progressing', 'False', TimedOutReason, msg, ctx.now));
    }
  }
  const failures = replicaFailures(allRSs, newRS);
  if (failures.length) setCondition(status, failures[0]);
  else removeCondition(status, 'ReplicaFailure');

  if (deepEqual(d.status ?? {}, status)) {
    requeueStuckDeployment(ctx, status);
    return;
  }
  ctx.d.status = status;
  updateDeploymentStatus(ctx);
}

// Upstream: progress.go getReplicaFailures — the new RS's failures win over old ones.
function replicaFailures(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): DeploymentCondition[] {
  const convert = (rs: KubeObject | undefined): DeploymentCondition[] =>
    ((rs?.status?.conditions ?? []) as { type: string; status: string; lastTransitionTime: string; reason: string; message: string }[])
      .filter((c) => c.type === 'ReplicaFailure')
      .map((c) => ({ type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message }));
  const fromNew = convert(newRS);
  if (fromNew.length) return fromNew;
  return allRSs.flatMap(convert);
}

// Upstream: progress.go requeueStuckDeployment — look again when the deadline would pass
// (lastUpdateTime + progressDeadlineSeconds), plus a second as upstream adds against skew.
export function requeueStuckDeployment(ctx: DeploymentContext, status: DeploymentStatus): void {
  const d = ctx.d;
  const cond = getCondition(d.status, 'Progressing');
  if (!hasProgressDeadline(d) || !cond) return;
  if (deploymentComplete(d, status) || cond.reason === TimedOutReason) return;
  const after = Date.parse(cond.lastUpdateTime) + d.spec.progressDeadlineSeconds * 1000 - ctx.now;
  ctx.requeueAfterMs = Math.max(0, after) + 1000;
}
