// Strategic merge patch: applying one (what kube-apiserver does with
// application/strategic-merge-patch+json) and creating one (what kubectl edit, set and
// apply send). All functions are pure: inputs are copied, never modified. Serialize
// created patches with goJsonMarshal to get kubectl's exact bytes.
import { stringify } from 'yaml';
import { goJsonSyntaxError } from './json-patch';
import { goSprintV } from './go-fmt';
import { PatchError } from './patch-error';
import type { PatchSchema } from './patch-schema';
import { diffMaps, mergingMapsHaveConflicts } from './smp-diff';
import { StrategicMergePatchError } from './smp-errors';
import { CLIENT_MERGE, mergeMap, SERVER_MERGE } from './smp-merge';
import { deepClone, isJsonObject, toJsonObject, type JsonObject } from './json-value';

export { StrategicMergePatchError } from './smp-errors';

/** A check on a created patch; failing one throws `precondition failed for: …` (kubectl edit uses these). */
export type PatchPrecondition = (patch: JsonObject) => boolean;

function checkPreconditions(patch: JsonObject, preconditions: readonly PatchPrecondition[]): void {
  for (const fn of preconditions) {
    if (!fn(patch)) throw new StrategicMergePatchError(`precondition failed for: ${goSprintV(patch)}`, 500, '');
  }
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go StrategicMergeMapPatch
/**
 * Applies `patch` to `original` as the apiserver does: maps merge recursively, null
 * deletes, lists merge by the schema's merge key (others are replaced), and the
 * directives `$patch`, `$retainKeys`, `$deleteFromPrimitiveList/…`, `$setElementOrder/…`
 * are carried out and removed. Throws StrategicMergePatchError with upstream's texts.
 */
export function applyStrategicMergePatch(original: object, patch: object, schema: PatchSchema): JsonObject {
  return mergeMap(toJsonObject(original, 'original'), toJsonObject(patch, 'patch'), schema, SERVER_MERGE);
}

// Upstream: apiserver pkg/endpoints/handlers/patch.go strategicPatchObject (decoding half)
/** Decodes a strategic-merge-patch body into a map; bad input is 400 BadRequest with Go's decoder text. */
export function decodeStrategicMergePatch(body: string): JsonObject {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new StrategicMergePatchError(goJsonSyntaxError(body, e), 400, 'BadRequest');
  }
  if (parsed === null) return {};
  if (!isJsonObject(parsed)) {
    const t = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed;
    throw new StrategicMergePatchError(`json: cannot unmarshal ${t} into Go value of type map[string]interface {}`, 400, 'BadRequest');
  }
  return parsed;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go CreateTwoWayMergeMapPatchUsingLookupPatchMeta
/**
 * The patch from `original` to `modified`, as `kubectl edit` / `kubectl set image` send it,
 * e.g. `{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"nginx"}],
 * "containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}`.
 */
export function createTwoWayMergePatch(original: object, modified: object, schema: PatchSchema, preconditions: readonly PatchPrecondition[] = []): JsonObject {
  const patch = diffMaps(toJsonObject(original, 'original'), toJsonObject(modified, 'modified'), schema, { setElementOrder: true });
  checkPreconditions(patch, preconditions);
  return patch;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go CreateThreeWayMergePatch
/**
 * kubectl apply's patch: `original` is the last-applied configuration, `modified` the new
 * file (with its new annotation), `current` the live object. Changes from live to the file
 * are sent; fields the file dropped since last-applied become null (or delete directives);
 * fields only in live are left alone. Nothing to do gives `{}` (kubectl prints "unchanged").
 * With `overwrite` false, changes that collide with live edits made since last-applied throw.
 */
export function createThreeWayMergePatch(
  original: object,
  modified: object,
  current: object,
  schema: PatchSchema,
  overwrite = true,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const orig = toJsonObject(original, 'original');
  const mod = toJsonObject(modified, 'modified');
  const cur = toJsonObject(current, 'current');
  const delta = diffMaps(cur, deepClone(mod), schema, { ignoreDeletions: true, setElementOrder: true });
  const deletions = diffMaps(deepClone(orig), mod, schema, { setElementOrder: true, ignoreChangesAndAdditions: true });
  const patch = mergeMap(deletions, delta, schema, CLIENT_MERGE);
  checkPreconditions(patch, preconditions);
  if (!overwrite) {
    const changed = diffMaps(orig, cur, schema, {});
    if (mergingMapsHaveConflicts(deepClone(patch), changed, schema)) {
      const y = (v: JsonObject) => stringify(v, { sortMapEntries: true, indentSeq: false });
      throw new PatchError(`patch:\n${y(patch)}\nconflicts with changes made from original to current:\n${y(changed)}\n`, 409, 'Conflict');
    }
  }
  return patch;
}

