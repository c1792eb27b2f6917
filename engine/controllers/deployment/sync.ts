// What every Deployment sync shares: finding and adopting its ReplicaSets, finding or creating
// the new one (pod-template-hash, revision annotations), scaling with events, proportional
// scaling of paused or mid-rollout deployments, history cleanup, and status.
// Upstream: pkg/controller/deployment/sync.go, deployment_controller.go (getReplicaSetsForDeployment).
import { fromLabelSelector, matches } from '../../api/label-selector';
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import type { ClusterClient } from '../runtime/cluster-client';
import type { EventRecorder } from '../runtime/event-recorder';
import { controllerRefOf, newControllerRef, type OwnerIndex, type OwnerReference } from '../runtime/owner-index';
import {
  activeReplicaSets,
  computeHash,
  desiredReplicas,
  equalIgnoreHash,
  FailedRSCreateReason,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  FoundNewRSReason,
  getCondition,
  getRollbackTo,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  MinimumReplicasAvailable,
  MinimumReplicasUnavailable,
  newCondition,
  NewReplicaSetReason,
  newRSNewReplicas,
  PausedDeployReason,
  POD_TEMPLATE_HASH,
  proportionalSizes,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  ResumedDeployReason,
  REVISION_ANNOTATION,
  setCondition,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  sortByRevision,
  sumReplicas,
  sumStatus,
  TimedOutReason,
  DESIRED_REPLICAS_ANNOTATION,
  type DeploymentStatus,
} from './util';

export const DEPLOYMENTS = 'apps/deployments';
export const RS = 'apps/replicasets';
export const PODS = 'pods';
export const SOURCE = { component: 'deployment-controller' };

/** One sync of one Deployment: its working copy and what the sync may read and write. */
export interface DeploymentContext {
  client: ClusterClient;
  events: EventRecorder;
  index: OwnerIndex;
  now: number;
  /** A private copy of the Deployment, replaced by what the server returns after each write. */
  d: KubeObject;
  /** When to sync again (progress deadline checks). */
  requeueAfterMs?: number;
}

/** The new RS (if any) and the old ones. */
export interface ReplicaSets {
  newRS: KubeObject | undefined;
  oldRSs: KubeObject[];
}

/** Thrown to requeue without logging (a hash collision bumped collisionCount; a terminating namespace). */
export class RequeueError extends Error {
  constructor(
    message: string,
    readonly afterMs = 0,
  ) {
    super(message);
  }
}

function reasonOf(err: unknown): string | undefined {
  return (err as { status?: { reason?: string } })?.status?.reason;
}

