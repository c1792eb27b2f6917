// The write path every client shares (REST handlers and in-process controllers): defaulting,
// validation, generation, optimistic concurrency, no-op detection, finalizers and graceful
// deletion, namespace lifecycle checks. Objects are stored in the kind's storage version.
import type { Clock } from '../clock';
import { rfc3339 } from '../clock';
import type { ObjectStore } from '../store/object-store';
import { apiVersionOf, storeKey, type RegistryContext, type ResourceDefinition, type ServedVersion } from '../registry/resource-definition';
import type { Registry } from '../registry/registry';
import { validateObjectMeta } from './metadata-validation';
import { generateName, newUid } from './names';
import { clone, type KubeObject } from './object';
import { alreadyExists, badRequest, conflict, forbidden, invalid, notFound, StatusError } from './status-error';
import { deepEqual } from './deep-equal';

export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

export interface WriteOptions {
  dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  propagationPolicy?: PropagationPolicy;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface DeleteResult {
  /** The object as it stands after the call (deleted, or marked for deletion). */
  object: KubeObject;
  /** True when the object is gone from the store. */
  removed: boolean;
}

const NAMESPACES = 'namespaces';

export class ResourceService {
  constructor(
    readonly store: ObjectStore,
    readonly registry: Registry,
    readonly clock: Clock,
  ) {}

  context(): RegistryContext {
    return {
      now: this.clock.now(),
      get: (resource, ns, name) => this.store.get(resource, ns, name),
      list: (resource, ns) => this.store.list(resource, ns),
    };
  }

  get(def: ResourceDefinition, namespace: string | undefined, name: string): KubeObject {
    const obj = this.store.get(storeKey(def), def.namespaced ? namespace : undefined, name);
    if (!obj) throw notFound(def.group, def.plural, name);
    return obj;
  }

  find(def: ResourceDefinition, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.store.get(storeKey(def), def.namespaced ? namespace : undefined, name);
  }

  list(def: ResourceDefinition, namespace?: string): KubeObject[] {
    return this.store.list(storeKey(def), def.namespaced ? namespace : undefined);
  }

  /** Converts a stored object to the requested version (and stamps apiVersion/kind). */
  toVersion(def: ResourceDefinition, version: ServedVersion, obj: KubeObject): KubeObject {
    const out = version.fromStorage ? version.fromStorage(clone(obj)) : obj;
    if (out.apiVersion !== apiVersionOf(def.group, version.version) || out.kind !== def.kind) {
      return { ...out, apiVersion: apiVersionOf(def.group, version.version), kind: def.kind };
    }
    return out;
  }

  /** Converts an incoming object of a served version to the storage version. */
  toStorage(def: ResourceDefinition, version: ServedVersion | undefined, obj: KubeObject): KubeObject {
    const converted = version?.toStorage ? version.toStorage(obj) : obj;
    converted.apiVersion = apiVersionOf(def.group, def.versions[0].version);
    converted.kind = def.kind;
    return converted;
  }

  private checkNamespace(def: ResourceDefinition, obj: KubeObject): void {
    if (!def.namespaced) return;
    const ns = obj.metadata.namespace!;
    const nsObj = this.store.get(NAMESPACES, undefined, ns);
    if (!nsObj) throw notFound('', 'namespaces', ns);
    if (nsObj.metadata.deletionTimestamp || nsObj.status?.phase === 'Terminating') {
      throw forbidden(def.group, def.plural, obj.metadata.name || obj.metadata.generateName || '', `unable to create new content in namespace ${ns} because it is being terminated`, {
        reason: 'NamespaceTerminating',
        message: `namespace ${ns} is being terminated`,
      });
    }
  }

  /** Creates an object (already in storage version). */
  create(def: ResourceDefinition, input: KubeObject, opts: WriteOptions = {}): KubeObject {
    const obj = clone(input);
    obj.metadata ??= { name: '' };
    const meta = obj.metadata;
    if (!def.namespaced) delete meta.namespace;
    if (!meta.name && meta.generateName) meta.name = generateName(meta.generateName);
    const ctx = this.context();
    // System-owned metadata is set by the server, whatever the client sent.
    meta.uid = newUid();
    meta.creationTimestamp = rfc3339(ctx.now);
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.selfLink;
    delete meta.managedFields;
    if (def.tracksGeneration) meta.generation = 1;
    else delete meta.generation;
    if (def.hasStatus && !def.keepStatusOnCreate) delete obj.status;
    def.prepareForCreate?.(obj, ctx);
    def.defaults?.(obj, ctx);
    const errors = [...validateObjectMeta(obj, def.namespaced, def.nameRule ?? 'subdomain'), ...(def.validate?.(obj, ctx) ?? [])];
    if (errors.length) throw invalid(def.group, def.kind, meta.name || '', errors);
    if (def.namespaced) this.checkNamespace(def, obj);
    if (this.find(def, meta.namespace, meta.name)) throw alreadyExists(def.group, def.plural, meta.name);
    if (opts.dryRun) return obj;
    def.afterCreate?.(obj, ctx);
    return this.store.put(storeKey(def), obj, 'ADDED');
  }

