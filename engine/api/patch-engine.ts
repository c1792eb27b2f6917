// Plugs the patch libraries (engine/api/patch) into the PATCH handler: JSON patch, JSON merge
// patch, and strategic merge patch guided by the served OpenAPI schemas (merge keys and
// strategies), falling back to the table of well-known merge keys.
import { definitions } from '../openapi/schemas';
import { applyJsonPatch, type JsonPatchOperation } from './patch/json-patch';
import { applyMergePatch } from './patch/merge-patch';
import { knownPatchSchema } from './patch/known-patch-schema';
import { openApiPatchSchema } from './patch/openapi-patch-schema';
import { PatchError } from './patch/patch-error';
import type { PatchSchema } from './patch/patch-schema';
import { applyStrategicMergePatch } from './patch/strategic-merge-patch';
import { setPatchEngine } from './apply-patch';
import { StatusError } from './status-error';

const schemaCache = new Map<string, PatchSchema>();

function patchSchemaFor(schemaName: string, kind: string): PatchSchema {
  let s = schemaCache.get(schemaName);
  if (!s) {
    const defs = definitions();
    s = defs[schemaName] ? openApiPatchSchema({ schemas: defs }, schemaName) : knownPatchSchema(kind);
    schemaCache.set(schemaName, s);
  }
  return s;
}

function asStatus<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PatchError) {
      throw new StatusError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: e.statusMessage,
        ...(e.reason ? { reason: e.reason } : {}),
        code: e.code,
      });
    }
    throw e;
  }
}

export function installPatchEngine(): void {
  setPatchEngine({
    json: (current, patch) => asStatus(() => applyJsonPatch(current, patch as JsonPatchOperation[])),
    merge: (current, patch) => asStatus(() => applyMergePatch(current, patch)),
    strategic: (current, patch, schemaName, kind) => asStatus(() => applyStrategicMergePatch(current as object, patch as object, patchSchemaFor(schemaName, kind))),
  });
}
