// What a lab is judged on: the recorded history of the cluster (every change with its time) and
// the commands the student typed. Both recorders (the API watcher in watch-recorder.ts and the
// engine's own, engine/history/) produce these shapes; testdata/ golden files hold them too.
import type { KubeObject } from '../../engine/api/object';

export type ChangeType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface HistoryEntry {
  /** Strictly increasing order of the changes (ties in `time` are common). */
  seq: number;
  /** Milliseconds since the epoch on the cluster's clock (fast-forward moves it). */
  time: number;
  type: ChangeType;
  apiVersion: string;
  kind: string;
  /** '' for cluster-scoped objects. */
  namespace: string;
  name: string;
  /** The object after the change (for DELETED: its last state). */
  object: KubeObject;
}

export interface CommandEntry {
  seq: number;
  time: number;
  node: string;
  line: string;
}

/** Everything an evaluation reads: pure data, so `lab check` and grading re-evaluate it later. */
export interface LabRecord {
  startedAt: number;
  now: number;
  namespace: string;
  history: HistoryEntry[];
  commands: CommandEntry[];
}

export function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

/** The key objects are indexed by: group and kind (any version of the group matches). */
export function kindKey(apiVersion: string, kind: string): string {
  return `${groupOf(apiVersion)}/${kind}`;
}

/**
 * Drops what only bloats a recording: managedFields' field sets (the manager names and operations
 * stay, so "was this changed by kubectl edit" is still answerable) and the last-applied annotation.
 */
export function slimObject(o: KubeObject): KubeObject {
  const out = structuredClone(o);
  const mf = out.metadata?.managedFields;
  if (Array.isArray(mf)) out.metadata.managedFields = mf.map((f) => ({ manager: f.manager, operation: f.operation, time: f.time, subresource: f.subresource }));
  const ann = out.metadata?.annotations;
  if (ann && 'kubectl.kubernetes.io/last-applied-configuration' in ann) {
    delete ann['kubectl.kubernetes.io/last-applied-configuration'];
    if (Object.keys(ann).length === 0) delete out.metadata.annotations;
  }
  return out;
}

/** A history entry for an object, filling the identity fields from the object itself. */
export function entryFor(seq: number, time: number, type: ChangeType, object: KubeObject, fallback: { apiVersion: string; kind: string }): HistoryEntry {
  return {
    seq,
    time,
    type,
    apiVersion: object.apiVersion ?? fallback.apiVersion,
    kind: object.kind ?? fallback.kind,
    namespace: object.metadata.namespace ?? '',
    name: object.metadata.name,
    object: slimObject(object),
  };
}
