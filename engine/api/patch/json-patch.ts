// RFC 6902 JSON patch with the behaviour of the library kube-apiserver 1.32 runs
// (evanphx/json-patch v4): its quirks (replace on a missing object key adds it, negative
// array indices, the leading path segment is not checked) and its error texts.
import { badRequestError, internalPatchError, invalidPatchError, PatchError } from './patch-error';
import { deepClone, hasOwn, isJsonObject, setOwn, toJson, type JsonObject, type JsonValue } from './json-value';

export interface JsonPatchOperation {
  op?: unknown;
  path?: unknown;
  from?: unknown;
  value?: JsonValue;
  [extra: string]: unknown;
}

/** A failed JSON patch; see PatchError for how it maps onto the apiserver's Status. */
export class JsonPatchError extends PatchError {}

/** Upstream: apiserver pkg/endpoints/handlers/patch.go maxJSONPatchOperations */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

// Go's errors.Wrapf(cause, msg) text.
const wrap = (msg: string, cause: string) => `${msg}: ${cause}`;
const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const TEST_FAILED = 'test failed';

class OpFailure extends Error {}

type Container = { kind: 'doc'; obj: JsonObject } | { kind: 'ary'; arr: JsonValue[] };

function goQuoteAscii(s: string): string {
  return JSON.stringify(s);
}

// Upstream: golang strconv.Atoi
function atoi(key: string): number {
  if (!/^[+-]?[0-9]+$/.test(key)) throw new OpFailure(`strconv.Atoi: parsing ${goQuoteAscii(key)}: invalid syntax`);
  const n = BigInt(key);
  if (n > 9223372036854775807n || n < -9223372036854775808n) {
    throw new OpFailure(`strconv.Atoi: parsing ${goQuoteAscii(key)}: value out of range`);
  }
  return Number(n);
}

function decodePatchKey(k: string): string {
  return k.replace(/~1|~0/g, (m) => (m === '~1' ? '/' : '~'));
}

function invalidIndex(idx: number): OpFailure {
  return new OpFailure(wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX));
}

/** Resolves a possibly negative index against `len` (negative indices count from the end). */
function normalizeIndex(idx: number, len: number): number {
  if (idx < 0) {
    if (idx < -len) throw invalidIndex(idx);
    return idx + len;
  }
  return idx;
}

// Upstream: evanphx/json-patch v4 patch.go partialDoc/partialArray get
/** Returns undefined for "nil" (a missing object key, or a JSON null). */
function get(c: Container, key: string): JsonValue | undefined {
  if (c.kind === 'doc') return hasOwn(c.obj, key) ? (c.obj[key] ?? undefined) : undefined;
  const idx = normalizeIndex(atoi(key), c.arr.length);
  if (idx >= c.arr.length) throw invalidIndex(idx);
  return c.arr[idx] ?? undefined;
}

function add(c: Container, key: string, val: JsonValue): void {
  if (c.kind === 'doc') {
    setOwn(c.obj, key, val);
    return;
  }
  if (key === '-') {
    c.arr.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw new OpFailure(wrap(`value was not a proper array index: '${key}'`, (e as Error).message));
  }
  const size = c.arr.length + 1;
  if (idx >= size) throw invalidIndex(idx);
  idx = normalizeIndex(idx, size);
  c.arr.splice(idx, 0, val);
}

function set(c: Container, key: string, val: JsonValue): void {
  if (c.kind === 'doc') {
    setOwn(c.obj, key, val);
    return;
  }
  const idx = normalizeIndex(atoi(key), c.arr.length);
  c.arr[idx] = val;
}

function remove(c: Container, key: string): void {
  if (c.kind === 'doc') {
    if (!hasOwn(c.obj, key)) throw new OpFailure(wrap(`Unable to remove nonexistent key: ${key}`, MISSING));
    delete c.obj[key];
    return;
  }
  const raw = atoi(key);
  if (raw >= c.arr.length) throw invalidIndex(raw);
  const idx = normalizeIndex(raw, c.arr.length);
  c.arr.splice(idx, 1);
}

