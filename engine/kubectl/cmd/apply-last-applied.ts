// `kubectl apply view-last-applied` and `apply set-last-applied`.
// Upstream: kubernetes/kubectl pkg/cmd/apply/apply_view_last_applied.go (Complete, Validate,
// RunApplyViewLastApplied), apply_set_last_applied.go (Complete, Validate, RunSetLastApplied),
// pkg/cmd/util/editor/editoptions.go (GetApplyPatch).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, UsageError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { toYaml } from '../printers/yaml-printer';
import { toGoJson } from '../printers/json-printer';
import { lastAppliedAnnotation, modifiedConfiguration, originalConfiguration } from '../apply/last-applied';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';

export async function runViewLastApplied(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const output = f.string('output');
  if (output !== 'yaml' && output !== 'json') {
    throw new UsageError(ctx.command.path, `Unexpected -o output mode: ${output}, the flag 'output' must be one of yaml|json`);
  }
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: ctx.args, allowEmptySelector: f.bool('all'), continueOnError: true, flatten: true, latest: true, fieldSelector: undefined, allNamespaces: false }),
  ).build();
  if (res.errors.length) throw res.errors.length === 1 ? res.errors[0] : new AggregateError_(res.errors);
  for (const info of res.infos) {
    const text = originalConfiguration(info.object!);
    if (text === undefined) continue;
    const value = JSON.parse(text);
    // yaml.JSONToYAML, or json.Indent with two spaces (key order and escapes as stored).
    ctx.io.stdout.write(output === 'yaml' ? toYaml(value) : toGoJson(value, { indent: '  ' }) + '\n');
  }
  return 0;
}

export async function runSetLastApplied(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  if (f.strings('filename').length === 0) throw new UsageError(ctx.command.path, 'must specify one of -f and -k');
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { continueOnError: true, flatten: true, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false })).build();
  if (res.errors.length) throw res.errors.length === 1 ? res.errors[0] : new AggregateError_(res.errors);
  const client = await ctx.factory.client();
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('configured', dryRun) });
  const pending: { path: string; modified: string; info: (typeof res.infos)[number] }[] = [];
  for (const info of res.infos) {
    const path = resourcePath(info.mapping, info.namespace, info.name);
    const live = await client.json<KubeObject>({ path });
    const original = originalConfiguration(live);
    if (original === undefined && !f.bool('create-annotation')) {
      throw new KubectlError(`no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`);
    }
    const { modified } = modifiedConfiguration(info.object!, false, false);
    if (original === modified) {
      ctx.io.stdout.write(`set-last-applied ${info.name}: no changes required.\n`);
      continue;
    }
    pending.push({ path, modified, info });
  }
  for (const p of pending) {
    let obj: KubeObject = p.info.object!;
    if (dryRun !== 'client') {
      obj = await client.json<KubeObject>({
        method: 'PATCH',
        path: p.path,
        query: dryRun === 'server' ? { dryRun: 'All' } : {},
        body: JSON.stringify({ metadata: { annotations: { [lastAppliedAnnotation]: p.modified } } }),
        contentType: 'application/merge-patch+json',
      });
    }
    ctx.io.stdout.write(printWith(printer, obj));
  }
  return 0;
}
