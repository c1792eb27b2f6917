// RFC 7386 JSON merge patch, as kube-apiserver applies it (evanphx/json-patch v4
// MergePatch) and as kubectl label/annotate and CRD edits create it (CreateMergePatch).
import { goJsonSyntaxError } from './json-patch';
import { badRequestError, PatchError } from './patch-error';
import { deepClone, deepEqual, hasOwn, isJsonObject, kindOf, setOwn, toJson, type JsonObject, type JsonValue } from './json-value';

export class MergePatchError extends PatchError {}

/** Upstream: evanphx/json-patch v4 errors.go ErrBadJSONPatch / ErrBadJSONDoc */
export const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';
export const ERR_BAD_JSON_DOC = 'Invalid JSON Document';

// Upstream: evanphx/json-patch v4 merge.go pruneNulls — null object members go, null array items stay.
function pruneNulls(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return v.map((x) => (x === null ? null : pruneNulls(x)));
  if (isJsonObject(v)) {
    const out: JsonObject = {};
    for (const k of Object.keys(v)) if (v[k] !== null) setOwn(out, k, pruneNulls(v[k]));
    return out;
  }
  return v;
}

// Upstream: evanphx/json-patch v4 merge.go mergeDocs / merge
function mergeInto(doc: JsonObject, patch: JsonObject): void {
  for (const k of Object.keys(patch)) {
    const pv = patch[k];
    if (pv === null) {
      delete doc[k];
      continue;
    }
    const cur = hasOwn(doc, k) ? doc[k] : null;
    if (cur === null || !isJsonObject(cur)) {
      setOwn(doc, k, pruneNulls(pv));
    } else if (isJsonObject(pv)) {
      mergeInto(cur, pv);
    } else {
      // An object replaced by a non-object keeps the patch value as sent.
      setOwn(doc, k, deepClone(pv));
    }
  }
}

/**
 * Applies a merge patch to a copy of `target`. An array patch replaces the document (nulls
 * pruned), like upstream; a null or scalar patch is 400 "Invalid JSON Patch".
 */
export function applyMergePatch(targetInput: unknown, patchInput: unknown): JsonValue {
  const target = toJson(targetInput);
  const patch = toJson(patchInput);
  if (Array.isArray(patch)) return pruneNulls(patch);
  if (!isJsonObject(patch)) throw new MergePatchError(ERR_BAD_JSON_PATCH, 400, 'BadRequest');
  if (target === null) throw new MergePatchError(ERR_BAD_JSON_DOC, 500, '');
  if (!isJsonObject(target)) return pruneNulls(patch);
  mergeInto(target, patch);
  return target;
}

// Upstream: apiserver pkg/endpoints/handlers/patch.go applyJSPatch (MergePatchType decoding)
/**
 * Decodes an application/merge-patch+json body. With `strict` (kubectl's default) the body
 * must be a JSON object (or null); anything else is 400 `error decoding patch: …`.
 */
export function decodeMergePatch(body: string, opts: { strict?: boolean } = {}): JsonValue {
  const strict = opts.strict ?? true;
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(body) as JsonValue;
  } catch (e) {
    const msg = goJsonSyntaxError(body, e);
    const err = badRequestError(strict ? `error decoding patch: ${msg}` : ERR_BAD_JSON_PATCH);
    throw new MergePatchError(err.message, err.code, err.reason);
  }
  if (strict && parsed !== null && !isJsonObject(parsed)) {
    const t = Array.isArray(parsed) ? 'array' : kindOf(parsed);
    const err = badRequestError(`error decoding patch: json: cannot unmarshal ${t} into Go value of type map[string]interface {}`);
    throw new MergePatchError(err.message, err.code, err.reason);
  }
  return parsed;
}

// Upstream: evanphx/json-patch v4 merge.go getDiff
function diff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const key of Object.keys(b)) {
    const bv = b[key];
    if (!hasOwn(a, key)) {
      setOwn(into, key, deepClone(bv));
      continue;
    }
    const av = a[key];
    if (kindOf(av) !== kindOf(bv)) {
      setOwn(into, key, deepClone(bv));
      continue;
    }
    if (isJsonObject(av) && isJsonObject(bv)) {
      const d = diff(av, bv);
      if (Object.keys(d).length > 0) setOwn(into, key, d);
    } else if (!deepEqual(av, bv)) {
      // Lists are replaced whole: merge patch has no list semantics.
      setOwn(into, key, deepClone(bv));
    }
  }
  for (const key of Object.keys(a)) if (!hasOwn(b, key)) setOwn(into, key, null);
  return into;
}

/**
 * The merge patch that turns `original` into `modified` (kubectl label/annotate, and edit
 * or apply of custom resources). Serialize it with goJsonMarshal to get kubectl's bytes.
 */
export function createMergePatch(originalInput: unknown, modifiedInput: unknown): JsonValue {
  const original = toJson(originalInput);
  const modified = toJson(modifiedInput);
  // Upstream: evanphx/json-patch v4 merge.go CreateMergePatch / createArrayMergePatch
  if (Array.isArray(original) && Array.isArray(modified)) {
    if (original.length !== modified.length) throw new MergePatchError('Invalid JSON Document', 500, '');
    return modified.map((m, i) => {
      const o = original[i];
      if (!isJsonObject(o) || !isJsonObject(m)) throw new MergePatchError(ERR_BAD_JSON_DOC, 500, '');
      return diff(o, m);
    });
  }
  if (!isJsonObject(original)) throw new MergePatchError(ERR_BAD_JSON_DOC, 500, '');
  if (!isJsonObject(modified)) throw new MergePatchError(ERR_BAD_JSON_PATCH, 500, '');
  return diff(original, modified);
}
