// Applying a strategic merge patch: the server side (StrategicMergeMapPatch) and the
// patch-into-patch merge kubectl's three-way patch uses. Works in place on its inputs;
// the public functions copy first.
import { parsePatchStrategy, type PatchSchema } from './patch-schema';
import { errBadArgType, errBadPatchType, errNoMergeKey, smpError, ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST, ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS, ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST } from './smp-errors';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  deduplicateScalars,
  findMapByKey,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementType,
  splitDeleteItems,
  mergeKeyValueEqual,
} from './smp-lists';
import { goSprintV } from './go-fmt';
import { deepEqual, hasOwn, isJsonObject, kindOf, scalarEqual, setOwn, type JsonObject, type JsonValue } from './json-value';

export interface MergeOptions {
  /** Server side: apply $deleteFromPrimitiveList and $retainKeys instead of carrying them along. */
  mergeParallelList: boolean;
  /** Server side: a null for a missing key is dropped instead of kept as an explicit null. */
  ignoreUnmatchedNulls: boolean;
}

export const SERVER_MERGE: MergeOptions = { mergeParallelList: true, ignoreUnmatchedNulls: true };
export const CLIENT_MERGE: MergeOptions = { mergeParallelList: false, ignoreUnmatchedNulls: false };

// Upstream: apimachinery pkg/util/strategicpatch/patch.go extractKey
function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST);
    throw smpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
  }
  return key.slice(slash + 1);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go removeDirectives
/** Drops maps carrying `$patch` (and list items that are such maps); returns undefined when `v` itself is one. */
function removeDirectives(v: JsonValue): JsonValue | undefined {
  if (isJsonObject(v)) {
    if (hasOwn(v, DIRECTIVE_MARKER)) return undefined;
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k]);
      if (r === undefined) delete v[k];
      else setOwn(v, k, r);
    }
    return v;
  }
  if (Array.isArray(v)) {
    const out: JsonValue[] = [];
    for (const x of v) {
      const r = removeDirectives(x);
      if (r !== undefined) out.push(r);
    }
    return out;
  }
  return v;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go discardNullValuesFromPatch
