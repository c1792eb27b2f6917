// `kubectl autoscale`, `kubectl wait` and `kubectl replace`.
// Upstream: kubernetes/kubectl pkg/cmd/autoscale/autoscale.go (Validate, Run,
// createHorizontalPodAutoscalerV1); pkg/cmd/wait/wait.go (conditionFuncFor, RunWait),
// condition.go, delete.go, json.go; pkg/cmd/replace/replace.go (Run, forceReplace).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, StatusError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createOrUpdateAnnotation } from '../apply/last-applied';
import { addSourceToErr, builderOptions, dryRunStrategy, genericPrinter, kindGroup, printWith, validationDirective } from './cmd-util';
import { recordChangeCause } from './record';
import { watchUntil, waitForDeletion } from '../resource/wait-deleted';
import { JsonPath } from '../printers/jsonpath';
import { relaxedJsonPath } from '../printers/custom-columns';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// ---------------------------------------------------------------- autoscale

export async function runAutoscale(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const max = f.number('max');
  const min = f.number('min');
  if (max < 1) throw new KubectlError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { args: ctx.args, continueOnError: true, flatten: true, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false })).build();
  const errors: unknown[] = [...res.errors];
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('autoscaled', dryRun) });
  for (const info of res.infos) {
    try {
      if (!info.mapping.subresources.some((s) => s.name === 'scale')) {
        const gv = info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : `/${info.mapping.version}`;
        throw new KubectlError(`cannot autoscale a ${info.mapping.kind}: could not find scale subresource for ${gv}, Resource=${info.mapping.resource} in discovery information`);
      }
      const spec: Json = {
        scaleTargetRef: { kind: info.mapping.kind, name: info.name, apiVersion: info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : info.mapping.version },
      };
      if (min > 0) spec.minReplicas = min;
      spec.maxReplicas = max;
      if (f.number('cpu-percent') >= 0) spec.targetCPUUtilizationPercentage = f.number('cpu-percent');
      let hpa: KubeObject = {
        kind: 'HorizontalPodAutoscaler',
        apiVersion: 'autoscaling/v1',
        metadata: { name: f.string('name') || info.name, creationTimestamp: null },
        spec,
        status: { currentReplicas: 0, desiredReplicas: 0 },
      };
      if (f.bool('save-config')) hpa = (await import('../apply/last-applied')).withApplyAnnotation(hpa);
      recordChangeCause(ctx, hpa);
      if (dryRun !== 'client') {
        const client = await ctx.factory.client();
        const query: Record<string, string> = { fieldManager: f.string('field-manager') };
        if (dryRun === 'server') query.dryRun = 'All';
        hpa = await client.json<KubeObject>({
          method: 'POST',
          path: resourcePath({ group: 'autoscaling', version: 'v1', resource: 'horizontalpodautoscalers', namespaced: true } as never, info.namespace),
          query,
          body: goJsonMarshal(hpa),
        });
      }
      ctx.io.stdout.write(printWith(printer, hpa, dryRun === 'client'));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

// ---------------------------------------------------------------- wait

type Condition = { kind: 'delete' } | { kind: 'create' } | { kind: 'condition'; name: string; value: string } | { kind: 'jsonpath'; path: JsonPath; value?: string };

// Upstream: wait.go conditionFuncFor.
function parseFor(text: string): Condition {
  const lower = text.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = text.slice('condition='.length);
    const eq = rest.indexOf('=');
    const name = eq >= 0 ? rest.slice(0, eq) : rest;
    const value = eq >= 0 ? rest.slice(eq + 1) : 'true';
    return { kind: 'condition', name, value };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = text.slice('jsonpath='.length);
    const m = /^(\{.*\}|[^=]*)(?:=(.*))?$/.exec(rest)!;
    let expr = m[1];
    try {
      expr = relaxedJsonPath(expr);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
    return { kind: 'jsonpath', path: new JsonPath(expr, { allowMissingKeys: true }), value: m[2] };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(text)}`);
}

function conditionMet(obj: Json, c: Condition): boolean {
  if (c.kind === 'condition') {
    const want = c.value.toLowerCase();
    for (const cond of obj.status?.conditions ?? []) {
      if (String(cond.type).toLowerCase() !== c.name.toLowerCase()) continue;
      if (String(cond.status).toLowerCase() !== want) continue;
      // A condition reported for an older generation does not count (observedGeneration).
      if (cond.observedGeneration !== undefined && obj.metadata?.generation !== undefined && cond.observedGeneration < obj.metadata.generation) continue;
      return true;
    }
    return false;
  }
  if (c.kind === 'jsonpath') {
    const found = c.path.find(obj).flat();
    if (c.value === undefined) return found.length > 0;
    return found.length > 0 && found.every((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v)) === c.value);
  }
  return true;
}

export async function runWait(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const cond = parseFor(f.string('for'));
  const timeoutMs = f.number('timeout');
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: ctx.args, allowEmptySelector: f.bool('all'), continueOnError: true, flatten: true, latest: true, requireObject: cond.kind !== 'delete' }),
  ).build();
  const infos = res.infos;
  if (cond.kind === 'delete') {
    const gone = res.errors.filter(isNotFoundError);
    const other = res.errors.filter((e) => !isNotFoundError(e));
    if (other.length) throw other[0];
    void gone;
    const live: { info: Info }[] = [];
    const client = await ctx.factory.client();
    for (const info of infos) {
      try {
        await client.json({ path: resourcePath(info.mapping, info.namespace, info.name) });
        live.push({ info });
      } catch (e) {
        if (!isNotFoundError(e)) throw e;
      }
    }
    await waitForDeletion(ctx, live, timeoutMs || 1);
    for (const { info } of live) ctx.io.stdout.write(`${kindGroup(info.mapping)}/${info.name} condition met\n`);
    return 0;
  }
  if (res.errors.length) throw res.errors[0];
  if (infos.length === 0) throw new KubectlError('no matching resources found');
  for (const info of infos) {
    const timeoutError = () => new KubectlError(`timed out waiting for the condition on ${info.mapping.resource}/${info.name}`);
    if (conditionMet(info.object as Json, cond)) {
      ctx.io.stdout.write(`${kindGroup(info.mapping)}/${info.name} condition met\n`);
      continue;
    }
    if (timeoutMs <= 0) throw timeoutError();
    let deleted = false;
    await watchUntil(ctx, info, timeoutMs, timeoutError, (type, obj) => {
      if (type === 'DELETED') {
        deleted = true;
        return true;
      }
      return !!obj && conditionMet(obj as Json, cond);
    });
    if (deleted) throw new KubectlError(`${info.mapping.resource.replace(/s$/, '')} ${JSON.stringify(info.name)} deleted`);
    ctx.io.stdout.write(`${kindGroup(info.mapping)}/${info.name} condition met\n`);
  }
  return 0;
}

// ---------------------------------------------------------------- replace

export async function runReplace(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const fieldValidation = validationDirective(f.string('validate'));
  if (f.strings('filename').length === 0 && f.string('kustomize') === '') throw new KubectlError('must specify one of -f and -k');
  if (ctx.args.length > 0) throw new KubectlError(`Unexpected args: [${ctx.args.join(' ')}]`);
  const force = f.bool('force');
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { continueOnError: true, flatten: true, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false, validate: fieldValidation !== 'Ignore' })).build();
  const errors: unknown[] = [...res.errors];
  const client = await ctx.factory.client();
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('replaced', dryRun) });
  if (force) {
    // Upstream: replace.go forceReplace — delete everything (and wait), then create it again.
    const gone: { info: Info; uid?: string }[] = [];
    for (const info of res.infos) {
      try {
        const body: Json = { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' };
        if (f.number('grace-period') >= 0) body.gracePeriodSeconds = f.number('grace-period');
        const r = await client.json<Json>({ method: 'DELETE', path: resourcePath(info.mapping, info.namespace, info.name), body });
        ctx.io.stdout.write(`${kindGroup(info.mapping)} "${info.name}" deleted\n`);
        gone.push({ info, uid: r.kind === 'Status' ? r.details?.uid : r.metadata?.uid });
      } catch (e) {
        if (!isNotFoundError(e)) errors.push(addSourceToErr('deleting', info.source, e));
      }
    }
    if (f.bool('wait') !== false) await waitForDeletion(ctx, gone, f.number('timeout') || 168 * 3600 * 1000);
    for (const info of res.infos) {
      try {
        let obj = createOrUpdateAnnotation(f.bool('save-config'), info.object!);
        const body = { ...obj, metadata: { ...(obj.metadata ?? {}), resourceVersion: undefined } };
        obj = await client.json<KubeObject>({ method: 'POST', path: resourcePath(info.mapping, info.namespace), query: { fieldManager: f.string('field-manager'), fieldValidation }, body: goJsonMarshal(body) });
        ctx.io.stdout.write(printWith(printer, obj));
      } catch (e) {
        errors.push(addSourceToErr('creating', info.source, e));
      }
    }
    if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
    return 0;
  }
  for (const info of res.infos) {
    try {
      let obj = createOrUpdateAnnotation(f.bool('save-config'), info.object!);
      recordChangeCause(ctx, obj);
      if (dryRun !== 'client') {
        // Helper.Replace(overwrite=true): a missing resourceVersion is taken from the live object.
        const path = resourcePath(info.mapping, info.namespace, info.name, f.string('subresource') || undefined);
        if (!obj.metadata?.resourceVersion) {
          try {
            const live = await client.json<KubeObject>({ path });
            obj = { ...obj, metadata: { ...(obj.metadata ?? {}), resourceVersion: live.metadata?.resourceVersion } };
          } catch (e) {
            throw addSourceToErr('replacing', info.source, e);
          }
        }
        const query: Record<string, string> = { fieldManager: f.string('field-manager'), fieldValidation };
        if (dryRun === 'server') query.dryRun = 'All';
        try {
          obj = await client.json<KubeObject>({ method: 'PUT', path, query, body: goJsonMarshal(obj) });
        } catch (e) {
          throw addSourceToErr('replacing', info.source, e);
        }
      }
      ctx.io.stdout.write(printWith(printer, obj));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

export { StatusError };
