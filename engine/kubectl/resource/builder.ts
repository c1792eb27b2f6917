// The resource builder: turns what the user named (TYPE NAME…, TYPE/NAME…, TYPE1,TYPE2, `all`,
// -f files, -l/--field-selector, --all) into Infos (mapping, namespace, name, object), with
// kubectl's argument rules, error texts and error aggregation.
// Upstream: kubernetes/cli-runtime pkg/resource/builder.go (ResourceTypeOrNameArgs,
// visitorResult, visitBySelector, visitByResource, visitByName, visitByPaths, Do),
// visitor.go (SetNamespace, RequireNamespace, FilterNamespace, RetrieveLatest, FlattenListVisitor),
// selector.go (Selector.Visit), mapper.go (infoForData).

import type { Factory } from '../factory';
import type { RestClient } from '../client/rest-client';
import { resourcePath, type RestMapper, type RestMapping } from '../client/rest-mapper';
import { AggregateError_, KubectlError, StatusError } from '../errors';
import { goQuote } from '../cli/flags';
import type { KubeObject } from '../printers/name-printer';
import { decodeStreamPartial, expandFilenames, type ManifestDoc } from './manifest';

export interface Info {
  mapping: RestMapping;
  /** '' for cluster-scoped objects (and across all namespaces for lists). */
  namespace: string;
  name: string;
  object?: KubeObject;
  /** The file the object came from (error messages: `error when creating "x.yaml"`). */
  source?: string;
}

export interface BuildOptions {
  args?: string[];
  filenames?: string[];
  recursive?: boolean;
  kustomize?: string;
  namespace: string;
  /** -n was given: objects from files in another namespace are an error. */
  enforceNamespace?: boolean;
  allNamespaces?: boolean;
  labelSelector?: string;
  fieldSelector?: string;
  selectAll?: boolean;
  /** ResourceTypeOrNameArgs(allowEmptySelector): a bare type lists everything. */
  allowEmptySelector?: boolean;
  singleResourceType?: boolean;
  /** Re-read objects loaded from files from the server. */
  latest?: boolean;
  /** Fetch objects named by arguments (RetrieveLazy); default true. */
  requireObject?: boolean;
  continueOnError?: boolean;
  flatten?: boolean;
  chunkSize?: number;
  /** Accept header and extra query for GET/LIST (get's server-side Table printing). */
  accept?: string;
  query?: Record<string, string>;
  subresource?: string;
  /** Only resolve arguments, never contact the server for objects (--local). */
  local?: boolean;
  /** --validate strict|warn: the client-side checks before decoding (apiVersion/kind set). */
  validate?: boolean;
}

export interface BuildResult {
  infos: Info[];
  /** Errors met while visiting (ContinueOnError); builder errors throw instead. */
  errors: unknown[];
  singleItemImplied: boolean;
  /** Names, resource/name tuples or files (not a list by type or selector). */
  targetsSingleItems: boolean;
}

const missingResourceError =
  "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'";

/** The builder's `missingResourceError` is a usage error in kubectl (IsUsageError). */
export class MissingResourceError extends KubectlError {
  constructor() {
    super(missingResourceError);
  }
}

export class BuilderError extends KubectlError {}

// Upstream: builder.go SplitResourceArgument — comma list, duplicates dropped.
export function splitResourceArgument(arg: string): string[] {
  return [...new Set(arg.split(','))];
}

function normalizeMultipleResourcesArgs(args: string[]): string[] {
  if (args.length >= 2) {
    const resources = splitResourceArgument(args[0]);
    if (resources.length > 1) return resources.flatMap((r) => args.slice(1).map((n) => `${r}/${n}`));
  }
  return args;
}

