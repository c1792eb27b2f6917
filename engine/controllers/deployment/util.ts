// The pure arithmetic of Deployments: surge/unavailable fenceposts, how many replicas the new
// ReplicaSet gets, proportional shares, the pod-template-hash, annotations and conditions.
// Nothing here touches the store; util.test.ts table-tests it.
// Upstream: pkg/controller/deployment/util/deployment_util.go, pkg/controller/controller_utils.go
// (ComputeHash, ReplicaSetsByCreationTimestamp, ReplicaSetsBySizeOlder/Newer, FilterActiveReplicaSets),
// apimachinery pkg/util/intstr/intstr.go (GetScaledValueFromIntOrPercent).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { safeEncodeString } from '../../api/names';
import type { KubeObject } from '../../api/object';
import { rfc3339 } from '../../clock';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const POD_TEMPLATE_HASH = 'pod-template-hash';
/** Limit of the revision-history annotation (sync.go maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH = 2000;
const MAX_INT32 = 2147483647;

// Condition reasons (deployment_util.go).
export const ReplicaSetUpdatedReason = 'ReplicaSetUpdated';
export const FailedRSCreateReason = 'ReplicaSetCreateError';
export const NewReplicaSetReason = 'NewReplicaSetCreated';
export const FoundNewRSReason = 'FoundNewReplicaSet';
export const NewRSAvailableReason = 'NewReplicaSetAvailable';
export const TimedOutReason = 'ProgressDeadlineExceeded';
export const PausedDeployReason = 'DeploymentPaused';
export const ResumedDeployReason = 'DeploymentResumed';
export const MinimumReplicasAvailable = 'MinimumReplicasAvailable';
export const MinimumReplicasUnavailable = 'MinimumReplicasUnavailable';

export type IntOrPercent = number | string | undefined | null;

// Upstream: apimachinery pkg/util/intstr/intstr.go GetScaledValueFromIntOrPercent
export function scaledValue(v: IntOrPercent, total: number, roundUp: boolean): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const s = v.trim();
  if (!s.endsWith('%')) {
    const n = Number(s);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const pct = Number(s.slice(0, -1));
  if (!Number.isFinite(pct)) throw new Error(`invalid value "${v}": strconv.Atoi: parsing "${s.slice(0, -1)}": invalid syntax`);
  const exact = (pct * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

// Upstream: deployment_util.go ResolveFenceposts
/** [surge, unavailable]: surge rounds up, unavailable down; both 0 gives unavailable 1. */
export function resolveFenceposts(maxSurge: IntOrPercent, maxUnavailable: IntOrPercent, desired: number): [number, number] {
  const surge = scaledValue(maxSurge ?? 0, desired, true);
  let unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function replicasOf(obj: KubeObject | undefined): number {
  return obj?.spec?.replicas ?? 0;
}

export function desiredReplicas(d: KubeObject): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: KubeObject): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

// Upstream: deployment_util.go MaxSurge
export function maxSurge(d: KubeObject): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  return resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desiredReplicas(d))[0];
}

// Upstream: deployment_util.go MaxUnavailable
export function maxUnavailable(d: KubeObject): number {
  const replicas = desiredReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  const unavailable = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicas)[1];
  return Math.min(unavailable, replicas);
}

export function sumReplicas(rss: (KubeObject | undefined)[]): number {
  return rss.reduce((n, rs) => n + (rs ? replicasOf(rs) : 0), 0);
}

