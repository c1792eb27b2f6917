// Indexed completion mode: each pod runs one completion index, carried in an annotation and a
// label, and status.completedIndexes lists the succeeded indexes as ranges ("0-2,4").
// Upstream: pkg/controller/job/indexed_job_utils.go (getCompletionIndex, calculateSucceededIndexes,
// parseIndexesFromString, firstPendingIndexes, addCompletionIndexEnvVariables,
// addCompletionIndexAnnotation, podGenerateNameWithIndex).
import type { KubeObject } from '../../api/object';
import type { OwnerReference } from '../runtime/owner-index';
import { podFromTemplate } from '../replicaset/pod-util';

export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';
const INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** The pod's completion index, or undefined when missing or malformed. */
export function indexOf(pod: KubeObject): number | undefined {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX_KEY] ?? pod.metadata.labels?.[COMPLETION_INDEX_KEY];
  if (v === undefined || !/^\d+$/.test(v)) return undefined;
  return Number(v);
}

/** Parses "1,3-5" into the indexes below completions. */
export function parseIndexes(s: string, completions: number): Set<number> {
  const out = new Set<number>();
  for (const part of s.split(',')) {
    if (!part) continue;
    const [a, b] = part.split('-').map(Number);
    const hi = b === undefined ? a : b;
    if (Number.isNaN(a) || Number.isNaN(hi)) continue;
    for (let i = a; i <= hi && i < completions; i++) out.add(i);
  }
  return out;
}

/** Formats indexes as sorted ranges: {0,1,2,4} -> "0-2,4". */
export function completedIndexesString(ix: Set<number>): string {
  const sorted = [...ix].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** Indexes already recorded plus those of newly succeeded pods. */
export function succeededIndexes(recorded: string | undefined, newSucceeded: KubeObject[], completions: number): Set<number> {
  const set = parseIndexes(recorded ?? '', completions);
  for (const pod of newSucceeded) {
    const ix = indexOf(pod);
    if (ix !== undefined && ix < completions) set.add(ix);
  }
  return set;
}

/** The lowest indexes neither succeeded nor running. */
export function missingIndexes(completions: number, done: Set<number>, running: Set<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions; i++) if (!done.has(i) && !running.has(i)) out.push(i);
  return out;
}

/** The pod of one index: `<job>-<index>-` name prefix, index annotation/label, hostname and env. */
export function indexedPodFromTemplate(job: KubeObject, ref: OwnerReference, index: number): KubeObject {
  const pod = podFromTemplate(job.spec?.template, job, ref);
  const ix = String(index);
  pod.metadata.generateName = `${job.metadata.name}-${ix}-`;
  pod.metadata.annotations = { ...(pod.metadata.annotations ?? {}), [COMPLETION_INDEX_KEY]: ix };
  pod.metadata.labels = { ...(pod.metadata.labels ?? {}), [COMPLETION_INDEX_KEY]: ix };
  pod.spec.hostname ??= `${job.metadata.name}-${ix}`;
  const env = { name: INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } };
  for (const c of [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])]) {
    if ((c.env ?? []).some((e: { name: string }) => e.name === INDEX_ENV)) continue;
    c.env = [...(c.env ?? []), structuredClone(env)];
  }
  return pod;
}
