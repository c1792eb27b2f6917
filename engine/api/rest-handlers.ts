// The resource verbs of the REST API: get, list, create, update, patch, delete,
// deletecollection, and the status and scale subresources. Watch lives in watch.ts.
import type { ServerResponse } from 'node:http';
import type { Clock } from '../clock';
import { storeKey, type ResourceDefinition } from '../registry/resource-definition';
import { readBody, parseJsonBody, parseYamlOrJsonBody } from './body';
import { decodeObject } from './decoder';
import { compileFieldSelector, parseFieldSelector } from './field-selector';
import { matches, parseSelector, SelectorParseError } from './label-selector';
import { clone, type KubeObject } from './object';
import { applyPatch, patchTypeOf } from './apply-patch';
import type { ResourceRequest } from './request-context';
import { queryBool } from './request-context';
import type { DeleteOptions, PropagationPolicy, ResourceService } from './resource-service';
import { badRequest, conflict, methodNotAllowed, notFound, StatusError } from './status-error';
import { parseIncludeObject, parseTableAccept, toTable } from './table';
import { deepEqual } from './deep-equal';

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType = 'application/json', warnings: string[] = []): void {
  const text = JSON.stringify(body);
  const headers: Record<string, string | string[]> = { 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)), 'Cache-Control': 'no-cache, private' };
  if (warnings.length) headers['Warning'] = warnings.map((w) => `299 - ${JSON.stringify(w)}`);
  res.writeHead(code, headers);
  res.end(text);
}

/** The body as JSON text, when it is JSON (protobuf bodies have no duplicate-key question). */
function jsonText(raw: Buffer): string | undefined {
  const first = raw.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
  return first === 0x7b ? raw.toString('utf8') : undefined;
}

/** The order lists are served in, which continue tokens resume from. */
function objectSortKey(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

function encodeContinue(rv: number, after: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start: after })).toString('base64url');
}

/**
 * limit/continue paging. Pages are served from the live state after the last key (the apiserver
 * serves them from a snapshot at the token's resourceVersion); a token older than the watch
 * log is 410 Expired as upstream.
 */
function listPage(q: URLSearchParams, currentRv: number, oldestRv: number): { limit: number; after?: string; rv: number } {
  const limit = Number(q.get('limit') ?? 0);
  if (!Number.isInteger(limit) || limit < 0) throw badRequest(`limit: Invalid value: ${q.get('limit')}`);
  const token = q.get('continue');
  if (!token) return { limit, rv: currentRv };
  let parsed: { rv?: number; start?: string };
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString());
  } catch {
    throw badRequest('continue key is not valid: illegal base64 data at input byte 0');
  }
  if (typeof parsed.rv !== 'number' || typeof parsed.start !== 'string') throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  if (parsed.rv < oldestRv) {
    throw new StatusError({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      reason: 'Expired',
      code: 410,
    });
  }
  return { limit, after: parsed.start, rv: parsed.rv };
}

export type ObjectFilter = (o: KubeObject) => boolean;

/** Label and field selector of a list/watch request as one predicate. */
export function requestFilter(r: ResourceRequest): ObjectFilter {
  const ls = r.url.searchParams.get('labelSelector') ?? '';
  const fs = r.url.searchParams.get('fieldSelector') ?? '';
  let labelSel;
  try {
    labelSel = parseSelector(ls);
  } catch (e) {
    if (e instanceof SelectorParseError) throw badRequest(`unable to parse requirement: ${e.message}`);
    throw e;
  }
  const fieldPred = compileFieldSelector(parseFieldSelector(fs), r.def.fieldSelectors, r.def.kind, r.version.version);
  return (o) => matches(labelSel, o.metadata.labels) && fieldPred(o);
}

export class RestHandlers {
  constructor(
    private readonly service: ResourceService,
    private readonly clock: Clock,
  ) {}

  private out(r: ResourceRequest, obj: KubeObject): KubeObject {
    return this.service.toVersion(r.def, r.version, obj);
  }

  /** Writes one object or a list, as JSON or as a Table per the Accept header. */
  private respond(r: ResourceRequest, code: number, objs: KubeObject | KubeObject[], listRv?: string, continueToken?: string): void {
    const tableReq = parseTableAccept(r.req.headers.accept);
    if (tableReq.table && !r.subresource) {
      const items = Array.isArray(objs) ? objs : [objs];
      const table = toTable(r.def, items.map((o) => this.out(r, o)), {
        apiVersion: tableReq.apiVersion,
        include: parseIncludeObject(r.url.searchParams.get('includeObject')),
        now: this.clock.now(),
        resourceVersion: Array.isArray(objs) ? listRv : items[0]?.metadata.resourceVersion,
        continueToken,
      });
      return sendJson(r.res, code, table, `application/json;as=Table;v=${tableReq.apiVersion.split('/')[1]};g=meta.k8s.io`, r.warnings);
    }
    if (Array.isArray(objs)) {
      const v = r.version.version;
      const apiVersion = r.def.group ? `${r.def.group}/${v}` : v;
      const metadata: Record<string, string> = { resourceVersion: listRv ?? '' };
      if (continueToken) metadata.continue = continueToken;
      return sendJson(r.res, code, { kind: `${r.def.kind}List`, apiVersion, metadata, items: objs.map((o) => this.out(r, o)) }, 'application/json', r.warnings);
    }
    sendJson(r.res, code, this.out(r, objs), 'application/json', r.warnings);
  }

