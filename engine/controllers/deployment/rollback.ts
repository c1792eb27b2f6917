// Rollback through the deprecated rollbackTo annotation (`deprecated.deployment.rollback.to`):
// copy the chosen revision's template back into the Deployment. kubectl rollout undo writes
// spec.template itself; the sync then finds the old ReplicaSet as the new one and bumps its
// revision (util.ts setNewReplicaSetAnnotations keeps revision-history).
// Upstream: pkg/controller/deployment/rollback.go
import type { KubeObject } from '../../api/object';
import { getAllReplicaSetsAndSyncRevision, SOURCE, updateDeployment, type DeploymentContext } from './sync';
import { DEPRECATED_ROLLBACK_TO, equalIgnoreHash, getRollbackTo, lastRevision, revisionOf, setDeploymentAnnotationsTo, templateWithoutHash } from './util';

// Upstream: rollback.go rollback
export function rollback(ctx: DeploymentContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, true);
  const allRSs = [...oldRSs, ...(newRS ? [newRS] : [])];
  let revision = getRollbackTo(ctx.d)!.revision;
  if (revision === 0) {
    revision = lastRevision(allRSs);
    if (revision === 0) {
      ctx.events.emit(ctx.d, 'Warning', 'DeploymentRollbackRevisionNotFound', 'Unable to find last revision.', SOURCE);
      return updateDeploymentAndClearRollbackTo(ctx);
    }
  }
  const target = allRSs.find((rs) => revisionOf(rs) === revision);
  if (target) {
    if (rollbackToTemplate(ctx, target)) ctx.events.emit(ctx.d, 'Normal', 'DeploymentRollback', `Rolled back deployment "${ctx.d.metadata.name}" to revision ${revision}`, SOURCE);
    return;
  }
  ctx.events.emit(ctx.d, 'Warning', 'DeploymentRollbackRevisionNotFound', 'Unable to find the revision to rollback to.', SOURCE);
  updateDeploymentAndClearRollbackTo(ctx);
}

// Upstream: rollback.go rollbackToTemplate
function rollbackToTemplate(ctx: DeploymentContext, rs: KubeObject): boolean {
  let performed = false;
  if (!equalIgnoreHash(ctx.d.spec?.template, rs.spec?.template)) {
    ctx.d.spec.template = templateWithoutHash(rs.spec?.template);
    setDeploymentAnnotationsTo(ctx.d, rs);
    performed = true;
  } else {
    ctx.events.emit(ctx.d, 'Warning', 'DeploymentRollbackTemplateUnchanged', `The rollback revision contains the same template as current deployment "${ctx.d.metadata.name}"`, SOURCE);
  }
  updateDeploymentAndClearRollbackTo(ctx);
  return performed;
}

// Upstream: rollback.go updateDeploymentAndClearRollbackTo
function updateDeploymentAndClearRollbackTo(ctx: DeploymentContext): void {
  if (ctx.d.metadata.annotations) delete ctx.d.metadata.annotations[DEPRECATED_ROLLBACK_TO];
  updateDeployment(ctx);
}
