// The namespace controller: a namespace marked for deletion has all its namespaced content
// deleted (every kind the registry serves, pods terminating gracefully); once nothing remains,
// the `kubernetes` finalizer is removed from spec.finalizers and the write path lets it go.
// Upstream: pkg/controller/namespace/namespace_controller.go,
// pkg/controller/namespace/deletion/namespaced_resources_deleter.go (deleteAllContent,
// estimateGracefulTermination, updateNamespaceStatusFunc, the deletion conditions).
import { rfc3339 } from '../clock';
import { clone, type KubeObject } from '../api/object';
import { deepEqual } from '../api/deep-equal';
import { storeKey } from '../registry/resource-definition';
import type { StoreEvent } from '../store/object-store';
import { Controller, type ReconcileResult } from './runtime/controller';

const NAMESPACES = 'namespaces';
const FINALIZER = 'kubernetes';
/** Look again even without events, as upstream re-estimates graceful termination. */
const RECHECK_MS = 5000;

interface NamespaceCondition {
  type: string;
  status: string;
  lastTransitionTime: string;
  reason: string;
  message: string;
}

function isNotFound(err: unknown): boolean {
  return (err as { status?: { reason?: string } })?.status?.reason === 'NotFound';
}

export class NamespaceController extends Controller {
  readonly name = 'namespace-controller';

  protected initialKeys(): string[] {
    return this.ctx.client
      .list(NAMESPACES)
      .filter((ns) => ns.metadata.deletionTimestamp)
      .map((ns) => ns.metadata.name);
  }

  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === NAMESPACES) return e.type !== 'DELETED' && e.object.metadata.deletionTimestamp ? [e.object.metadata.name] : [];
    const ns = e.object.metadata.namespace;
    if (!ns || (e.type !== 'DELETED' && !e.object.metadata.deletionTimestamp)) return [];
    // Content going away in a terminating namespace.
    return this.ctx.client.get(NAMESPACES, undefined, ns)?.metadata.deletionTimestamp ? [ns] : [];
  }

  // Upstream: namespaced_resources_deleter.go Delete
  reconcile(name: string): ReconcileResult {
    const { client } = this.ctx;
    const ns = client.get(NAMESPACES, undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const remaining = new Map<string, number>();
    const finalizers = new Map<string, number>();
    for (const def of client.service.registry.definitions) {
      if (!def.namespaced) continue;
      const resource = storeKey(def);
      const label = def.group ? `${def.plural}.${def.group}` : def.plural;
      for (const obj of client.service.store.list(resource, name)) {
        if (!obj.metadata.deletionTimestamp) {
          try {
            const r = client.delete(resource, name, obj.metadata.name, { propagationPolicy: 'Background' });
            if (r.removed) continue;
          } catch (err) {
            if (isNotFound(err)) continue;
            throw err;
          }
        }
        const still = client.get(resource, name, obj.metadata.name);
        if (!still) continue;
        remaining.set(label, (remaining.get(label) ?? 0) + 1);
        for (const f of still.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      }
    }
    this.updateConditions(name, remaining, finalizers);
    if (remaining.size > 0) return { requeueAfterMs: RECHECK_MS };
    this.finalize(name);
  }

  // Upstream: namespace_controller.go finalizeNamespace — drop our token from spec.finalizers.
  private finalize(name: string): void {
    const ns = this.ctx.client.get(NAMESPACES, undefined, name);
    if (!ns) return;
    const next = clone(ns);
    next.spec = { ...(next.spec ?? {}), finalizers: (next.spec?.finalizers ?? []).filter((f: string) => f !== FINALIZER) };
    this.ctx.client.update(NAMESPACES, next);
  }

  // Upstream: namespaced_resources_deleter.go updateNamespaceStatusFunc / namespace condition updater
  private updateConditions(name: string, remaining: Map<string, number>, finalizers: Map<string, number>): void {
    const ns = this.ctx.client.get(NAMESPACES, undefined, name);
    if (!ns) return;
    const now = rfc3339(this.ctx.clock.now());
    const listing = (m: Map<string, number>, fmt: (k: string, n: number) => string) =>
      [...m]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, n]) => fmt(k, n))
        .join(', ');
    const wanted: Omit<NamespaceCondition, 'lastTransitionTime'>[] = [
      { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
      { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
      { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
      remaining.size
        ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${listing(remaining, (k, n) => `${k} has ${n} resource instances`)}` }
        : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
      finalizers.size
        ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${listing(finalizers, (k, n) => `${k} in ${n} resource instances`)}` }
        : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
    ];
    const existing = (ns.status?.conditions ?? []) as NamespaceCondition[];
    const conditions = wanted.map((w) => {
      const old = existing.find((c) => c.type === w.type);
      return { type: w.type, status: w.status, lastTransitionTime: old && old.status === w.status ? old.lastTransitionTime : now, reason: w.reason, message: w.message };
    });
    if (deepEqual(existing, conditions)) return;
    const next = clone(ns) as KubeObject;
    next.status = { ...(next.status ?? {}), conditions };
    this.ctx.client.updateStatus(NAMESPACES, next);
  }
}
