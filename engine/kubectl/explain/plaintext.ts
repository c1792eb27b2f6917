// Renders `kubectl explain` from an OpenAPI v3 group-version document, reproducing kubectl's
// plaintext template: the GROUP/KIND/VERSION header, FIELD with ENUM, DESCRIPTION (the field's
// text, then its type's), FIELDS with descriptions, or the --recursive tree of names.
// Upstream: kubernetes/kubectl pkg/explain/v2/explain.go (printModelDescriptionWithGenerator),
// pkg/explain/v2/templates/plaintext.tmpl (output, fieldDetail, typeGuess), funcs.go (wrap, indent).

import { indent, wrapString } from './wordwrap';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = Record<string, any>;

export interface Gvr {
  group: string;
  version: string;
  resource: string;
}

/** An error raised while rendering; the output written so far stays on stdout. */
export class ExplainError extends Error {}

export const gvrString = (g: Gvr) => `${g.group ? `${g.group}/${g.version}` : g.version}, Resource=${g.resource}`;

class Doc {
  constructor(readonly doc: Schema) {}

  deref(s: Schema | undefined): Schema | undefined {
    let cur = s;
    for (let guard = 0; cur && guard < 20; guard++) {
      if (cur.$ref) {
        cur = this.byRef(cur.$ref);
        continue;
      }
      if (Array.isArray(cur.allOf) && cur.allOf.length === 1 && !cur.properties) {
        cur = cur.allOf[0];
        continue;
      }
      break;
    }
    return cur;
  }

  byRef(ref: string): Schema | undefined {
    const name = ref.split('/').pop()!;
    return this.doc.components?.schemas?.[name];
  }

  /** The referenced type's description (through items, additionalProperties, allOf, $ref). */
  typeDescription(s: Schema | undefined): string | undefined {
    let cur = s;
    for (let guard = 0; cur && guard < 20; guard++) {
      if (cur.$ref) return this.byRef(cur.$ref)?.description;
      if (Array.isArray(cur.allOf) && cur.allOf.length === 1 && !cur.properties) cur = cur.allOf[0];
      else if (cur.items) cur = cur.items;
      else if (cur.additionalProperties && typeof cur.additionalProperties === 'object') cur = cur.additionalProperties;
      else return undefined;
    }
    return undefined;
  }

  // Upstream: the "typeGuess" template.
  typeGuess(s: Schema | undefined): string {
    if (!s) return 'Object';
    if (s.items) return '[]' + this.typeGuess(s.items);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return 'map[string]' + this.typeGuess(s.additionalProperties);
    if (Array.isArray(s.allOf) && s.allOf.length === 1 && !s.properties) return this.typeGuess(s.allOf[0]);
    if (s.$ref) {
      const target = this.byRef(s.$ref);
      const name = String(s.$ref).split('/').pop()!.split('.').pop() || 'Object';
      // A reference to a plain scalar (metav1.Time is a string) prints the scalar type.
      if (target && typeof target.type === 'string' && target.type !== 'object' && !target.format?.includes('int-or-string')) return target.type;
      return name;
    }
    if (s.type) return String(s.type);
    if (s['x-kubernetes-int-or-string'] || s.format === 'int-or-string') return 'IntOrString';
    return 'Object';
  }

  /** The kind schema for a GVR: its x-kubernetes-group-version-kind names the group, version and kind. */
  findKind(gvr: Gvr, kind: string): Schema | undefined {
    for (const s of Object.values((this.doc.components?.schemas ?? {}) as Record<string, Schema>)) {
      for (const gvk of s['x-kubernetes-group-version-kind'] ?? []) {
        if ((gvk.group ?? '') === gvr.group && gvk.version === gvr.version && gvk.kind === kind) return s;
      }
    }
    return undefined;
  }
}

const isEmptyValue = (v: unknown) =>
  v === undefined || v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && Object.keys(v as object).length === 0);

