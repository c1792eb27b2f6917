// Workload controllers: Deployment, ReplicaSet, DaemonSet, StatefulSet, Job, CronJob and
// ReplicationController. Each prints its own header, the pod template and its events.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (describeDeployment, printReplicaSetsByLabels,
// describeReplicaSet, describeDaemonSet, describeStatefulSet, describeVolumeClaimTemplates,
// describeJob, capIndexesListOrNone, describeCronJob, describeJobTemplate, printActiveJobs,
// getPodStatusForController), pkg/util/deployment/deployment.go (GetAllReplicaSetsInChunks).

import { humanDuration } from '../printers/human-duration';
import type { DescribeApi } from './api';
import { describeEvents, refOf, searchEvents } from './events';
import {
  formatLabels,
  formatLabelSelector,
  intOrString,
  printAnnotationsMultiline,
  printBoolPtr,
  printLabelsMultiline,
  rfc1123z,
  selectorString,
  setSelectorString,
  type Obj,
} from './format';
import { controllerOf, describePodTemplate } from './pod';
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from './prefix-writer';
import { canonicalQuantity } from './quantity';
import { storageClassOfClaim } from './storage';

export interface PodCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

// Upstream: getPodStatusForController — only pods whose controller is this object count.
export async function podStatusForController(api: DescribeApi, namespace: string, selector: string, uid: string): Promise<PodCounts> {
  const pods = await api.list(`/api/v1/namespaces/${namespace}/pods`, { labelSelector: selector });
  const c: PodCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    const ref = (p.metadata?.ownerReferences ?? []).find((r: Obj) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case 'Running':
        c.running++;
        break;
      case 'Pending':
        c.waiting++;
        break;
      case 'Succeeded':
        c.succeeded++;
        break;
      case 'Failed':
        c.failed++;
        break;
    }
  }
  return c;
}

const podsStatus = (c: PodCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

async function eventsFor(api: DescribeApi, obj: Obj, kind: string, show: boolean): Promise<Obj[] | undefined> {
  return show ? searchEvents(api, refOf(obj, kind)) : undefined;
}

function conditionsTable(w: PrefixWriter, conditions: Obj[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

// ---- Deployment ----

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonicalJson).join(',') + ']';
  if (v && typeof v === 'object') {
    const o = v as Obj;
    return '{' + Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => JSON.stringify(k) + ':' + canonicalJson(o[k])).join(',') + '}';
  }
  return JSON.stringify(v);
}

/** deploymentutil.EqualIgnoreHash: templates equal once pod-template-hash is dropped. */
function equalIgnoreHash(a: Obj | undefined, b: Obj | undefined): boolean {
  const strip = (t: Obj | undefined) => {
    const c = JSON.parse(JSON.stringify(t ?? {}));
    if (c.metadata?.labels) {
      delete c.metadata.labels['pod-template-hash'];
      if (Object.keys(c.metadata.labels).length === 0) delete c.metadata.labels;
    }
    if (c.metadata && Object.keys(c.metadata).length === 0) delete c.metadata;
    return canonicalJson(c);
  };
  return strip(a) === strip(b);
}

const byCreation = (a: Obj, b: Obj) => {
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '';
  const nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
};

export async function describeDeploymentByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const d = await api.get(`/apis/apps/v1/namespaces/${namespace}/deployments/${name}`);
  const events = await eventsFor(api, d, 'Deployment', show);
  let oldRSs: Obj[] = [];
  let newRSs: Obj[] = [];
  try {
    const all = await api.list(`/apis/apps/v1/namespaces/${namespace}/replicasets`, { labelSelector: selectorString(d.spec?.selector) });
    const owned = all.filter((rs) => (rs.metadata?.ownerReferences ?? []).some((r: Obj) => r.controller === true && r.uid === d.metadata?.uid)).sort(byCreation);
    const newRS = owned.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
    oldRSs = owned.filter((rs) => rs !== newRS);
    if (newRS) newRSs = [newRS];
  } catch {
    /* upstream ignores the error and prints no replica sets */
  }
  return describeDeployment(d, oldRSs, newRSs, events, api.now);
}

const rsList = (rss: Obj[]) => rss.map((rs) => `${rs.metadata?.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ') || '<none>';

export function describeDeployment(d: Obj, oldRSs: Obj[], newRSs: Obj[], events: Obj[] | undefined, now: number): string {
  const spec = d.spec ?? {};
  const st = d.status ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${d.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${d.metadata?.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(d.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', d.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', d.metadata?.annotations);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
    const ru = spec.strategy?.rollingUpdate;
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w);
    conditionsTable(w, st.conditions);
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, now);
  });
}

// ---- ReplicaSet / ReplicationController ----

export async function describeReplicaSetByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const rs = await api.get(`/apis/apps/v1/namespaces/${namespace}/replicasets/${name}`);
  let counts: PodCounts | undefined;
  let podErr: unknown;
  try {
    counts = await podStatusForController(api, namespace, selectorString(rs.spec?.selector), rs.metadata?.uid);
  } catch (e) {
    podErr = e;
  }
  const events = await eventsFor(api, rs, 'ReplicaSet', show);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const cb = controllerOf(rs.metadata ?? {});
    if (cb) w.write(LEVEL_0, `Controlled By:\t${cb}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    if (podErr) w.write(LEVEL_0, `error in fetching pods: ${podErr instanceof Error ? podErr.message : String(podErr)}\n`);
    else w.write(LEVEL_0, podsStatus(counts!) + '\n');
    describePodTemplate(rs.spec?.template, w);
    conditionsTable(w, rs.status?.conditions);
    if (events) describeEvents(events, w, api.now);
  });
}

