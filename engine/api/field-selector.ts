// Field selectors (`--field-selector`, and those kubectl sends itself: metadata.name,
// spec.nodeName, status.phase!=Succeeded, involvedObject.*). Only = , == and != exist.
// Upstream: apimachinery pkg/fields/selector.go
import type { KubeObject } from './object';
import { badRequest } from './status-error';

export interface FieldRequirement {
  field: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (!text.trim()) return out;
  for (const part of text.split(',')) {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
    out.push({ field: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] });
  }
  return out;
}

export type FieldGetter = (obj: KubeObject) => string;

const common: Record<string, FieldGetter> = {
  'metadata.name': (o) => o.metadata.name,
  'metadata.namespace': (o) => o.metadata.namespace ?? '',
};

/** Checks the selector's fields are supported for the kind, as the apiserver does (400 otherwise). */
export function compileFieldSelector(reqs: FieldRequirement[], kindFields: Record<string, FieldGetter> | undefined, kind: string, version: string): (o: KubeObject) => boolean {
  const getters = reqs.map((r) => {
    const g = common[r.field] ?? kindFields?.[r.field];
    if (!g) throw badRequest(`"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
    return { r, g };
  });
  void kind;
  void version;
  return (o) => getters.every(({ r, g }) => (r.op === '=' ? g(o) === r.value : g(o) !== r.value));
}