// Upstream: evanphx/json-patch v4 patch.go findObject
/** The container holding the path's last segment; the first segment is skipped unchecked, as upstream does. */
function findObject(root: Container, path: string): [Container, string] | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  let doc = root;
  for (const part of split.slice(1, -1)) {
    let next: JsonValue | undefined;
    try {
      next = get(doc, decodePatchKey(part));
    } catch {
      return undefined;
    }
    if (next === undefined || next === null) return undefined;
    if (Array.isArray(next)) doc = { kind: 'ary', arr: next };
    else if (isJsonObject(next)) doc = { kind: 'doc', obj: next };
    else return undefined;
  }
  return [doc, decodePatchKey(split[split.length - 1])];
}

function goJsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

/** Operation.Path / Operation.From: the field as a string, or upstream's failure text. */
function stringField(op: JsonPatchOperation, field: 'path' | 'from', missing: string): string {
  const v = op[field];
  if (v === undefined || v === null) throw new OpFailure(wrap(missing, MISSING));
  if (typeof v !== 'string') throw new OpFailure(`json: cannot unmarshal ${goJsonTypeOf(v)} into Go value of type string`);
  return v;
}

function opValue(op: JsonPatchOperation): JsonValue {
  return hasOwn(op as JsonObject, 'value') ? deepClone((op.value ?? null) as JsonValue) : null;
}