export async function describeReplicationControllerByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const rc = await api.get(`/api/v1/namespaces/${namespace}/replicationcontrollers/${name}`);
  const counts = await podStatusForController(api, namespace, setSelectorString(rc.spec?.selector), rc.metadata?.uid);
  const events = await eventsFor(api, rc, 'ReplicationController', show);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(rc.spec?.template, w);
    conditionsTable(w, rc.status?.conditions);
    if (events) describeEvents(events, w, api.now);
  });
}

// ---- DaemonSet ----

export async function describeDaemonSetByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const ds = await api.get(`/apis/apps/v1/namespaces/${namespace}/daemonsets/${name}`);
  const selector = selectorString(ds.spec?.selector);
  const counts = await podStatusForController(api, namespace, selector, ds.metadata?.uid);
  const events = await eventsFor(api, ds, 'DaemonSet', show);
  const st = ds.status ?? {};
  return tabbedString((w) => {
    // v1.32's describeDaemonSet prints no Namespace line.
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(ds.spec?.template, w);
    if (events) describeEvents(events, w, api.now);
  });
}

// ---- StatefulSet ----

export async function describeStatefulSetByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const ss = await api.get(`/apis/apps/v1/namespaces/${namespace}/statefulsets/${name}`);
  const selector = selectorString(ss.spec?.selector);
  const counts = await podStatusForController(api, namespace, selector, ss.metadata?.uid);
  const events = await eventsFor(api, ss, 'StatefulSet', show);
  const spec = ss.spec ?? {};
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ss.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${ss.metadata?.namespace}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(ss.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', ss.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ss.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${spec.replicas ?? 0} desired | ${ss.status?.replicas ?? 0} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
    const ru = spec.updateStrategy?.rollingUpdate;
    if (ru && ru.partition !== undefined && ru.partition !== null) {
      w.write(LEVEL_1, `Partition:\t${ru.partition}\n`);
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(counts)}\n`);
    describePodTemplate(spec.template, w);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, api.now);
  });
}

function describeVolumeClaimTemplates(templates: Obj[] | undefined, w: PrefixWriter): void {
  if (!templates?.length) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(LEVEL_1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_1, `StorageClass:\t${storageClassOfClaim(pvc)}\n`);
    printLabelsMultiline(w, 'Labels', pvc.metadata?.labels, '  ');
    printLabelsMultiline(w, 'Annotations', pvc.metadata?.annotations, '  ');
    const cap = pvc.spec?.resources?.requests?.storage;
    w.write(LEVEL_1, `Capacity:\t${cap !== undefined ? canonicalQuantity(cap) : '<default>'}\n`);
    w.write(LEVEL_1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
}

// ---- Job / CronJob ----

export async function describeJobByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const job = await api.get(`/apis/batch/v1/namespaces/${namespace}/jobs/${name}`);
  const events = await eventsFor(api, job, 'Job', show);
  const spec = job.spec ?? {};
  const st = job.status ?? {};
  const has = (v: unknown) => v !== undefined && v !== null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${job.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorString(spec.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const cb = controllerOf(job.metadata ?? {});
    if (cb) w.write(LEVEL_0, `Controlled By:\t${cb}\n`);
    if (has(spec.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${has(spec.completions) ? spec.completions : '<unset>'}\n`);
    if (has(spec.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (has(spec.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (has(spec.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (has(spec.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (st.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
    if (st.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
    if (st.startTime && st.completionTime) w.write(LEVEL_0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
    if (has(spec.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    if (!has(st.ready)) w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    else w.write(LEVEL_0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
    if (spec.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(st.completedIndexes ?? '', 50)}\n`);
    describePodTemplate(spec.template, w);
    if (events) describeEvents(events, w, api.now);
  });
}

function capIndexes(indexes: string, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return indexes.slice(0, ix + 1) + '...';
}

export async function describeCronJobByName(api: DescribeApi, namespace: string, name: string, show: boolean): Promise<string> {
  const cj = await api.get(`/apis/batch/v1/namespaces/${namespace}/cronjobs/${name}`);
  const events = await eventsFor(api, cj, 'CronJob', show);
  const spec = cj.spec ?? {};
  const has = (v: unknown) => v !== undefined && v !== null;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${has(spec.successfulJobsHistoryLimit) ? spec.successfulJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${has(spec.failedJobsHistoryLimit) ? spec.failedJobsHistoryLimit : '<unset>'}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${has(spec.startingDeadlineSeconds) ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
    const jt = spec.jobTemplate?.spec ?? {};
    w.write(LEVEL_0, `Selector:\t${jt.selector ? selectorString(jt.selector) : '<unset>'}\n`);
    w.write(LEVEL_0, `Parallelism:\t${has(jt.parallelism) ? jt.parallelism : '<unset>'}\n`);
    w.write(LEVEL_0, `Completions:\t${has(jt.completions) ? jt.completions : '<unset>'}\n`);
    if (has(jt.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${jt.activeDeadlineSeconds}s\n`);
    describePodTemplate(jt.template, w);
    w.write(LEVEL_0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active: Obj[] = cj.status?.active ?? [];
    if (active.length === 0) w.writeLine('<none>');
    else {
      active.forEach((j, i) => {
        if (i !== 0) w.write(LEVEL_0, ', ');
        w.write(LEVEL_0, j.name ?? '');
      });
      w.writeLine('');
    }
    if (events) describeEvents(events, w, api.now);
  });
}