  /**
   * Replaces an object (PUT). `subresource` 'status' changes only the status; the main resource
   * keeps the stored status when the kind has a status subresource.
   */
  update(def: ResourceDefinition, input: KubeObject, opts: WriteOptions & { subresource?: 'status' } = {}): KubeObject {
    const incoming = clone(input);
    const ns = def.namespaced ? incoming.metadata?.namespace : undefined;
    const old = this.get(def, ns, incoming.metadata.name);
    const rv = incoming.metadata.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) throw conflict(def.group, def.plural, old.metadata.name);
    const ctx = this.context();
    let obj: KubeObject;
    if (opts.subresource === 'status') {
      obj = clone(old);
      obj.status = incoming.status;
      if (def.keepsMetadataOnStatusUpdate === false) obj.metadata = incoming.metadata;
    } else {
      obj = incoming;
      if (def.hasStatus) {
        if (old.status === undefined) delete obj.status;
        else obj.status = clone(old.status);
      }
    }
    // Immutable, server-owned metadata.
    const m = obj.metadata;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    m.namespace = old.metadata.namespace;
    if (old.metadata.deletionTimestamp) {
      m.deletionTimestamp = old.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
    delete m.managedFields;
    if (m.generateName === undefined && old.metadata.generateName !== undefined) m.generateName = old.metadata.generateName;
    if (def.tracksGeneration) m.generation = old.metadata.generation ?? 1;
    else delete m.generation;
    if (opts.subresource !== 'status') def.prepareForUpdate?.(obj, old, ctx);
    def.defaults?.(obj, ctx);
    if (def.tracksGeneration && opts.subresource !== 'status' && !deepEqual(specOf(obj), specOf(old))) m.generation = (old.metadata.generation ?? 1) + 1;
    const errors = [
      ...validateObjectMeta(obj, def.namespaced, def.nameRule ?? 'subdomain'),
      ...(def.validate?.(obj, ctx) ?? []),
      ...(def.validateUpdate?.(obj, old, ctx) ?? []),
    ];
    if (errors.length) throw invalid(def.group, def.kind, m.name, errors);
    m.resourceVersion = old.metadata.resourceVersion;
    // A write that changes nothing is not a write: same resourceVersion, no watch event.
    if (deepEqual(obj, old)) return old;
    if (opts.dryRun) return obj;
    if (m.deletionTimestamp && !this.hasPendingFinalizers(def, obj) && !def.awaitsGracefulTermination?.(obj)) {
      return this.store.remove(storeKey(def), obj);
    }
    return this.store.put(storeKey(def), obj, 'MODIFIED');
  }

  private hasPendingFinalizers(def: ResourceDefinition, obj: KubeObject): boolean {
    return (obj.metadata.finalizers?.length ?? 0) > 0 || (def.pendingFinalizers?.(obj) ?? false);
  }

  delete(def: ResourceDefinition, namespace: string | undefined, name: string, opts: DeleteOptions = {}): DeleteResult {
    const old = this.get(def, namespace, name);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== old.metadata.uid)
      throw conflict(def.group, def.plural, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion)
      throw conflict(
        def.group,
        def.plural,
        name,
        `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`,
      );
    const ctx = this.context();
    const obj = clone(old);
    const finalizers = new Set(obj.metadata.finalizers ?? []);
    const policy = opts.propagationPolicy;
    if (policy === 'Foreground') {
      finalizers.delete('orphan');
      finalizers.add('foregroundDeletion');
    } else if (policy === 'Orphan') {
      finalizers.delete('foregroundDeletion');
      finalizers.add('orphan');
    }
    if (finalizers.size) obj.metadata.finalizers = [...finalizers];
    const grace = def.gracePeriod?.(obj, opts.gracePeriodSeconds) ?? 0;
    const already = old.metadata.deletionTimestamp;
    if (grace > 0 || this.hasPendingFinalizers(def, obj)) {
      if (!already || grace < (old.metadata.deletionGracePeriodSeconds ?? Infinity)) {
        obj.metadata.deletionTimestamp = rfc3339(ctx.now + grace * 1000);
        obj.metadata.deletionGracePeriodSeconds = grace;
      }
      def.onDeletionRequested?.(obj, ctx);
      if (def.tracksGeneration && !already) obj.metadata.generation = (old.metadata.generation ?? 1) + 1;
      if (deepEqual(obj, old)) return { object: old, removed: false };
      if (opts.dryRun) return { object: obj, removed: false };
      return { object: this.store.put(storeKey(def), obj, 'MODIFIED'), removed: false };
    }
    if (opts.dryRun) return { object: old, removed: true };
    return { object: this.store.remove(storeKey(def), old), removed: true };
  }

  /** Removes a finalizer the caller owns (GC, namespace controller); deletes the object when it was the last. */
  removeFinalizer(def: ResourceDefinition, obj: KubeObject, finalizer: string): KubeObject {
    const next = clone(obj);
    next.metadata.finalizers = (next.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (next.metadata.finalizers.length === 0) delete next.metadata.finalizers;
    return this.update(def, next);
  }

  /** Wraps a thrown non-Status error as a 400, for decode failures of client input. */
  static asBadRequest(err: unknown): StatusError {
    if (err instanceof StatusError) return err;
    return badRequest(err instanceof Error ? err.message : String(err));
  }
}

function specOf(obj: KubeObject): unknown {
  // Everything but metadata and status counts as "spec" for generation (e.g. ConfigMap data has no generation anyway).
  const { metadata: _m, status: _s, ...rest } = obj;
  void _m;
  void _s;
  return rest;
}