function hasCombinedTypeArgs(args: string[]): boolean {
  const slashes = args.filter((a) => a.includes('/')).length;
  if (slashes > 0 && slashes !== args.length) {
    throw new BuilderError(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
  }
  return slashes > 0;
}

function splitResourceTypeName(s: string): { resource: string; name: string } | undefined {
  if (!s.includes('/')) return undefined;
  const seg = s.split('/');
  if (seg.length !== 2) throw new BuilderError('arguments in resource/name form may not have more than one slash');
  const [resource, name] = seg;
  if (!resource || !name || splitResourceArgument(resource).length !== 1) {
    throw new BuilderError('arguments in resource/name form must have a single resource and name');
  }
  return { resource, name };
}

/** HasNames: whether the arguments name objects (not just types). */
export function hasNames(args: string[]): boolean {
  const a = normalizeMultipleResourcesArgs(args);
  return hasCombinedTypeArgs(a) || a.length > 1;
}

function replaceAliases(mapper: RestMapper, input: string): string {
  return input
    .split(',')
    .map((arg) => {
      const expanded = mapper.expandCategory(arg);
      if (!expanded) return arg;
      return expanded.map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource)).join(',');
    })
    .join(',');
}

/** Sets the item's kind/apiVersion from its list, as the unstructured list decoder does. */
export function listItems(list: KubeObject): KubeObject[] {
  const kind = (list.kind ?? '').replace(/List$/, '');
  return (list.items ?? []).map((it) => ({ apiVersion: list.apiVersion, kind, ...it }));
}

function isList(o: KubeObject | undefined): boolean {
  return !!o && Array.isArray(o.items) && (/List$/.test(o.kind ?? '') || o.kind === undefined);
}

export class ResourceBuilder {
  constructor(
    private readonly factory: Factory,
    private readonly o: BuildOptions,
  ) {}

  // Upstream: builder.go Do(): argument parsing errors first, then one visitor kind.
  async build(): Promise<BuildResult> {
    const o = this.o;
    const errs: Error[] = [];
    const filenames = o.filenames ?? [];
    if (filenames.length > 0 && o.kustomize) errs.push(new BuilderError('only one of -f or -k can be specified'));
    if (o.kustomize && o.recursive) errs.push(new BuilderError("the -k flag can't be used with -f or -R"));
    if (o.kustomize) errs.push(new BuilderError("kustomize (-k) is not supported by Kubelab's kubectl"));
    let labelSelector = o.labelSelector?.trim() || undefined;
    const fieldSelector = o.fieldSelector?.trim() || undefined;
    if (o.selectAll && (labelSelector || fieldSelector)) errs.push(new BuilderError("setting 'all' parameter but found a non empty selector. "));
    const namespace = o.allNamespaces ? '' : o.namespace;

    let paths: Awaited<ReturnType<typeof expandFilenames>> | undefined;
    if (filenames.length > 0) {
      paths = await expandFilenames(this.factory.io, filenames, !!o.recursive);
      errs.push(...paths.errors);
    }

    // ResourceTypeOrNameArgs
    // kubectl's memcached discovery logs one failure per lookup: 5 for a builder-based command.
    // A type the cached discovery does not know reruns the lookups against fresh discovery.
    return this.factory.withMapper(async (mapper) => {
      const errors = [...errs];
      let resources: string[] = [];
      let names: string[] = [];
      const tuples: { resource: string; name: string }[] = [];
      let args = normalizeMultipleResourcesArgs([...(o.args ?? [])]);
      try {
        if (hasCombinedTypeArgs(args)) {
          for (const a of args) tuples.push(splitResourceTypeName(a)!);
          args = [];
        }
      } catch (e) {
        errors.push(e as Error);
        args = [];
      }
      if (args.length > 0) args[0] = replaceAliases(mapper, args[0]);
      if (args.length >= 2) {
        names = args.slice(1);
        resources = splitResourceArgument(args[0]);
      } else if (args.length === 1) {
        resources = splitResourceArgument(args[0]);
        if (labelSelector === undefined && o.allowEmptySelector) labelSelector = '';
      }
      if (errors.length > 0) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
      if (o.selectAll) labelSelector = '';

      if (paths) {
        if (resources.length) throw new BuilderError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
        if (names.length) throw new BuilderError('name cannot be provided when a path is specified');
        if (tuples.length) throw new BuilderError('resource/name arguments cannot be provided when a path is specified');
        return this.visitPaths(mapper, paths.sources, namespace, paths.singleItemImplied && !paths.dir, labelSelector);
      }
      if (labelSelector !== undefined || fieldSelector !== undefined) {
        if (names.length) throw new BuilderError('name cannot be provided when a selector is specified');
        if (tuples.length) throw new BuilderError('selectors and the all flag cannot be used when passing resource/name arguments');
        if (!resources.length) throw new BuilderError('at least one resource must be specified to use a selector');
        if (o.subresource) throw new BuilderError('subresource cannot be used when bulk resources are specified');
        return this.visitSelector(this.mappings(mapper, resources), namespace, labelSelector, fieldSelector);
      }
      if (tuples.length) {
        if (resources.length) throw new BuilderError('you may not specify individual resources and bulk resources in the same call');
        const byArg = new Map<string, RestMapping>();
        for (const t of tuples) if (!byArg.has(t.resource)) byArg.set(t.resource, mapper.mappingFor(t.resource));
        const canonical = new Set([...byArg.values()].map((m) => `${m.group}/${m.version}/${m.resource}`));
        if (canonical.size > 1 && o.singleResourceType) throw new BuilderError('you may only specify a single resource type');
        const infos = tuples.map((t) => this.namedInfo(byArg.get(t.resource)!, namespace, t.name));
        return this.fetchNamed(infos, tuples.length === 1);
      }
      if (names.length) {
        if (resources.length > 1) throw new BuilderError('you must specify only one resource');
        const [mapping] = this.mappings(mapper, resources);
        const infos = names.map((n) => this.namedInfo(mapping, namespace, n));
        return this.fetchNamed(infos, names.length === 1);
      }
      if (resources.length) {
        for (const r of resources) mapper.mappingFor(r);
        throw new BuilderError('resource(s) were provided, but no name was specified');
      }
      throw new MissingResourceError();
    }, 5);
  }

