// The OpenAPI v3 documents the API server serves: the `/openapi/v3` index and one document per
// group-version, in the shape kube-apiserver publishes (kubernetes/kube-openapi pkg/handler3,
// kubernetes/apiserver pkg/endpoints/openapi). Real kubectl reads them for `explain`, for the
// server-side field validation check (a PATCH operation with a `fieldValidation` query parameter,
// cli-runtime pkg/resource/query_param_verifier_v3.go) and for strategic-merge-patch metadata.
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  definition,
  definitionForGVK,
  definitions,
  refName,
  SCHEMA_REF_PREFIX,
  type GroupVersionKind,
  type Schema,
} from './schemas';

/** One served resource, as the registry describes it. */
export interface ServedResource {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  /** Discovery verbs: get, list, watch, create, update, patch, delete, deletecollection. */
  verbs: readonly string[];
  /** Subresource names; `status` and `scale` get paths, others are not described. */
  subresources?: readonly string[];
  /** Definition name of the kind, when it cannot be found by its group/version/kind. */
  schema?: string;
}

export interface OpenAPIIndex {
  paths: Record<string, { serverRelativeURL: string }>;
}

export interface OpenAPIDocument {
  openapi: '3.0.0';
  info: { title: string; version: string };
  paths: Record<string, PathItem>;
  components: { schemas: Record<string, Schema> };
}

export interface PathItem {
  parameters?: Parameter[];
  get?: Operation;
  put?: Operation;
  post?: Operation;
  patch?: Operation;
  delete?: Operation;
}

export interface Operation {
  description: string;
  operationId: string;
  tags: string[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }>; required?: boolean };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
  /** Absent only on the group-version root (`GET /apis/apps/v1/`). */
  'x-kubernetes-action'?: string;
  'x-kubernetes-group-version-kind'?: GroupVersionKind;
}

export interface Parameter {
  name: string;
  in: 'query' | 'path';
  description: string;
  required?: boolean;
  schema: { type: string; uniqueItems: true };
}

export interface GroupVersionDocument {
  /** Index key: `api/v1`, `apis/apps/v1`. */
  path: string;
  hash: string;
  document: OpenAPIDocument;
  /** The document serialized once, ready to send. */
  json: string;
}

export interface OpenAPIV3 {
  index: OpenAPIIndex;
  indexJSON: string;
  documents: ReadonlyMap<string, GroupVersionDocument>;
  /** Served kinds that have no definition in the schema package (left out of the documents). */
  missing: GroupVersionKind[];
}

/** kube-apiserver's version string, as the documents' `info.version`. */
export const OPENAPI_INFO_VERSION = 'v1.32.4';

const cache = new Map<string, OpenAPIV3>();

/** Builds (once per distinct input, then memoized) the index and the per-group-version documents. */
export function buildOpenAPIV3(resources: readonly ServedResource[]): OpenAPIV3 {
  const key = JSON.stringify(resources);
  let built = cache.get(key);
  if (!built) {
    built = build(resources);
    if (cache.size > 8) cache.clear();
    cache.set(key, built);
  }
  return built;
}

/** `api/v1` for the core group, `apis/<group>/<version>` otherwise. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

export interface OpenAPIHttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// Upstream: kube-openapi pkg/handler3/handler.go (ServeGroupVersion: a stale hash redirects to the
// current one; a matching hash is immutable).
/**
 * Answers `GET /openapi/v3` and `GET /openapi/v3/<gv path>?hash=…`; undefined for any other path.
 * `pathname` is the URL path, `query` its search parameters.
 */
export function serveOpenAPIV3(
  resources: readonly ServedResource[],
  pathname: string,
  query: URLSearchParams,
): OpenAPIHttpResponse | undefined {
  if (pathname !== '/openapi/v3' && !pathname.startsWith('/openapi/v3/')) return undefined;
  const api = buildOpenAPIV3(resources);
  const sub = pathname.slice('/openapi/v3'.length).replace(/^\/+|\/+$/g, '');
  if (sub === '') {
    return { status: 200, headers: { 'Content-Type': 'application/json' }, body: api.indexJSON };
  }
  const doc = api.documents.get(sub);
  if (!doc) return { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: '404 page not found\n' };
  const hash = query.get('hash');
  if (hash && hash !== doc.hash) {
    const location = `/openapi/v3/${sub}?hash=${doc.hash}`;
    return { status: 301, headers: { Location: location, 'Content-Type': 'text/html; charset=utf-8' }, body: `<a href="${location}">Moved Permanently</a>.\n\n` };
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Etag: `"${doc.hash}"` };
  if (hash) {
    headers['Cache-Control'] = 'public, immutable';
    headers.Expires = 'Fri, 01 Jan 2100 00:00:00 GMT';
  } else {
    headers['Cache-Control'] = 'no-cache, private';
  }
  return { status: 200, headers, body: doc.json };
}

