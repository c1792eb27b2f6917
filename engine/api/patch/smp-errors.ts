// Strategic merge patch failures, with upstream's texts and the Status each one becomes
// in kube-apiserver (interpretStrategicMergePatchError; anything else is a bare 500).
import { goSprintV, goTypeName } from './go-fmt';
import { PatchError, REJECTED_REQUEST_MESSAGE } from './patch-error';
import type { JsonObject, JsonValue } from './json-value';

export class StrategicMergePatchError extends PatchError {}

// Upstream: apimachinery pkg/util/mergepatch/errors.go
export const ERR_BAD_JSON_DOC = 'invalid JSON document';
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported';
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = 'invalid patch format of setElementOrder list';
export const ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS = "patch content doesn't match retainKeys list";

const BAD_REQUEST = new Set([
  ERR_BAD_JSON_DOC,
  ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST,
]);
const INVALID = new Set([ERR_NO_LIST_OF_LISTS, ERR_PATCH_CONTENT_NOT_MATCH_RETAIN_KEYS]);

// Upstream: apiserver pkg/endpoints/handlers/patch.go interpretStrategicMergePatchError
export function smpError(message: string): StrategicMergePatchError {
  if (BAD_REQUEST.has(message)) return new StrategicMergePatchError(message, 400, 'BadRequest');
  if (INVALID.has(message)) return new StrategicMergePatchError(message, 422, 'Invalid', REJECTED_REQUEST_MESSAGE);
  return new StrategicMergePatchError(message, 500, '');
}

export function errNoMergeKey(m: JsonObject | null, key: string): StrategicMergePatchError {
  return smpError(`map: ${m === null ? 'map[]' : goSprintV(m)} does not contain declared merge key: ${key}`);
}

/** ErrBadArgType: `expected a map[string]interface {}, but received a string`. */
export function errBadArgType(expected: 'map' | 'slice', actual: JsonValue | undefined): StrategicMergePatchError {
  const e = expected === 'map' ? 'map[string]interface {}' : '[]interface {}';
  return smpError(`expected a ${e}, but received a ${goTypeName(actual)}`);
}

export function errBadPatchType(directive: JsonValue, m: JsonObject): StrategicMergePatchError {
  const t = typeof directive === 'string' ? directive : `%!s(${goTypeName(directive)}=${goSprintV(directive)})`;
  return smpError(`unknown patch type: ${t} in map: ${goSprintV(m)}`);
}
