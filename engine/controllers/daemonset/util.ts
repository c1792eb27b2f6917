// Pure helpers of the DaemonSet controller: which nodes run a daemon pod, the pod it creates
// there, revisions (hash, history data) and the rolling-update arithmetic.
// Upstream: pkg/controller/daemon/daemon_controller.go (NodeShouldRunDaemonPod, predicates,
// podsShouldBeOnNode), daemon/update.go (rollingUpdate, findUpdatedPodsOnNode,
// updatedDesiredNodeCounts, getPatch), daemon/util/daemonset_util.go (CreatePodTemplate,
// AddOrUpdateDaemonPodTolerations, ReplaceDaemonSetPodNodeNameNodeAffinity, GetTargetNodeName,
// IsPodUpdated, GetTemplateGeneration).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../../api/object';
import { canonicalJson, scaledValue } from '../deployment/util';
import { isPodAvailable, isPodReady } from '../replicaset/pod-util';
import { matchesNodeSelectorAndAffinity, toleratesTaint } from '../scheduler/filters';
import { TEMPLATE_GENERATION_ANNOTATION } from '../../registry/daemonset';

/** apps.DefaultDaemonSetUniqueLabelKey (ControllerRevisionHashLabelKey). */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** extensions.DaemonSetTemplateGenerationKey. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

// Upstream: daemonset_util.go AddOrUpdateDaemonPodTolerations — in this order, all Exists.
const DAEMON_TOLERATIONS = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
  { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
  { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
];
const NETWORK_UNAVAILABLE = { key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' };

// Upstream: v1helper.AddOrUpdateTolerationInPodSpec — a toleration equal in key, operator, value
// and effect is replaced in place, any other is appended.
function addOrUpdateToleration(list: any[], t: any): void {
  const same = (x: any) => (x.key ?? '') === t.key && (x.operator || 'Equal') === t.operator && (x.value ?? '') === (t.value ?? '') && (x.effect ?? '') === t.effect;
  const i = list.findIndex(same);
  if (i >= 0) list[i] = { ...t };
  else list.push({ ...t });
}

/** The pod spec's tolerations plus the ones every daemon pod gets (network-unavailable for hostNetwork). */
export function addDaemonPodTolerations(podSpec: any): void {
  const list: any[] = [...(podSpec.tolerations ?? [])];
  for (const t of DAEMON_TOLERATIONS) addOrUpdateToleration(list, t);
  if (podSpec.hostNetwork) addOrUpdateToleration(list, NETWORK_UNAVAILABLE);
  podSpec.tolerations = list;
}

// Upstream: daemon_controller.go NewPod — the template's pod as it would be on the node.
export function newDaemonPod(ds: KubeObject, nodeName: string): KubeObject {
  const t = ds.spec?.template ?? {};
  const spec = structuredClone(t.spec ?? {});
  spec.nodeName = nodeName;
  addDaemonPodTolerations(spec);
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: '', namespace: ds.metadata.namespace, labels: { ...(t.metadata?.labels ?? {}) } }, spec };
}

/**
 * NodeShouldRunDaemonPod: shouldRun — a daemon pod belongs on the node; shouldContinueRunning —
 * an existing one may stay (untolerated NoSchedule taints keep running pods, NoExecute ones not).
 * Cordoning does not matter: the unschedulable taint is tolerated and spec.unschedulable ignored.
 */
