// The garbage collector: deletes dependents whose owners are all gone (background), deletes the
// dependents of an owner in foreground deletion before letting it go, and strips the
// ownerReferences of an orphaning owner's dependents. Works across every kind in the registry,
// through ownerReferences (apiVersion, kind, name, uid).
// Upstream: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem,
// classifyReferences, processDeletingDependentsItem, orphanDependents), graph_builder.go.
import { clone, type KubeObject } from '../api/object';
import type { PropagationPolicy } from '../api/resource-service';
import { storeKey } from '../registry/resource-definition';
import type { StoreEvent } from '../store/object-store';
import { Controller, type ControllerContext, type ReconcileResult } from './runtime/controller';
import { objectRefKey, OwnerIndex, ownerReferencesOf, parseRefKey, type OwnerReference } from './runtime/owner-index';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

/** Keys: `dependent:<ref>` checks an object's owners; `owner:<ref>` runs an owner's deletion finalizers. */
const DEPENDENT = 'dependent:';
const OWNER = 'owner:';

function hasFinalizer(obj: KubeObject, f: string): boolean {
  return (obj.metadata.finalizers ?? []).includes(f);
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: { reason?: string } })?.status?.reason === 'NotFound';
}

type OwnerState = 'solid' | 'dangling' | 'waiting';

