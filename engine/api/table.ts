// Server-side printing: objects to meta.k8s.io/v1 Table, as kube-apiserver's TableConvertor does.
// Upstream: apiserver pkg/endpoints/handlers/response.go (asTable), pkg/registry/rest/table.go
import type { ResourceDefinition, TableColumn, TableCell } from '../registry/resource-definition';
import { rfc3339 } from '../clock';
import type { KubeObject } from './object';
import { badRequest, notAcceptable } from './status-error';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Columns for kinds without a printer: Name and Created At (upstream DefaultTableConvertor). */
const DEFAULT_COLUMNS: TableColumn[] = [
  { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names', priority: 0 },
  { name: 'Created At', type: 'date', description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata', priority: 0 },
];

export interface TableRequest {
  /** as=Table was asked for (in meta.k8s.io v1 or v1beta1). */
  table: boolean;
  apiVersion: string;
}

/** Parses the Accept header: does the client want a Table, and in which meta.k8s.io version? */
export function parseTableAccept(accept: string | undefined): TableRequest {
  if (!accept) return { table: false, apiVersion: '' };
  let sawTableOtherVersion = '';
  for (const part of accept.split(',')) {
    const params = new Map<string, string>();
    for (const p of part.split(';').slice(1)) {
      const [k, v] = p.split('=').map((x) => x.trim());
      if (k) params.set(k, v ?? '');
    }
    if (params.get('as') !== 'Table') continue;
    const g = params.get('g');
    const v = params.get('v');
    if (g === 'meta.k8s.io' && (v === 'v1' || v === 'v1beta1')) return { table: true, apiVersion: `meta.k8s.io/${v}` };
    sawTableOtherVersion = `${g}/${v}`;
  }
  // A Table in another group version with no plain JSON fallback cannot be served.
  const plainFallback = accept.split(',').some((p) => !p.includes('as=') && /application\/json|\*\/\*/.test(p));
  if (sawTableOtherVersion && !plainFallback) throw notAcceptable(`no Table exists in group version ${sawTableOtherVersion}`);
  return { table: false, apiVersion: '' };
}

export function parseIncludeObject(v: string | null): IncludeObject {
  if (v === null || v === '' || v === 'Metadata') return 'Metadata';
  if (v === 'Object' || v === 'None') return v;
  throw badRequest(`unrecognized includeObject value: "${v}"`);
}

export function columnsOf(def: ResourceDefinition): TableColumn[] {
  return def.table?.columns ?? DEFAULT_COLUMNS;
}

function cellsOf(def: ResourceDefinition, obj: KubeObject, now: number): TableCell[] {
  if (def.table) return def.table.row(obj, { now });
  const ts = obj.metadata.creationTimestamp;
  return [obj.metadata.name, ts ? String(ts) : rfc3339(0)];
}

function rowObject(obj: KubeObject, include: IncludeObject): unknown {
  if (include === 'None') return null;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: obj.metadata };
}

export function toTable(
  def: ResourceDefinition,
  objects: KubeObject[],
  opts: { apiVersion: string; include: IncludeObject; now: number; resourceVersion?: string; continueToken?: string; noHeaders?: boolean },
) {
  const rows = objects.map((obj) => {
    const row: Record<string, unknown> = { cells: cellsOf(def, obj, opts.now), object: rowObject(obj, opts.include) };
    const conds = def.table?.conditions?.(obj);
    if (conds?.length) row.conditions = conds;
    return row;
  });
  const metadata: Record<string, string> = {};
  if (opts.resourceVersion !== undefined) metadata.resourceVersion = opts.resourceVersion;
  if (opts.continueToken) metadata.continue = opts.continueToken;
  return {
    kind: 'Table',
    apiVersion: opts.apiVersion,
    metadata,
    columnDefinitions: opts.noHeaders ? null : columnsOf(def).map((c) => ({ name: c.name, type: c.type, format: c.format ?? '', description: c.description, priority: c.priority })),
    rows,
  };
}