/**
 * A route handler for the API server (engine/api/server.ts `addRoute`): answers GET/HEAD under
 * /openapi/v3 and returns false for anything else. `resources` is read on each request, so the
 * documents follow the registry (they are rebuilt only when the list changes).
 */
export function openAPIV3Route(resources: () => readonly ServedResource[]) {
  return (req: IncomingMessage, res: ServerResponse, url: URL): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const r = serveOpenAPIV3(resources(), url.pathname, url.searchParams);
    if (!r) return false;
    res.writeHead(r.status, { ...r.headers, 'Content-Length': String(Buffer.byteLength(r.body)) });
    res.end(req.method === 'HEAD' ? undefined : r.body);
    return true;
  };
}

// ---- building ----------------------------------------------------------------------------------

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const STATUS = `${META}.Status`;
const DELETE_OPTIONS = `${META}.DeleteOptions`;
const PATCH = `${META}.Patch`;
const API_RESOURCE_LIST = `${META}.APIResourceList`;
const WATCH_EVENT = `${META}.WatchEvent`;
const SCALE = 'io.k8s.api.autoscaling.v1.Scale';

function build(resources: readonly ServedResource[]): OpenAPIV3 {
  const byGV = new Map<string, ServedResource[]>();
  const missing: GroupVersionKind[] = [];
  for (const r of resources) {
    if (!kindSchema(r)) {
      missing.push({ group: r.group, version: r.version, kind: r.kind });
      continue;
    }
    const path = groupVersionPath(r.group, r.version);
    const list = byGV.get(path) ?? [];
    list.push(r);
    byGV.set(path, list);
  }
  const documents = new Map<string, GroupVersionDocument>();
  const index: OpenAPIIndex = { paths: {} };
  for (const path of [...byGV.keys()].sort()) {
    const rs = byGV.get(path)!;
    const document = groupVersionDocument(rs[0].group, rs[0].version, rs);
    const json = JSON.stringify(document);
    const hash = createHash('sha512').update(json).digest('hex').toUpperCase();
    documents.set(path, { path, hash, document, json });
    index.paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { index, indexJSON: JSON.stringify(index), documents, missing };
}

function kindSchema(r: ServedResource): string | undefined {
  if (r.schema) return definition(r.schema) ? r.schema : undefined;
  return definitionForGVK({ group: r.group, version: r.version, kind: r.kind });
}

function groupVersionDocument(group: string, version: string, resources: readonly ServedResource[]): OpenAPIDocument {
  const gvName = operationGroupVersion(group, version);
  const tag = `${group === '' ? 'core' : group.replace(/\.k8s\.io$/, '').replace(/\./g, '_')}_${version}`;
  const prefix = `/${groupVersionPath(group, version)}`;
  const paths: Record<string, PathItem> = {};
  const roots = new Set<string>([STATUS, DELETE_OPTIONS, PATCH, API_RESOURCE_LIST, WATCH_EVENT]);

  paths[`${prefix}/`] = {
    get: {
      description: 'get available resources',
      operationId: `get${gvName}APIResources`,
      tags: [tag],
      responses: { '200': ok(API_RESOURCE_LIST), '401': unauthorized() },
    },
  };

  for (const r of [...resources].sort((a, b) => a.plural.localeCompare(b.plural))) {
    const kindDef = kindSchema(r)!;
    roots.add(kindDef);
    const listDef = definitionForGVK({ group, version, kind: `${r.kind}List` });
    if (listDef) roots.add(listDef);
    const gvk: GroupVersionKind = { group, version, kind: r.kind };
    const ns = r.namespaced ? 'Namespaced' : '';
    const base = r.namespaced ? `${prefix}/namespaces/{namespace}/${r.plural}` : `${prefix}/${r.plural}`;
    const nsParams = r.namespaced ? [pathParam('namespace', 'object name and auth scope, such as for teams and projects')] : [];
    const op = (verb: string, action: string, description: string, extra: Partial<Operation>, id = `${verb}${gvName}${ns}${r.kind}`): Operation => ({
      description,
      operationId: id,
      tags: [tag],
      ...extra,
      responses: extra.responses ?? {},
      'x-kubernetes-action': action,
      'x-kubernetes-group-version-kind': gvk,
    });
    const has = (v: string) => r.verbs.includes(v);

    if (r.namespaced && has('list')) {
      paths[`${prefix}/${r.plural}`] = {
        parameters: [queryParam('pretty')],
        get: op('list', 'list', `list or watch objects of kind ${r.kind}`, {
          parameters: LIST_PARAMS.map(queryParam),
          responses: { '200': ok(listDef ?? kindDef, LIST_CONTENT), '401': unauthorized() },
        }, `list${gvName}${r.kind}ForAllNamespaces`),
      };
    }
    const collection: PathItem = { parameters: [...nsParams, queryParam('pretty')] };
    if (has('list')) {
      collection.get = op('list', 'list', `list or watch objects of kind ${r.kind}`, {
        parameters: LIST_PARAMS.map(queryParam),
        responses: { '200': ok(listDef ?? kindDef, LIST_CONTENT), '401': unauthorized() },
      });
    }
    if (has('create')) {
      collection.post = op('create', 'post', `create a ${r.kind}`, {
        parameters: WRITE_PARAMS.map(queryParam),
        requestBody: body(kindDef),
        responses: { '200': ok(kindDef), '201': ok(kindDef, OBJECT_CONTENT, 'Created'), '202': ok(kindDef, OBJECT_CONTENT, 'Accepted'), '401': unauthorized() },
      });
    }
    if (has('deletecollection')) {
      collection.delete = op('delete', 'deletecollection', `delete collection of ${r.kind}`, {
        parameters: DELETE_COLLECTION_PARAMS.map(queryParam),
        requestBody: body(DELETE_OPTIONS),
        responses: { '200': ok(STATUS), '401': unauthorized() },
      }, `delete${gvName}Collection${ns}${r.kind}`);
    }
    if (collection.get || collection.post || collection.delete) paths[base] = collection;

    const item: PathItem = { parameters: [pathParam('name', `name of the ${r.kind}`), ...nsParams, queryParam('pretty')] };
    if (has('get')) item.get = op('read', 'get', `read the specified ${r.kind}`, { responses: { '200': ok(kindDef), '401': unauthorized() } });
    if (has('update')) item.put = replaceOp(op, 'replace', `replace the specified ${r.kind}`, kindDef, kindDef);
    if (has('patch')) item.patch = patchOp(op, `partially update the specified ${r.kind}`, kindDef);
    if (has('delete')) {
      item.delete = op('delete', 'delete', `delete a ${r.kind}`, {
        parameters: DELETE_PARAMS.map(queryParam),
        requestBody: body(DELETE_OPTIONS),
        responses: { '200': ok(STATUS), '202': ok(STATUS, OBJECT_CONTENT, 'Accepted'), '401': unauthorized() },
      });
    }
    if (item.get || item.put || item.patch || item.delete) paths[`${base}/{name}`] = item;

    for (const sub of r.subresources ?? []) {
      if (sub !== 'status' && sub !== 'scale') continue;
      const subDef = sub === 'scale' ? SCALE : kindDef;
      roots.add(subDef);
      const Sub = sub === 'scale' ? 'Scale' : 'Status';
      const subGVK: GroupVersionKind = sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : gvk;
      const subOp = (verb: string, action: string, description: string, extra: Partial<Operation>): Operation => ({
        ...op(verb, action, description, extra, `${verb}${gvName}${ns}${r.kind}${Sub}`),
        'x-kubernetes-group-version-kind': subGVK,
      });
      paths[`${base}/{name}/${sub}`] = {
        parameters: [pathParam('name', `name of the ${Sub}`), ...nsParams, queryParam('pretty')],
        get: subOp('read', 'get', `read ${sub} of the specified ${r.kind}`, { responses: { '200': ok(subDef), '401': unauthorized() } }),
        put: replaceOp(subOp, 'replace', `replace ${sub} of the specified ${r.kind}`, subDef, subDef),
        patch: patchOp(subOp, `partially update ${sub} of the specified ${r.kind}`, subDef),
      };
    }
  }

  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: OPENAPI_INFO_VERSION },
    paths,
    components: { schemas: reachable(roots) },
  };
}