function discardNulls(v: JsonValue): void {
  if (isJsonObject(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k];
      else discardNulls(v[k]);
    }
  } else if (Array.isArray(v)) {
    for (const x of v) discardNulls(x);
  }
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go handleDirectiveInMergeMap
function handleDirectiveInMergeMap(directive: JsonValue, patch: JsonObject): JsonObject {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (directive === DELETE_DIRECTIVE) return {};
  throw errBadPatchType(directive, patch);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go applyRetainKeysDirective
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, opts: MergeOptions): void {
  if (!hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE];
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!opts.mergeParallelList) {
    // Merging two patches: both must carry the same list.
    if (hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retain)) {
        throw smpError(`${goSprintV(original[RETAIN_KEYS_DIRECTIVE])} and ${goSprintV(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`);
      }
    } else {
      setOwn(original, RETAIN_KEYS_DIRECTIVE, retain);
    }
    return;
  }
  if (!Array.isArray(retain)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  const keep = new Set<JsonValue>(retain.filter((x) => kindOf(x) !== 'object' && kindOf(x) !== 'array'));
  for (const k of Object.keys(patch)) {
    if (patch[k] === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    if (!keep.has(k)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go validatePatchWithSetOrderList
/** Patch items (ignoring deletions and directive items) must appear in $setElementOrder, in the same relative order. */
function validatePatchWithSetOrderList(patchList: JsonValue[] | undefined, setOrder: JsonValue[], mergeKey: string): void {
  if (setOrder.length === 0 || !patchList || patchList.length === 0) return;
  const nonDelete = mergeKey !== '' ? splitDeleteItems(patchList)[0] : patchList;
  let p = 0;
  let s = 0;
  while (p < nonDelete.length && s < setOrder.length) {
    const item = nonDelete[p];
    if (isJsonObject(item) && hasOwn(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, setOrder[s], mergeKey)) p++;
    s++;
  }
  if (p < nonDelete.length && s >= setOrder.length) {
    throw smpError(`The order in patch list:\n${goSprintV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goSprintV(setOrder)}\n`);
  }
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergePatchIntoOriginal
/** Handles every `$setElementOrder/<field>` with its list: merges the list, then orders it. */
function mergePatchIntoOriginal(original: JsonObject, patch: JsonObject, schema: PatchSchema, opts: MergeOptions): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const setOrder = patch[key];
    if (!opts.mergeParallelList) {
      if (hasOwn(original, key)) {
        if (!deepEqual(original[key], setOrder)) throw smpError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST);
      } else {
        setOwn(original, key, setOrder);
      }
    }
    delete patch[key];
    if (!Array.isArray(setOrder)) throw errBadArgType('slice', setOrder);
    const field = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const foundOriginal = hasOwn(original, field);
    const foundPatch = hasOwn(patch, field);
    const originalList = foundOriginal ? original[field] : undefined;
    const patchList = foundPatch ? patch[field] : undefined;
    if (foundOriginal && !Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (foundPatch && !Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const sub = schema.field(field);
    const { strategy } = parsePatchStrategy(sub.patchStrategy);
    const mergeKey = sub.patchMergeKey ?? '';
    validatePatchWithSetOrderList(patchList as JsonValue[] | undefined, setOrder, mergeKey);

    let merged: JsonValue[];
    if (foundOriginal && !foundPatch) merged = originalList as JsonValue[];
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchList as JsonValue[]) as JsonValue[];
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalList as JsonValue[], patchList as JsonValue[], sub, strategy, mergeKey, false, opts);
    else continue;

    const [patchItems, serverOnly] = partitionByPresence(merged, setOrder, mergeKey);
    const kind = sliceElementType(originalList as JsonValue[] | undefined, patchList as JsonValue[] | undefined);
    setOwn(original, field, normalizeElementOrder(patchItems, serverOnly, setOrder, originalList as JsonValue[] | undefined, mergeKey, kind));
    delete patch[field];
  }
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeMap
/** Merges `patch` into `original` (both modified); returns the result. */
export function mergeMap(original: JsonObject | null, patch: JsonObject, schema: PatchSchema, opts: MergeOptions): JsonObject {
  if (hasOwn(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  const orig = original ?? {};
  applyRetainKeysDirective(orig, patch, opts);
  mergePatchIntoOriginal(orig, patch, schema, opts);

  for (const rawKey of Object.keys(patch)) {
    const patchV = patch[rawKey];
    let k = rawKey;
    let isDeleteList = false;
    if (rawKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!opts.mergeParallelList) {
        setOwn(orig, rawKey, patchV);
        continue;
      }
      k = extractKey(rawKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX);
      isDeleteList = true;
    }

    if (patchV === null) {
      delete orig[k];
      if (opts.ignoreUnmatchedNulls) continue;
    }

    const takePatchValue = () => {
      if (isDeleteList) return;
      if (opts.ignoreUnmatchedNulls) discardNulls(patchV);
      const v = removeDirectives(patchV);
      if (v === undefined) delete orig[k];
      else setOwn(orig, k, v);
    };
    if (!hasOwn(orig, k) || kindOf(orig[k]) !== kindOf(patchV)) {
      takePatchValue();
      continue;
    }

    const current = orig[k];
    if (isJsonObject(current)) {
      const sub = schema.field(k);
      const { strategy } = parsePatchStrategy(sub.patchStrategy);
      setOwn(orig, k, strategy === REPLACE_DIRECTIVE ? (patchV as JsonObject) : mergeMap(current, patchV as JsonObject, sub, opts));
    } else if (Array.isArray(current)) {
      const sub = schema.field(k);
      const { strategy } = parsePatchStrategy(sub.patchStrategy);
      setOwn(orig, k, mergeSliceHandler(current, patchV as JsonValue[], sub, strategy, sub.patchMergeKey ?? '', isDeleteList, opts));
    } else {
      takePatchValue();
    }
  }
  return orig;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeSliceHandler
function mergeSliceHandler(original: JsonValue[], patch: JsonValue[], field: PatchSchema, strategy: string, mergeKey: string, isDeleteList: boolean, opts: MergeOptions): JsonValue[] {
  if (strategy === MERGE_DIRECTIVE || isDeleteList) return mergeSlice(original, patch, field.items(), mergeKey, opts, isDeleteList);
  return patch;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeSlice
function mergeSlice(original: JsonValue[], patch: JsonValue[], items: PatchSchema, mergeKey: string, opts: MergeOptions, isDeleteList: boolean): JsonValue[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementType(original, patch);
  let orig = original;
  let pat: JsonValue[] | undefined = patch;
  let merged: JsonValue[];
  if (kind !== 'object') {
    if (opts.mergeParallelList && isDeleteList) return orig.filter((v) => !patch.some((d) => scalarEqual(d, v)));
    merged = deduplicateScalars(orig.concat(pat));
  } else {
    // Go names the element type's kind here: a struct.
    if (mergeKey === '') throw smpError('cannot merge lists without merge key for struct');
    [orig, pat] = mergeSliceWithSpecialElements(orig, pat, mergeKey);
    merged = mergeSliceWithoutSpecialElements(orig, pat ?? [], mergeKey, items, opts);
  }
  const [patchItems, serverOnly] = partitionByPresence(merged, pat, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, pat, orig, mergeKey, kind);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeSliceWithSpecialElements
/** Applies `$patch: delete` items to `original`; `$patch: replace` makes the rest of the patch the whole list. */
function mergeSliceWithSpecialElements(original: JsonValue[], patch: JsonValue[], mergeKey: string): [JsonValue[], JsonValue[] | undefined] {
  const plain: JsonValue[] = [];
  let replace = false;
  let orig = original;
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasOwn(item, DIRECTIVE_MARKER)) {
      plain.push(v);
      continue;
    }
    const directive = item[DIRECTIVE_MARKER];
    if (directive === DELETE_DIRECTIVE) {
      if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      const value = item[mergeKey];
      for (let i = findMapByKey(orig, mergeKey, value); i >= 0; i = findMapByKey(orig, mergeKey, value)) {
        orig = orig.slice(0, i).concat(orig.slice(i + 1));
      }
    } else if (directive === REPLACE_DIRECTIVE) {
      replace = true;
    } else if (directive === MERGE_DIRECTIVE) {
      throw smpError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, item);
    }
  }
  return replace ? [plain, undefined] : [orig, plain];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeSliceWithoutSpecialElements
function mergeSliceWithoutSpecialElements(original: JsonValue[], patch: JsonValue[], mergeKey: string, items: PatchSchema, opts: MergeOptions): JsonValue[] {
  const out = [...original];
  for (const v of patch) {
    const item = v as JsonObject;
    if (!hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    const i = findMapByKey(out, mergeKey, item[mergeKey]);
    if (i >= 0) out[i] = mergeMap(out[i] as JsonObject, item, items, opts);
    else out.push(v);
  }
  return out;
}