function causeOf(err: unknown): string | undefined {
  return (err as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes?.[0]?.reason;
}

/**
 * Writes the working copy's annotations (through the main resource: our status subresource keeps
 * metadata, unlike the apiserver's deployment status strategy) and its status.
 */
export function updateDeploymentStatus(ctx: DeploymentContext): void {
  const { client, d } = ctx;
  let current = client.get(DEPLOYMENTS, d.metadata.namespace, d.metadata.name);
  if (!current || current.metadata.uid !== d.metadata.uid) throw new RequeueError('deployment is gone');
  if (!deepEqual(current.metadata.annotations ?? {}, d.metadata.annotations ?? {})) {
    const next = clone(current);
    next.metadata.annotations = clone(d.metadata.annotations);
    current = client.update(DEPLOYMENTS, next);
  }
  const next = clone(current);
  next.status = clone(d.status ?? {});
  ctx.d = clone(client.updateStatus(DEPLOYMENTS, next));
}

/** Writes the working copy's metadata and spec (rollback). */
export function updateDeployment(ctx: DeploymentContext): void {
  ctx.d = clone(ctx.client.update(DEPLOYMENTS, ctx.d));
}

// Upstream: deployment_controller.go getReplicaSetsForDeployment + controller_ref_manager.go ClaimReplicaSets
/** The RSs this Deployment controls, adopting matching orphans and releasing RSs that stopped matching. */
export function getReplicaSetsForDeployment(ctx: DeploymentContext): KubeObject[] {
  const { d, client, index } = ctx;
  const selector = fromLabelSelector(d.spec?.selector);
  const uid = d.metadata.uid!;
  const deleting = !!d.metadata.deletionTimestamp;
  const claimed: KubeObject[] = [];
  const candidates = [...index.controlledBy(RS, uid), ...index.orphans(RS, d.metadata.namespace)];
  const writeRefs = (rs: KubeObject, edit: (refs: OwnerReference[]) => OwnerReference[]): KubeObject | undefined => {
    const next = clone(rs);
    const refs = edit((next.metadata.ownerReferences ?? []) as OwnerReference[]);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    try {
      return client.update(RS, next);
    } catch (err) {
      if (reasonOf(err) === 'NotFound') return undefined;
      throw err;
    }
  };
  for (const rs of candidates) {
    const ref = controllerRefOf(rs);
    const match = matches(selector, rs.metadata.labels);
    if (ref) {
      if (ref.uid !== uid) continue;
      if (match) claimed.push(rs);
      else if (!deleting) writeRefs(rs, (refs) => refs.filter((r) => r.uid !== uid));
      continue;
    }
    if (deleting || !match || rs.metadata.deletionTimestamp) continue;
    const adopted = writeRefs(rs, (refs) => [...refs, newControllerRef(d, 'apps/v1', 'Deployment')]);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}

// Upstream: sync.go getAllReplicaSetsAndSyncRevision
export function getAllReplicaSetsAndSyncRevision(ctx: DeploymentContext, rsList: KubeObject[], createIfNotExisted: boolean): ReplicaSets {
  // Our cache is the store itself: read the current version of each RS (an earlier step of
  // this sync may have written it), where upstream would retry on a conflict.
  rsList = rsList.map((rs) => ctx.client.get(RS, rs.metadata.namespace, rs.metadata.name)).filter((rs): rs is KubeObject => !!rs && controllerRefOf(rs)?.uid === ctx.d.metadata.uid);
  const { all: oldRSs } = findOldReplicaSets(ctx.d, rsList);
  const newRS = getNewReplicaSet(ctx, rsList, oldRSs, createIfNotExisted);
  return { newRS, oldRSs };
}

// Upstream: sync.go getNewReplicaSet
/** Finds the RS matching the template (syncing its annotations and the revision), or creates it. */
export function getNewReplicaSet(ctx: DeploymentContext, rsList: KubeObject[], oldRSs: KubeObject[], createIfNotExisted: boolean): KubeObject | undefined {
  const { client, events } = ctx;
  const d = ctx.d;
  const existing = findNewReplicaSet(d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;

  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReady) {
      if (minReady) rsCopy.spec.minReadySeconds = minReady;
      else delete rsCopy.spec.minReadySeconds;
      return client.update(RS, rsCopy);
    }
    let needsUpdate = setDeploymentRevision(d, rsCopy.metadata.annotations?.[REVISION_ANNOTATION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, 'Progressing')) {
      d.status ??= {};
      setCondition(d.status, newCondition('Progressing', 'True', FoundNewRSReason, `Found new replica set "${rsCopy.metadata.name}"`, ctx.now));
      needsUpdate = true;
    }
    if (needsUpdate) updateDeploymentStatus(ctx);
    return existing;
  }
  if (!createIfNotExisted) return undefined;

  const collisionCount: number | undefined = d.status?.collisionCount;
  const template = clone(d.spec.template);
  const hash = computeHash(template, collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const selector = clone(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  const newRS: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec?.minReadySeconds) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicas = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicas;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: KubeObject;
  let alreadyExists = false;
  try {
    created = client.create(RS, newRS);
  } catch (err) {
    if (reasonOf(err) === 'AlreadyExists') {
      alreadyExists = true;
      const rs = client.get(RS, d.metadata.namespace, newRS.metadata.name);
      if (rs && controllerRefOf(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, rs.spec?.template)) {
        created = rs;
      } else {
        // A hash collision: bump collisionCount so the next sync computes another name.
        d.status ??= {};
        d.status.collisionCount = (d.status.collisionCount ?? 0) + 1;
        updateDeploymentStatus(ctx);
        throw new RequeueError(`hash collision for ${newRS.metadata.name}`);
      }
    } else if (causeOf(err) === 'NamespaceTerminating') {
      // Every create will fail until the namespace controller deletes this Deployment.
      throw new RequeueError('namespace is terminating', 1000);
    } else {
      const msg = `Failed to create new replica set "${newRS.metadata.name}": ${(err as Error).message}`;
      if (hasProgressDeadline(d)) {
        d.status ??= {};
        setCondition(d.status, newCondition('Progressing', 'False', FailedRSCreateReason, msg, ctx.now));
        try {
          updateDeploymentStatus(ctx);
        } catch {
          // The bigger problem is reported below.
        }
      }
      events.emit(d, 'Warning', FailedRSCreateReason, msg, SOURCE);
      throw err;
    }
  }
  if (!alreadyExists && newReplicas > 0) events.emit(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${newReplicas}`, SOURCE);
  let needsUpdate = setDeploymentRevision(ctx.d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(ctx.d)) {
    ctx.d.status ??= {};
    setCondition(ctx.d.status, newCondition('Progressing', 'True', NewReplicaSetReason, `Created new replica set "${created.metadata.name}"`, ctx.now));
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(ctx);
  return created;
}

// Upstream: deployment_util.go SetDeploymentRevision
function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  d.metadata.annotations ??= {};
  if (d.metadata.annotations[REVISION_ANNOTATION] === revision) return false;
  d.metadata.annotations[REVISION_ANNOTATION] = revision;
  return true;
}

// Upstream: sync.go scaleReplicaSetAndRecordEvent
export function scaleReplicaSetAndRecordEvent(ctx: DeploymentContext, rs: KubeObject, newScale: number): { scaled: boolean; rs: KubeObject } {
  if (replicasOf(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(ctx, rs, newScale, replicasOf(rs) < newScale ? 'up' : 'down');
}

// Upstream: sync.go scaleReplicaSet — also keeps desired/max-replicas annotations current.
export function scaleReplicaSet(ctx: DeploymentContext, rs: KubeObject, newScale: number, operation: string): { scaled: boolean; rs: KubeObject } {
  const d = ctx.d;
  const sizeNeedsUpdate = replicasOf(rs) !== newScale;
  const desired = desiredReplicas(d);
  const annotationsNeedUpdate = replicasAnnotationsNeedUpdate(rs, desired, desired + maxSurge(d));
  if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
  const oldScale = replicasOf(rs);
  const next = clone(rs);
  next.spec.replicas = newScale;
  setReplicasAnnotations(next, desired, desired + maxSurge(d));
  const updated = ctx.client.update(RS, next);
  if (sizeNeedsUpdate) ctx.events.emit(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${updated.metadata.name} from ${oldScale} to ${newScale}`, SOURCE);
  return { scaled: sizeNeedsUpdate, rs: updated };
}

// Upstream: sync.go scale
/** Scaling (not rolling out): the one active RS takes the new size, or all active RSs share it proportionally. */
export function scale(ctx: DeploymentContext, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const d = ctx.d;
  const replicas = desiredReplicas(d);
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    if (replicasOf(activeOrLatest) === replicas) return;
    scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicas);
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of activeReplicaSets(oldRSs)) scaleReplicaSetAndRecordEvent(ctx, old, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const active = activeReplicaSets([...oldRSs, newRS]);
  const toAdd = (replicas > 0 ? replicas + maxSurge(d) : 0) - sumReplicas(active);
  const operation = toAdd > 0 ? 'up' : 'down';
  for (const { rs, size } of proportionalSizes(d, active)) scaleReplicaSet(ctx, rs, size, operation);
}

// Upstream: sync.go cleanupDeployment — delete the oldest empty RSs beyond revisionHistoryLimit.
export function cleanupDeployment(ctx: DeploymentContext, oldRSs: KubeObject[]): void {
  const d = ctx.d;
  if (!hasRevisionHistoryLimit(d)) return;
  const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - d.spec.revisionHistoryLimit;
  if (diff <= 0) return;
  const sorted = sortByRevision(cleanable);
  for (let i = 0; i < diff; i++) {
    const rs = sorted[i];
    if ((rs.status?.replicas ?? 0) !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0) || rs.metadata.deletionTimestamp) continue;
    try {
      ctx.client.delete(RS, rs.metadata.namespace, rs.metadata.name);
    } catch (err) {
      if (reasonOf(err) !== 'NotFound') throw err;
    }
  }
}

