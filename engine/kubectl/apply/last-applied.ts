// The kubectl.kubernetes.io/last-applied-configuration annotation: what `apply` (and
// `create --save-config`, `edit`/`replace --save-config`) store, byte for byte.
// Upstream: kubernetes/kubectl pkg/util/apply.go (GetModifiedConfiguration,
// GetOriginalConfiguration, CreateApplyAnnotation, CreateOrUpdateAnnotation);
// apimachinery unstructured.SetAnnotations (an empty map is kept as `annotations: {}`).

import { goJsonEncode } from '../../api/patch/go-json';
import type { KubeObject } from '../printers/name-printer';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

type Meta = { annotations?: Record<string, string>; [k: string]: unknown };

function clone<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

/**
 * The object serialized with its annotations minus last-applied (kept as `{}` when empty),
 * and, with `annotate`, the object carrying that serialization as its annotation.
 * Returns [modified JSON, the object with the annotation set].
 */
export function modifiedConfiguration(obj: KubeObject, annotate: boolean, keepEmptyAnnotations = true): { modified: string; annotated: KubeObject } {
  const o = clone(obj);
  const meta = (o.metadata ??= {}) as Meta;
  const annots = { ...(meta.annotations ?? {}) };
  delete annots[lastAppliedAnnotation];
  meta.annotations = annots;
  // `apply set-last-applied` stores the file's object without an empty annotations map
  // (observed with kubectl v1.32), unlike apply and create --save-config.
  if (!keepEmptyAnnotations && Object.keys(annots).length === 0) delete meta.annotations;
  let modified = goJsonEncode(o);
  if (annotate) {
    meta.annotations = { ...annots, [lastAppliedAnnotation]: modified };
    modified = goJsonEncode(o);
  }
  return { modified, annotated: o };
}

/** The annotation value from a live object (`original` of the three-way patch). */
export function originalConfiguration(obj: KubeObject): string | undefined {
  const a = (obj.metadata as Meta | undefined)?.annotations;
  return a?.[lastAppliedAnnotation];
}

/** CreateApplyAnnotation: sets the annotation to the object's own serialization. */
export function withApplyAnnotation(obj: KubeObject): KubeObject {
  const { modified } = modifiedConfiguration(obj, false);
  const o = clone(obj);
  const meta = (o.metadata ??= {}) as Meta;
  meta.annotations = { ...(meta.annotations ?? {}), [lastAppliedAnnotation]: modified };
  return o;
}

/** CreateOrUpdateAnnotation: only when --save-config, or when the object already has one. */
export function createOrUpdateAnnotation(saveConfig: boolean, obj: KubeObject): KubeObject {
  if (saveConfig || originalConfiguration(obj) !== undefined) return withApplyAnnotation(obj);
  return obj;
}
