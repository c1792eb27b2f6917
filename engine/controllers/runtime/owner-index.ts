// An index of ownerReferences over the store, kept current from store events: which objects an
// owner (by uid) has as dependents, and which objects have no controller (adoption candidates).
// Controllers read it instead of listing a whole namespace on every event, so reconciling a
// ReplicaSet costs its own pods, not the cluster's. Objects it returns come from the store and
// are read-only. Upstream counterpart: the informer indexers and the GC's dependency graph
// (client-go tools/cache/index.go, pkg/controller/garbagecollector/graph.go).
import type { KubeObject } from '../../api/object';
import type { StoreEvent } from '../../store/object-store';
import type { ClusterClient } from './cluster-client';

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export function ownerReferencesOf(obj: KubeObject): OwnerReference[] {
  return (obj.metadata.ownerReferences ?? []) as OwnerReference[];
}

/** metav1.GetControllerOf: the ownerReference with controller=true. */
export function controllerRefOf(obj: KubeObject): OwnerReference | undefined {
  return ownerReferencesOf(obj).find((r) => r.controller === true);
}

/** metav1.NewControllerRef: a controller reference to owner that blocks its foreground deletion. */
export function newControllerRef(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: owner.metadata.name, uid: owner.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** Where an object lives in the store. */
export interface ObjectRef {
  resource: string;
  namespace?: string;
  name: string;
}

function refKey(resource: string, namespace: string | undefined, name: string): string {
  return `${resource}|${namespace ?? ''}|${name}`;
}

export function parseRefKey(key: string): ObjectRef {
  const [resource, namespace, ...rest] = key.split('|');
  return { resource, namespace: namespace || undefined, name: rest.join('|') };
}

export function objectRefKey(resource: string, obj: KubeObject): string {
  return refKey(resource, obj.metadata.namespace, obj.metadata.name);
}

export class OwnerIndex {
  /** owner uid -> ref keys of its dependents. */
  private readonly dependentsByOwner = new Map<string, Set<string>>();
  /** ref key -> owner uids it names (to undo on change). */
  private readonly ownersByObject = new Map<string, string[]>();
  /** `resource|namespace` -> names of objects without a controller reference. */
  private readonly orphansByNamespace = new Map<string, Set<string>>();
  private readonly resources: Set<string> | undefined;

  /**
   * Indexes the given store resources (e.g. `pods`), or every resource when none are given;
   * `trackOrphans: false` skips the per-namespace set of controller-less objects.
   */
  constructor(
    private readonly client: ClusterClient,
    resources?: string[],
    private readonly trackOrphans = true,
  ) {
    this.resources = resources ? new Set(resources) : undefined;
  }

  /** Seeds from the store and follows its events; returns the unsubscribe. */
  start(): () => void {
    const unsubscribe = this.client.subscribe((e) => this.observe(e));
    const defs = this.client.service.registry.definitions;
    for (const def of defs) {
      const resource = def.group ? `${def.group}/${def.plural}` : def.plural;
      if (!this.indexes(resource)) continue;
      for (const obj of this.client.service.store.list(resource)) this.add(resource, obj);
    }
    return () => {
      unsubscribe();
      this.dependentsByOwner.clear();
      this.ownersByObject.clear();
      this.orphansByNamespace.clear();
    };
  }

  private indexes(resource: string): boolean {
    return !this.resources || this.resources.has(resource);
  }

  private observe(e: StoreEvent): void {
    if (!this.indexes(e.resource)) return;
    if (e.type === 'DELETED') this.remove(e.resource, e.object);
    else this.add(e.resource, e.object);
  }

  private add(resource: string, obj: KubeObject): void {
    const key = objectRefKey(resource, obj);
    const uids = ownerReferencesOf(obj).map((r) => r.uid);
    const previous = this.ownersByObject.get(key);
    if (!previous || previous.join(',') !== uids.join(',')) {
      if (previous) this.unlink(key, previous);
      for (const uid of uids) {
        let set = this.dependentsByOwner.get(uid);
        if (!set) this.dependentsByOwner.set(uid, (set = new Set()));
        set.add(key);
      }
      if (uids.length) this.ownersByObject.set(key, uids);
      else this.ownersByObject.delete(key);
    }
    if (!this.trackOrphans) return;
    const nsKey = `${resource}|${obj.metadata.namespace ?? ''}`;
    let orphans = this.orphansByNamespace.get(nsKey);
    if (controllerRefOf(obj)) {
      orphans?.delete(obj.metadata.name);
    } else {
      if (!orphans) this.orphansByNamespace.set(nsKey, (orphans = new Set()));
      orphans.add(obj.metadata.name);
    }
  }

  private remove(resource: string, obj: KubeObject): void {
    const key = objectRefKey(resource, obj);
    const previous = this.ownersByObject.get(key);
    if (previous) this.unlink(key, previous);
    this.ownersByObject.delete(key);
    this.orphansByNamespace.get(`${resource}|${obj.metadata.namespace ?? ''}`)?.delete(obj.metadata.name);
  }

  private unlink(key: string, uids: string[]): void {
    for (const uid of uids) {
      const set = this.dependentsByOwner.get(uid);
      if (!set) continue;
      set.delete(key);
      if (set.size === 0) this.dependentsByOwner.delete(uid);
    }
  }

  /** Refs of every indexed object naming ownerUid in its ownerReferences. */
  dependentRefs(ownerUid: string): ObjectRef[] {
    return [...(this.dependentsByOwner.get(ownerUid) ?? [])].map(parseRefKey);
  }

  hasDependents(ownerUid: string): boolean {
    return (this.dependentsByOwner.get(ownerUid)?.size ?? 0) > 0;
  }

  /** Objects of a resource whose controller reference points at ownerUid. */
  controlledBy(resource: string, ownerUid: string): KubeObject[] {
    const out: KubeObject[] = [];
    for (const key of this.dependentsByOwner.get(ownerUid) ?? []) {
      const ref = parseRefKey(key);
      if (ref.resource !== resource) continue;
      const obj = this.client.service.store.get(resource, ref.namespace, ref.name);
      if (obj && controllerRefOf(obj)?.uid === ownerUid) out.push(obj);
    }
    return out;
  }

  /** Objects of a resource in a namespace that have no controller reference. */
  orphans(resource: string, namespace: string | undefined): KubeObject[] {
    const out: KubeObject[] = [];
    for (const name of this.orphansByNamespace.get(`${resource}|${namespace ?? ''}`) ?? []) {
      const obj = this.client.service.store.get(resource, namespace, name);
      if (obj) out.push(obj);
    }
    return out;
  }
}