export function sumStatus(rss: (KubeObject | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  return rss.reduce((n, rs) => n + (rs?.status?.[field] ?? 0), 0);
}

// Upstream: deployment_util.go NewRSNewReplicas
/** The size of the new RS in this rollout step. */
export function newRSNewReplicas(d: KubeObject, allRSs: (KubeObject | undefined)[], newRS: KubeObject): number {
  const replicas = desiredReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const current = sumReplicas(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return replicasOf(newRS);
  const up = Math.min(maxTotal - current, replicas - replicasOf(newRS));
  return replicasOf(newRS) + up;
}

function intAnnotation(rs: KubeObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return undefined;
  return Number(v);
}

// Upstream: deployment_util.go IsSaturated
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
  if (desired === undefined) return false;
  const replicas = desiredReplicas(d);
  return replicasOf(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** Go's math.Round as integer.RoundToInt32 uses it: halves away from zero. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

// Upstream: deployment_util.go getReplicaSetFraction
function replicaSetFraction(rs: KubeObject, d: KubeObject): number {
  const replicas = desiredReplicas(d);
  if (replicas === 0) return -replicasOf(rs);
  const deploymentReplicas = replicas + maxSurge(d);
  const annotated = intAnnotation(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAway((replicasOf(rs) * deploymentReplicas) / annotated) - replicasOf(rs);
}

// Upstream: deployment_util.go GetProportion
export function getProportion(rs: KubeObject | undefined, d: KubeObject, toAdd: number, added: number): number {
  if (!rs || replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** The proportional new sizes of the active RSs when a rolling deployment is scaled mid-rollout. */
// Upstream: sync.go scale (the proportional branch)
export function proportionalSizes(d: KubeObject, active: KubeObject[]): { rs: KubeObject; size: number }[] {
  const total = sumReplicas(active);
  const replicas = desiredReplicas(d);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - total;
  const sorted = toAdd > 0 ? sortBySizeNewer(active) : toAdd < 0 ? sortBySizeOlder(active) : [...active];
  let added = 0;
  const sizes = sorted.map((rs) => {
    if (toAdd === 0) return { rs, size: replicasOf(rs) };
    const p = getProportion(rs, d, toAdd, added);
    added += p;
    return { rs, size: replicasOf(rs) + p };
  });
  if (toAdd !== 0 && sizes.length) sizes[0].size = Math.max(0, sizes[0].size + (toAdd - added));
  return sizes;
}

// --- ordering (controller_utils.go) ---

function creationMs(o: KubeObject): number {
  const t = Date.parse(o.metadata.creationTimestamp ?? '');
  return Number.isNaN(t) ? 0 : t;
}

/** ReplicaSetsByCreationTimestamp: oldest first, name as the tiebreak. */
export function sortByCreation(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => creationMs(a) - creationMs(b) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** ReplicaSetsBySizeOlder: larger first, older first on ties. */
export function sortBySizeOlder(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => replicasOf(b) - replicasOf(a) || creationMs(a) - creationMs(b) || (a.metadata.name < b.metadata.name ? -1 : 1));
}

/** ReplicaSetsBySizeNewer: larger first, newer first on ties. */
export function sortBySizeNewer(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => replicasOf(b) - replicasOf(a) || creationMs(b) - creationMs(a) || (a.metadata.name < b.metadata.name ? 1 : -1));
}

/** ReplicaSetsByRevision: lower revision first, creation time as the tiebreak. */
export function sortByRevision(rss: KubeObject[]): KubeObject[] {
  return [...rss].sort((a, b) => {
    const ra = revisionOf(a);
    const rb = revisionOf(b);
    return ra !== rb ? ra - rb : creationMs(a) - creationMs(b) || (a.metadata.name < b.metadata.name ? -1 : 1);
  });
}

/** FilterActiveReplicaSets: spec.replicas > 0. */
export function activeReplicaSets(rss: (KubeObject | undefined)[]): KubeObject[] {
  return rss.filter((rs): rs is KubeObject => !!rs && replicasOf(rs) > 0);
}

// Upstream: deployment_util.go FindActiveOrLatest
export function findActiveOrLatest(newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const olds = sortByCreation(oldRSs).reverse();
  const active = activeReplicaSets([...olds, newRS]);
  if (active.length === 0) return newRS ?? olds[0];
  if (active.length === 1) return active[0];
  return undefined;
}

// --- revisions and annotations ---

export function revisionOf(rs: KubeObject): number {
  const v = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  const n = Number(v);
  return Number.isInteger(n) ? n : 0;
}

// Upstream: deployment_util.go MaxRevision
export function maxRevision(rss: KubeObject[]): number {
  return rss.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
}

// Upstream: deployment_util.go LastRevision (the second highest)
export function lastRevision(rss: KubeObject[]): number {
  let max = 0;
  let second = 0;
  for (const rs of rss) {
    const v = revisionOf(rs);
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

const ANNOTATIONS_TO_SKIP = new Set([LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION, REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO]);

export function skipCopyAnnotation(key: string): boolean {
  return ANNOTATIONS_TO_SKIP.has(key);
}

// Upstream: deployment_util.go SetReplicasAnnotations
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

// Upstream: deployment_util.go SetNewReplicaSetAnnotations (with copyDeploymentAnnotationsToReplicaSet)
/** Mutates rs (a copy): deployment annotations, revision (+ revision-history on reuse), replica annotations when new. */
export function setNewReplicaSetAnnotations(d: KubeObject, rs: KubeObject, newRevision: number, exists: boolean, historyLimit = MAX_REV_HISTORY_LENGTH): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) {
    if (skipCopyAnnotation(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  const had = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (had && oldRevision !== '') {
    oldRevisionInt = Number(oldRevision);
    if (!Number.isInteger(oldRevisionInt)) return false;
  }
  if (oldRevisionInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (had) {
      const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
      const olds = history.split(',');
      if (olds[0].length === 0) a[REVISION_HISTORY_ANNOTATION] = oldRevision;
      else {
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > historyLimit && start < olds.length) {
          total -= olds[start].length + 1;
          start++;
        }
        if (total <= historyLimit) a[REVISION_HISTORY_ANNOTATION] = [...olds.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, desiredReplicas(d), desiredReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

// Upstream: deployment_util.go SetDeploymentAnnotationsTo (rollback)
export function setDeploymentAnnotationsTo(d: KubeObject, rs: KubeObject): void {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries((d.metadata.annotations ?? {}) as Record<string, string>)) if (skipCopyAnnotation(k)) kept[k] = v;
  for (const [k, v] of Object.entries((rs.metadata.annotations ?? {}) as Record<string, string>)) if (!skipCopyAnnotation(k)) kept[k] = v;
  d.metadata.annotations = kept;
}

// --- templates and hashing ---

/** FNV-1a, 32 bit, over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with object keys sorted, so equal templates hash equally whatever their key order. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

// Upstream: pkg/controller/controller_utils.go ComputeHash — fnv32a over the template (Go's
// spew dump there; canonical JSON here), then the collision count as 8 little-endian bytes,
// printed in decimal and passed through SafeEncodeString.
export function computeHash(template: unknown, collisionCount?: number): string {
  const enc = new TextEncoder();
  let h = fnv32a(enc.encode(canonicalJson(pruneEmpty(template))));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(bytes, h);
  }
  return safeEncodeString(String(h));
}

function isEmptyValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  // A struct whose fields are all zero equals its absence.
  if (typeof v === 'object') return Object.values(v as object).every(isEmptyValue);
  return false;
}

/** Drops nil and empty values (Go's zero structs, maps and slices), so `creationTimestamp: null` or `volumes: []` do not change a hash. */
export function pruneEmpty(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneEmpty);
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (!isEmptyValue(x)) out[k] = pruneEmpty(x);
  return out;
}

/** apiequality.Semantic.DeepEqual on JSON: nil and empty maps/slices/strings are equal. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmptyValue(a) && isEmptyValue(b)) return true;
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => semanticEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const k of new Set([...Object.keys(ao), ...Object.keys(bo)])) if (!semanticEqual(ao[k], bo[k])) return false;
  return true;
}

function withoutHash(template: any): any {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH];
  return t;
}

// Upstream: deployment_util.go EqualIgnoreHash
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return semanticEqual(withoutHash(t1), withoutHash(t2));
}

/** The template kubectl rollout undo and SetFromReplicaSetTemplate use: the RS's minus its hash label. */
export function templateWithoutHash(template: unknown): any {
  const t = withoutHash(template);
  if (t.metadata?.labels && Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  return t;
}

// Upstream: deployment_util.go FindNewReplicaSet — the oldest RS whose template matches.
export function findNewReplicaSet(d: KubeObject, rss: KubeObject[]): KubeObject | undefined {
  return sortByCreation(rss).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

// Upstream: deployment_util.go FindOldReplicaSets — [with replicas, all old].
export function findOldReplicaSets(d: KubeObject, rss: KubeObject[]): { withReplicas: KubeObject[]; all: KubeObject[] } {
  const newRS = findNewReplicaSet(d, rss);
  const all = rss.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
  return { withReplicas: all.filter((rs) => replicasOf(rs) !== 0), all };
}

// --- status and conditions ---

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export function newCondition(type: string, status: string, reason: string, message: string, now: number): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

// Upstream: deployment_util.go SetDeploymentCondition — same status and reason: no change;
// same status: keep lastTransitionTime.
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  if (current && current.status === condition.status) condition = { ...condition, lastTransitionTime: current.lastTransitionTime };
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), condition];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  const rest = (status.conditions ?? []).filter((c) => c.type !== type);
  if (rest.length) status.conditions = rest;
  else delete status.conditions;
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const p = d.spec?.progressDeadlineSeconds;
  return p !== undefined && p !== null && p !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: KubeObject): boolean {
  const l = d.spec?.revisionHistoryLimit;
  return l !== undefined && l !== null && l !== MAX_INT32;
}

// Upstream: deployment_util.go DeploymentComplete
export function deploymentComplete(d: KubeObject, s: DeploymentStatus): boolean {
  const r = desiredReplicas(d);
  return (s.updatedReplicas ?? 0) === r && (s.replicas ?? 0) === r && (s.availableReplicas ?? 0) === r && (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
}

// Upstream: deployment_util.go DeploymentProgressing
export function deploymentProgressing(d: KubeObject, s: DeploymentStatus): boolean {
  const old: DeploymentStatus = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (s.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (s.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (s.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}

// Upstream: deployment_util.go DeploymentTimedOut
export function deploymentTimedOut(d: KubeObject, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, 'Progressing');
  if (!c) return false;
  if (c.reason === NewRSAvailableReason) return false;
  if (c.reason === TimedOutReason) return true;
  const from = Date.parse(c.lastUpdateTime);
  return from + d.spec.progressDeadlineSeconds * 1000 < now;
}

// Upstream: rollback.go getRollbackTo — the annotation round-tripping the deprecated
// spec.rollbackTo (extensions/v1beta1); kubectl rollout undo patches spec.template instead.
export function getRollbackTo(d: KubeObject): { revision: number } | undefined {
  const v = d.metadata.annotations?.[DEPRECATED_ROLLBACK_TO];
  if (!v) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? { revision: n } : undefined;
}
