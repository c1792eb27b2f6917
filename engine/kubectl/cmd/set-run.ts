// `kubectl set image|resources|env`: change the pod template of each object (or a Pod's spec),
// send the two-way strategic merge patch, print `<kind>/<name> image updated` (etc.); objects
// the change leaves as they were print nothing.
// Upstream: kubernetes/kubectl pkg/cmd/set/set_image.go, set_resources.go, set_env.go,
// helper.go (CalculatePatches), pkg/polymorphichelpers/updatepodspec.go.

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder, type Info } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { patchSchemaFor } from '../apply/patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith, resourceGroup } from './cmd-util';
import { toTyped } from '../printers/typed-object';
import { resourcesAndPairs } from './label-run';
import { recordChangeCause } from './record';
import { canonicalQuantity } from './quantity';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Container = { name: string; image?: string; env?: Json[]; resources?: Json };

const goTypes: Record<string, string> = {
  ConfigMap: '*v1.ConfigMap', Secret: '*v1.Secret', Service: '*v1.Service', Namespace: '*v1.Namespace', Node: '*v1.Node',
  ServiceAccount: '*v1.ServiceAccount', HorizontalPodAutoscaler: '*v2.HorizontalPodAutoscaler', Ingress: '*v1.Ingress',
};

// Upstream: updatepodspec.go updatePodSpecForObject — where each kind keeps its PodSpec.
export function podSpecOf(obj: KubeObject): Json | undefined {
  const o = obj as Json;
  switch (obj.kind) {
    case 'Pod':
      return (o.spec ??= {});
    case 'ReplicationController':
    case 'Deployment':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job':
      o.spec ??= {};
      o.spec.template ??= {};
      return (o.spec.template.spec ??= {});
    case 'CronJob':
      o.spec ??= {};
      o.spec.jobTemplate ??= {};
      o.spec.jobTemplate.spec ??= {};
      o.spec.jobTemplate.spec.template ??= {};
      return (o.spec.jobTemplate.spec.template.spec ??= {});
  }
  return undefined;
}

// Upstream: helper.go CalculatePatches errors are reported as `error: <resource>/<name> <err>\n`.
function notPodError(info: Info): Error {
  const t = goTypes[info.mapping.kind] ?? `*unstructured.Unstructured`;
  return new KubectlError(`error: ${resourceGroup(info.mapping)}/${info.name} the object is not a pod or does not have a pod template: ${t}\n`);
}

interface SetVariant {
  operation: string;
  /** set serviceaccount sends even an empty patch (and prints "updated"). */
  sendEmptyPatch?: boolean;
  /** Mutates the pod spec; pushes errors about containers into errs. */
  mutate(spec: Json, errs: Error[]): void;
}

async function runSetCommon(ctx: CommandContext, resources: string[], variant: SetVariant): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const local = f.bool('local');
  const output = f.string('output');
  const all = f.has('all') && f.bool('all');
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, {
      args: local ? [] : resources,
      allowEmptySelector: all,
      continueOnError: true,
      flatten: true,
      latest: !local,
      local,
      labelSelector: local ? undefined : f.has('selector') ? f.string('selector') : undefined,
      fieldSelector: undefined,
      allNamespaces: false,
    }),
  ).build();
  const allErrs: unknown[] = [...res.errors];
  const client = local ? undefined : await ctx.factory.client();
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun(variant.operation, dryRun) });
  for (const info of res.infos) {
    const original = info.object!;
    const modified = JSON.parse(JSON.stringify(original)) as KubeObject;
    const spec = podSpecOf(modified);
    if (!spec) {
      allErrs.push(notPodError(info));
      continue;
    }
    const errs: Error[] = [];
    variant.mutate(spec, errs);
    allErrs.push(...errs);
    recordChangeCause(ctx, modified);
    const patch = createTwoWayMergePatch(original as object, modified as object, await patchSchemaFor(ctx, info.mapping));
    const patchText = goJsonMarshal(patch);
    if (patchText === '{}' && !variant.sendEmptyPatch) continue;
    if (local || dryRun === 'client') {
      // kubectl decodes into its Go types, so the object prints as the typed struct marshals.
      ctx.io.stdout.write(printWith(printer, toTyped(modified) as KubeObject, true));
      continue;
    }
    try {
      const actual = await client!.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: { fieldManager: f.string('field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
        body: patchText,
        contentType: 'application/strategic-merge-patch+json',
      });
      ctx.io.stdout.write(printWith(printer, toTyped(actual) as KubeObject, true));
    } catch (e) {
      allErrs.push(new KubectlError(`failed to patch ${variant.operation.replace(/ updated$/, '')} update to pod template: ${(e as Error).message}`));
    }
  }
  if (allErrs.length) throw allErrs.length === 1 ? allErrs[0] : new AggregateError_(allErrs);
  return 0;
}

function eachContainer(spec: Json, fn: (c: Container) => void): void {
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) for (const c of (spec[key] ?? []) as Container[]) fn(c);
}

// Upstream: set_image.go (Complete, Validate, Run, setImage).
export async function runSetImage(ctx: CommandContext): Promise<number> {
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'image');
  const images = new Map<string, string>();
  for (const p of pairs) {
    const i = p.indexOf('=');
    if (i < 0 || p.endsWith('-')) throw new KubectlError(`invalid image format: ${p}`);
    images.set(p.slice(0, i), p.slice(i + 1));
  }
  const errs: string[] = [];
  if (ctx.flags.bool('all') && ctx.flags.string('selector')) errs.push('cannot set --all and --selector at the same time');
  if (images.size < 1) errs.push('at least one image update is required');
  else if (images.size > 1 && images.has('*')) errs.push('all containers are already specified by *, but saw more than one container_name=container_image pairs');
  if (errs.length) throw errs.length === 1 ? new KubectlError(errs[0]) : new AggregateError_(errs.map((e) => new KubectlError(e)));
  return runSetCommon(ctx, resources, {
    operation: 'image updated',
    mutate(spec, out) {
      for (const [name, image] of images) {
        let found = false;
        eachContainer(spec, (c) => {
          if (name === '*' || c.name === name) {
            c.image = image;
            found = true;
          }
        });
        if (!found) out.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
      }
    },
  });
}

