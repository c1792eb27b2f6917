// PatchSchema over OpenAPI v3 `components.schemas`, reading the same extensions kubectl
// reads from /openapi/v3 documents (x-kubernetes-patch-strategy / -merge-key).
import { emptyPatchSchema, type PatchSchema } from './patch-schema';

type SchemaObject = Record<string, unknown>;

export interface OpenApiComponents {
  schemas?: Record<string, unknown>;
}

const REF_PREFIX = '#/components/schemas/';

function asObject(v: unknown): SchemaObject | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as SchemaObject) : undefined;
}

// Upstream: apimachinery pkg/util/strategicpatch/meta.go PatchMetaFromOpenAPIV3 (resolve)
/** Follows `allOf: [{$ref}]` wrappers and `$ref`s to the schema that has the properties. */
function resolve(schemas: Record<string, unknown>, schema: SchemaObject): SchemaObject {
  let s = schema;
  for (let hops = 0; hops < 64; hops++) {
    const allOf = s.allOf;
    if (Array.isArray(allOf) && allOf.length > 0 && asObject(allOf[0])) {
      s = allOf[0] as SchemaObject;
      continue;
    }
    if (typeof s.$ref === 'string') {
      const name = s.$ref.startsWith(REF_PREFIX) ? s.$ref.slice(REF_PREFIX.length) : s.$ref;
      const target = asObject(schemas[name]);
      if (!target) return {};
      s = target;
      continue;
    }
    return s;
  }
  return s;
}

class OpenApiNode implements PatchSchema {
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  private resolved?: SchemaObject;

  constructor(
    private readonly schemas: Record<string, unknown>,
    private readonly raw: SchemaObject,
  ) {
    // Extensions sit on the property itself, beside an allOf/$ref wrapper or `items`.
    const strategy = raw['x-kubernetes-patch-strategy'];
    const mergeKey = raw['x-kubernetes-patch-merge-key'];
    const listType = raw['x-kubernetes-list-type'];
    const mapKeys = raw['x-kubernetes-list-map-keys'];
    if (typeof strategy === 'string') this.patchStrategy = strategy;
    if (typeof mergeKey === 'string') this.patchMergeKey = mergeKey;
    if (typeof listType === 'string') this.listType = listType;
    if (Array.isArray(mapKeys)) this.listMapKeys = mapKeys.filter((k): k is string => typeof k === 'string');
  }

  private target(): SchemaObject {
    this.resolved ??= resolve(this.schemas, this.raw);
    return this.resolved;
  }

  field(name: string): PatchSchema {
    const t = this.target();
    const props = asObject(t.properties);
    if (props && Object.prototype.hasOwnProperty.call(props, name)) {
      const p = asObject(props[name]);
      return p ? new OpenApiNode(this.schemas, p) : emptyPatchSchema;
    }
    // A map (labels, resources.limits): every key has the value schema.
    const additional = asObject(t.additionalProperties);
    if (additional) return new OpenApiNode(this.schemas, additional);
    return emptyPatchSchema;
  }

  items(): PatchSchema {
    const items = asObject(this.target().items);
    return items ? new OpenApiNode(this.schemas, items) : emptyPatchSchema;
  }
}

/**
 * A PatchSchema rooted at one schema of an OpenAPI v3 document, e.g.
 * `openApiPatchSchema(doc.components, '#/components/schemas/io.k8s.api.apps.v1.Deployment')`
 * (the bare schema name is accepted too). Unknown names resolve to an empty schema.
 */
export function openApiPatchSchema(components: OpenApiComponents | undefined, rootRef: string): PatchSchema {
  const schemas = components?.schemas ?? {};
  return new OpenApiNode(schemas, { $ref: rootRef.startsWith(REF_PREFIX) ? rootRef : REF_PREFIX + rootRef });
}
