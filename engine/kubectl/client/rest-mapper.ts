// Resolving what the user typed (`deploy`, `deployments.v1.apps`, `Deployment`, `all`)
// to a resource, as kubectl's builder does with its shortcut-expanding, priority-ordered
// REST mapper. Upstream: kubernetes/cli-runtime pkg/resource/builder.go (mappingFor),
// apimachinery pkg/runtime/schema (ParseResourceArg, ParseKindArg),
// client-go restmapper/shortcut.go, discovery.go (PriorityRESTMapper), category_expansion.go.

import { KubectlError } from '../errors';
import { goQuote } from '../cli/flags';
import type { ApiResource, DiscoveryResult } from './discovery';

export type RestMapping = ApiResource;

/** No resource matches what was typed (a stale discovery cache is refreshed and asked again). */
export class NoResourceMatchError extends KubectlError {}

export class RestMapper {
  constructor(private readonly d: DiscoveryResult) {}

  /** Resources ordered as the priority mapper prefers them: group order, preferred version first. */
  private ordered(): ApiResource[] {
    const groupIndex = new Map(this.d.groups.map((g, i) => [g.name, i]));
    return [...this.d.resources].sort((a, b) => {
      const ga = groupIndex.get(a.group) ?? 1e9;
      const gb = groupIndex.get(b.group) ?? 1e9;
      if (ga !== gb) return ga - gb;
      if (a.preferred !== b.preferred) return a.preferred ? -1 : 1;
      return 0;
    });
  }

  private byResource(resource: string, group?: string, version?: string): ApiResource | undefined {
    const r = resource.toLowerCase();
    const all = this.ordered().filter((x) => (group === undefined || x.group === group) && (version === undefined || x.version === version));
    // Shortcut expansion first (restmapper.shortcutExpander), then plural/singular names.
    const short = all.find((x) => x.shortNames.includes(r));
    if (short) return short;
    return all.find((x) => x.resource === r) ?? all.find((x) => x.singular === r);
  }

  private byKind(kind: string, group?: string, version?: string): ApiResource | undefined {
    return this.ordered().find(
      (x) => x.kind.toLowerCase() === kind.toLowerCase() && (group === undefined || x.group === group) && (version === undefined || x.version === version),
    );
  }

  // Upstream: builder.go mappingFor.
  mappingFor(arg: string): RestMapping {
    const dots = arg.split('.');
    if (dots.length >= 3) {
      const [resource, version, ...rest] = dots;
      const m = this.byResource(resource, rest.join('.'), version);
      if (m) return m;
    }
    const dot = arg.indexOf('.');
    const groupResource = dot >= 0 ? { resource: arg.slice(0, dot), group: arg.slice(dot + 1) } : { resource: arg, group: undefined };
    const m = this.byResource(groupResource.resource, groupResource.group);
    if (m) return m;
    // ParseKindArg: Kind.version.group, then Kind.group.
    if (dots.length >= 3) {
      const k = this.byKind(dots[0], dots.slice(2).join('.'), dots[1]);
      if (k) return k;
    }
    const k = this.byKind(groupResource.resource, groupResource.group);
    if (k) return k;
    throw new NoResourceMatchError(`the server doesn't have a resource type ${goQuote(groupResource.resource)}`);
  }

  /** The mapping for a Kind from a manifest (apiVersion + kind). */
  mappingForKind(apiVersion: string, kind: string): RestMapping | undefined {
    const i = apiVersion.indexOf('/');
    const group = i < 0 ? '' : apiVersion.slice(0, i);
    const version = i < 0 ? apiVersion : apiVersion.slice(i + 1);
    return this.ordered().find((x) => x.kind === kind && x.group === group && x.version === version);
  }

  /** Category expansion (`all`): preferred versions only, in discovery order. */
  expandCategory(name: string): RestMapping[] | undefined {
    const out = this.ordered().filter((x) => x.preferred && x.categories.includes(name));
    return out.length ? out : undefined;
  }
}

/** The URL path of a resource collection or object. */
export function resourcePath(m: RestMapping, namespace?: string, name?: string, subresource?: string): string {
  let p = m.group === '' ? `/api/${m.version}` : `/apis/${m.group}/${m.version}`;
  if (m.namespaced && namespace) p += `/namespaces/${namespace}`;
  p += `/${m.resource}`;
  if (name !== undefined) p += `/${name}`;
  if (subresource) p += `/${subresource}`;
  return p;
}