function omitZero(status: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const [k, v] of Object.entries(status) as [keyof DeploymentStatus, unknown][]) {
    if (v === undefined || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  return out;
}

// Upstream: sync.go calculateStatus
export function calculateStatus(allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined, d: KubeObject, now: number): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const total = sumReplicas(allRSs);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 0,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: sumStatus([newRS], 'replicas'),
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
    collisionCount: d.status?.collisionCount,
    conditions: [...((d.status as DeploymentStatus | undefined)?.conditions ?? [])],
  };
  if (available >= desiredReplicas(d) - maxUnavailable(d)) {
    setCondition(status, newCondition('Available', 'True', MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition('Available', 'False', MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return omitZero(status);
}

// Upstream: sync.go syncDeploymentStatus
export function syncDeploymentStatus(ctx: DeploymentContext, allRSs: (KubeObject | undefined)[], newRS: KubeObject | undefined): void {
  const status = calculateStatus(allRSs, newRS, ctx.d, ctx.now);
  if (deepEqual(ctx.d.status ?? {}, status)) return;
  ctx.d.status = status;
  updateDeploymentStatus(ctx);
}

// Upstream: sync.go syncStatusOnly
export function syncStatusOnly(ctx: DeploymentContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  syncDeploymentStatus(ctx, [...oldRSs, newRS], newRS);
}

// Upstream: sync.go sync — scaling events and paused deployments.
export function sync(ctx: DeploymentContext, rsList: KubeObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  scale(ctx, newRS, oldRSs);
  // Re-read what scaling wrote, for cleanup and status.
  const fresh = (rs: KubeObject) => ctx.client.get(RS, rs.metadata.namespace, rs.metadata.name) ?? rs;
  const olds = oldRSs.map(fresh);
  const nrs = newRS ? fresh(newRS) : undefined;
  if (ctx.d.spec?.paused && !getRollbackTo(ctx.d)) cleanupDeployment(ctx, olds);
  syncDeploymentStatus(ctx, [...olds, nrs], nrs);
}

// Upstream: sync.go checkPausedConditions
export function checkPausedConditions(ctx: DeploymentContext): void {
  const d = ctx.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getCondition(d.status, 'Progressing');
  if (cond?.reason === TimedOutReason) return;
  const pausedCondExists = cond?.reason === PausedDeployReason;
  d.status ??= {};
  if (d.spec?.paused && !pausedCondExists) {
    setCondition(d.status, newCondition('Progressing', 'Unknown', PausedDeployReason, 'Deployment is paused', ctx.now));
  } else if (!d.spec?.paused && pausedCondExists) {
    setCondition(d.status, newCondition('Progressing', 'Unknown', ResumedDeployReason, 'Deployment is resumed', ctx.now));
  } else return;
  updateDeploymentStatus(ctx);
}

// Upstream: sync.go isScalingEvent — an active RS whose desired-replicas annotation differs from spec.replicas.
export function isScalingEvent(ctx: DeploymentContext, rsList: KubeObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(ctx, rsList, false);
  for (const rs of activeReplicaSets([...oldRSs, newRS])) {
    const v = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (v === undefined || !/^[+-]?\d+$/.test(v)) continue;
    if (Number(v) !== desiredReplicas(ctx.d)) return true;
  }
  return false;
}