// Upstream: evanphx/json-patch v4 lazyNode.equal — an object matches when every key of the
// document's value is in the test value with an equal value (extra test keys are ignored).
function lazyEqual(docVal: JsonValue, testVal: JsonValue): boolean {
  if (isJsonObject(docVal)) {
    if (!isJsonObject(testVal)) return false;
    return Object.keys(docVal).every((k) => {
      if (!hasOwn(testVal, k)) return false;
      const a = docVal[k];
      const b = testVal[k];
      if (a === null && b === null) return true;
      if (a === null || b === null) return false;
      return lazyEqual(a, b);
    });
  }
  if (Array.isArray(docVal)) {
    return Array.isArray(testVal) && docVal.length === testVal.length && docVal.every((v, i) => lazyEqual(v, testVal[i]));
  }
  return docVal === testVal;
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// Upstream: evanphx/json-patch v4 patch.go Patch.add/remove/replace/move/test/copy
function applyOp(root: Container, op: JsonPatchOperation): void {
  const kind = typeof op.op === 'string' ? op.op : 'unknown';
  switch (kind) {
    case 'add': {
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch {
        throw new OpFailure(wrap('add operation failed to decode path', MISSING));
      }
      const found = findObject(root, path);
      if (!found) throw new OpFailure(wrap(`add operation does not apply: doc is missing path: "${path}"`, MISSING));
      try {
        add(found[0], found[1], opValue(op));
      } catch (e) {
        throw new OpFailure(wrap(`error in add for path: '${path}'`, errText(e)));
      }
      return;
    }
    case 'remove': {
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch {
        throw new OpFailure(wrap('remove operation failed to decode path', MISSING));
      }
      const found = findObject(root, path);
      if (!found) throw new OpFailure(wrap(`remove operation does not apply: doc is missing path: "${path}"`, MISSING));
      try {
        remove(found[0], found[1]);
      } catch (e) {
        throw new OpFailure(wrap(`error in remove for path: '${path}'`, errText(e)));
      }
      return;
    }
    case 'replace': {
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch (e) {
        throw new OpFailure(wrap('replace operation failed to decode path', errText(e)));
      }
      const found = findObject(root, path);
      if (!found) throw new OpFailure(wrap(`replace operation does not apply: doc is missing path: ${path}`, MISSING));
      try {
        get(found[0], found[1]);
      } catch {
        throw new OpFailure(wrap(`replace operation does not apply: doc is missing key: ${path}`, MISSING));
      }
      try {
        set(found[0], found[1], opValue(op));
      } catch (e) {
        // Upstream's text really says "remove" here.
        throw new OpFailure(wrap(`error in remove for path: '${path}'`, errText(e)));
      }
      return;
    }
    case 'move': {
      let from: string;
      try {
        from = stringField(op, 'from', 'operation, missing from field');
      } catch (e) {
        throw new OpFailure(wrap('move operation failed to decode from', errText(e)));
      }
      const src = findObject(root, from);
      if (!src) throw new OpFailure(wrap(`move operation does not apply: doc is missing from path: ${from}`, MISSING));
      let val: JsonValue | undefined;
      try {
        val = get(src[0], src[1]);
        remove(src[0], src[1]);
      } catch (e) {
        throw new OpFailure(wrap(`error in move for path: '${src[1]}'`, errText(e)));
      }
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch (e) {
        throw new OpFailure(wrap('move operation failed to decode path', errText(e)));
      }
      const dst = findObject(root, path);
      if (!dst) throw new OpFailure(wrap(`move operation does not apply: doc is missing destination path: ${path}`, MISSING));
      try {
        add(dst[0], dst[1], val ?? null);
      } catch (e) {
        throw new OpFailure(wrap(`error in move for path: '${path}'`, errText(e)));
      }
      return;
    }
    case 'test': {
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch (e) {
        throw new OpFailure(wrap('test operation failed to decode path', errText(e)));
      }
      const found = findObject(root, path);
      if (!found) throw new OpFailure(wrap(`test operation does not apply: is missing path: ${path}`, MISSING));
      let val: JsonValue | undefined;
      try {
        val = get(found[0], found[1]);
      } catch (e) {
        throw new OpFailure(wrap(`error in test for path: '${path}'`, errText(e)));
      }
      const failed = new OpFailure(wrap(`testing value ${path} failed`, TEST_FAILED));
      const hasValue = hasOwn(op as JsonObject, 'value');
      const expected = hasValue ? ((op.value ?? null) as JsonValue) : undefined;
      if (val === undefined) {
        // A missing key (or null) passes only against an explicit null.
        if (hasValue && expected === null) return;
        throw failed;
      }
      if (!hasValue || expected === null || !lazyEqual(val, expected as JsonValue)) throw failed;
      return;
    }
    case 'copy': {
      let from: string;
      try {
        from = stringField(op, 'from', 'operation, missing from field');
      } catch (e) {
        throw new OpFailure(wrap('copy operation failed to decode from', errText(e)));
      }
      const src = findObject(root, from);
      if (!src) throw new OpFailure(wrap(`copy operation does not apply: doc is missing from path: ${from}`, MISSING));
      let val: JsonValue | undefined;
      try {
        val = get(src[0], src[1]);
      } catch (e) {
        throw new OpFailure(wrap(`error in copy for from: '${from}'`, errText(e)));
      }
      let path: string;
      try {
        path = stringField(op, 'path', 'operation missing path field');
      } catch {
        throw new OpFailure(wrap('copy operation failed to decode path', MISSING));
      }
      const dst = findObject(root, path);
      if (!dst) throw new OpFailure(wrap(`copy operation does not apply: doc is missing destination path: ${path}`, MISSING));
      try {
        // A missing source key copies as null in v4.
        add(dst[0], dst[1], val === undefined ? null : deepClone(val));
      } catch (e) {
        throw new OpFailure(wrap('error while adding value during copy', errText(e)));
      }
      return;
    }
    default:
      throw new OpFailure(`Unexpected kind: ${kind}`);
  }
}

// Upstream: evanphx/json-patch v4 patch.go Patch.Apply; apiserver patch.go applyJSPatch
/**
 * Applies the operations to a copy of `doc` and returns the result. A failing operation
 * throws JsonPatchError: `message` is the library text (e.g. `replace operation does not
 * apply: doc is missing key: /spec/x/3: missing value`), while the Status the apiserver
 * sends is 422 Invalid "the server rejected our request due to an error in our request".
 */
export function applyJsonPatch(doc: unknown, ops: readonly JsonPatchOperation[]): JsonValue {
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    const msg = `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`;
    throw new JsonPatchError(msg, 413, 'RequestEntityTooLarge', `Request entity too large: ${msg}`);
  }
  const copy = toJson(doc);
  let root: Container;
  if (Array.isArray(copy)) root = { kind: 'ary', arr: copy };
  else if (isJsonObject(copy)) root = { kind: 'doc', obj: copy };
  else {
    const e = internalPatchError(`json: cannot unmarshal ${goJsonTypeOf(copy)} into Go value of type jsonpatch.partialDoc`);
    throw new JsonPatchError(e.message, e.code, e.reason, e.statusMessage);
  }
  for (const op of ops) {
    try {
      applyOp(root, op);
    } catch (e) {
      if (!(e instanceof OpFailure)) throw e;
      const inv = invalidPatchError(e.message);
      throw new JsonPatchError(inv.message, inv.code, inv.reason, inv.statusMessage);
    }
  }
  return root.kind === 'doc' ? root.obj : root.arr;
}

