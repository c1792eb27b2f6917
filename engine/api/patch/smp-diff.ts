// Creating strategic merge patches: the recursive diff behind kubectl's two-way
// (edit, set) and three-way (apply) patches.
import { compareGoStrings, goSprintV } from './go-fmt';
import { parsePatchStrategy, type PatchSchema } from './patch-schema';
import { errBadArgType, errNoMergeKey, smpError } from './smp-errors';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  deduplicateScalars,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  sliceElementType,
  sortMapsByMergeKey,
  sortScalars,
} from './smp-lists';
import { deepEqual, hasOwn, isJsonObject, kindOf, setOwn, type JsonObject, type JsonValue } from './json-value';

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merge lists whose contents or order changed. */
  setElementOrder?: boolean;
  /** Leave out additions and changes (the deletions half of a three-way patch). */
  ignoreChangesAndAdditions?: boolean;
  /** Leave out deletions (the changes half of a three-way patch). */
  ignoreDeletions?: boolean;
  /** Emit `$retainKeys` for this map (set from the field's retainKeys strategy). */
  buildRetainKeysDirective?: boolean;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go diffMaps
/** A patch that turns `original` into `modified`, within what `opts` keeps. */
export function diffMaps(original: JsonObject, modified: JsonObject, schema: PatchSchema, opts: DiffOptions): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: JsonValue[] = [];
  for (const key of Object.keys(modified)) {
    const mv = modified[key];
    if (opts.buildRetainKeysDirective && mv !== null) retainKeys.push(key);
    if (!hasOwn(original, key)) {
      if (!opts.ignoreChangesAndAdditions) setOwn(patch, key, mv);
      continue;
    }
    const ov = original[key];
    if (key === DIRECTIVE_MARKER) {
      if (typeof ov !== 'string' || typeof mv !== 'string') throw smpError(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      if (ov !== mv) setOwn(patch, key, mv);
      continue;
    }
    if (kindOf(ov) !== kindOf(mv)) {
      if (!opts.ignoreChangesAndAdditions) setOwn(patch, key, mv);
      continue;
    }
    if (isJsonObject(ov)) handleMapDiff(key, ov, mv as JsonObject, patch, schema, opts);
    else if (Array.isArray(ov)) handleSliceDiff(key, ov, mv as JsonValue[], patch, schema, opts);
    else replaceIfNotEqual(key, ov, mv, patch, opts);
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!hasOwn(modified, key)) setOwn(patch, key, null);
  }
  // $retainKeys goes out when something changed or when original has fields to clear.
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    setOwn(patch, RETAIN_KEYS_DIRECTIVE, sortScalars(retainKeys));
  }
  return patch;
}

function replaceIfNotEqual(key: string, ov: JsonValue, mv: JsonValue, patch: JsonObject, opts: DiffOptions): void {
  if (opts.ignoreChangesAndAdditions || deepEqual(ov, mv)) return;
  setOwn(patch, key, mv);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go hasAdditionalNewField
function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !hasOwn(modified, k));
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go handleMapDiff
function handleMapDiff(key: string, ov: JsonObject, mv: JsonObject, patch: JsonObject, schema: PatchSchema, opts: DiffOptions): void {
  const sub = schema.field(key);
  const { retainKeys, strategy } = parsePatchStrategy(sub.patchStrategy);
  if (strategy === REPLACE_DIRECTIVE) {
    // A map with the replace strategy is sent whole, changed or not.
    if (!opts.ignoreChangesAndAdditions) setOwn(patch, key, mv);
    return;
  }
  const pv = diffMaps(ov, mv, sub, { ...opts, buildRetainKeysDirective: retainKeys });
  if (Object.keys(pv).length > 0) setOwn(patch, key, pv);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go handleSliceDiff
function handleSliceDiff(key: string, ov: JsonValue[], mv: JsonValue[], patch: JsonObject, schema: PatchSchema, opts: DiffOptions): void {
  const sub = schema.field(key);
  const { retainKeys, strategy } = parsePatchStrategy(sub.patchStrategy);
  if (strategy !== MERGE_DIRECTIVE) {
    replaceIfNotEqual(key, ov, mv, patch, opts);
    return;
  }
  const [add, del, order] = diffLists(ov, mv, sub.items(), sub.patchMergeKey ?? '', { ...opts, buildRetainKeysDirective: retainKeys });
  if (add.length > 0) setOwn(patch, key, add);
  if (del.length > 0) setOwn(patch, `${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`, del);
  if (order.length > 0) setOwn(patch, `${SET_ELEMENT_ORDER_PREFIX}/${key}`, order);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go diffLists
/** [patch list, primitive deletion list, $setElementOrder list] for a merge list. */
function diffLists(original: JsonValue[], modified: JsonValue[], items: PatchSchema, mergeKey: string, opts: DiffOptions): [JsonValue[], JsonValue[], JsonValue[]] {
  if (original.length === 0) {
    if (modified.length === 0 || opts.ignoreChangesAndAdditions) return [[], [], []];
    return [modified, [], []];
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'object') {
    const [changed, deleted] = diffListsOfMaps(original, modified, items, mergeKey, opts);
    const patchList = normalizeSliceOrder(changed, modified, mergeKey, kind).concat(deleted);
    const orderSame = isOrderSame(original, modified, mergeKey);
    let order: JsonValue[] = [];
    if (opts.setElementOrder && ((!opts.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!opts.ignoreDeletions && patchList.length > 0))) {
      order = modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] ?? null }));
    }
    return [patchList, [], order];
  }
  // Upstream sorts `original` in place while diffing, so the later equality check sees it sorted.
  const sortedOriginal = sortScalars(original);
  const [added, deleted] = diffListsOfScalars(sortedOriginal, modified, opts);
  const patchList = normalizeSliceOrder(added, modified, mergeKey, kind);
  let order: JsonValue[] = [];
  if (opts.setElementOrder && ((!opts.ignoreDeletions && deleted.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(sortedOriginal, modified)))) {
    order = modified;
  }
  return [patchList, deleted, order];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go isOrderSame
