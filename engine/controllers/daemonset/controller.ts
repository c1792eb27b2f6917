// The DaemonSet controller: one daemon pod on every node that should run it (pinned through
// matchFields node affinity, bound by the scheduler), ControllerRevisions as the template
// history, RollingUpdate/OnDelete updates, and the counts `kubectl get ds` prints.
// Upstream: pkg/controller/daemon/daemon_controller.go (syncDaemonSet, manage,
// podsShouldBeOnNode, syncNodes, updateDaemonSetStatus), daemon/update.go (constructHistory,
// snapshot, cleanupHistory, rollingUpdate).
/* eslint-disable @typescript-eslint/no-explicit-any */
import { matches } from '../../api/label-selector';
import { clone, type KubeObject } from '../../api/object';
import { deepEqual } from '../../api/deep-equal';
import type { StoreEvent } from '../../store/object-store';
import { keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../runtime/controller';
import { controllerRefOf, newControllerRef, type OwnerReference } from '../runtime/owner-index';
import { OwnerIndexedController } from '../runtime/owner-indexed-controller';
import { ownerKeysForOwned, ownersSelecting } from '../runtime/owner-wakeups';
import { canonicalJson, computeHash } from '../deployment/util';
import { isPodAvailable, isPodReady, podAvailableAt } from '../replicaset/pod-util';
import { selectorOf } from '../replicaset/status';
import { slowStartBatch } from '../replicaset/controller';
import {
  byCreationAndPhase,
  daemonPodTemplate,
  extraPodsToDelete,
  isPodUpdated,
  nodeShouldRunDaemonPod,
  planRollingUpdate,
  revisionData,
  REVISION_HASH_LABEL,
  targetNodeName,
  templateGeneration,
} from './util';

const DS = 'apps/daemonsets';
const PODS = 'pods';
const HISTORY = 'apps/controllerrevisions';
const NODES = 'nodes';
const SOURCE = { component: 'daemonset-controller' };
/** Upstream BurstReplicas of the DaemonSet controller. */
const BURST_REPLICAS = 250;
// Upstream: failedPodsBackoff = flowcontrol.NewBackOff(1s, 15min), per DaemonSet and node.
const FAILED_BACKOFF_INITIAL_MS = 1000;
const FAILED_BACKOFF_MAX_MS = 15 * 60 * 1000;

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function statusReason(err: unknown): string | undefined {
  return (err as { status?: { reason?: string } })?.status?.reason;
}

function causeReason(err: unknown): string | undefined {
  return (err as { status?: { details?: { causes?: { reason?: string }[] } } })?.status?.details?.causes?.[0]?.reason;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

export class DaemonSetController extends OwnerIndexedController {
  readonly name = 'daemonset-controller';
  /** `<ds uid>/<node>` -> the failed-pod backoff (upstream failedPodsBackoff). */
  private readonly backoff = new Map<string, { delayMs: number; until: number }>();

  constructor(ctx: ControllerContext) {
    super(ctx, [PODS, HISTORY]);
  }

  protected initialKeys(): string[] {
    return this.allKeys();
  }

  private allKeys(): string[] {
    return this.ctx.client.list(DS).map((ds) => keyOf(ds.metadata.namespace, ds.metadata.name));
  }

  // Upstream: addDaemonset/updateDaemonset, addPod/updatePod/deletePod, addHistory/…, addNode/
  // updateNode/deleteNode (node heartbeats alone do not change where daemons run).
  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === DS) return e.type === 'DELETED' ? [] : [keyOf(e.object.metadata.namespace, e.object.metadata.name)];
    if (e.resource === NODES) {
      if (e.type === 'MODIFIED' && e.previous) {
        const relevant = (n: KubeObject) => [n.metadata.labels, n.spec?.taints, n.spec?.unschedulable];
        if (deepEqual(relevant(e.previous), relevant(e.object))) return [];
      }
      return this.allKeys();
    }
    if (e.resource !== PODS && e.resource !== HISTORY) return [];
    return ownerKeysForOwned(e, 'DaemonSet', (obj) => ownersSelecting(this.ctx.client, DS, obj));
  }

  // Upstream: daemon_controller.go syncDaemonSet
  async reconcile(key: string): Promise<ReconcileResult> {
    const { namespace, name } = splitKey(key);
    const ds = this.ctx.client.get(DS, namespace, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const selector = selectorOf(ds) ?? [];
    if (selector.length === 0) {
      this.ctx.events.emit(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.', SOURCE);
      return;
    }
    const nodes = this.ctx.client.list(NODES);
    const cur = this.constructHistory(ds);
    if (!cur) return { requeueAfterMs: 0 };
    const hash: string = cur.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
    let requeue = await this.manage(ds, nodes, hash);
    const now = this.ctx.clock.now();
    if (ds.spec?.updateStrategy?.type === 'RollingUpdate' && !this.stopped) {
      const nodeToPods = this.nodesToDaemonPods(ds);
      const byName = new Map(nodes.map((n) => [n.metadata.name, n]));
      const shouldRun = (n: string) => (byName.has(n) ? nodeShouldRunDaemonPod(byName.get(n)!, ds).shouldRun : false);
      const desired = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun).length;
      const plan = planRollingUpdate(ds, nodeToPods, shouldRun, hash, desired, now);
      if (plan.deletePods.length || plan.createOnNodes.length) await this.syncNodes(ds, plan.deletePods, plan.createOnNodes, hash);
    }
    this.cleanupHistory(ds, cur);
    const at = this.updateStatus(ds, nodes, hash);
    if (at !== undefined) requeue = Math.min(requeue ?? Infinity, Math.max(0, at - this.ctx.clock.now()));
    if (requeue !== undefined && Number.isFinite(requeue)) return { requeueAfterMs: requeue };
  }

  // Upstream: controller_ref_manager.go ClaimPods for a DaemonSet — adopt matching orphans,
  // release owned pods that stopped matching; then getNodesToDaemonPods (terminal pods being
  // deleted are the kubelet's and the pod GC's business).
  private nodesToDaemonPods(ds: KubeObject): Map<string, KubeObject[]> {
    const selector = selectorOf(ds) ?? [];
    const match = (o: KubeObject) => selector.length > 0 && matches(selector, o.metadata.labels);
    const out = new Map<string, KubeObject[]>();
    const owned = this.index.controlledBy(PODS, ds.metadata.uid!);
    const orphans = this.index.orphans(PODS, ds.metadata.namespace).filter((p) => match(p) && !p.metadata.deletionTimestamp);
    const claimed: KubeObject[] = [];
    for (const pod of owned) {
      if (match(pod)) claimed.push(pod);
      else this.writeOwnerRefs(PODS, pod, (refs) => refs.filter((r) => r.uid !== ds.metadata.uid));
    }
    for (const pod of orphans) {
      const adopted = this.writeOwnerRefs(PODS, pod, (refs) => [...refs, newControllerRef(ds, 'apps/v1', 'DaemonSet')]);
      if (adopted) claimed.push(adopted);
    }
    for (const pod of claimed) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      if (terminal && pod.metadata.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (!node) continue;
      const list = out.get(node);
      if (list) list.push(pod);
      else out.set(node, [pod]);
    }
    return out;
  }

  private writeOwnerRefs(resource: string, obj: KubeObject, edit: (refs: OwnerReference[]) => OwnerReference[]): KubeObject | undefined {
    const next = clone(obj);
    const refs = edit((next.metadata.ownerReferences ?? []) as OwnerReference[]);
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    try {
      return this.ctx.client.update(resource, next);
    } catch (err) {
      if (statusReason(err) === 'NotFound') return undefined;
      throw err;
    }
  }

  // Upstream: daemon_controller.go manage + podsShouldBeOnNode. Returns a requeue delay (ms)
  // when a failed pod waits out its backoff.
  private async manage(ds: KubeObject, nodes: KubeObject[], hash: string): Promise<number | undefined> {
    const nodeToPods = this.nodesToDaemonPods(ds);
    const now = this.ctx.clock.now();
    const needing: string[] = [];
    const toDelete: string[] = [];
    let requeue: number | undefined;
    for (const node of nodes) {
      const nodeName = node.metadata.name;
      const pods = nodeToPods.get(nodeName) ?? [];
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const exists = pods.length > 0;
      if (shouldRun && !exists) {
        needing.push(nodeName);
      } else if (shouldContinueRunning) {
        const running: KubeObject[] = [];
        for (const pod of pods) {
          if (pod.metadata.deletionTimestamp) continue;
          if (pod.status?.phase === 'Failed') {
            const bkey = `${ds.metadata.uid}/${nodeName}`;
            const b = this.backoff.get(bkey);
            if (b && b.until > now) {
              requeue = Math.min(requeue ?? Infinity, b.until - now);
              continue;
            }
            const delayMs = b ? Math.min(b.delayMs * 2, FAILED_BACKOFF_MAX_MS) : FAILED_BACKOFF_INITIAL_MS;
            this.backoff.set(bkey, { delayMs, until: now + delayMs });
            this.ctx.events.emit(ds, 'Warning', 'FailedDaemonPod', `Found failed daemon pod ${pod.metadata.namespace}/${pod.metadata.name} on node ${nodeName}, will try to kill it`, SOURCE);
            toDelete.push(pod.metadata.name);
            continue;
          }
          running.push(pod);
        }
        for (const p of extraPodsToDelete(ds, running, hash, now)) toDelete.push(p.metadata.name);
      } else if (exists) {
        for (const pod of pods) if (!pod.metadata.deletionTimestamp) toDelete.push(pod.metadata.name);
      }
    }
    // Upstream: getUnscheduledPodsWithoutNode — pending pods pinned to nodes that are gone.
    const known = new Set(nodes.map((n) => n.metadata.name));
    for (const [nodeName, pods] of nodeToPods) {
      if (known.has(nodeName)) continue;
      for (const pod of pods) if (!pod.spec?.nodeName && !pod.metadata.deletionTimestamp) toDelete.push(pod.metadata.name);
    }
    if (needing.length || toDelete.length) await this.syncNodes(ds, toDelete, needing, hash);
    return requeue;
  }

  // Upstream: daemon_controller.go syncNodes — creates in slow-start batches, then deletes.
  private async syncNodes(ds: KubeObject, podsToDelete: string[], nodesNeeding: string[], hash: string): Promise<void> {
    const createNodes = nodesNeeding.slice(0, BURST_REPLICAS);
    const deletes = podsToDelete.slice(0, BURST_REPLICAS);
    const ref = newControllerRef(ds, 'apps/v1', 'DaemonSet');
    let i = 0;
    await slowStartBatch(createNodes.length, 1, () => {
      if (this.stopped) return false;
      const nodeName = createNodes[i++];
      const t = daemonPodTemplate(ds, hash, nodeName);
      const pod: KubeObject = {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: '', generateName: `${ds.metadata.name}-`, namespace: ds.metadata.namespace, ownerReferences: [{ ...ref }] },
        spec: t.spec,
      };
      if (t.metadata.labels && Object.keys(t.metadata.labels).length) pod.metadata.labels = t.metadata.labels;
      if (t.metadata.annotations && Object.keys(t.metadata.annotations).length) pod.metadata.annotations = { ...t.metadata.annotations };
      if (t.metadata.finalizers?.length) pod.metadata.finalizers = [...t.metadata.finalizers];
      try {
        const created = this.ctx.client.create(PODS, pod);
        this.ctx.events.emit(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
        return true;
      } catch (err) {
        if (causeReason(err) === 'NamespaceTerminating') return true;
        this.ctx.events.emit(ds, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(err)}`, SOURCE);
        return false;
      }
    });
    for (const name of deletes) {
      if (this.stopped) return;
      try {
        this.ctx.client.delete(PODS, ds.metadata.namespace, name);
        this.ctx.events.emit(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, SOURCE);
      } catch (err) {
        if (statusReason(err) === 'NotFound') continue;
        this.ctx.events.emit(ds, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(err)}`, SOURCE);
      }
    }
  }

  // Upstream: update.go constructHistory — adopt orphans, label, find the revision matching the
  // template (creating it, or renumbering it past the others after a rollback).
  private constructHistory(ds: KubeObject): KubeObject | undefined {
    const selector = selectorOf(ds) ?? [];
    const histories = [...this.index.controlledBy(HISTORY, ds.metadata.uid!)];
    for (const h of this.index.orphans(HISTORY, ds.metadata.namespace)) {
      if (!matches(selector, h.metadata.labels) || h.metadata.deletionTimestamp) continue;
      const adopted = this.writeOwnerRefs(HISTORY, h, (refs) => [...refs, newControllerRef(ds, 'apps/v1', 'DaemonSet')]);
      if (adopted) histories.push(adopted);
    }
    const data = canonicalJson(revisionData(ds));
    const current: KubeObject[] = [];
    let maxOld = 0;
    for (let h of histories) {
      if (!h.metadata.labels?.[REVISION_HASH_LABEL]) {
        const next = clone(h);
        next.metadata.labels = { ...(next.metadata.labels ?? {}), [REVISION_HASH_LABEL]: next.metadata.name };
        h = this.ctx.client.update(HISTORY, next);
      }
      if (canonicalJson(h.data) === data) current.push(h);
      else maxOld = Math.max(maxOld, Number(h.revision ?? 0));
    }
    const nextRevision = maxOld + 1;
    if (current.length === 0) return this.snapshot(ds, nextRevision);
    // Upstream: dedupCurHistories — keep the highest revision, move pods onto its hash.
    current.sort((a, b) => Number(b.revision ?? 0) - Number(a.revision ?? 0));
    const [keep, ...dups] = current;
    for (const dup of dups) this.dropDuplicate(ds, dup, keep);
    if (Number(keep.revision ?? 0) < nextRevision) {
      const next = clone(keep);
      next.revision = nextRevision;
      return this.ctx.client.update(HISTORY, next);
    }
    return keep;
  }

  private dropDuplicate(ds: KubeObject, dup: KubeObject, keep: KubeObject): void {
    const dupHash = dup.metadata.labels?.[REVISION_HASH_LABEL];
    const keepHash: string = keep.metadata.labels?.[REVISION_HASH_LABEL] ?? keep.metadata.name;
    for (const pod of this.index.controlledBy(PODS, ds.metadata.uid!)) {
      if (pod.metadata.labels?.[REVISION_HASH_LABEL] !== dupHash) continue;
      const next = clone(pod);
      next.metadata.labels = { ...next.metadata.labels, [REVISION_HASH_LABEL]: keepHash };
      this.ctx.client.update(PODS, next);
    }
    try {
      this.ctx.client.delete(HISTORY, dup.metadata.namespace, dup.metadata.name);
    } catch (err) {
      if (statusReason(err) !== 'NotFound') throw err;
    }
  }

  // Upstream: update.go snapshot — `<ds>-<hash>`; a name taken by another template is a hash
  // collision: bump status.collisionCount and try again on the next sync.
  private snapshot(ds: KubeObject, revision: number): KubeObject | undefined {
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
    const name = `${ds.metadata.name}-${hash}`;
    const cr: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec?.template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
        ownerReferences: [newControllerRef(ds, 'apps/v1', 'DaemonSet')],
      },
      data: revisionData(ds),
      revision,
    };
    if (ds.metadata.annotations && Object.keys(ds.metadata.annotations).length) cr.metadata.annotations = { ...ds.metadata.annotations };
    try {
      return this.ctx.client.create(HISTORY, cr);
    } catch (err) {
      if (statusReason(err) !== 'AlreadyExists') throw err;
    }
    const existing = this.ctx.client.get(HISTORY, ds.metadata.namespace, name);
    if (existing && controllerRefOf(existing)?.uid === ds.metadata.uid && canonicalJson(existing.data) === canonicalJson(cr.data)) return existing;
    const current = this.ctx.client.get(DS, ds.metadata.namespace, ds.metadata.name);
    if (current) {
      const next = clone(current);
      next.status = { ...(next.status ?? {}), collisionCount: (current.status?.collisionCount ?? 0) + 1 };
      this.ctx.client.updateStatus(DS, next);
    }
    return undefined;
  }

  // Upstream: update.go cleanupHistory — keep revisionHistoryLimit old revisions, and any a pod still runs.
  private cleanupHistory(ds: KubeObject, cur: KubeObject): void {
    const limit: number = ds.spec?.revisionHistoryLimit ?? 10;
    const old = this.index.controlledBy(HISTORY, ds.metadata.uid!).filter((h) => h.metadata.name !== cur.metadata.name);
    let toKill = old.length - limit;
    if (toKill <= 0) return;
    const live = new Set(this.index.controlledBy(PODS, ds.metadata.uid!).map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]));
    old.sort((a, b) => Number(a.revision ?? 0) - Number(b.revision ?? 0));
    for (const h of old) {
      if (toKill === 0) break;
      if (live.has(h.metadata.labels?.[REVISION_HASH_LABEL])) continue;
      try {
        this.ctx.client.delete(HISTORY, h.metadata.namespace, h.metadata.name);
      } catch (err) {
        if (statusReason(err) !== 'NotFound') throw err;
      }
      toKill--;
    }
  }

  // Upstream: daemon_controller.go updateDaemonSetStatus. Returns when a ready pod becomes
  // available (minReadySeconds), for a requeue.
  private updateStatus(ds: KubeObject, nodes: KubeObject[], hash: string): number | undefined {
    const current = this.ctx.client.get(DS, ds.metadata.namespace, ds.metadata.name);
    if (!current || current.metadata.uid !== ds.metadata.uid) return undefined;
    const nodeToPods = this.nodesToDaemonPods(current);
    const now = this.ctx.clock.now();
    const minReady: number = current.spec?.minReadySeconds ?? 0;
    const gen = templateGeneration(current);
    let desired = 0;
    let scheduled = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    let nextAvailable: number | undefined;
    for (const node of nodes) {
      const pods = nodeToPods.get(node.metadata.name) ?? [];
      const { shouldRun } = nodeShouldRunDaemonPod(node, current);
      if (!shouldRun) {
        if (pods.length) misscheduled++;
        continue;
      }
      desired++;
      if (!pods.length) continue;
      scheduled++;
      const pod = [...pods].sort(byCreationAndPhase)[0];
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
        else {
          const at = podAvailableAt(pod, minReady);
          if (at !== undefined) nextAvailable = Math.min(nextAvailable ?? Infinity, at);
        }
      }
      if (isPodUpdated(pod, hash, gen)) updated++;
    }
    const status: DaemonSetStatus = { currentNumberScheduled: scheduled, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady: ready };
    // The generation this sync worked from (a newer spec is observed by the next sync).
    const generation = ds.metadata.generation ?? 0;
    if (generation) status.observedGeneration = generation;
    if (updated) status.updatedNumberScheduled = updated;
    if (available) status.numberAvailable = available;
    if (desired - available) status.numberUnavailable = desired - available;
    if (current.status?.collisionCount) status.collisionCount = current.status.collisionCount;
    if (current.status?.conditions?.length) status.conditions = current.status.conditions;
    if (!deepEqual(status, current.status)) {
      const next = clone(current);
      next.status = status;
      this.ctx.client.updateStatus(DS, next);
    }
    return nextAvailable;
  }
}
