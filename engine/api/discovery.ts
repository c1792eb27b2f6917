// API discovery, legacy (APIVersions / APIGroupList / APIResourceList) and aggregated v2
// (APIGroupDiscoveryList), generated from the registry. kubectl picks aggregated discovery when
// both /api and /apis answer with the aggregated Content-Type.
// Upstream: apiserver pkg/endpoints/discovery/aggregated, client-go discovery/discovery_client.go
import type { Registry } from '../registry/registry';
import type { ResourceDefinition } from '../registry/resource-definition';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export const DEFAULT_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

/** True when the Accept header asks for aggregated discovery v2. */
export function wantsAggregated(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const params = part.split(';').map((p) => p.trim());
    return params.includes('g=apidiscovery.k8s.io') && params.includes('v=v2') && params.includes('as=APIGroupDiscoveryList');
  });
}

interface Sub {
  name: string;
  kind: { group: string; version: string; kind: string };
  verbs: string[];
}

function subresourcesOf(def: ResourceDefinition, version: string): Sub[] {
  const subs: Sub[] = [];
  if (def.hasStatus) subs.push({ name: 'status', kind: { group: def.group, version, kind: def.kind }, verbs: ['get', 'patch', 'update'] });
  if (def.scale) subs.push({ name: 'scale', kind: { group: 'autoscaling', version: 'v1', kind: 'Scale' }, verbs: ['get', 'patch', 'update'] });
  for (const s of def.extraSubresources ?? []) subs.push({ name: s.name, kind: s.kind, verbs: s.verbs });
  return subs.sort((a, b) => (a.name < b.name ? -1 : 1));
}

function aggregatedGroup(registry: Registry, group: string, versions: string[]) {
  return {
    metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
    versions: versions.map((version) => ({
      version,
      resources: registry
        .resourcesIn(group, version)
        .map(({ def }) => def)
        .sort((a, b) => (a.plural < b.plural ? -1 : 1))
        .map((def) => {
          const r: Record<string, unknown> = {
            resource: def.plural,
            responseKind: { group: def.group, version, kind: def.kind },
            scope: def.namespaced ? 'Namespaced' : 'Cluster',
            singularResource: def.singular,
            verbs: def.verbs ?? DEFAULT_VERBS,
          };
          if (def.shortNames?.length) r.shortNames = def.shortNames;
          if (def.categories?.length) r.categories = def.categories;
          const subs = subresourcesOf(def, version);
          if (subs.length) r.subresources = subs.map((s) => ({ subresource: s.name, responseKind: s.kind, verbs: s.verbs }));
          return r;
        }),
      freshness: 'Current',
    })),
  };
}

export function aggregatedCore(registry: Registry) {
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items: [aggregatedGroup(registry, '', ['v1'])] };
}

export function aggregatedGroups(registry: Registry) {
  const items = registry
    .groups()
    .filter((g) => g.group !== '')
    .map((g) => aggregatedGroup(registry, g.group, g.versions));
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export function legacyApiVersions(serverAddress: string) {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(group: string, versions: string[]) {
  return {
    name: group,
    versions: versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${group}/${versions[0]}`, version: versions[0] },
  };
}

export function legacyGroupList(registry: Registry) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: registry
      .groups()
      .filter((g) => g.group !== '')
      .map((g) => groupEntry(g.group, g.versions)),
  };
}

export function legacyGroup(registry: Registry, group: string) {
  const g = registry.groups().find((x) => x.group === group);
  if (!g) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(group, g.versions) };
}

export function legacyResourceList(registry: Registry, group: string, version: string) {
  const entries = registry.resourcesIn(group, version);
  if (entries.length === 0) return undefined;
  const resources: Record<string, unknown>[] = [];
  for (const { def } of entries.sort((a, b) => (a.def.plural < b.def.plural ? -1 : 1))) {
    const r: Record<string, unknown> = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: def.verbs ?? DEFAULT_VERBS,
    };
    if (def.shortNames?.length) r.shortNames = def.shortNames;
    if (def.categories?.length) r.categories = def.categories;
    resources.push(r);
    for (const s of subresourcesOf(def, version)) {
      const sub: Record<string, unknown> = { name: `${def.plural}/${s.name}`, singularName: '', namespaced: def.namespaced, kind: s.kind.kind, verbs: s.verbs };
      if (s.kind.group !== def.group || s.kind.version !== version) {
        sub.group = s.kind.group;
        sub.version = s.kind.version;
      }
      resources.push(sub);
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
