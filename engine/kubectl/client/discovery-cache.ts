// kubectl's discovery disk cache (~/.kube/cache/discovery/<host_port>/): servergroups.json and
// one <group>/<version>/serverresources.json per group version, trusted for 6 hours. kubectl
// reads them instead of asking /api and /apis on every run, so a warm `kubectl get pods` makes
// one request. The files are the real kubectl's own format (it may read ours and we theirs).
// Upstream: client-go discovery/cached/disk/cached_discovery.go (CachedDiscoveryClient,
// getCachedFile, writeCachedFile), discovery/aggregated_discovery.go (convertAPIResource,
// convertAPISubresource), cli-runtime genericclioptions/config_flags.go (computeDiscoverCacheDir).

import type { KubectlFS } from '../io';
import type { ApiResource, DiscoveryResult } from './discovery';

/** kubectl's discovery cache lifetime. */
export const discoveryCacheTTLMs = 6 * 3600_000;

export interface DiscoveryCacheLocation {
  /** The server's folder, e.g. ~/.kube/cache/discovery/127.0.0.1_6443. */
  dir: string;
  fs: KubectlFS;
  now: () => number;
}

// Upstream: overlyCautiousIllegalFileCharacters = `[^(\w/.)]`.
export function discoveryCacheDir(cacheDir: string, server: string): string {
  const host = server.replace('https://', '').replace('http://', '');
  return `${cacheDir}/discovery/${host.replace(/[^(\w/.)]/g, '_')}`;
}

type J = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const gvPath = (group: string, version: string) => (group ? `${group}/${version}` : version);

/** The resources of one group version in the legacy list form (subresources as `pods/log`). */
export function toResourceList(result: DiscoveryResult, group: string, version: string): J {
  const resources: J[] = [];
  // Go's APIResource: group, version, shortNames and categories are omitempty; the rest always appear.
  const entry = (o: J) => {
    for (const k of ['group', 'version', 'shortNames', 'categories']) if (o[k] === '' || (Array.isArray(o[k]) && o[k].length === 0)) delete o[k];
    return o;
  };
  for (const r of result.resources.filter((x) => x.group === group && x.version === version)) {
    resources.push(
      entry({
        name: r.resource,
        singularName: r.singular,
        namespaced: r.namespaced,
        group: r.group,
        version: r.version,
        kind: r.kind,
        verbs: r.verbs,
        shortNames: r.shortNames,
        categories: r.categories,
      }),
    );
    for (const s of r.subresources) {
      resources.push(entry({ name: `${r.resource}/${s.name}`, singularName: r.singular, namespaced: r.namespaced, group: s.group, version: s.version, kind: s.kind, verbs: s.verbs }));
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gvPath(group, version), resources };
}

export function toGroupList(result: DiscoveryResult): J {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: result.groups.map((g) => ({
      name: g.name,
      versions: g.versions.map((v) => ({ groupVersion: gvPath(g.name, v), version: v })),
      preferredVersion: { groupVersion: gvPath(g.name, g.preferredVersion), version: g.preferredVersion },
    })),
  };
}

/** Resources of one legacy APIResourceList (as written by either kubectl). */
export function fromResourceList(list: J, group: string, version: string, preferred: boolean): ApiResource[] {
  const subs = new Map<string, ApiResource['subresources']>();
  for (const r of list.resources ?? []) {
    const [base, sub] = String(r.name).split('/');
    if (sub) (subs.get(base) ?? subs.set(base, []).get(base)!).push({ name: sub, kind: r.kind, group: r.group ?? group, version: r.version ?? version, verbs: r.verbs ?? [] });
  }
  const out: ApiResource[] = [];
  for (const r of list.resources ?? []) {
    if (String(r.name).includes('/')) continue;
    out.push({
      group,
      version,
      resource: r.name,
      kind: r.kind,
      singular: r.singularName || String(r.kind).toLowerCase(),
      namespaced: !!r.namespaced,
      shortNames: r.shortNames ?? [],
      categories: r.categories ?? [],
      verbs: r.verbs ?? [],
      subresources: subs.get(r.name) ?? [],
      preferred,
    });
  }
  return out;
}

async function freshJson(loc: DiscoveryCacheLocation, path: string): Promise<J | undefined> {
  const st = await loc.fs.stat(path).catch(() => undefined);
  if (!st?.isFile || st.mtimeMs === undefined || loc.now() > st.mtimeMs + discoveryCacheTTLMs) return undefined;
  return JSON.parse(new TextDecoder().decode(await loc.fs.readFile(path))) as J;
}

/** The cached discovery, or undefined when any file is missing, stale or unreadable. */
export async function readDiscoveryCache(loc: DiscoveryCacheLocation): Promise<DiscoveryResult | undefined> {
  try {
    const groupList = await freshJson(loc, `${loc.dir}/servergroups.json`);
    if (!groupList || !Array.isArray(groupList.groups)) return undefined;
    const result: DiscoveryResult = { groups: [], resources: [] };
    for (const g of groupList.groups as J[]) {
      const versions: string[] = (g.versions ?? []).map((v: J) => String(v.version));
      const preferredVersion = String(g.preferredVersion?.version ?? versions[0]);
      result.groups.push({ name: String(g.name ?? ''), versions, preferredVersion });
      for (const v of versions) {
        const list = await freshJson(loc, `${loc.dir}/${gvPath(String(g.name ?? ''), v)}/serverresources.json`);
        if (!list) return undefined;
        result.resources.push(...fromResourceList(list, String(g.name ?? ''), v, v === preferredVersion));
      }
    }
    return result;
  } catch {
    return undefined;
  }
}

/** Writes the cache as kubectl does (folders 0750, files 0660); failures only cost the next run a fetch. */
export async function writeDiscoveryCache(loc: DiscoveryCacheLocation, result: DiscoveryResult): Promise<void> {
  try {
    await loc.fs.mkdir(loc.dir, { recursive: true, mode: 0o750 });
    for (const g of result.groups) {
      for (const v of g.versions) {
        const dir = `${loc.dir}/${gvPath(g.name, v)}`;
        await loc.fs.mkdir(dir, { recursive: true, mode: 0o750 });
        await loc.fs.writeFile(`${dir}/serverresources.json`, `${JSON.stringify(toResourceList(result, g.name, v))}\n`, { mode: 0o660 });
      }
    }
    // Last: its presence means the group version files are complete.
    await loc.fs.writeFile(`${loc.dir}/servergroups.json`, `${JSON.stringify(toGroupList(result))}\n`, { mode: 0o660 });
  } catch {
    // A read-only home: the next run fetches again.
  }
}