/** The result of decoding a PATCH body; `strictErrors` are what fieldValidation=Strict rejects (Warn warns). */
export interface DecodedJsonPatch {
  ops: JsonPatchOperation[];
  strictErrors: string[];
}

/** Go's wording for a JSON syntax error, as far as JSON.parse tells where it failed. */
export function goJsonSyntaxError(body: string, err: unknown): string {
  const m = /position (\d+)/.exec(errText(err));
  const pos = m ? Number(m[1]) : body.length;
  if (pos >= body.length || body.trim() === '') return 'unexpected end of JSON input';
  return `invalid character '${body[pos]}' looking for beginning of value`;
}

// Upstream: apiserver pkg/endpoints/handlers/patch.go applyJSPatch (decoding half)
/**
 * Decodes an application/json-patch+json body as the apiserver does. With `strict`
 * (fieldValidation Strict or Warn, which kubectl sends) the body is first decoded into
 * typed ops, so shape errors read `error decoding patch: json: cannot unmarshal …`.
 * Errors are 400 BadRequest.
 */
export function decodeJsonPatch(body: string, opts: { strict?: boolean } = {}): DecodedJsonPatch {
  const strict = opts.strict ?? true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    const msg = goJsonSyntaxError(body, e);
    throw asJsonPatchError(badRequestError(strict ? `error decoding patch: ${msg}` : msg));
  }
  const strictErrors: string[] = [];
  if (!Array.isArray(parsed)) {
    if (parsed === null) return { ops: [], strictErrors };
    const t = goJsonTypeOf(parsed);
    throw asJsonPatchError(
      badRequestError(
        strict
          ? `error decoding patch: json: cannot unmarshal ${t} into Go value of type []handlers.jsonPatchOp`
          : `json: cannot unmarshal ${t} into Go value of type jsonpatch.Patch`,
      ),
    );
  }
  for (const item of parsed) {
    if (item !== null && !isJsonObject(item)) {
      const t = goJsonTypeOf(item);
      throw asJsonPatchError(
        badRequestError(
          strict
            ? `error decoding patch: json: cannot unmarshal ${t} into Go value of type handlers.jsonPatchOp`
            : `json: cannot unmarshal ${t} into Go value of type jsonpatch.Operation`,
        ),
      );
    }
    if (!strict || item === null) continue;
    for (const [k, v] of Object.entries(item)) {
      if (k === 'op' || k === 'path' || k === 'from') {
        if (v !== null && typeof v !== 'string') {
          throw asJsonPatchError(
            badRequestError(`error decoding patch: json: cannot unmarshal ${goJsonTypeOf(v)} into Go struct field jsonPatchOp.${k} of type string`),
          );
        }
      } else if (k !== 'value') {
        strictErrors.push(`json patch unknown field "${k}"`);
      }
    }
  }
  return { ops: parsed.map((x) => (x ?? {}) as JsonPatchOperation), strictErrors };
}

function asJsonPatchError(e: PatchError): JsonPatchError {
  return new JsonPatchError(e.message, e.code, e.reason, e.statusMessage);
}