function parseResourceList(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) throw new KubectlError(`invalid argument syntax ${part}, expected <resource>=<value>`);
    const name = part.slice(0, i);
    const q = canonicalQuantity(part.slice(i + 1));
    if (q === undefined) throw new KubectlError(`quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
    out[name] = q;
  }
  return out;
}

// Upstream: set_resources.go (Validate, Run).
export async function runSetResources(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const limits = parseResourceList(f.string('limits'));
  const requests = parseResourceList(f.string('requests'));
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (!f.string('limits') && !f.string('requests')) throw new KubectlError('you must specify an update to requests or limits (in the form of --requests/--limits)');
  const containerSel = f.string('containers') || '*';
  return runSetCommon(ctx, ctx.args, {
    operation: 'resource requirements updated',
    mutate(spec, out) {
      let found = false;
      for (const c of (spec.containers ?? []) as Container[]) {
        if (!matchPattern(containerSel, c.name)) continue;
        found = true;
        const r = (c.resources ??= {});
        if (Object.keys(limits).length) r.limits = { ...(r.limits ?? {}), ...limits };
        if (Object.keys(requests).length) r.requests = { ...(r.requests ?? {}), ...requests };
      }
      if (!found) out.push(new KubectlError(`error: unable to find container named ${containerSel}`));
    },
  });
}

/** path.Match for the simple `*` / `name` / `web-*` patterns the --containers flag takes. */
function matchPattern(pattern: string, name: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
  return re.test(name);
}

// Upstream: set_env.go (basic KEY=VALUE / KEY- / -e / --list / --containers / --overwrite).
export async function runSetEnv(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const { resources, pairs } = resourcesAndPairs(ctx.args, 'env');
  const envArgs = [...pairs, ...f.strings('env')];
  const set: [string, string][] = [];
  const remove: string[] = [];
  for (const e of envArgs) {
    if (e.includes('=')) {
      const i = e.indexOf('=');
      set.push([e.slice(0, i), e.slice(i + 1)]);
    } else if (e.endsWith('-')) remove.push(e.slice(0, -1));
    else throw new KubectlError(`environment variables must be of the form key=value and can only contain letters, numbers, and underscores`);
  }
  if (f.string('from')) throw new KubectlError("--from is not supported by Kubelab's kubectl");
  const list = f.bool('list');
  if (!list && set.length === 0 && remove.length === 0) throw new KubectlError('at least one environment variable must be provided');
  const containerSel = f.string('containers') || '*';
  if (list) {
    const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { args: resources, continueOnError: true, flatten: true, latest: true })).build();
    for (const info of res.infos) {
      const spec = podSpecOf(JSON.parse(JSON.stringify(info.object)));
      if (!spec) continue;
      for (const c of (spec.containers ?? []) as Container[]) {
        if (!matchPattern(containerSel, c.name)) continue;
        ctx.io.stdout.write(`# ${info.mapping.kind} ${info.name}, container ${c.name}\n`);
        for (const e of c.env ?? []) {
          if (e.valueFrom) {
            const from = e.valueFrom.fieldRef
              ? `field path ${e.valueFrom.fieldRef.fieldPath}`
              : e.valueFrom.configMapKeyRef
                ? `configmap ${e.valueFrom.configMapKeyRef.name}, key ${e.valueFrom.configMapKeyRef.key}`
                : e.valueFrom.secretKeyRef
                  ? `secret ${e.valueFrom.secretKeyRef.name}, key ${e.valueFrom.secretKeyRef.key}`
                  : '';
            ctx.io.stdout.write(`# ${e.name} from ${from}\n`);
          } else ctx.io.stdout.write(`${e.name}=${e.value ?? ''}\n`);
        }
      }
    }
    if (res.errors.length) throw res.errors[0];
    return 0;
  }
  const overwrite = f.bool('overwrite');
  return runSetCommon(ctx, resources, {
    operation: 'env updated',
    mutate(spec, out) {
      for (const c of (spec.containers ?? []) as Container[]) {
        if (!matchPattern(containerSel, c.name)) continue;
        let env = [...(c.env ?? [])];
        for (const [k, v] of set) {
          const i = env.findIndex((e) => e.name === k);
          if (i >= 0) {
            if (!overwrite) {
              out.push(new KubectlError(`'${k}' already has a value (${env[i].value ?? ''}), and --overwrite is false`));
              continue;
            }
            env[i] = { name: k, value: v };
          } else env.push({ name: k, value: v });
        }
        env = env.filter((e) => !remove.includes(e.name));
        if (env.length) c.env = env;
        else delete c.env;
      }
    },
  });
}

export { canonicalQuantity };

// Upstream: set_serviceaccount.go (Complete: the last argument is the service account; Run).
export async function runSetServiceAccount(ctx: CommandContext): Promise<number> {
  const args = ctx.args;
  const sa = args.length ? args[args.length - 1] : '';
  const resources = args.slice(0, -1);
  if (ctx.flags.bool('all') && ctx.flags.has('selector') && ctx.flags.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (!sa) throw new KubectlError('serviceaccount is required');
  return runSetCommon(ctx, resources, {
    operation: 'serviceaccount updated',
    sendEmptyPatch: true,
    mutate(spec) {
      spec.serviceAccountName = sa;
    },
  });
}
