// How the strategic-merge algorithms learn list strategies: a walker over the type of
// the object being patched. Two implementations exist: openApiPatchSchema (the served
// OpenAPI v3 documents, what kubectl apply uses) and knownPatchSchema (a compiled-in
// table, what works before any OpenAPI exists — like kubectl's fallback to Go structs).

/** The values of `x-kubernetes-patch-strategy` (Go struct tag `patchStrategy`). */
export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

export interface PatchSchema {
  /** The schema of a property (or, for a map, of any value); unknown names give an empty schema. */
  field(name: string): PatchSchema;
  /** The schema of the elements when this node is a list. */
  items(): PatchSchema;
  /** Strategy of this node as a field of its parent. */
  readonly patchStrategy?: string;
  /** Merge key of this node as a list field (x-kubernetes-patch-merge-key). */
  readonly patchMergeKey?: string;
  /** x-kubernetes-list-type ('atomic' | 'set' | 'map'); informational for SMP. */
  readonly listType?: string;
  /** x-kubernetes-list-map-keys. */
  readonly listMapKeys?: readonly string[];
}

/** A schema that knows nothing: maps merge, lists are replaced. */
export const emptyPatchSchema: PatchSchema = {
  field: () => emptyPatchSchema,
  items: () => emptyPatchSchema,
};

export interface ParsedStrategy {
  retainKeys: boolean;
  /** 'merge', 'replace' or '' (none). */
  strategy: string;
}

// Upstream: apimachinery pkg/util/strategicpatch/patch.go extractRetainKeysPatchStrategy
export function parsePatchStrategy(raw: string | undefined): ParsedStrategy {
  if (raw === undefined || raw === '') return { retainKeys: false, strategy: '' };
  const parts = raw.split(',');
  if (parts.length === 1) return parts[0] === 'retainKeys' ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: parts[0] };
  if (parts.length === 2) {
    if (parts[0] === 'retainKeys') return { retainKeys: true, strategy: parts[1] };
    if (parts[1] === 'retainKeys') return { retainKeys: true, strategy: parts[0] };
  }
  throw new Error(`unexpected patch strategy: [${parts.join(' ')}]`);
}
