// What the `create <generator>` subcommands share: dry-run strategy, printing the
// object (name printer by default), the enforced namespace, and the POST.
// Upstream: kubernetes/kubectl pkg/cmd/util/helpers.go (GetDryRunStrategy),
// pkg/cmd/create/create.go (CreateSubcommandOptions).

import type { CommandContext } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { klogf } from '../../klog';
import { makePrinter, PrinterError } from '../../printers/print-flags';
import { operationWithDryRun, type DryRun, type KubeObject } from '../../printers/name-printer';
import { resourcePath } from '../../client/rest-mapper';
import { toGoJson } from '../../printers/json-printer';

// Upstream: GetDryRunStrategy (the klog warnings carry kubectl's own source lines).
export function dryRunStrategy(ctx: CommandContext): DryRun {
  const v = ctx.flags.string('dry-run');
  if (/^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/.test(v)) {
    const b = /^(1|t|T|TRUE|true|True)$/.test(v);
    const to = b ? 'client' : 'none';
    klogf(ctx.io, 'W', 'helpers.go:716', `--dry-run=${v} is deprecated (boolean value) and can be replaced with --dry-run=${to}.`);
    return b ? 'client' : 'none';
  }
  switch (v) {
    case 'unchanged':
      klogf(ctx.io, 'W', 'helpers.go:702', '--dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'client':
    case 'server':
    case 'none':
      return v;
  }
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** The namespace to stamp on a generated object: only one given with -n (EnforceNamespace). */
export async function enforcedNamespace(ctx: CommandContext): Promise<string | undefined> {
  const ns = await ctx.factory.namespace();
  return ns.explicit ? ns.namespace : undefined;
}

/** Builds the printer for `-o` (name printer with `created` when -o is absent). */
export function createPrinter(ctx: CommandContext, dryRun: DryRun) {
  const output = ctx.flags.string('output');
  try {
    return makePrinter({
      output: output === '' ? 'name' : output,
      template: ctx.flags.string('template'),
      allowMissingTemplateKeys: ctx.flags.bool('allow-missing-template-keys'),
      showManagedFields: ctx.flags.bool('show-managed-fields'),
      operation: output === '' ? operationWithDryRun('created', dryRun) : '',
      readFile: () => {
        throw new Error('template files are not supported yet');
      },
    });
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(e.message);
    throw e;
  }
}

export interface CreateTarget {
  group: string;
  version: string;
  resource: string;
  /** Used in kubectl's `failed to create <what>: …` message; undefined: the server error as is. */
  what?: string;
  /** Cluster-scoped kinds (namespace, clusterrole, priorityclass …) are POSTed without a namespace. */
  namespaced?: boolean;
}

/**
 * Prints the generated object (client dry run) or POSTs it and prints the result.
 * Typed clients wrap every server failure as `failed to create <what>: <err>`.
 */
export async function createAndPrint(ctx: CommandContext, obj: KubeObject, target: CreateTarget, dryRun: DryRun): Promise<number> {
  const printer = createPrinter(ctx, dryRun);
  if (ctx.flags.has('save-config') && ctx.flags.bool('save-config')) obj = withTypedApplyAnnotation(obj);
  let result = obj;
  if (dryRun !== 'client') {
    const ns = obj.metadata?.namespace ?? (await ctx.factory.namespace()).namespace;
    const client = await ctx.factory.client();
    const path = resourcePath(
      { group: target.group, version: target.version, resource: target.resource, namespaced: target.namespaced ?? true } as never,
      ns,
    );
    const query: Record<string, string> = {};
    if (dryRun === 'server') query.dryRun = 'All';
    query.fieldManager = ctx.flags.string('field-manager');
    query.fieldValidation = validationDirective(ctx.flags.string('validate'));
    try {
      result = await client.json<KubeObject>({ method: 'POST', path, query, body: obj });
    } catch (e) {
      if (target.what === undefined) throw e;
      throw new KubectlError(`failed to create ${target.what}: ${(e as Error).message}`);
    }
  }
  try {
    ctx.io.stdout.write(printer.print(result, { typed: true }));
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(e.message);
    throw e;
  }
  return 0;
}

// Upstream: cmdutil.GetValidationDirective.
export function validationDirective(v: string): string {
  switch (v.toLowerCase()) {
    case 'strict':
    case 'true':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
    case 'false':
      return 'Ignore';
  }
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

/** `exactly one NAME is required, got N` as a usage error. */
export function requireName(ctx: CommandContext, args: string[]): string {
  if (args.length !== 1) throw new UsageError(ctx.command.path, `exactly one NAME is required, got ${args.length}`);
  return args[0];
}

// Upstream: util.CreateApplyAnnotation on a typed object — its JSON in Go struct order (no empty
// annotations map, omitempty), placed where ObjectMeta keeps annotations (after labels).
function withTypedApplyAnnotation(obj: KubeObject): KubeObject {
  const annotation = toGoJson(obj) + '\n';
  const meta = (obj.metadata ?? {}) as Record<string, unknown>;
  const order = ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels'];
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in meta) out[k] = meta[k];
  out.annotations = { ...((meta.annotations as Record<string, string>) ?? {}), 'kubectl.kubernetes.io/last-applied-configuration': annotation };
  for (const [k, v] of Object.entries(meta)) if (!(k in out)) out[k] = v;
  return { ...obj, metadata: out as KubeObject['metadata'] };
}
