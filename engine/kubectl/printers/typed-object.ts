// An object from the server as kubectl's typed Go struct would marshal it: keys in Go struct
// order, unknown fields dropped, zero non-pointer structs and non-omitempty fields written
// (`"eventTime": null`, `"reportingComponent": ""`, `"status": {"loadBalancer": {}}`), map keys
// sorted. Commands that decode into the scheme's types (events, set selector, set subject)
// print -o json this way. The Go field order comes from the protobuf table compiled from
// kubectl v1.32's types (engine/go-types/k8s-types.ts).
// Upstream: encoding/json (struct fields, omitempty), apimachinery meta/v1 Time/MicroTime
// MarshalJSON (null when zero).

import { k8sMessages, type FieldSpec, type FieldType } from '../../go-types/schema';

type Json = Record<string, unknown>;

/** The typed form of obj, or obj itself when its kind is not a built-in type. */
export function toTyped(obj: Json): Json {
  const spec = k8sMessages.messageForKind(String(obj.apiVersion ?? ''), String(obj.kind ?? ''));
  if (!spec) return obj;
  const out: Json = {};
  // TypeMeta is inlined first with omitempty on both keys.
  if (obj.kind) out.kind = obj.kind;
  if (obj.apiVersion) out.apiVersion = obj.apiVersion;
  return Object.assign(out, messageValue(spec.name, obj));
}

function messageValue(name: string, src: Json | undefined): Json {
  const spec = k8sMessages.message(name);
  const out: Json = {};
  for (const f of spec.fields) {
    if (f.json === undefined) {
      // An embedded struct: its keys join ours.
      if (f.type.kind === 'message') Object.assign(out, messageValue(f.type.message, src));
      continue;
    }
    const v = src?.[f.json];
    const converted = fieldValue(f, v);
    if (converted !== undefined) out[f.json] = converted;
  }
  return out;
}

function isZeroScalar(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

/** The JSON value Go writes for a field, or undefined when the key is left out. */
function fieldValue(f: FieldSpec, v: unknown): unknown {
  const t = f.type;
  if (v === undefined || v === null) {
    if (f.pointer) return f.omitempty ? undefined : null;
    if (t.kind === 'message') return zeroMessage(t.message);
    if (f.omitempty) return undefined;
    if (t.kind === 'scalar') return t.scalar === 'string' || t.scalar === 'bytes' ? (t.scalar === 'string' ? '' : null) : t.scalar === 'bool' ? false : 0;
    return null; // nil slice or map
  }
  if (!f.pointer && f.omitempty) {
    if (t.kind === 'scalar' && isZeroScalar(v)) return undefined;
    if ((t.kind === 'list' && Array.isArray(v) && v.length === 0) || (t.kind === 'map' && typeof v === 'object' && Object.keys(v as object).length === 0)) return undefined;
  }
  return value(t, v);
}

function zeroMessage(name: string): unknown {
  const spec = k8sMessages.message(name);
  if (spec.special === 'Time' || spec.special === 'MicroTime' || spec.special === 'RawExtension' || spec.special === 'FieldsV1') return null;
  if (spec.special === 'Duration') return '0s';
  if (spec.special === 'IntOrString') return 0;
  if (spec.special === 'Quantity') return '0';
  return messageValue(name, undefined);
}

function value(t: FieldType, v: unknown): unknown {
  switch (t.kind) {
    case 'scalar':
      return v;
    case 'list':
      return Array.isArray(v) ? v.map((x) => (x === null ? null : value(t.elem, x))) : v;
    case 'map': {
      const m = v as Json;
      return Object.fromEntries(
        Object.keys(m)
          .sort()
          .map((k) => [k, m[k] === null ? null : value(t.value, m[k])]),
      );
    }
    case 'message': {
      const spec = k8sMessages.message(t.message);
      if (spec.special) return v; // Time, Quantity, IntOrString …: the server's text is Go's text
      return typeof v === 'object' && v !== null && !Array.isArray(v) ? messageValue(t.message, v as Json) : v;
    }
  }
}