type OpBuilder = (verb: string, action: string, description: string, extra: Partial<Operation>) => Operation;

function replaceOp(op: OpBuilder, verb: string, description: string, bodyDef: string, resultDef: string): Operation {
  return op(verb, 'put', description, {
    parameters: WRITE_PARAMS.map(queryParam),
    requestBody: body(bodyDef),
    responses: { '200': ok(resultDef), '201': ok(resultDef, OBJECT_CONTENT, 'Created'), '401': unauthorized() },
  });
}

function patchOp(op: OpBuilder, description: string, resultDef: string): Operation {
  const patch = { schema: ref(PATCH) };
  return op('patch', 'patch', description, {
    parameters: PATCH_PARAMS.map(queryParam),
    requestBody: {
      content: {
        'application/apply-patch+yaml': patch,
        'application/json-patch+json': patch,
        'application/merge-patch+json': patch,
        'application/strategic-merge-patch+json': patch,
      },
      required: true,
    },
    responses: { '200': ok(resultDef), '201': ok(resultDef, OBJECT_CONTENT, 'Created'), '401': unauthorized() },
  });
}

/** `apps` v1 -> `AppsV1`, `networking.k8s.io` v1 -> `NetworkingV1`, core -> `CoreV1` (operation ids). */
export function operationGroupVersion(group: string, version: string): string {
  const words = group === '' ? ['core'] : group.replace(/\.k8s\.io$/, '').split(/[.-]/);
  return words.map(capitalize).join('') + capitalize(version);
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const OBJECT_CONTENT = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const LIST_CONTENT = [...OBJECT_CONTENT, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];

function ref(name: string): Schema {
  return { $ref: SCHEMA_REF_PREFIX + name };
}

function ok(def: string, types: readonly string[] = OBJECT_CONTENT, description = 'OK') {
  return { description, content: Object.fromEntries(types.map((t) => [t, { schema: ref(def) }])) };
}

function unauthorized() {
  return { description: 'Unauthorized' };
}

function body(def: string) {
  return { content: { '*/*': { schema: ref(def) } }, required: true };
}

// Query parameters, by the operations that take them (kubernetes/apiserver pkg/endpoints/installer.go).
const PARAM_INFO: Record<string, [type: string, description: string]> = {
  pretty: ['string', "If 'true', then the output is pretty printed."],
  allowWatchBookmarks: ['boolean', 'Request watch events of type "BOOKMARK".'],
  continue: ['string', 'The continue token returned by a previous, limited list call.'],
  fieldSelector: ['string', 'A selector to restrict the list of returned objects by their fields.'],
  labelSelector: ['string', 'A selector to restrict the list of returned objects by their labels.'],
  limit: ['integer', 'The maximum number of responses to return for a list call.'],
  resourceVersion: ['string', 'A constraint on what resource versions a request may be served from.'],
  resourceVersionMatch: ['string', 'How resourceVersion is applied to list calls.'],
  sendInitialEvents: ['boolean', 'Begin a watch with synthetic events for the current state of the collection.'],
  timeoutSeconds: ['integer', 'Timeout for the list/watch call.'],
  watch: ['boolean', 'Watch for changes to the described resources.'],
  dryRun: ['string', 'When present, modifications are not persisted. Valid values: All.'],
  fieldManager: ['string', 'A name associated with the actor or entity that is making these changes.'],
  fieldValidation: ['string', 'How the server handles unknown or duplicate fields in the request body: Ignore, Warn or Strict.'],
  force: ['boolean', 'Force an Apply request: re-acquire fields owned by other managers.'],
  gracePeriodSeconds: ['integer', 'The duration in seconds before the object should be deleted.'],
  ignoreStoreReadErrorWithClusterBreakingPotential: ['boolean', 'Delete an object that cannot be read from storage.'],
  orphanDependents: ['boolean', 'Deprecated: use propagationPolicy. Whether dependents are orphaned.'],
  propagationPolicy: ['string', "Whether and how garbage collection is performed: 'Orphan', 'Background' or 'Foreground'."],
};
const LIST_PARAMS = ['allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch'];
const WRITE_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation'];
const PATCH_PARAMS = ['dryRun', 'fieldManager', 'fieldValidation', 'force'];
const DELETE_PARAMS = ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'];
const DELETE_COLLECTION_PARAMS = [
  'continue', 'dryRun', 'fieldSelector', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'labelSelector', 'limit',
  'orphanDependents', 'propagationPolicy', 'resourceVersion', 'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds',
];

function queryParam(name: string): Parameter {
  const [type, description] = PARAM_INFO[name];
  return { name, in: 'query', description, schema: { type, uniqueItems: true } };
}

function pathParam(name: string, description: string): Parameter {
  return { name, in: 'path', description, required: true, schema: { type: 'string', uniqueItems: true } };
}

/** The named definitions and every definition they reference, transitively (sorted by name). */
export function reachable(roots: Iterable<string>): Record<string, Schema> {
  const all = definitions();
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const name = stack.pop()!;
    if (seen.has(name) || !all[name]) continue;
    seen.add(name);
    collectRefs(all[name], stack);
  }
  const out: Record<string, Schema> = {};
  for (const name of [...seen].sort()) out[name] = all[name];
  return out;
}

function collectRefs(s: unknown, out: string[]): void {
  if (Array.isArray(s)) {
    for (const x of s) collectRefs(x, out);
  } else if (s && typeof s === 'object') {
    for (const [k, v] of Object.entries(s)) {
      if (k === '$ref' && typeof v === 'string') out.push(refName(v));
      else if (typeof v === 'object') collectRefs(v, out);
    }
  }
}
