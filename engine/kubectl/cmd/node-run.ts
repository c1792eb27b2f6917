// Node maintenance verbs: `cordon`, `uncordon`, `drain` (cordon, then evict the node's pods
// through the Eviction API and wait for them to go) and `taint`.
// Upstream: kubernetes/kubectl pkg/cmd/drain/drain.go (Complete, RunCordonOrUncordon, RunDrain,
// deleteOrEvictPodsSimple), pkg/drain/cordon.go, drain.go, filters.go; pkg/cmd/taint/taint.go,
// utils.go (parseTaints, reorganizeTaints, checkIfTaintsAlreadyExists).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, StatusError, UsageError } from '../errors';
import { resourcePath, type RestMapping } from '../client/rest-mapper';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { operationWithDryRun, type DryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { knownPatchSchema } from '../../api/patch/known-patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// Upstream: drain.go DrainCmdOptions.Complete — nodes by name or --selector.
async function nodeInfos(ctx: CommandContext): Promise<Info[]> {
  const selector = ctx.flags.string('selector');
  if (ctx.args.length === 0 && !ctx.flags.changed('selector')) {
    throw new UsageError(ctx.command.path, `USAGE: ${ctx.command.spec.use} [flags]`);
  }
  if (ctx.args.length > 0 && selector) throw new UsageError(ctx.command.path, 'error: cannot specify both a node name and a --selector option');
  // ResourceNames("nodes", args...): NAME or TYPE/NAME.
  const args = selector ? ['nodes'] : ctx.args.every((a) => a.includes('/')) ? ctx.args : ['nodes', ...ctx.args];
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, {
      args,
      labelSelector: selector || undefined,
      fieldSelector: undefined,
      allNamespaces: false,
      singleResourceType: true,
      flatten: true,
      filenames: [],
    }),
  ).build();
  for (const info of res.infos) {
    if (info.mapping.resource !== 'nodes' || info.mapping.group !== '') throw new KubectlError(`error: expected resource of type node, got ${JSON.stringify(info.mapping.resource)}`);
  }
  return res.infos;
}

async function patchNode(ctx: CommandContext, info: Info, modified: Json, dryRun: DryRun): Promise<KubeObject> {
  const patch = goJsonMarshal(createTwoWayMergePatch(info.object as object, modified, knownPatchSchema('Node')));
  const client = await ctx.factory.client();
  return client.json<KubeObject>({
    method: 'PATCH',
    path: resourcePath(info.mapping, '', info.name),
    query: dryRun === 'server' ? { dryRun: 'All' } : {},
    body: patch,
    contentType: 'application/strategic-merge-patch+json',
  });
}

// Upstream: drain.go RunCordonOrUncordon + cordon.go CordonHelper.
async function cordonNodes(ctx: CommandContext, infos: Info[], desired: boolean, dryRun: DryRun): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const info of infos) {
    const obj = info.object as Json;
    const current = !!obj.spec?.unschedulable;
    let op: string;
    if (current === desired) op = `already ${verb}ed`;
    else {
      if (dryRun !== 'client') {
        const modified = JSON.parse(JSON.stringify(obj));
        modified.spec ??= {};
        if (desired) modified.spec.unschedulable = true;
        else delete modified.spec.unschedulable;
        try {
          await patchNode(ctx, info, modified, dryRun);
        } catch (e) {
          ctx.io.stderr.write(`error: unable to ${verb} node ${JSON.stringify(info.name)}: ${(e as Error).message}\n`);
          continue;
        }
      }
      op = `${verb}ed`;
    }
    const printer = await genericPrinter(ctx, { output: 'name', operation: operationWithDryRun(op, dryRun) });
    ctx.io.stdout.write(printWith(printer, info.object!));
  }
}

export async function runCordon(ctx: CommandContext, desired: boolean): Promise<number> {
  const dryRun = dryRunStrategy(ctx);
  await cordonNodes(ctx, await nodeInfos(ctx), desired, dryRun);
  return 0;
}

// ---------------------------------------------------------------- drain

interface PodDelete {
  pod: Json;
  warning?: string;
  error?: string;
  skip?: boolean;
}

function controllerOf(pod: Json): Json | undefined {
  return (pod.metadata?.ownerReferences ?? []).find((o: Json) => o.controller);
}

// Upstream: pkg/drain/filters.go (skipDeletedFilter, daemonSetFilter, mirrorPodFilter,
// localStorageFilter, unreplicatedFilter) — in that order.
function filterPod(ctx: CommandContext, pod: Json): PodDelete {
  const f = ctx.flags;
  const d: PodDelete = { pod };
  const phase = pod.status?.phase;
  const finished = phase === 'Succeeded' || phase === 'Failed';
  const ctrl = controllerOf(pod);
  if (ctrl?.kind === 'DaemonSet') {
    if (!f.bool('ignore-daemonsets')) return { pod, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)' };
    return { pod, skip: true, warning: 'ignoring DaemonSet-managed Pods' };
  }
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) return { pod, skip: true };
  const emptyDir = (pod.spec?.volumes ?? []).some((v: Json) => v.emptyDir);
  if (emptyDir && !finished) {
    if (!f.bool('delete-emptydir-data')) return { pod, error: 'Pods with local storage (use --delete-emptydir-data to override)' };
    d.warning = 'deleting Pods with local storage';
  }
  if (!ctrl && !finished) {
    if (!f.bool('force')) return { pod, error: 'cannot delete Pods that declare no controller (use --force to override)' };
    d.warning = 'deleting Pods that declare no controller';
  }
  return d;
}

