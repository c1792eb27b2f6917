// The set of served resource kinds, looked up the ways the REST layer needs.
import { storeKey, type ResourceDefinition, type ServedVersion } from './resource-definition';

export class Registry {
  private readonly byPath = new Map<string, { def: ResourceDefinition; version: ServedVersion }>();
  private readonly byKind = new Map<string, ResourceDefinition>();
  private readonly byStoreKey = new Map<string, ResourceDefinition>();

  constructor(readonly definitions: ResourceDefinition[]) {
    for (const def of definitions) {
      for (const v of def.versions) this.byPath.set(`${def.group}/${v.version}/${def.plural}`, { def, version: v });
      this.byKind.set(`${def.group}/${def.kind}`, def);
      if (!this.byStoreKey.has(storeKey(def))) this.byStoreKey.set(storeKey(def), def);
    }
  }

  /** The definition served at /apis/<group>/<version>/<plural>. */
  lookup(group: string, version: string, plural: string): { def: ResourceDefinition; version: ServedVersion } | undefined {
    return this.byPath.get(`${group}/${version}/${plural}`);
  }

  byGroupKind(group: string, kind: string): ResourceDefinition | undefined {
    return this.byKind.get(`${group}/${kind}`);
  }

  /** Resolves an apiVersion + kind pair (as in ownerReferences) to its definition. */
  byApiVersionKind(apiVersion: string, kind: string): ResourceDefinition | undefined {
    const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
    return this.byGroupKind(group, kind);
  }

  byKey(key: string): ResourceDefinition | undefined {
    return this.byStoreKey.get(key);
  }

  /** Group -> versions (preferred first), in the order discovery lists them. */
  groups(): { group: string; versions: string[] }[] {
    const order: string[] = [];
    const versions = new Map<string, string[]>();
    for (const def of this.definitions) {
      if (!versions.has(def.group)) {
        versions.set(def.group, []);
        order.push(def.group);
      }
      const list = versions.get(def.group)!;
      for (const v of def.versions) if (!list.includes(v.version)) list.push(v.version);
    }
    return order.map((group) => ({ group, versions: sortVersions(versions.get(group)!) }));
  }

  resourcesIn(group: string, version: string): { def: ResourceDefinition; version: ServedVersion }[] {
    const out: { def: ResourceDefinition; version: ServedVersion }[] = [];
    for (const def of this.definitions) {
      if (def.group !== group) continue;
      const v = def.versions.find((x) => x.version === version);
      if (v) out.push({ def, version: v });
    }
    return out;
  }
}

/** Kubernetes version priority: GA > beta > alpha, higher numbers first. */
export function sortVersions(vs: string[]): string[] {
  const rank = (v: string) => {
    const m = /^v(\d+)(?:(alpha|beta)(\d+))?$/.exec(v);
    if (!m) return [0, 0, 0];
    const stage = m[2] === 'alpha' ? 1 : m[2] === 'beta' ? 2 : 3;
    return [stage, Number(m[1]), Number(m[3] ?? 0)];
  };
  return [...vs].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    for (let i = 0; i < 3; i++) if (ra[i] !== rb[i]) return rb[i] - ra[i];
    return 0;
  });
}