export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector';
  private readonly index: OwnerIndex;
  private stopIndex: (() => void) | undefined;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.index = new OwnerIndex(ctx.client, undefined, false);
  }

  override start(): () => void {
    this.stopIndex = this.index.start();
    return super.start();
  }

  override stop(): void {
    super.stop();
    this.stopIndex?.();
    this.stopIndex = undefined;
  }

  protected initialKeys(): string[] {
    const keys: string[] = [];
    for (const def of this.ctx.client.service.registry.definitions) {
      const resource = storeKey(def);
      for (const obj of this.ctx.client.service.store.list(resource)) {
        if (obj.metadata.ownerReferences?.length) keys.push(DEPENDENT + objectRefKey(resource, obj));
        if (obj.metadata.deletionTimestamp && (hasFinalizer(obj, FOREGROUND) || hasFinalizer(obj, ORPHAN))) keys.push(OWNER + objectRefKey(resource, obj));
      }
    }
    return keys;
  }

  // Upstream: graph_builder.go processGraphChanges — what a change means for owners and dependents.
  protected keysFor(e: StoreEvent): string[] {
    const keys: string[] = [];
    const obj = e.object;
    const self = objectRefKey(e.resource, obj);
    const uid = obj.metadata.uid!;
    if (e.type === 'DELETED') {
      // Its dependents may now have no owner left.
      for (const ref of this.index.dependentRefs(uid)) keys.push(DEPENDENT + refKeyOf(ref));
      // Owners waiting for it in foreground deletion may finish.
      for (const ref of ownerReferencesOf(obj)) keys.push(...this.ownerKeysFor(ref, obj));
      return keys;
    }
    const refs = ownerReferencesOf(obj);
    const refsChanged = e.type === 'ADDED' || JSON.stringify(refs) !== JSON.stringify(e.previous?.metadata.ownerReferences ?? []);
    if (refs.length && refsChanged) keys.push(DEPENDENT + self);
    if (refsChanged && e.previous) {
      // A dependent that dropped its reference no longer blocks that owner.
      for (const ref of ownerReferencesOf(e.previous)) if (!refs.some((r) => r.uid === ref.uid)) keys.push(...this.ownerKeysFor(ref, obj));
    }
    if (obj.metadata.deletionTimestamp && (hasFinalizer(obj, FOREGROUND) || hasFinalizer(obj, ORPHAN))) {
      keys.push(OWNER + self);
      // Entering foreground deletion: every dependent is to be deleted (or unlinked).
      if (hasFinalizer(obj, FOREGROUND) && !(e.previous && e.previous.metadata.deletionTimestamp && hasFinalizer(e.previous, FOREGROUND))) {
        for (const ref of this.index.dependentRefs(uid)) keys.push(DEPENDENT + refKeyOf(ref));
      }
    }
    return keys;
  }

  /** The owner's key when it exists and is running a deletion finalizer. */
  private ownerKeysFor(ref: OwnerReference, dependent: KubeObject): string[] {
    const owner = this.resolveOwner(ref, dependent);
    if (!owner?.obj || owner.obj.metadata.uid !== ref.uid || !owner.obj.metadata.deletionTimestamp) return [];
    return [OWNER + objectRefKey(owner.resource, owner.obj)];
  }

  private resolveOwner(ref: OwnerReference, dependent: KubeObject): { resource: string; obj: KubeObject | undefined } | undefined {
    const def = this.ctx.client.service.registry.byApiVersionKind(ref.apiVersion, ref.kind);
    if (!def) return undefined;
    const resource = storeKey(def);
    return { resource, obj: this.ctx.client.get(resource, def.namespaced ? dependent.metadata.namespace : undefined, ref.name) };
  }

  reconcile(key: string): ReconcileResult {
    if (key.startsWith(DEPENDENT)) this.attemptToDeleteItem(parseRefKey(key.slice(DEPENDENT.length)));
    else if (key.startsWith(OWNER)) this.processOwner(parseRefKey(key.slice(OWNER.length)));
  }

  // Upstream: garbagecollector.go classifyReferences / isDangling. An owner of a kind the registry
  // does not serve cannot be checked and counts as present.
  private classify(obj: KubeObject): Map<OwnerReference, OwnerState> {
    const out = new Map<OwnerReference, OwnerState>();
    for (const ref of ownerReferencesOf(obj)) {
      const owner = this.resolveOwner(ref, obj);
      if (!owner) out.set(ref, 'solid');
      else if (!owner.obj || owner.obj.metadata.uid !== ref.uid) out.set(ref, 'dangling');
      else if (owner.obj.metadata.deletionTimestamp && hasFinalizer(owner.obj, FOREGROUND)) out.set(ref, 'waiting');
      else out.set(ref, 'solid');
    }
    return out;
  }

  // Upstream: garbagecollector.go attemptToDeleteItem
  private attemptToDeleteItem(ref: { resource: string; namespace?: string; name: string }): void {
    const { client } = this.ctx;
    if (!client.service.registry.byKey(ref.resource)) return;
    const obj = client.get(ref.resource, ref.namespace, ref.name);
    if (!obj) return;
    if (obj.metadata.deletionTimestamp) {
      if (hasFinalizer(obj, FOREGROUND)) this.enqueue(OWNER + objectRefKey(ref.resource, obj));
      return;
    }
    const states = this.classify(obj);
    if (states.size === 0) return;
    const solid = [...states.values()].filter((s) => s === 'solid').length;
    const removable = [...states].filter(([, s]) => s !== 'solid').map(([r]) => r.uid);
    if (solid > 0) {
      // Keep the object; drop references to owners that are gone or deleting their dependents.
      if (removable.length) this.writeOwnerRefs(ref.resource, obj, (refs) => refs.filter((r) => !removable.includes(r.uid)));
      return;
    }
    let policy: PropagationPolicy;
    const waiting = [...states.values()].includes('waiting');
    if (waiting && this.index.hasDependents(obj.metadata.uid!)) policy = 'Foreground';
    else if (hasFinalizer(obj, ORPHAN)) policy = 'Orphan';
    else if (hasFinalizer(obj, FOREGROUND)) policy = 'Foreground';
    else policy = 'Background';
    try {
      client.delete(ref.resource, ref.namespace, ref.name, { propagationPolicy: policy, preconditions: { uid: obj.metadata.uid } });
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }

  private processOwner(ref: { resource: string; namespace?: string; name: string }): void {
    const obj = this.ctx.client.get(ref.resource, ref.namespace, ref.name);
    if (!obj || !obj.metadata.deletionTimestamp) return;
    if (hasFinalizer(obj, ORPHAN)) this.orphanDependents(ref.resource, obj);
    else if (hasFinalizer(obj, FOREGROUND)) this.processDeletingDependentsItem(ref.resource, obj);
  }

  // Upstream: garbagecollector.go orphanDependents + removeFinalizer(orphan)
  private orphanDependents(resource: string, owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    for (const dep of this.index.dependentRefs(uid)) {
      const obj = this.ctx.client.get(dep.resource, dep.namespace, dep.name);
      if (obj) this.writeOwnerRefs(dep.resource, obj, (refs) => refs.filter((r) => r.uid !== uid));
    }
    const fresh = this.ctx.client.get(resource, owner.metadata.namespace, owner.metadata.name);
    if (fresh && fresh.metadata.uid === uid) this.ctx.client.removeFinalizer(resource, fresh, ORPHAN);
  }

  // Upstream: garbagecollector.go processDeletingDependentsItem — the owner goes once no
  // dependent with blockOwnerDeletion remains (terminating pods still count).
  private processDeletingDependentsItem(resource: string, owner: KubeObject): void {
    const uid = owner.metadata.uid!;
    let blocking = 0;
    for (const dep of this.index.dependentRefs(uid)) {
      const obj = this.ctx.client.get(dep.resource, dep.namespace, dep.name);
      if (!obj) continue;
      const ref = ownerReferencesOf(obj).find((r) => r.uid === uid);
      if (!ref) continue;
      if (ref.blockOwnerDeletion) blocking++;
      if (!obj.metadata.deletionTimestamp) this.attemptToDeleteItem(dep);
    }
    if (blocking > 0) return;
    const fresh = this.ctx.client.get(resource, owner.metadata.namespace, owner.metadata.name);
    if (fresh && fresh.metadata.uid === uid && hasFinalizer(fresh, FOREGROUND)) this.ctx.client.removeFinalizer(resource, fresh, FOREGROUND);
  }

  private writeOwnerRefs(resource: string, obj: KubeObject, edit: (refs: OwnerReference[]) => OwnerReference[]): void {
    const next = clone(obj);
    const refs = edit(ownerReferencesOf(next));
    if (refs.length) next.metadata.ownerReferences = refs;
    else delete next.metadata.ownerReferences;
    try {
      this.ctx.client.update(resource, next);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}

function refKeyOf(ref: { resource: string; namespace?: string; name: string }): string {
  return `${ref.resource}|${ref.namespace ?? ''}|${ref.name}`;
}
