// The Kubernetes API definitions as OpenAPI v3 schemas, generated at build time from the
// `kubernetes-types` package by scripts/gen-openapi.mjs into dist/openapi/schemas.json.
// Loaded once per process, lazily; when the build has not run (a fresh checkout running unit
// tests), the generator is run once, synchronously.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SCHEMA_REF_PREFIX = '#/components/schemas/';

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The subset of an OpenAPI v3 schema object that the Kubernetes definitions use. */
export interface Schema {
  description?: string;
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  allOf?: Schema[];
  oneOf?: Schema[];
  $ref?: string;
  default?: unknown;
  enum?: unknown[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-patch-strategy'?: string;
  'x-kubernetes-patch-merge-key'?: string;
  'x-kubernetes-list-type'?: string;
  'x-kubernetes-list-map-keys'?: string[];
  [extension: `x-${string}`]: unknown;
}

export interface SchemaSet {
  /** Where the definitions came from, e.g. `kubernetes-types@1.30.0`. */
  source: string;
  definitions: Record<string, Schema>;
}

export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.Time';
export const MICRO_TIME = 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime';
/** Definitions whose Go type keeps raw JSON: any value is accepted and kept as is. */
export const OPAQUE_DEFINITIONS: ReadonlySet<string> = new Set([
  'io.k8s.apimachinery.pkg.runtime.RawExtension',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrArray',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrBool',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaPropsOrStringArray',
]);

let loaded: SchemaSet | undefined;
let gvkIndex: Map<string, string> | undefined;

/** Replaces the loaded definitions (tests, or a caller that ships its own file). */
export function setSchemaSet(set: SchemaSet): void {
  loaded = set;
  gvkIndex = undefined;
}

/** The definitions, loaded from dist/openapi/schemas.json on first use. */
export function schemaSet(): SchemaSet {
  if (!loaded) loaded = JSON.parse(readFileSync(schemasFile(), 'utf8')) as SchemaSet;
  return loaded;
}

export function definitions(): Record<string, Schema> {
  return schemaSet().definitions;
}

export function definition(name: string): Schema | undefined {
  return definitions()[name];
}

/** The definition name that carries `x-kubernetes-group-version-kind` = gvk, if any. */
export function definitionForGVK(gvk: GroupVersionKind): string | undefined {
  if (!gvkIndex) {
    gvkIndex = new Map();
    for (const [name, def] of Object.entries(definitions())) {
      for (const g of def['x-kubernetes-group-version-kind'] ?? []) {
        const key = gvkKey(g);
        if (!gvkIndex.has(key)) gvkIndex.set(key, name);
      }
    }
  }
  return gvkIndex.get(gvkKey(gvk));
}

function gvkKey(g: GroupVersionKind): string {
  return `${g.group}/${g.version}/${g.kind}`;
}

/** `#/components/schemas/x` -> `x`. */
export function refName(ref: string): string {
  return ref.startsWith(SCHEMA_REF_PREFIX) ? ref.slice(SCHEMA_REF_PREFIX.length) : ref;
}

/** The definition a property schema points at: `$ref` directly or through a one-element `allOf`. */
export function referencedDefinition(s: Schema): string | undefined {
  if (s.$ref) return refName(s.$ref);
  if (s.allOf?.length === 1 && s.allOf[0].$ref) return refName(s.allOf[0].$ref);
  return undefined;
}

function schemasFile(): string {
  const fromEnv = process.env.KUBELAB_OPENAPI_SCHEMAS;
  if (fromEnv) return fromEnv;
  // Walk up from this module (engine/openapi/ in source, dist/ when bundled) to the project root.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const built = join(dir, 'dist', 'openapi', 'schemas.json');
    if (existsSync(built)) return built;
    const generator = join(dir, 'scripts', 'gen-openapi.mjs');
    if (existsSync(generator)) {
      const r = spawnSync(process.execPath, [generator], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
      if (r.status !== 0 || !existsSync(built)) {
        throw new Error(`openapi: generating ${built} failed: ${r.stderr?.toString() ?? ''}`);
      }
      return built;
    }
    const bundled = join(dir, 'openapi', 'schemas.json');
    if (existsSync(bundled)) return bundled;
    dir = dirname(dir);
  }
  throw new Error('openapi: dist/openapi/schemas.json not found; run `node scripts/build.mjs`');
}
