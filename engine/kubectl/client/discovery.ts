// API discovery: aggregated (apidiscovery.k8s.io/v2) when both /api and /apis answer
// with it, otherwise the legacy per-group-version documents. Results are kept for the life of
// the client (one kubectl run) and, as kubectl does, on disk for 6 hours (discovery-cache.ts). Upstream: kubernetes/client-go
// discovery/discovery_client.go (ServerGroupsAndResources, ContentTypeIsGVK) and
// discovery/aggregated_discovery.go (convertAPIResource: entries without responseKind are dropped).

import type { RestClient } from './rest-client';
import { fromResourceList, readDiscoveryCache, writeDiscoveryCache, type DiscoveryCacheLocation } from './discovery-cache';

export const acceptDiscovery =
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json';

export interface ApiResource {
  group: string;
  version: string;
  /** Plural resource name, e.g. deployments. */
  resource: string;
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: { name: string; kind: string; group: string; version: string; verbs: string[] }[];
  /** True for the group's preferred (first) version. */
  preferred: boolean;
}

export interface ApiGroupInfo {
  name: string;
  versions: string[];
  preferredVersion: string;
}

export interface DiscoveryResult {
  groups: ApiGroupInfo[];
  resources: ApiResource[];
}

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Discovery requests carry `?timeout=32s` (client-go's defaultTimeout for discovery). */
const discoveryTimeout = { timeoutParam: '32s', timeoutMs: 32_000 };

export class Discovery {
  private cached?: Promise<DiscoveryResult>;
  /** The current result came from the disk cache (kubectl's CachedDiscoveryClient.Fresh() is false). */
  fromDisk = false;
  private skipDisk = false;

  constructor(
    private readonly client: RestClient,
    private readonly diskCache?: DiscoveryCacheLocation,
  ) {}

  /** Forget cached results (kubectl retries once with fresh discovery on a miss). */
  invalidate(): void {
    this.cached = undefined;
    this.skipDisk = true;
  }

  /**
   * A lookup missed: when the answer came from the disk cache, drop it and ask the server
   * (upstream: DeferredDiscoveryRESTMapper resets and retries when discovery is not fresh).
   * False when discovery is already fresh, so there is nothing to retry.
   */
  refreshIfStale(): boolean {
    if (!this.fromDisk) return false;
    this.onInvalidate?.();
    this.invalidate();
    return true;
  }

  /** Told when cached discovery is dropped (`-v=6` logs it). */
  onInvalidate?: () => void;

  get(): Promise<DiscoveryResult> {
    this.cached ??= this.load();
    this.cached.catch(() => (this.cached = undefined));
    return this.cached;
  }

  private async load(): Promise<DiscoveryResult> {
    if (this.diskCache && !this.skipDisk) {
      const hit = await readDiscoveryCache(this.diskCache);
      if (hit) {
        this.fromDisk = true;
        return hit;
      }
    }
    this.fromDisk = false;
    const result = await this.fetch();
    if (this.diskCache) await writeDiscoveryCache(this.diskCache, result);
    return result;
  }

  private async fetch(): Promise<DiscoveryResult> {
    const core = await this.client.request({ path: '/api', accept: acceptDiscovery, ...discoveryTimeout });
    const apis = await this.client.request({ path: '/apis', accept: acceptDiscovery, ...discoveryTimeout });
    const dec = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as J;
    if (isAggregated(core.headers['content-type']?.[0]) && isAggregated(apis.headers['content-type']?.[0])) {
      return fromAggregated([...(dec(core.body).items ?? []), ...(dec(apis.body).items ?? [])]);
    }
    return this.legacy(dec(core.body), dec(apis.body));
  }

  private async legacy(core: J, apis: J): Promise<DiscoveryResult> {
    const groups: ApiGroupInfo[] = [];
    const resources: ApiResource[] = [];
    const coreVersions: string[] = core.versions ?? [];
    if (coreVersions.length) groups.push({ name: '', versions: coreVersions, preferredVersion: coreVersions[0] });
    for (const g of apis.groups ?? []) {
      const versions = (g.versions ?? []).map((v: J) => v.version as string);
      groups.push({ name: g.name, versions, preferredVersion: g.preferredVersion?.version ?? versions[0] });
    }
    for (const g of groups) {
      for (const v of g.versions) {
        const path = g.name === '' ? `/api/${v}` : `/apis/${g.name}/${v}`;
        const list = await this.client.json<J>({ path, ...discoveryTimeout });
        resources.push(...fromResourceList(list, g.name, v, v === g.preferredVersion));
      }
    }
    return { groups, resources };
  }
}

// Upstream: discovery_client.go ContentTypeIsGVK — parameters in any order, extras allowed.
export function isAggregated(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const [media, ...params] = contentType.split(';').map((s) => s.trim());
  if (media !== 'application/json') return false;
  const p = new Map(params.map((x) => x.split('=').map((s) => s.trim()) as [string, string]));
  return p.get('g') === 'apidiscovery.k8s.io' && (p.get('v') === 'v2' || p.get('v') === 'v2beta1') && p.get('as') === 'APIGroupDiscoveryList';
}

function fromAggregated(items: J[]): DiscoveryResult {
  const groups: ApiGroupInfo[] = [];
  const resources: ApiResource[] = [];
  for (const g of items) {
    const name = g.metadata?.name ?? '';
    const versions = (g.versions ?? []).map((v: J) => v.version as string);
    groups.push({ name, versions, preferredVersion: versions[0] });
    for (const v of g.versions ?? []) {
      for (const r of v.resources ?? []) {
        if (!r.responseKind?.kind) continue;
        resources.push({
          group: name,
          version: v.version,
          resource: r.resource,
          kind: r.responseKind.kind,
          singular: r.singularResource || String(r.responseKind.kind).toLowerCase(),
          namespaced: r.scope === 'Namespaced',
          shortNames: r.shortNames ?? [],
          categories: r.categories ?? [],
          verbs: r.verbs ?? [],
          subresources: (r.subresources ?? [])
            .filter((s: J) => s.responseKind?.kind)
            .map((s: J) => ({ name: s.subresource, kind: s.responseKind.kind, group: s.responseKind.group ?? '', version: s.responseKind.version ?? '', verbs: s.verbs ?? [] })),
          preferred: v.version === versions[0],
        });
      }
    }
  }
  return { groups, resources };
}