function groupMessage(items: PodDelete[], key: 'warning' | 'error'): string {
  const groups = new Map<string, string[]>();
  for (const it of items) {
    const msg = it[key];
    if (!msg) continue;
    (groups.get(msg) ?? groups.set(msg, []).get(msg)!).push(`${it.pod.metadata.namespace}/${it.pod.metadata.name}`);
  }
  return [...groups].map(([m, pods]) => `${m}: ${pods.join(', ')}`).join('; ');
}

async function waitPodGone(ctx: CommandContext, pod: Json, timeoutMs: number): Promise<void> {
  const client = await ctx.factory.client();
  const start = ctx.io.now();
  const path = `/api/v1/namespaces/${pod.metadata.namespace}/pods/${pod.metadata.name}`;
  for (;;) {
    try {
      const p = await client.json<Json>({ path });
      if (p.metadata?.uid !== pod.metadata.uid) return;
    } catch (e) {
      if (isNotFoundError(e)) return;
      throw e;
    }
    if (timeoutMs > 0 && ctx.io.now() - start > timeoutMs) throw new KubectlError(`global timeout reached: ${Math.round(timeoutMs / 1000)}s`);
    if (ctx.io.signal?.aborted) return;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

// Upstream: drain.go RunDrain / evictPods / deletePods.
export async function runDrain(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const infos = await nodeInfos(ctx);
  await cordonNodes(ctx, infos, true, dryRun);
  const client = await ctx.factory.client();
  const failed: string[] = [];
  const fatal: unknown[] = [];
  for (const info of infos) {
    const query: Record<string, string> = { fieldSelector: `spec.nodeName=${info.name}` };
    if (f.string('pod-selector')) query.labelSelector = f.string('pod-selector');
    const list = await client.json<Json>({ path: '/api/v1/pods', query });
    const decisions = (list.items ?? []).filter((p: Json) => !p.metadata?.deletionTimestamp || true).map((p: Json) => filterPod(ctx, p));
    // Upstream: PodDeleteList.errors — "cannot delete <fatal message>: ns/a, ns/b" per message
    // (the no-controller message itself starts with "cannot delete", hence the doubled words).
    const errorTexts = groupMessage(decisions, 'error')
      .split('; ')
      .filter(Boolean)
      .map((m) => `cannot delete ${m}`);
    if (errorTexts.length) {
      const shown = errorTexts.length === 1 ? errorTexts[0] : `[${errorTexts.join(', ')}]`;
      ctx.io.stderr.write(`error: unable to drain node ${JSON.stringify(info.name)} due to error: ${shown}, continuing command...\n`);
      failed.push(info.name);
      fatal.push(new AggregateError_(errorTexts.map((t) => new Error(t))));
      continue;
    }
    const warnings = groupMessage(decisions, 'warning');
    if (warnings) ctx.io.stderr.write(`Warning: ${warnings}\n`);
    const toDelete = decisions.filter((d: PodDelete) => !d.skip).map((d: PodDelete) => d.pod);
    const disableEviction = f.bool('disable-eviction');
    const grace = f.number('grace-period');
    const waitFor: Json[] = [];
    for (const pod of toDelete) {
      const ns = pod.metadata.namespace;
      const name = pod.metadata.name;
      if (dryRun === 'client') {
        ctx.io.stdout.write(`evicting pod ${ns}/${name} (dry run)\n`);
        continue;
      }
      if (disableEviction) {
        const body: Json = { kind: 'DeleteOptions', apiVersion: 'v1' };
        if (grace >= 0) body.gracePeriodSeconds = grace;
        try {
          await client.json({ method: 'DELETE', path: `/api/v1/namespaces/${ns}/pods/${name}`, body });
          waitFor.push(pod);
        } catch (e) {
          if (!isNotFoundError(e)) throw e;
        }
      } else {
        ctx.io.stdout.write(`evicting pod ${ns}/${name}\n`);
        const body: Json = { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: ns } };
        if (grace >= 0) body.deleteOptions = { gracePeriodSeconds: grace };
        for (;;) {
          try {
            await client.json({ method: 'POST', path: `/api/v1/namespaces/${ns}/pods/${name}/eviction`, body, query: dryRun === 'server' ? { dryRun: 'All' } : {} });
            waitFor.push(pod);
            break;
          } catch (e) {
            // A pod already gone (NotFound) is not waited for and not reported (drain.go evictPods).
            if (isNotFoundError(e)) break;
            if (e instanceof StatusError && e.code === 429) {
              ctx.io.stderr.write(`error when evicting pods/${JSON.stringify(name)} -n ${JSON.stringify(ns)} (will retry after 5s): ${e.message}\n`);
              await new Promise((r) => setTimeout(r, 5000));
              continue;
            }
            throw e;
          }
        }
      }
    }
    if (dryRun === 'none') {
      for (const pod of waitFor) {
        await waitPodGone(ctx, pod, f.number('timeout'));
        ctx.io.stdout.write(`pod/${pod.metadata.name} ${disableEviction ? 'deleted' : 'evicted'}\n`);
      }
    }
    const printer = await genericPrinter(ctx, { output: 'name', operation: operationWithDryRun('drained', dryRun) });
    ctx.io.stdout.write(printWith(printer, info.object!));
  }
  if (failed.length) {
    ctx.io.stderr.write(`There are pending nodes to be drained:\n${failed.map((n) => ` ${n}\n`).join('')}`);
    // NewAggregate(fatal) of per-node aggregates: checkErr unwraps only the outer one, so the
    // inner messages print without the "error: " prefix.
    throw new AggregateError_(fatal);
  }
  return 0;
}

// ---------------------------------------------------------------- taint

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function taintString(t: Taint): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

// Upstream: taint/utils.go parseTaints / parseTaint.
function parseTaints(ctx: CommandContext, specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  const seen = new Set<string>();
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const s = spec.slice(0, -1);
      const [kv, effect] = s.split(':');
      const [key] = kv.split('=');
      remove.push({ key, ...(effect ? { effect } : {}) });
      continue;
    }
    const parts = spec.split(':');
    if (parts.length !== 2 || !parts[1]) throw new KubectlError(`invalid taint spec: ${spec}`);
    const effect = parts[1];
    if (!effects.includes(effect)) throw new UsageError(ctx.command.path, `invalid taint effect: ${effect}, unsupported taint effect`);
    const [key, value] = parts[0].split('=');
    const t: Taint = { key, ...(value !== undefined ? { value } : {}), effect };
    const id = `${key}:${effect}`;
    if (seen.has(id)) throw new KubectlError(`duplicated taints with the same key and effect: ${JSON.stringify(t)}`);
    seen.add(id);
    add.push(t);
  }
  for (const r of remove) {
    if (add.some((a) => a.key === r.key && (!r.effect || a.effect === r.effect))) throw new KubectlError(`can not both modify and remove the following taint(s) in the same command: ${r.key}=${r.value ?? ''}`);
  }
  return { add, remove };
}