function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((m, i) => mergeKeyValueEqual(original[i], m, mergeKey));
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go diffListsOfScalars
/** Walks both lists sorted by their `%v` text; `sortedOriginal` is already sorted. */
function diffListsOfScalars(sortedOriginal: JsonValue[], modified: JsonValue[], opts: DiffOptions): [JsonValue[], JsonValue[]] {
  const m = sortScalars(modified);
  const added: JsonValue[] = [];
  const deleted: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < sortedOriginal.length || j < m.length) {
    const oIn = i < sortedOriginal.length;
    const mIn = j < m.length;
    const cmp = oIn && mIn ? compareGoStrings(goSprintV(sortedOriginal[i]), goSprintV(m[j])) : 0;
    if (oIn && mIn && cmp === 0) {
      i++;
      j++;
    } else if (!oIn || cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) added.push(m[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deleted.push(sortedOriginal[i]);
      i++;
    }
  }
  return [added, deduplicateScalars(deleted)];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go diffListsOfMaps
/** Pairs items by merge key (both lists sorted by its `%v` text): changed/added items, and delete directives. */
function diffListsOfMaps(original: JsonValue[], modified: JsonValue[], items: PatchSchema, mergeKey: string, opts: DiffOptions): [JsonValue[], JsonValue[]] {
  const patch: JsonValue[] = [];
  const deleted: JsonValue[] = [];
  const o = sortMapsByMergeKey(original, mergeKey);
  const m = sortMapsByMergeKey(modified, mergeKey);
  const entry = (list: JsonValue[], i: number): [JsonObject, JsonValue] => {
    const v = list[i];
    if (!isJsonObject(v)) throw errBadArgType('map', v);
    if (!hasOwn(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    return [v, v[mergeKey]];
  };
  let i = 0;
  let j = 0;
  while (i < o.length || j < m.length) {
    const oIn = i < o.length;
    const mIn = j < m.length;
    const [oe, ok] = oIn ? entry(o, i) : [undefined, undefined];
    const [me, mk] = mIn ? entry(m, j) : [undefined, undefined];
    const cmp = oIn && mIn ? compareGoStrings(goSprintV(ok), goSprintV(mk)) : 0;
    if (oIn && mIn && cmp === 0) {
      const pv = diffMaps(oe as JsonObject, me as JsonObject, items, opts);
      if (Object.keys(pv).length > 0) {
        setOwn(pv, mergeKey, mk as JsonValue);
        patch.push(pv);
      }
      i++;
      j++;
    } else if (!oIn || cmp > 0) {
      if (!opts.ignoreChangesAndAdditions) patch.push(me as JsonObject);
      j++;
    } else {
      if (!opts.ignoreDeletions) deleted.push({ [mergeKey]: ok as JsonValue, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      i++;
    }
  }
  return [patch, deleted];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go MergingMapsHaveConflicts
/** Whether two patches change the same key differently (kubectl apply --overwrite=false). */
export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, schema: PatchSchema): boolean {
  return fieldsConflict(left, right, schema, '', '');
}

function fieldsConflict(left: JsonValue, right: JsonValue, schema: PatchSchema, strategy: string, mergeKey: string): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    const lm = hasOwn(left, DIRECTIVE_MARKER);
    const rm = hasOwn(right, DIRECTIVE_MARKER);
    if (lm || rm) {
      if (lm !== rm || left[DIRECTIVE_MARKER] !== right[DIRECTIVE_MARKER]) return true;
    }
    if (strategy === REPLACE_DIRECTIVE) return false;
    for (const key of Object.keys(left)) {
      if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !hasOwn(right, key)) continue;
      const sub = schema.field(key);
      const parsed = parsePatchStrategy(sub.patchStrategy);
      if (fieldsConflict(left[key], right[key], sub, parsed.strategy, sub.patchMergeKey ?? '')) return true;
    }
    return false;
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    const kind = sliceElementType(left, right);
    const elem = schema.items();
    if (strategy === MERGE_DIRECTIVE) {
      if (kind !== 'object') return false;
      const byKey = (list: JsonValue[]) => {
        const out = new Map<string, JsonValue>();
        for (const v of list) {
          if (!isJsonObject(v)) throw smpError(`invalid element type in merging list:${goSprintV(list)}`);
          if (!hasOwn(v, mergeKey)) throw smpError(`cannot find merge key \`${mergeKey}\` in merging list element:${goSprintV(v)}`);
          out.set(goSprintV(v[mergeKey]), v);
        }
        return out;
      };
      const l = byKey(left);
      const r = byKey(right);
      for (const [k, v] of l) if (r.has(k) && fieldsConflict(v, r.get(k) as JsonValue, elem, '', '')) return true;
      return false;
    }
    if (left.length !== right.length) return true;
    const [a, b] = kind !== 'object' ? [sortScalars(deduplicateScalars(left)), sortScalars(deduplicateScalars(right))] : [left, right];
    return a.some((v, i) => fieldsConflict(v, b[i], elem, '', ''));
  }
  return !deepEqual(left, right);
}
