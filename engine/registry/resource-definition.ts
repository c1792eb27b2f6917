// How a resource kind is declared: once, in one file under engine/registry/. The REST layer,
// discovery, OpenAPI and server-side table printing are all generated from this declaration.
import type { KubeObject } from '../api/object';
import type { FieldError } from '../api/field-errors';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: 'name' | '';
  description: string;
  /** 0 = always printed, 1 = only with -o wide. */
  priority: number;
}

export type TableCell = string | number | boolean | null;

export interface TableContext {
  /** Cluster time in ms, for ages. */
  now: number;
  /** The Table was requested for wide output (server always returns all columns; kept for kinds whose cell order differs). */
}

export interface TablePrinter {
  columns: TableColumn[];
  row(obj: KubeObject, ctx: TableContext): TableCell[];
  /** Row conditions such as `Completed` for finished pods. */
  conditions?(obj: KubeObject): { type: string; status: string }[];
}

/** What registry hooks can read: the clock and other objects (e.g. a namespace's phase). */
export interface RegistryContext {
  now: number;
  /** Look up another stored object (read-only). */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string): KubeObject[];
  /** Allocates cluster-unique values (ClusterIPs, NodePorts). */
  allocate?: unknown;
}

/** One served version of a kind; conversion functions translate to and from the stored version. */
export interface ServedVersion {
  version: string;
  /** OpenAPI schema name of the kind in this version, e.g. io.k8s.api.apps.v1.Deployment. */
  schema: string;
  toStorage?(obj: KubeObject): KubeObject;
  fromStorage?(obj: KubeObject): KubeObject;
  /** Deprecated versions carry the warning the apiserver sends. */
  deprecationWarning?: string;
}

export interface ScaleSubresource {
  specReplicasPath: string[];
  statusReplicasPath: string[];
  /** Selector string as Scale.status.selector shows it. */
  selector(obj: KubeObject): string;
}

export interface ResourceDefinition {
  group: string; // '' for core
  /** Served versions, preferred (storage) first. */
  versions: ServedVersion[];
  kind: string;
  plural: string;
  singular: string;
  shortNames?: string[];
  categories?: string[];
  namespaced: boolean;
  /** Verbs as discovery lists them. */
  verbs?: string[];
  hasStatus?: boolean;
  scale?: ScaleSubresource;
  /** Extra subresources for discovery: name -> response kind (group/version/kind). */
  extraSubresources?: { name: string; kind: { group: string; version: string; kind: string }; verbs: string[] }[];
  /** Fills defaults on create and update (after decoding, before validation). */
  defaults?(obj: KubeObject, ctx: RegistryContext): void;
  /** Called on create only, before defaulting: clear status, allocate, etc. */
  prepareForCreate?(obj: KubeObject, ctx: RegistryContext): void;
  /** Called on update of the main resource, before defaulting: keep status, bump generation... */
  prepareForUpdate?(obj: KubeObject, old: KubeObject, ctx: RegistryContext): void;
  validate?(obj: KubeObject, ctx: RegistryContext): FieldError[];
  validateUpdate?(obj: KubeObject, old: KubeObject, ctx: RegistryContext): FieldError[];
  table?: TablePrinter;
  /** metadata.generation is set to 1 on create and bumped when the spec changes. */
  tracksGeneration?: boolean;
  /** How metadata.name is validated (DNS-1123 subdomain unless said otherwise). */
  nameRule?: 'subdomain' | 'label' | 'dns1035' | 'path';
  /** Keep client-supplied status on create (e.g. Events, Nodes registered by kubelets). */
  keepStatusOnCreate?: boolean;
  keepsMetadataOnStatusUpdate?: boolean;
  /** Seconds of graceful deletion for this object (0 = immediate). */
  gracePeriod?(obj: KubeObject, requested: number | undefined): number;
  /** True while the object must stay after deletionTimestamp even with no finalizers (pods being killed). */
  awaitsGracefulTermination?(obj: KubeObject): boolean;
  /** Finalizers kept outside metadata.finalizers (Namespace spec.finalizers). */
  pendingFinalizers?(obj: KubeObject): boolean;
  /** Mutates an object being marked for deletion (Namespace phase Terminating). */
  onDeletionRequested?(obj: KubeObject, ctx: RegistryContext): void;
  /** Propagation when a DELETE names none (Background for most kinds). */
  defaultPropagation?: 'Background' | 'Foreground' | 'Orphan';
  /** Side effects after a successful create validation (allocations). */
  afterCreate?(obj: KubeObject, ctx: RegistryContext): void;
  /** Field selectors this kind supports beyond metadata.name/metadata.namespace. */
  fieldSelectors?: Record<string, (obj: KubeObject) => string>;
  /**
   * Serve the objects stored under another kind's store key (events.k8s.io Events are the core
   * Events, converted). Objects are kept in that kind's storage shape; the first definition
   * listed for a store key owns it (Registry.byKey).
   */
  storeKeyOf?: string;
}

/** `deployments.apps`, `pods`: the resource's name as error messages show it. */
export function qualifiedResource(def: ResourceDefinition): string {
  return def.group ? `${def.plural}.${def.group}` : def.plural;
}

/** `Deployment.apps`, `Pod`: the kind as Invalid messages show it. */
export function qualifiedKind(def: ResourceDefinition): string {
  return def.group ? `${def.kind}.${def.group}` : def.kind;
}

export function apiVersionOf(group: string, version: string): string {
  return group ? `${group}/${version}` : version;
}

/** The key under which the store keeps this resource's objects. */
export function storeKey(def: ResourceDefinition): string {
  if (def.storeKeyOf) return def.storeKeyOf;
  return def.group ? `${def.group}/${def.plural}` : def.plural;
}