/** Renders explain's plaintext output; throws ExplainError after writing the partial output. */
export function renderExplain(docJson: Schema, gvr: Gvr, kind: string, fieldPath: string[], recursive: boolean, write: (s: string) => void): void {
  const d = new Doc(docJson);
  const kindSchema = d.findKind(gvr, kind);
  if (!kindSchema) throw new ExplainError(`GVR (${gvrString(gvr)}) not found in OpenAPI schema`);
  let header = '';
  if (gvr.group) header += `GROUP:      ${gvr.group}\n`;
  header += `KIND:       ${kind}\nVERSION:    ${gvr.version}\n\n`;
  write(header);

  // Walk the field path through properties (arrays step into their items).
  let fieldSchema: Schema | undefined;
  let fieldName = '';
  let current: Schema | undefined = kindSchema;
  for (const f of fieldPath) {
    let resolved = d.deref(current);
    while (resolved?.items) resolved = d.deref(resolved.items);
    const next = resolved?.properties?.[f];
    if (!next) throw new ExplainError(`field ${JSON.stringify(f)} does not exist`);
    fieldSchema = next;
    fieldName = f;
    current = next;
  }

  let out = '';
  let target: Schema | undefined;
  if (fieldSchema) {
    out += `FIELD: ${fieldName} <${d.typeGuess(fieldSchema)}>\n`;
    const resolvedField = d.deref(fieldSchema) ?? fieldSchema;
    const def = fieldSchema.default ?? resolvedField.default;
    const en = fieldSchema.enum ?? resolvedField.enum;
    let extra = '';
    if (!isEmptyValue(def)) extra += `DEFAULT: ${JSON.stringify(def)}\n`;
    if (Array.isArray(en) && en.length) extra += 'ENUM:\n' + en.map((e: unknown) => `    ${typeof e === 'string' ? e : JSON.stringify(e)}\n`).join('');
    out += extra || '\n';
    out += '\nDESCRIPTION:\n';
    let desc = '';
    if (fieldSchema.description) desc += wrapString(String(fieldSchema.description), 76) + '\n';
    const typeDesc = d.typeDescription(fieldSchema);
    if (typeDesc) desc += wrapString(String(typeDesc), 76) + '\n';
    out += indent(4, desc) + '\n';
    target = fieldSchema;
  } else {
    out += 'DESCRIPTION:\n';
    out += indent(4, (kindSchema.description ? wrapString(String(kindSchema.description), 76) : '') + '\n') + '\n';
    target = kindSchema;
  }
  let props = d.deref(target);
  while (props?.items) props = d.deref(props.items);
  if (props?.properties && Object.keys(props.properties).length) {
    out += 'FIELDS:\n';
    out += fields(d, props, 1, recursive, new Set());
  }
  out += '\n';
  write(out);
}

// Upstream: the "fieldList"/"fieldDetail" templates — level 1 indents names by 2.
function fields(d: Doc, schema: Schema, level: number, recursive: boolean, seen: Set<Schema>): string {
  const required = new Set<string>(schema.required ?? []);
  let out = '';
  const pad = ' '.repeat(level * 2);
  for (const name of Object.keys(schema.properties ?? {}).sort()) {
    const f: Schema = schema.properties[name];
    const resolved = d.deref(f) ?? f;
    out += `${pad}${name}\t<${d.typeGuess(f)}>${required.has(name) ? ' -required-' : ''}\n`;
    const def = f.default ?? resolved.default;
    const en = f.enum ?? resolved.enum;
    if (!isEmptyValue(def)) out += `${pad}default: ${JSON.stringify(def)}\n`;
    // Field lists show at most four enum values, then `, ....`.
    if (Array.isArray(en) && en.length) {
      const shown = en.slice(0, 4).map((e: unknown) => (typeof e === 'string' ? e : JSON.stringify(e)));
      out += `${pad}enum: ${shown.join(', ')}${en.length > 4 ? ', ....' : ''}\n`;
    }
    if (recursive) {
      let sub = d.deref(f);
      while (sub?.items) sub = d.deref(sub.items);
      if (sub?.properties && !seen.has(sub)) {
        seen.add(sub);
        out += fields(d, sub, level + 1, true, seen);
        seen.delete(sub);
      }
    } else {
      const text = f.description ? wrapString(String(f.description), 78 - pad.length).replace(/[ \n]+$/, '') : '<no description>';
      out += indent(pad.length + 2, text) + '\n';
      out += '\n';
    }
  }
  return out;
}