export function nodeShouldRunDaemonPod(node: KubeObject, ds: KubeObject): { shouldRun: boolean; shouldContinueRunning: boolean } {
  const pinned = ds.spec?.template?.spec?.nodeName;
  if (pinned && pinned !== node.metadata.name) return { shouldRun: false, shouldContinueRunning: false };
  const pod = newDaemonPod(ds, node.metadata.name);
  // Upstream: predicates — node name, required node affinity (nodeSelector + affinity), taints.
  if (!matchesNodeSelectorAndAffinity(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const tolerations: any[] = pod.spec.tolerations ?? [];
  const untolerated = (effects: string[]) => ((node.spec?.taints ?? []) as any[]).some((taint) => effects.includes(taint.effect) && !tolerations.some((t) => toleratesTaint(t, taint)));
  if (untolerated(['NoSchedule', 'NoExecute'])) return { shouldRun: false, shouldContinueRunning: !untolerated(['NoExecute']) };
  return { shouldRun: true, shouldContinueRunning: true };
}

// Upstream: daemonset_util.go ReplaceDaemonSetPodNodeNameNodeAffinity — the pod's required node
// affinity names exactly its node through matchFields metadata.name (every term keeps its
// matchExpressions and gets the field requirement in place of its matchFields).
export function pinToNode(affinity: any, nodeName: string): any {
  const req = [{ key: 'metadata.name', operator: 'In', values: [nodeName] }];
  const a = structuredClone(affinity ?? {});
  a.nodeAffinity ??= {};
  const required = a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const terms: any[] = (required?.nodeSelectorTerms ?? []).map((t: any) => ({ ...t, matchFields: req.map((r) => ({ ...r, values: [...r.values] })) }));
  if (terms.length === 0) terms.push({ matchFields: req });
  a.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = { nodeSelectorTerms: terms };
  return a;
}

/** GetTargetNodeName: spec.nodeName, else the node its matchFields affinity names. */
export function targetNodeName(pod: KubeObject): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms: any[] = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const t of terms) {
    for (const f of t.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/** The deprecated.daemonset.template.generation annotation (the registry bumps it on template changes). */
export function templateGeneration(ds: KubeObject): number | undefined {
  const v = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

// Upstream: daemonset_util.go CreatePodTemplate + ReplaceDaemonSetPodNodeNameNodeAffinity, with
// the pod builder's generateName `<ds>-` (the apiserver adds 5 random characters).
export function daemonPodTemplate(ds: KubeObject, hash: string, nodeName: string): { metadata: any; spec: any } {
  const t = structuredClone(ds.spec?.template ?? {});
  const metadata = t.metadata ?? {};
  const labels: Record<string, string> = { ...(metadata.labels ?? {}) };
  const gen = templateGeneration(ds);
  if (gen !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(gen);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  metadata.labels = labels;
  const spec = t.spec ?? {};
  addDaemonPodTolerations(spec);
  spec.affinity = pinToNode(spec.affinity, nodeName);
  return { metadata, spec };
}

// Upstream: daemonset_util.go IsPodUpdated — the revision hash or the template generation match.
export function isPodUpdated(pod: KubeObject, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata.labels ?? {};
  const templateMatches = generation !== undefined && labels[TEMPLATE_GENERATION_LABEL] === String(generation);
  const hashMatches = hash.length > 0 && labels[REVISION_HASH_LABEL] === hash;
  return hashMatches || templateMatches;
}

// Upstream: update.go getPatch — the history data: `{"spec":{"template":{...,"$patch":"replace"}}}`,
// a strategic merge patch `kubectl rollout undo` applies as is. Keys sorted as Go's map marshal.
export function revisionData(ds: KubeObject): any {
  const template = JSON.parse(canonicalJson({ ...(ds.spec?.template ?? {}), $patch: 'replace' }));
  return { spec: { template } };
}

/** Pods oldest first, pending before running on ties (podByCreationTimestampAndPhase). */
export function byCreationAndPhase(a: KubeObject, b: KubeObject): number {
  const ta = Date.parse(a.metadata.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const pa = a.status?.phase === 'Pending' ? 0 : 1;
  const pb = b.status?.phase === 'Pending' ? 0 : 1;
  if (pa !== pb) return pa - pb;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function allowsSurge(ds: KubeObject): boolean {
  const st = ds.spec?.updateStrategy;
  if (st?.type !== 'RollingUpdate') return false;
  const v = st.rollingUpdate?.maxSurge;
  return v !== undefined && v !== null && v !== 0 && v !== '0%' && v !== '0';
}

// Upstream: update.go updatedDesiredNodeCounts — both round up; both 0 leaves one unavailable.
export function surgeAndUnavailable(ds: KubeObject, desired: number): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec?.updateStrategy?.rollingUpdate ?? {};
  const maxUnavailable = scaledValue(ru.maxUnavailable ?? 1, desired, true);
  const maxSurge = allowsSurge(ds) ? scaledValue(ru.maxSurge, desired, true) : 0;
  if (maxUnavailable === 0 && maxSurge === 0) return { maxSurge, maxUnavailable: 1 };
  return { maxSurge, maxUnavailable };
}

// Upstream: update.go findUpdatedPodsOnNode — at most one new and one old live pod per node;
// ok=false when there are more (the manage pass cleans those up first).
export function updatedPodsOnNode(pods: KubeObject[], hash: string, generation: number | undefined): { ok: boolean; newPod?: KubeObject; oldPod?: KubeObject } {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash, generation)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { ok: true, newPod, oldPod };
}

export interface RollingPlan {
  /** Old pods to delete (names). */
  deletePods: string[];
  /** Nodes to create an updated pod on beside the old one (surge). */
  createOnNodes: string[];
}

/**
 * One pass of update.go rollingUpdate over node -> daemon pods. Without surge: old pods that are
 * unavailable go at once, then available ones while fewer than maxUnavailable nodes are
 * unavailable. With surge: new pods start beside old ones on up to maxSurge nodes, and an old pod
 * goes once its node's new pod is available.
 */
export function planRollingUpdate(
  ds: KubeObject,
  nodeToPods: Map<string, KubeObject[]>,
  shouldRun: (node: string) => boolean,
  hash: string,
  desired: number,
  now: number,
): RollingPlan {
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, desired);
  const gen = templateGeneration(ds);
  const minReady: number = ds.spec?.minReadySeconds ?? 0;
  const nodes = [...nodeToPods.keys()].sort();
  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowed: string[] = [];
    const candidates: string[] = [];
    for (const node of nodes) {
      const { ok, newPod, oldPod } = updatedPodsOnNode(nodeToPods.get(node)!, hash, gen);
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) {
        // The manage pass creates or deletes here (e.g. an old pod still terminating): unavailable.
        numUnavailable++;
        continue;
      }
      if (newPod) {
        if (!isPodAvailable(newPod, minReady, now)) numUnavailable++;
        continue;
      }
      if (!isPodAvailable(oldPod!, minReady, now)) allowed.push(oldPod!.metadata.name);
      else if (numUnavailable < maxUnavailable) candidates.push(oldPod!.metadata.name);
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { deletePods: [...allowed, ...candidates.slice(0, remaining)], createOnNodes: [] };
  }
  let numSurge = 0;
  const deletePods: string[] = [];
  const allowedNodes: string[] = [];
  const candidateNodes: string[] = [];
  for (const node of nodes) {
    const { ok, newPod, oldPod } = updatedPodsOnNode(nodeToPods.get(node)!, hash, gen);
    if (!ok) {
      // Excess pods are the manage pass's to clean up; the node counts as surging meanwhile.
      numSurge++;
      continue;
    }
    if (!oldPod) continue;
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReady, now)) {
        // An unavailable old pod is replaced at once, or just removed where no daemon belongs.
        if (shouldRun(node)) allowedNodes.push(node);
        else deletePods.push(oldPod.metadata.name);
      } else if (numSurge < maxSurge) candidateNodes.push(node);
      continue;
    }
    if (!isPodAvailable(newPod, minReady, now)) {
      numSurge++;
      continue;
    }
    deletePods.push(oldPod.metadata.name);
  }
  const remaining = Math.min(Math.max(0, maxSurge - numSurge), candidateNodes.length);
  return { deletePods, createOnNodes: [...allowedNodes, ...candidateNodes.slice(0, remaining)] };
}

/**
 * Upstream: daemon_controller.go podsShouldBeOnNode's choice among several live pods on one node:
 * keep the oldest (with surge, the oldest new and the oldest old, the old one going once the new
 * one is available or the old one is not ready). Returns the pods to delete.
 */
export function extraPodsToDelete(ds: KubeObject, running: KubeObject[], hash: string, now: number): KubeObject[] {
  if (running.length <= 1) return [];
  const sorted = [...running].sort(byCreationAndPhase);
  if (!allowsSurge(ds)) return sorted.slice(1);
  const out: KubeObject[] = [];
  let oldestNew: KubeObject | undefined;
  let oldestOld: KubeObject | undefined;
  for (const pod of sorted) {
    if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) {
      if (!oldestNew) {
        oldestNew = pod;
        continue;
      }
    } else if (!oldestOld) {
      oldestOld = pod;
      continue;
    }
    out.push(pod);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) out.push(oldestOld);
  return out;
}
