// `kubectl set subject`: add users, groups and service accounts to RoleBindings and
// ClusterRoleBindings (subjects already bound are left alone), send the two-way strategic merge
// patch and print `<kind>.<group>/<name> subjects updated`; bindings that already hold every
// subject print nothing. Objects are kubectl's typed ones, so -o json writes Go struct order.
// Upstream: kubernetes/kubectl pkg/cmd/set/set_subject.go (Complete, Validate, Run,
// updateSubjectForObject, addSubjects, contain), helper.go (CalculatePatches).

import type { CommandContext, ParsedFlags } from '../cli/command';
import { Factory } from '../factory';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { patchSchemaFor } from '../apply/patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { toTyped } from '../printers/typed-object';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

const rbacGroup = 'rbac.authorization.k8s.io';

const localResourceError =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

/** sets.NewString(xs...).List(): distinct and sorted. */
function sortedSet(xs: string[]): string[] {
  return [...new Set(xs)].sort();
}

// Upstream: Run's subject list — users, then groups, then service accounts, each sorted; a
// service account without a namespace takes the command's.
export function subjectsFrom(users: string[], groups: string[], serviceAccounts: string[], namespace: string): Subject[] {
  const out: Subject[] = [];
  for (const name of sortedSet(users)) out.push({ kind: 'User', apiGroup: rbacGroup, name });
  for (const name of sortedSet(groups)) out.push({ kind: 'Group', apiGroup: rbacGroup, name });
  for (const sa of sortedSet(serviceAccounts)) {
    const [ns, name] = sa.split(':');
    out.push({ kind: 'ServiceAccount', name, namespace: ns || namespace });
  }
  return out;
}

function sameSubject(a: Json, b: Subject): boolean {
  return (a.kind ?? '') === b.kind && (a.apiGroup ?? '') === (b.apiGroup ?? '') && (a.name ?? '') === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

/** Upstream addSubjects: appends the targets not already present; reports whether any was. */
export function addSubjects(existing: Json[], targets: Subject[]): { changed: boolean; subjects: Json[] } {
  const subjects = [...existing];
  let changed = false;
  for (const t of targets) {
    if (existing.some((e) => sameSubject(e, t))) continue;
    // Subject's JSON: kind, apiGroup (omitempty), name, namespace (omitempty).
    subjects.push({ kind: t.kind, ...(t.apiGroup ? { apiGroup: t.apiGroup } : {}), name: t.name, ...(t.namespace ? { namespace: t.namespace } : {}) });
    changed = true;
  }
  return { changed, subjects };
}

function isBinding(obj: Json): boolean {
  return (obj.kind === 'RoleBinding' || obj.kind === 'ClusterRoleBinding') && obj.apiVersion === `${rbacGroup}/v1`;
}

/** The parsed flags as the factory should see them: the command's --user is not the global one. */
function withoutUserFlag(flags: ParsedFlags): ParsedFlags {
  return new Proxy(flags, {
    get(target, prop, receiver) {
      if (prop === 'has') return (n: string) => n !== 'user' && target.has(n);
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

export async function runSetSubject(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  // The local --user shadows the global one (pflag): it must not pick a kubeconfig user.
  ctx.factory = new Factory(ctx.io, withoutUserFlag(ctx.flags));
  const dryRun = dryRunStrategy(ctx);
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('subjects updated', dryRun) });
  const { namespace } = await ctx.factory.namespace();
  const local = f.bool('local');
  if (local && ctx.args.length > 0) throw new KubectlError(localResourceError);
  const all = f.bool('all');
  const selector = f.string('selector');
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, {
      args: local ? [] : ctx.args,
      allowEmptySelector: all,
      continueOnError: true,
      flatten: true,
      latest: !local,
      local,
      labelSelector: local ? undefined : selector,
      fieldSelector: undefined,
      allNamespaces: false,
    }),
  ).build();
  // Upstream collects the Infos first: any lookup error stops the command before a change.
  if (res.errors.length) throw res.errors.length === 1 ? res.errors[0] : new AggregateError_(res.errors);

  const users = f.strings('user');
  const groups = f.strings('group');
  const serviceAccounts = f.strings('serviceaccount');
  if (all && selector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (users.length === 0 && groups.length === 0 && serviceAccounts.length === 0) {
    throw new KubectlError('you must specify at least one value of user, group or serviceaccount');
  }
  for (const sa of serviceAccounts) {
    const tokens = sa.split(':');
    if (tokens.length !== 2 || tokens[1] === '') throw new KubectlError('serviceaccount must be <namespace>:<name>');
    if (tokens[0] === '' && res.infos.some((i) => i.object?.kind === 'ClusterRoleBinding')) {
      throw new KubectlError('serviceaccount must be <namespace>:<name>, namespace must be specified');
    }
  }

  const targets = subjectsFrom(users, groups, serviceAccounts, namespace);
  const errs: unknown[] = [];
  for (const info of res.infos) {
    const original = info.object as Json;
    if (!isBinding(original)) {
      errs.push(new KubectlError(`error: ${info.mapping.resource}/${info.name} setting subjects is only supported for RoleBinding/ClusterRoleBinding\n`));
      continue;
    }
    const { changed, subjects } = addSubjects((original.subjects ?? []) as Json[], targets);
    if (!changed) continue;
    const modified = JSON.parse(JSON.stringify(original)) as Json;
    modified.subjects = subjects;
    const patch = createTwoWayMergePatch(original, modified, await patchSchemaFor(ctx, info.mapping));
    const patchText = goJsonMarshal(patch);
    if (patchText === '{}') continue;
    if (local || dryRun === 'client') {
      ctx.io.stdout.write(printWith(printer, toTyped(modified) as KubeObject, true));
      continue;
    }
    try {
      const client = await ctx.factory.client();
      const actual = await client.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: { fieldManager: f.string('field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
        body: patchText,
        contentType: 'application/strategic-merge-patch+json',
      });
      ctx.io.stdout.write(printWith(printer, toTyped(actual as Json) as KubeObject, true));
    } catch (e) {
      errs.push(new KubectlError(`failed to patch subjects to rolebinding: ${(e as Error).message}`));
    }
  }
  if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
  return 0;
}
