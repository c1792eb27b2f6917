// core/v1 Namespace: the `kubernetes` finalizer in spec keeps a deleted namespace Terminating
// until the namespace controller has removed its content.
// Upstream: kubernetes pkg/registry/core/namespace/strategy.go, storage/storage.go
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';

export const namespaceDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Namespace' }],
  kind: 'Namespace',
  plural: 'namespaces',
  singular: 'namespace',
  shortNames: ['ns'],
  namespaced: false,
  hasStatus: true,
  nameRule: 'label',
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  extraSubresources: [{ name: 'finalize', kind: { group: '', version: 'v1', kind: 'Namespace' }, verbs: ['update'] }],
  prepareForCreate(ns) {
    ns.status = { phase: 'Active' };
    ns.spec = { finalizers: ['kubernetes'] };
  },
  prepareForUpdate(ns, old) {
    // spec.finalizers changes only through the finalize subresource; kept otherwise.
    if (!ns.spec?.finalizers && old.spec?.finalizers) ns.spec = { ...(ns.spec ?? {}), finalizers: old.spec.finalizers };
  },
  defaults(ns) {
    ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  },
  pendingFinalizers: (ns) => (ns.spec?.finalizers?.length ?? 0) > 0,
  onDeletionRequested(ns) {
    ns.status = { ...(ns.status ?? {}), phase: 'Terminating' };
  },
  table: {
    columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
    row: (ns, ctx) => [ns.metadata.name, ns.status?.phase ?? '', age(ns.metadata.creationTimestamp, ctx.now)],
  },
};