  private mappings(mapper: RestMapper, resources: string[]): RestMapping[] {
    if (resources.length > 1 && this.o.singleResourceType) throw new BuilderError('you may only specify a single resource type');
    const out: RestMapping[] = [];
    const seen = new Set<string>();
    for (const r of resources) {
      const m = mapper.mappingFor(r);
      const key = `${m.group}/${m.version}/${m.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(m);
    }
    return out;
  }

  private namedInfo(mapping: RestMapping, namespace: string, name: string): Info {
    if (mapping.namespaced && !namespace) {
      throw new BuilderError(
        this.o.allNamespaces ? 'a resource cannot be retrieved by name across all namespaces' : 'namespace may not be empty when retrieving a resource by name',
      );
    }
    return { mapping, namespace: mapping.namespaced ? namespace : '', name };
  }

  private async client(): Promise<RestClient> {
    return this.factory.client();
  }

  /** GET one object (with the builder's Accept header and subresource). */
  async get(info: Info): Promise<KubeObject> {
    const client = await this.client();
    return client.json<KubeObject>({
      path: resourcePath(info.mapping, info.namespace, info.name, this.o.subresource),
      accept: this.o.accept,
      query: this.o.query,
    });
  }

  private async fetchNamed(infos: Info[], singleItemImplied: boolean): Promise<BuildResult> {
    const errors: unknown[] = [];
    const out: Info[] = [];
    if (this.o.requireObject === false || this.o.local) return { infos, errors, singleItemImplied, targetsSingleItems: true };
    for (const info of infos) {
      try {
        info.object = await this.get(info);
        out.push(info);
      } catch (e) {
        if (!this.o.continueOnError) throw e;
        errors.push(e);
      }
    }
    return { infos: out, errors, singleItemImplied, targetsSingleItems: true };
  }

  // Upstream: selector.go Selector.Visit — one LIST per mapping, following `continue`.
  private async visitSelector(mappings: RestMapping[], namespace: string, labelSelector: string | undefined, fieldSelector: string | undefined): Promise<BuildResult> {
    const client = await this.client();
    const infos: Info[] = [];
    const errors: unknown[] = [];
    for (const mapping of mappings) {
      const ns = mapping.namespaced ? namespace : '';
      let cont: string | undefined;
      try {
        do {
          const query: Record<string, string> = { ...(this.o.query ?? {}) };
          if (labelSelector) query.labelSelector = labelSelector;
          if (fieldSelector) query.fieldSelector = fieldSelector;
          if (this.o.chunkSize && this.o.chunkSize > 0) query.limit = String(this.o.chunkSize);
          if (cont) query.continue = cont;
          const list = await client.json<KubeObject>({ path: resourcePath(mapping, ns), accept: this.o.accept, query });
          cont = (list.metadata as { continue?: string } | undefined)?.continue || undefined;
          if (this.o.flatten && isList(list)) {
            for (const item of listItems(list)) {
              infos.push({ mapping, namespace: item.metadata?.namespace ?? '', name: item.metadata?.name ?? '', object: item });
            }
          } else {
            infos.push({ mapping, namespace: ns, name: '', object: list });
          }
        } while (cont);
      } catch (e) {
        if (!this.o.continueOnError) throw e;
        errors.push(e);
      }
    }
    return { infos, errors, singleItemImplied: false, targetsSingleItems: false };
  }

  // Upstream: builder.go visitByPaths + StreamVisitor + mapper.infoForData + Do's helpers.
  private async visitPaths(
    mapper: RestMapper,
    sources: Awaited<ReturnType<typeof expandFilenames>>['sources'],
    namespace: string,
    singleItemImplied: boolean,
    labelSelector: string | undefined,
  ): Promise<BuildResult> {
    const infos: Info[] = [];
    const errors: unknown[] = [];
    const fail = (e: unknown) => {
      if (!this.o.continueOnError) throw e;
      errors.push(e);
    };
    // Each source is read, decoded and visited in order; a syntax error ends that source only.
    const objects: { obj: KubeObject; source: string; raw: string; error?: unknown }[] = [];
    for (const src of sources) {
      let text: string;
      try {
        text = await src.read();
      } catch (e) {
        objects.push({ obj: {}, source: src.source, raw: '', error: e });
        continue;
      }
      const { docs, error } = await decodeStreamPartial(text, src.source);
      for (const d of docs as ManifestDoc[]) {
        const invalid = this.o.validate ? validationError(d) : undefined;
        if (invalid) {
          objects.push({ obj: d.object, source: d.source, raw: d.raw, error: invalid });
          continue;
        }
        // FlattenListVisitor: `kind: List` (or any *List with items) becomes its items.
        if (isList(d.object) && this.o.flatten !== false) {
          for (const it of d.object.items ?? []) objects.push({ obj: it, source: d.source, raw: JSON.stringify(it) });
        } else objects.push({ obj: d.object, source: d.source, raw: d.raw });
      }
      if (error) objects.push({ obj: {}, source: src.source, raw: '', error });
    }
    for (const { obj, source, raw, error } of objects) {
      try {
        if (error) throw error;
        if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new KubectlError(`error parsing ${source}: json: cannot unmarshal ${Array.isArray(obj) ? 'array' : typeof obj} into Go value of type map[string]interface {}`);
        if (!obj.kind) throw new KubectlError(`unable to decode ${goQuote(source)}: Object 'Kind' is missing in '${raw}'`);
        const typeError = metadataTypeError(obj);
        if (typeError) throw new KubectlError(`unable to decode ${goQuote(source)}: ${typeError}`);
        // Without apiVersion the kind is looked up in the core group (the decoder only needs a kind).
        let mapping = mapper.mappingForKind(obj.apiVersion || 'v1', obj.kind);
        if (!mapping) {
          // Not in the cached discovery: ask the server once (the kind's CRD may be new).
          const fresh = await this.factory.freshMapper(5);
          if (fresh) {
            mapper = fresh;
            mapping = mapper.mappingForKind(obj.apiVersion || 'v1', obj.kind);
          }
        }
        const name = obj.metadata?.name ?? '';
        const objNs = obj.metadata?.namespace ?? '';
        if (!mapping) {
          const apiVersion = obj.apiVersion ?? '';
          const [g, v] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
          const gvText = g ? `${g}/${v}` : v;
          throw new KubectlError(
            `resource mapping not found for name: ${goQuote(name)} namespace: ${goQuote(objNs)} from ${goQuote(source)}: no matches for kind ${goQuote(obj.kind)} in version ${goQuote(gvText)}\nensure CRDs are installed first`,
          );
        }
        const info: Info = { mapping, namespace: objNs, name, object: obj, source };
        // Upstream: mapper.go infoForData leaves Mapping nil for --local, so SetNamespace and
        // RequireNamespace see nothing namespaced: the object prints as the file has it.
        if (!this.o.local) this.applyNamespace(info, namespace);
        if (labelSelector && !(await matchesSelector(obj, labelSelector))) continue;
        if (this.o.latest && name) {
          if (mapping.namespaced && !info.namespace) throw new KubectlError(`no namespace set on resource ${mapping.resource}.${mapping.group} ${goQuote(name)}`);
          info.object = await this.get(info);
        }
        infos.push(info);
      } catch (e) {
        fail(e);
      }
    }
    return { infos, errors, singleItemImplied: singleItemImplied && objects.length === 1, targetsSingleItems: true };
  }

  // Upstream: visitor.go SetNamespace / RequireNamespace / FilterNamespace.
  private applyNamespace(info: Info, namespace: string): void {
    const obj = info.object!;
    if (!info.mapping.namespaced) {
      info.namespace = '';
      if (obj.metadata && 'namespace' in obj.metadata) delete obj.metadata.namespace;
      return;
    }
    if (!info.namespace) {
      info.namespace = namespace;
      if (namespace) obj.metadata = { ...(obj.metadata ?? {}), namespace };
      return;
    }
    if (this.o.enforceNamespace && info.namespace !== namespace) {
      throw new KubectlError(
        `the namespace from the provided object ${goQuote(info.namespace)} does not match the namespace ${goQuote(namespace)}. You must pass '--namespace=${info.namespace}' to perform this operation.`,
      );
    }
  }
}

// Upstream: kubectl pkg/validation/validation.go (ValidateBytes: apiVersion/kind must be set).
function validationError(d: ManifestDoc): Error | undefined {
  const errs: string[] = [];
  if (!d.object || typeof d.object !== 'object' || Array.isArray(d.object)) return undefined;
  if (!d.object.apiVersion) errs.push('apiVersion not set');
  if (!d.object.kind) errs.push('kind not set');
  if (!errs.length) return undefined;
  const what = errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
  return new KubectlError(
    `error validating ${goQuote(d.source)}: error validating data: ${what}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

// Upstream: cli-runtime metadataValidatingDecoder — metadata decodes into a typed ObjectMeta.
function metadataTypeError(obj: KubeObject): string | undefined {
  const goType = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) ? 'array' : typeof v === 'boolean' ? 'bool' : typeof v === 'object' ? 'object' : typeof v);
  const meta = obj.metadata as Record<string, unknown> | undefined;
  if (!meta) return undefined;
  for (const field of ['labels', 'annotations']) {
    const m = meta[field];
    if (!m || typeof m !== 'object') continue;
    for (const v of Object.values(m as Record<string, unknown>)) {
      const t = goType(v);
      if (t && t !== 'string') return `json: cannot unmarshal ${t} into Go struct field ObjectMeta.metadata.${field} of type string`;
    }
  }
  for (const field of ['name', 'namespace', 'generateName']) {
    const t = goType(meta[field]);
    if (t && t !== 'string') return `json: cannot unmarshal ${t} into Go struct field ObjectMeta.metadata.${field} of type string`;
  }
  return undefined;
}

/** Client-side label selector match for objects from files (FilterByLabelSelector). */
async function matchesSelector(obj: KubeObject, selector: string): Promise<boolean> {
  const { parseSelector, matches } = await import('../../api/label-selector');
  return matches(parseSelector(selector), (obj.metadata?.labels as Record<string, string> | undefined) ?? {});
}

/** True when the error is a NotFound Status. */
export function isNotFoundError(e: unknown): boolean {
  return e instanceof StatusError && (e.reason === 'NotFound' || e.code === 404);
}
