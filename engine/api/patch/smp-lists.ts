// List helpers shared by strategic merge (apply) and patch creation (diff): element
// typing, merge-key lookups, de-duplication and the ordering rules of
// $setElementOrder (design: preserve-order-in-strategic-merge-patch).
import { compareGoStrings, goInsertionSort, goSprintV } from './go-fmt';
import { errBadArgType, errNoMergeKey, ERR_NO_LIST_OF_LISTS, smpError } from './smp-errors';
import { isJsonObject, kindOf, scalarEqual, type JsonKind, type JsonObject, type JsonValue } from './json-value';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

/** 'map' when list items are objects, otherwise the scalar kind. */
export type ElementKind = JsonKind;

// Upstream: apimachinery pkg/util/strategicpatch/patch.go sliceElementType
/** The common element kind of the lists; errors on mixed kinds, nested lists or no elements. */
export function sliceElementType(...lists: (readonly JsonValue[] | undefined)[]): ElementKind {
  let prev: ElementKind | undefined;
  for (const list of lists) {
    for (const v of list ?? []) {
      const k = kindOf(v);
      if (prev === undefined) {
        if (k === 'array') throw smpError(ERR_NO_LIST_OF_LISTS);
        prev = k;
      } else if (prev !== k && !(isNumberish(prev) && isNumberish(k))) {
        throw smpError(`list element types are not identical: ${goSprintV(lists.map((l) => (l ?? []) as JsonValue[]))}`);
      }
    }
  }
  if (prev === undefined) throw smpError('no elements in any of the given slices');
  return prev;
}

function isNumberish(k: ElementKind): boolean {
  return k === 'number';
}

export function mergeKeyOf(item: JsonValue, mergeKey: string): JsonValue | undefined {
  return isJsonObject(item) ? item[mergeKey] : undefined;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go index
/** Position of `val` in `list`, matching maps by merge-key value and scalars by value. */
export function indexOf(list: readonly JsonValue[] | undefined, val: JsonValue, mergeKey: string, kind: ElementKind): number {
  const get = kind === 'object' ? (x: JsonValue) => mergeKeyOf(x, mergeKey) : (x: JsonValue) => x;
  const want = get(val);
  return (list ?? []).findIndex((v) => scalarEqual(get(v), want));
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go findMapInSliceBasedOnKeyValue
export function findMapByKey(list: readonly JsonValue[] | undefined, key: string, value: JsonValue | undefined): number {
  const l = list ?? [];
  for (let i = 0; i < l.length; i++) {
    const v = l[i];
    if (!isJsonObject(v)) throw smpError(`value for key ${i} is not a map.`);
    if (Object.prototype.hasOwnProperty.call(v, key) && scalarEqual(v[key], value)) return i;
  }
  return -1;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go validateMergeKeyInLists
function validateMergeKeyInLists(mergeKey: string, ...lists: (readonly JsonValue[] | undefined)[]): void {
  for (const list of lists) {
    for (const item of list ?? []) {
      if (!isJsonObject(item)) throw errBadArgType('map', item);
      if (!Object.prototype.hasOwnProperty.call(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go extractToDeleteItems
export function splitDeleteItems(list: readonly JsonValue[]): [JsonValue[], JsonValue[]] {
  const keep: JsonValue[] = [];
  const del: JsonValue[] = [];
  for (const v of list) {
    if (!isJsonObject(v)) throw errBadArgType('map', v);
    if (v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) del.push(v);
    else keep.push(v);
  }
  return [keep, del];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go normalizeSliceOrder
/** Sorts `toSort` by the positions in `order` (stable; unlisted items compare as "less"); $patch:delete items go last. */
export function normalizeSliceOrder(toSort: readonly JsonValue[], order: readonly JsonValue[] | undefined, mergeKey: string, kind: ElementKind): JsonValue[] {
  let items = [...toSort];
  let toDelete: JsonValue[] = [];
  if (kind === 'object') {
    validateMergeKeyInLists(mergeKey, items, order);
    [items, toDelete] = splitDeleteItems(items);
  }
  goInsertionSort(items, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind);
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind);
      if (ib >= 0) return ia < ib;
    }
    return true;
  });
  return items.concat(toDelete);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeSortedSlice
/** Interleaves two ordered, disjoint lists, keeping each one's order and the server's relative order where both items are known. */
function mergeSortedSlice(left: JsonValue[], right: JsonValue[], serverOrder: readonly JsonValue[] | undefined, mergeKey: string, kind: ElementKind): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind);
      const ri = indexOf(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go normalizeElementOrder
/** Patch items in patch order, server-only items in server order, then interleaved. */
export function normalizeElementOrder(
  patch: readonly JsonValue[],
  serverOnly: readonly JsonValue[],
  patchOrder: readonly JsonValue[] | undefined,
  serverOrder: readonly JsonValue[] | undefined,
  mergeKey: string,
  kind: ElementKind,
): JsonValue[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go partitionPrimitivesByPresentInList / partitionMapsByPresentInList
/** Splits `list` into items present in `by` and the rest. */
export function partitionByPresence(list: readonly JsonValue[], by: readonly JsonValue[] | undefined, mergeKey: string): [JsonValue[], JsonValue[]] {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const v of list) {
    let found: boolean;
    if (mergeKey === '') {
      found = (by ?? []).some((x) => scalarEqual(x, v));
    } else {
      if (!isJsonObject(v)) throw errBadArgType('map', v);
      if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      found = findMapByKey(by, mergeKey, v[mergeKey]) >= 0;
    }
    (found ? inPatch : serverOnly).push(v);
  }
  return [inPatch, serverOnly];
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go deduplicateScalars
/** Upstream's in-place de-duplication: a duplicate is overwritten by the last element, which reorders. */
export function deduplicateScalars(list: readonly JsonValue[]): JsonValue[] {
  const s = [...list];
  let length = s.length - 1;
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (scalarEqual(s[i], s[j])) {
        s[j] = s[length];
        s.length = length;
        length--;
        j--;
      }
    }
  }
  return s;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go sortScalars (sort.Sort with a `<=` Less)
export function sortScalars(list: readonly JsonValue[]): JsonValue[] {
  return goInsertionSort([...list], (a, b) => compareGoStrings(goSprintV(a), goSprintV(b)) <= 0);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go sortMergeListsByNameArray (recurse = false)
export function sortMapsByMergeKey(list: readonly JsonValue[], mergeKey: string): JsonValue[] {
  if (list.length === 0) return [];
  const kind = sliceElementType(list);
  if (kind !== 'object') return sortScalars(deduplicateScalars(list));
  for (const v of list) if (!isJsonObject(v)) throw errBadArgType('map', v);
  return goInsertionSort([...list], (a, b) => compareGoStrings(goSprintV((a as JsonObject)[mergeKey]), goSprintV((b as JsonObject)[mergeKey])) <= 0);
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go mergeKeyValueEqual
export function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  // Go's `==` on interfaces: scalars by value, maps and lists only by identity.
  if (mergeKey === '') return left === right || scalarEqual(left, right);
  if (!isJsonObject(left)) throw errBadArgType('map', left);
  if (!isJsonObject(right)) throw errBadArgType('map', right);
  if (!Object.prototype.hasOwnProperty.call(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.prototype.hasOwnProperty.call(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return scalarEqual(left[mergeKey], right[mergeKey]);
}
