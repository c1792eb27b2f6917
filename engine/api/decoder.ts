// Decoding client objects the way the apiserver does for a kind and version: kind/apiVersion
// checks, then strict field validation (unknown fields, wrong types) per fieldValidation.
import type { ResourceDefinition, ServedVersion } from '../registry/resource-definition';
import { apiVersionOf } from '../registry/resource-definition';
import type { KubeObject } from './object';
import { badRequest } from './status-error';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Checks an object against the kind's schema; provided by engine/openapi (schema-decode). */
export interface SchemaChecker {
  check(schemaName: string, obj: unknown, mode: FieldValidation): { object: unknown; errors: string[]; warnings: string[] };
  /** Same, from the raw JSON text, which also catches duplicate fields. */
  checkJSON?(schemaName: string, json: string, mode: FieldValidation): { object: unknown; errors: string[]; warnings: string[] };
}

let schemaChecker: SchemaChecker | undefined;

export function setSchemaChecker(c: SchemaChecker | undefined): void {
  schemaChecker = c;
}

export function decodeObject(def: ResourceDefinition, version: ServedVersion, body: unknown, mode: FieldValidation, warnings: string[], rawJson?: string): KubeObject {
  const expected = apiVersionOf(def.group, version.version);
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`${def.kind} in version "${version.version}" cannot be handled as a ${def.kind}: json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  const obj = body as KubeObject;
  // A wrong apiVersion is reported first, as the apiserver's decoder does.
  if (obj.apiVersion !== undefined && obj.apiVersion !== expected) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${expected})`);
  }
  if (obj.kind !== undefined && obj.kind !== def.kind) {
    throw badRequest(`the kind in the data (${obj.kind}) does not match the expected kind (${def.kind})`);
  }
  let out: KubeObject = obj;
  if (schemaChecker) {
    const r = rawJson !== undefined && schemaChecker.checkJSON ? schemaChecker.checkJSON(version.schema, rawJson, mode) : schemaChecker.check(version.schema, obj, mode);
    if (r.errors.length) throw badRequest(`${def.kind} in version "${version.version}" cannot be handled as a ${def.kind}: ${r.errors.join(', ')}`);
    warnings.push(...r.warnings);
    out = r.object as KubeObject;
  }
  out.apiVersion = expected;
  out.kind = def.kind;
  out.metadata ??= { name: '' };
  return out;
}
