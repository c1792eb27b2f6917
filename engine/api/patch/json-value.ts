// The JSON data model every patch algorithm here works on: what JSON.parse returns.
// Go decodes JSON into map[string]interface{} / []interface{}; these helpers give the
// same notions of "kind", equality and copying over plain JavaScript values.

export type JsonPrimitive = null | boolean | number | string;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Go's reflect kind of a decoded JSON value, as the algorithms compare them. */
export type JsonKind = 'null' | 'bool' | 'number' | 'string' | 'array' | 'object';

export function kindOf(v: JsonValue | undefined): JsonKind {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean':
      return 'bool';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasOwn(o: JsonObject, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

/** Sets an own property even for "__proto__", which plain assignment would turn into a prototype change. */
export function setOwn(o: JsonObject, k: string, v: JsonValue): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** Go's `==` on two interface{} scalars; a missing map entry (undefined) is Go's nil. */
export function scalarEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}

/** reflect.DeepEqual over decoded JSON. */
export function deepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  const ka = kindOf(a);
  if (ka !== kindOf(b)) return false;
  if (ka === 'array') {
    const x = a as JsonValue[];
    const y = b as JsonValue[];
    return x.length === y.length && x.every((v, i) => deepEqual(v, y[i]));
  }
  if (ka === 'object') {
    const x = a as JsonObject;
    const y = b as JsonObject;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    return keys.every((k) => hasOwn(y, k) && deepEqual(x[k], y[k]));
  }
  return false;
}

/** A deep copy with JSON semantics: undefined members are dropped, undefined list items become null. */
export function deepClone<T extends JsonValue>(v: T): T {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : deepClone(x))) as T;
  if (isJsonObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) if (v[k] !== undefined) setOwn(out, k, deepClone(v[k]));
    return out as T;
  }
  return v;
}

/** Copies typed input (e.g. a KubeObject interface) into the JSON model the algorithms use. */
export function toJson(v: unknown): JsonValue {
  return deepClone(v as JsonValue);
}

/** Like toJson, for inputs that must be JSON objects. */
export function toJsonObject(v: unknown, what: string): JsonObject {
  if (!isJsonObject(v)) throw new TypeError(`${what} must be a JSON object`);
  return deepClone(v as JsonObject);
}