  get(r: ResourceRequest): void {
    const obj = this.service.get(r.def, r.namespace, r.name!);
    if (r.subresource === 'scale') return sendJson(r.res, 200, this.scaleOf(r.def, obj), 'application/json', r.warnings);
    this.respond(r, 200, obj);
  }

  list(r: ResourceRequest): void {
    const filter = requestFilter(r);
    const page = listPage(r.url.searchParams, this.service.store.resourceVersion, this.service.store.oldestWatchableVersion);
    let items = this.service.list(r.def, r.namespace).filter(filter);
    if (page.after) items = items.filter((o) => objectSortKey(o) > page.after!);
    let continueToken: string | undefined;
    if (page.limit > 0 && items.length > page.limit) {
      items = items.slice(0, page.limit);
      continueToken = encodeContinue(page.rv, objectSortKey(items[items.length - 1]));
    }
    this.respond(r, 200, items, String(page.rv), continueToken);
  }

  async create(r: ResourceRequest): Promise<void> {
    const raw = await readBody(r.req);
    const body = parseJsonBody(raw);
    const obj = decodeObject(r.def, r.version, body, r.fieldValidation, r.warnings, jsonText(raw));
    if (r.def.namespaced) {
      const ns = obj.metadata.namespace;
      if (ns && ns !== r.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      obj.metadata.namespace = r.namespace;
    }
    const created = this.service.create(r.def, this.service.toStorage(r.def, r.version, obj), { dryRun: r.dryRun });
    this.respond(r, 201, created);
  }

  async update(r: ResourceRequest): Promise<void> {
    const raw = await readBody(r.req);
    const body = parseJsonBody(raw);
    if (r.subresource === 'scale') return this.updateScale(r, body as KubeObject);
    const obj = decodeObject(r.def, r.version, body, r.fieldValidation, r.warnings, jsonText(raw));
    this.checkIdentity(r, obj);
    const existed = this.service.find(r.def, r.namespace, r.name!);
    if (!existed) throw notFound(r.def.group, r.def.plural, r.name!);
    const updated = this.service.update(r.def, this.service.toStorage(r.def, r.version, obj), {
      dryRun: r.dryRun,
      subresource: r.subresource === 'status' ? 'status' : undefined,
    });
    this.respond(r, 200, updated);
  }

  private checkIdentity(r: ResourceRequest, obj: KubeObject): void {
    if (obj.metadata.name && obj.metadata.name !== r.name) throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${r.name})`);
    obj.metadata.name = r.name!;
    if (r.def.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== r.namespace) throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      obj.metadata.namespace = r.namespace;
    }
  }

  async patch(r: ResourceRequest): Promise<void> {
    const type = patchTypeOf(r.req.headers['content-type']);
    const raw = await readBody(r.req);
    const patch = type === 'apply' ? parseYamlOrJsonBody(raw) : parseJsonBody(raw, 'body');
    // Optimistic concurrency against our own read: retry when a controller wrote in between.
    for (let attempt = 0; ; attempt++) {
      let current = this.service.find(r.def, r.namespace, r.name!);
      if (!current) {
        if (type === 'apply' && !r.subresource) {
          const obj = decodeObject(r.def, r.version, patch, r.fieldValidation, r.warnings);
          this.checkIdentity(r, obj);
          return this.respond(r, 201, this.service.create(r.def, this.service.toStorage(r.def, r.version, obj), { dryRun: r.dryRun }));
        }
        throw notFound(r.def.group, r.def.plural, r.name!);
      }
      if (r.subresource === 'scale') {
        const scale = this.scaleOf(r.def, current);
        const patched = applyPatch(type === 'strategic' ? 'merge' : type, scale as unknown as KubeObject, patch, 'io.k8s.api.autoscaling.v1.Scale', 'Scale');
        return this.updateScale(r, patched as KubeObject, current);
      }
      const versioned = this.out(r, current);
      let patched: unknown;
      try {
        patched = applyPatch(type, clone(versioned), patch, r.version.schema, r.def.kind);
      } catch (e) {
        if (e instanceof StatusError) throw e;
        throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: (e as Error).message, reason: 'Invalid', code: 422 });
      }
      if (deepEqual(patched, versioned)) return this.respond(r, 200, current);
      const obj = decodeObject(r.def, r.version, patched, r.fieldValidation, r.warnings);
      this.checkIdentity(r, obj);
      const rvInPatch = (patch as KubeObject | null)?.metadata?.resourceVersion;
      obj.metadata.resourceVersion = rvInPatch ?? current.metadata.resourceVersion;
      try {
        const updated = this.service.update(r.def, this.service.toStorage(r.def, r.version, obj), { dryRun: r.dryRun, subresource: r.subresource === 'status' ? 'status' : undefined });
        return this.respond(r, 200, updated);
      } catch (e) {
        if (e instanceof StatusError && e.status.reason === 'Conflict' && !rvInPatch && attempt < 5) {
          current = undefined;
          continue;
        }
        throw e;
      }
    }
  }

  private scaleOf(def: ResourceDefinition, obj: KubeObject) {
    if (!def.scale) throw notFound(def.group, def.plural, obj.metadata.name);
    const get = (o: KubeObject, path: string[]) => path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);
    return {
      kind: 'Scale',
      apiVersion: 'autoscaling/v1',
      metadata: {
        name: obj.metadata.name,
        namespace: obj.metadata.namespace,
        uid: obj.metadata.uid,
        resourceVersion: obj.metadata.resourceVersion,
        creationTimestamp: obj.metadata.creationTimestamp,
      },
      spec: { replicas: (get(obj, def.scale.specReplicasPath) as number | undefined) ?? 0 },
      status: { replicas: (get(obj, def.scale.statusReplicasPath) as number | undefined) ?? 0, selector: def.scale.selector(obj) },
    };
  }

  private updateScale(r: ResourceRequest, scale: KubeObject, current?: KubeObject): void {
    const obj = clone(current ?? this.service.get(r.def, r.namespace, r.name!));
    const rv = scale?.metadata?.resourceVersion;
    if (!current && rv && rv !== obj.metadata.resourceVersion) throw conflict(r.def.group, r.def.plural, r.name!);
    const replicas = scale?.spec?.replicas;
    if (replicas !== undefined && (typeof replicas !== 'number' || !Number.isInteger(replicas))) {
      throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal ${typeof replicas} into Go struct field ScaleSpec.spec.replicas of type int32`);
    }
    let target: Record<string, unknown> = obj;
    const path = r.def.scale!.specReplicasPath;
    for (const k of path.slice(0, -1)) target = (target[k] ??= {}) as Record<string, unknown>;
    target[path[path.length - 1]] = replicas ?? 0;
    const updated = this.service.update(r.def, obj, { dryRun: r.dryRun });
    sendJson(r.res, 200, this.scaleOf(r.def, updated), 'application/json', r.warnings);
  }

  async delete(r: ResourceRequest): Promise<void> {
    const opts = await this.deleteOptions(r);
    const result = this.service.delete(r.def, r.namespace, r.name!, opts);
    // The apiserver answers 202 while dependents are still being removed (foreground/orphan).
    const pendingGc = !result.removed && (result.object.metadata.finalizers ?? []).some((f) => f === 'foregroundDeletion' || f === 'orphan');
    this.respond(r, pendingGc ? 202 : 200, result.object);
  }

  async deleteCollection(r: ResourceRequest): Promise<void> {
    const opts = await this.deleteOptions(r);
    const filter = requestFilter(r);
    const victims = this.service.list(r.def, r.namespace).filter(filter);
    const out: KubeObject[] = [];
    for (const v of victims) {
      try {
        out.push(this.service.delete(r.def, v.metadata.namespace, v.metadata.name, opts).object);
      } catch (e) {
        if (!(e instanceof StatusError && e.code === 404)) throw e;
      }
    }
    this.respond(r, 200, out, String(this.service.store.resourceVersion));
  }

  private async deleteOptions(r: ResourceRequest): Promise<DeleteOptions> {
    const raw = await readBody(r.req);
    const q = r.url.searchParams;
    const body = raw.length && raw.toString().trim() ? (parseJsonBody(raw) as Record<string, unknown>) : {};
    let policy = (body.propagationPolicy ?? q.get('propagationPolicy') ?? undefined) as PropagationPolicy | undefined;
    if (policy !== undefined && !['Background', 'Foreground', 'Orphan'].includes(policy)) {
      throw badRequest(`DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${policy}": supported values: "Foreground", "Background", "Orphan", "nil"`);
    }
    const orphan = body.orphanDependents ?? (q.has('orphanDependents') ? queryBool(q.get('orphanDependents')) : undefined);
    if (policy === undefined && orphan !== undefined) policy = orphan ? 'Orphan' : 'Background';
    const graceRaw = body.gracePeriodSeconds ?? q.get('gracePeriodSeconds') ?? undefined;
    const grace = graceRaw === undefined || graceRaw === null ? undefined : Number(graceRaw);
    return {
      propagationPolicy: policy ?? r.def.defaultPropagation,
      gracePeriodSeconds: grace,
      preconditions: body.preconditions as DeleteOptions['preconditions'],
      dryRun: r.dryRun || (Array.isArray(body.dryRun) && body.dryRun.includes('All')),
    };
  }

  notAllowed(r: ResourceRequest, verb: string): never {
    throw methodNotAllowed(verb, r.def.kind);
  }
}

export { storeKey };