// Upstream: taint.go TaintOptions.RunTaint + utils.go reorganizeTaints.
export async function runTaint(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const { resourcesAndPairs } = await import('./label-run');
  let resources: string[];
  let pairs: string[];
  try {
    ({ resources, pairs } = resourcesAndPairs(ctx.args, 'taint'));
  } catch (e) {
    throw new UsageError(ctx.command.path, (e as Error).message);
  }
  const all = f.bool('all');
  const selector = f.string('selector');
  if (all && selector) throw new UsageError(ctx.command.path, "setting 'all' parameter with a non empty selector is prohibited.");
  const { add, remove } = parseTaints(ctx, pairs);
  if (add.length === 0 && remove.length === 0) throw new KubectlError('at least one taint update is required');
  if (resources.length < 1) throw new UsageError(ctx.command.path, 'one or more resources must be specified as <resource> <name>');
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: resources, allowEmptySelector: all, selectAll: false, flatten: true, continueOnError: true, latest: true, fieldSelector: undefined, allNamespaces: false }),
  ).build();
  const errors: unknown[] = [...res.errors];
  const overwrite = f.bool('overwrite');
  const output = f.string('output');
  for (const info of res.infos) {
    try {
      if (info.mapping.kind !== 'Node') throw new KubectlError(`invalid resource type ${info.mapping.resource}, only node types are supported`);
      const node = JSON.parse(JSON.stringify(info.object)) as Json;
      const old: Taint[] = node.spec?.taints ?? [];
      if (!overwrite) {
        const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
        if (exists.length) throw new KubectlError(`node ${info.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
      }
      const next: Taint[] = [...add];
      for (const o of old) if (!next.some((t) => t.key === o.key && t.effect === o.effect)) next.push(o);
      const added = old.length !== next.length;
      const errs: Error[] = [];
      let removed = false;
      let list = next;
      for (const r of remove) {
        const before = list.length;
        list = list.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
        removed = list.length !== before;
        if (!removed) errs.push(new KubectlError(`taint ${JSON.stringify(taintString(r))} not found`));
      }
      const op = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
      if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
      node.spec ??= {};
      if (list.length) node.spec.taints = list;
      else delete node.spec.taints;
      let result: KubeObject = node;
      if (dryRun !== 'client') result = await patchNode(ctx, info, node, dryRun);
      const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun(op, dryRun) });
      ctx.io.stdout.write(printWith(printer, result));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

export type { RestMapping };
