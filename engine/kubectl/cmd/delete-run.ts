// `kubectl delete`: by files, names, -l/--field-selector or --all; --cascade (with the
// deprecated boolean values), --grace-period/--now/--force, --dry-run, -o name; then waits
// (watch until DELETED) unless --wait=false. Output is kubectl's special `kind "name" deleted`.
// Upstream: kubernetes/kubectl pkg/cmd/delete/delete.go (Complete, Validate, DeleteResult,
// deleteResource, PrintObj), delete_flags.go (GetCascadingStrategy), pkg/cmd/wait/delete.go (IsDeleted).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { addSourceToErr, builderOptions, dryRunStrategy, kindGroup } from './cmd-util';
import { waitForDeletion } from '../resource/wait-deleted';


// Upstream: delete_flags.go GetCascadingStrategy.
export function cascadingStrategy(ctx: CommandContext, value: string): 'Background' | 'Foreground' | 'Orphan' {
  switch (value) {
    case 'orphan':
      return 'Orphan';
    case 'foreground':
      return 'Foreground';
    case 'background':
      return 'Background';
    case 'true':
      ctx.io.stderr.write('warning: --cascade=true is deprecated (boolean value) and can be replaced with --cascade=background.\n');
      return 'Background';
    case 'false':
      ctx.io.stderr.write('warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n');
      return 'Orphan';
  }
  throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

export async function runDelete(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const cascade = cascadingStrategy(ctx, f.string('cascade'));
  const deleteAll = f.bool('all');
  const labelSelector = f.string('selector');
  const fieldSelector = f.string('field-selector');
  let ignoreNotFound = f.bool('ignore-not-found');
  if ((deleteAll || labelSelector || fieldSelector) && !f.changed('ignore-not-found')) ignoreNotFound = true;
  let gracePeriod = f.number('grace-period');
  const force = f.bool('force');
  if (f.bool('now')) {
    if (gracePeriod !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    gracePeriod = 1;
  }
  if (gracePeriod === 0 && !force) gracePeriod = 1;
  if (force && gracePeriod < 0) gracePeriod = 0;
  const dryRun = dryRunStrategy(ctx);
  if (f.string('raw')) throw new KubectlError("--raw is not supported by Kubelab's kubectl");

  const opts = await builderOptions(ctx, {
    args: ctx.args,
    selectAll: deleteAll,
    allowEmptySelector: false,
    requireObject: false,
    continueOnError: true,
    flatten: true,
  });
  const ns = await ctx.factory.namespace();
  const builder = new ResourceBuilder(ctx.factory, opts);
  const resPromise = builder.build();

  // Upstream: DeleteOptions.Validate (after the builder was made in Complete).
  const output = f.string('output');
  let res;
  try {
    res = await resPromise;
  } catch (e) {
    throw e;
  }
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (deleteAll && labelSelector) throw new KubectlError('cannot set --all and --selector at the same time');
  if (deleteAll && fieldSelector) throw new KubectlError('cannot set --all and --field-selector at the same time');
  if (gracePeriod === 0 && force) {
    ctx.io.stderr.write(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  } else if (gracePeriod > 0 && force) {
    throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  }
  if (f.bool('interactive')) throw new KubectlError("--interactive is not supported by Kubelab's kubectl");

  // Upstream: DeleteResult.
  // Upstream: the visitor's own errors come back as one aggregate after the delete errors
  // (ContinueOnErrorVisitor); several print on one line as Go's "[a, b]".
  const visitErrors: unknown[] = ignoreNotFound ? res.errors.filter((e) => !isNotFoundError(e)) : [...res.errors];
  const errors: unknown[] = [];
  let warnClusterScope = ns.explicit && !f.bool('all-namespaces');
  const deleted: { info: Info; uid?: string }[] = [];
  const client = await ctx.factory.client();
  let found = 0;
  const printObj = (info: Info) => {
    let operation = gracePeriod === 0 ? 'force deleted' : 'deleted';
    if (dryRun === 'client') operation += ' (dry run)';
    if (dryRun === 'server') operation += ' (server dry run)';
    const kind = kindGroup(info.mapping);
    if (output === 'name') ctx.io.stdout.write(`${kind}/${info.name}\n`);
    else ctx.io.stdout.write(`${kind} "${info.name}" ${operation}\n`);
  };
  for (const info of res.infos) {
    found++;
    if (warnClusterScope && !info.mapping.namespaced) {
      ctx.io.stderr.write('Warning: deleting cluster-scoped resources, not scoped to the provided namespace\n');
      warnClusterScope = false;
    }
    if (dryRun === 'client') {
      printObj(info);
      continue;
    }
    const body: Record<string, unknown> = { kind: 'DeleteOptions', apiVersion: 'v1' };
    if (gracePeriod >= 0) body.gracePeriodSeconds = gracePeriod;
    body.propagationPolicy = cascade;
    const query: Record<string, string> = {};
    if (dryRun === 'server') body.dryRun = ['All'];
    try {
      const response = await client.json<{ kind?: string; details?: { uid?: string }; metadata?: { uid?: string } }>({
        method: 'DELETE',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query,
        body,
      });
      printObj(info);
      const uid = response.kind === 'Status' ? response.details?.uid : response.metadata?.uid;
      deleted.push({ info, uid });
    } catch (e) {
      // IgnoreErrors(IsNotFound): the object still counts as found (no "No resources found").
      if (ignoreNotFound && isNotFoundError(e)) continue;
      errors.push(addSourceToErr('deleting', info.source, e));
    }
  }
  if (visitErrors.length === 1) errors.push(visitErrors[0]);
  else if (visitErrors.length > 1) {
    // Alone, the aggregate is unwrapped and prints a line per error.
    if (errors.length === 0) throw new AggregateError_(visitErrors);
    errors.push(new Error(`[${visitErrors.map((e) => (e as Error).message).join(', ')}]`));
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  if (found === 0) {
    ctx.io.stdout.write('No resources found\n');
    return 0;
  }
  if (!f.bool('wait') || dryRun !== 'none') return 0;
  const timeoutMs = f.number('timeout') || 168 * 3600 * 1000;
  await waitForDeletion(ctx, deleted, timeoutMs);
  return 0;
}
