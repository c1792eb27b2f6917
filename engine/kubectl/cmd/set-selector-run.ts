// `kubectl set selector`: replace a Service's spec.selector with the labels of the last
// argument, send the two-way strategic merge patch (even an empty one) and print
// `service/<name> selector updated`; --local and --dry-run=client print the changed object.
// Objects are kubectl's typed ones, so -o json writes Go struct order.
// Upstream: kubernetes/kubectl pkg/cmd/set/set_selector.go (Complete, Validate, RunSelector,
// updateSelectorForObject, getResourcesAndSelector), helper.go (CalculatePatch),
// cli-runtime genericclioptions/builder_flags.go (ToBuilder, LocalResourceError).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { patchSchemaFor } from '../apply/patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { recordChangeCause } from './record';
import { toTyped } from '../printers/typed-object';
import { formatRequirements, parseToLabelSelector, type ParsedLabelSelector } from './set-selector-parse';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const localResourceError =
  "error: you must specify resources by --filename when --local is set.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'";

// Upstream: updateSelectorForObject — only a Service's selector, and only from match labels.
export function selectorUpdate(obj: Json, selector: ParsedLabelSelector): void {
  if (obj.kind !== 'Service' || (obj.apiVersion ?? 'v1') !== 'v1') throw new KubectlError('setting a selector is only supported for Services');
  if (selector.matchExpressions.length > 0) throw new KubectlError(`match expression ${formatRequirements(selector.matchExpressions)} not supported on this object`);
  obj.spec ??= {};
  if (Object.keys(selector.matchLabels).length) obj.spec.selector = { ...selector.matchLabels };
  else delete obj.spec.selector; // an empty Go map marshals away (omitempty)
}

export async function runSetSelector(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const args = ctx.args;
  const resources = args.slice(0, -1);
  let selector: ParsedLabelSelector | undefined;
  if (args.length > 0) {
    try {
      selector = parseToLabelSelector(args[args.length - 1]);
    } catch (e) {
      throw new KubectlError((e as Error).message);
    }
  }
  const local = f.bool('local');
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('selector updated', dryRun) });
  if (!selector) throw new KubectlError('one selector is required');
  if (local && resources.length > 0) throw new KubectlError(localResourceError);
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, {
      args: local ? [] : resources,
      allowEmptySelector: f.bool('all'),
      continueOnError: true,
      flatten: true,
      latest: !local,
      local,
      labelSelector: undefined,
      fieldSelector: undefined,
      allNamespaces: false,
    }),
  ).build();
  const errs: unknown[] = [...res.errors];
  const writeToServer = !(local || dryRun === 'client');
  const rv = f.string('resource-version');
  for (const info of res.infos) {
    const original = JSON.parse(JSON.stringify(info.object)) as Json;
    // With --resource-version the patch always carries it: the starting point has none.
    if (rv && original.metadata) delete original.metadata.resourceVersion;
    const modified = JSON.parse(JSON.stringify(original)) as Json;
    if (rv) (modified.metadata ??= {}).resourceVersion = rv;
    try {
      selectorUpdate(modified, selector);
    } catch (e) {
      errs.push(e);
      continue;
    }
    recordChangeCause(ctx, modified);
    if (!writeToServer) {
      ctx.io.stdout.write(printWith(printer, toTyped(modified) as KubeObject, true));
      continue;
    }
    const patch = createTwoWayMergePatch(original, modified, await patchSchemaFor(ctx, info.mapping));
    try {
      const client = await ctx.factory.client();
      const actual = await client.json<KubeObject>({
        method: 'PATCH',
        path: resourcePath(info.mapping, info.namespace, info.name),
        query: { fieldManager: f.string('field-manager'), ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
        body: goJsonMarshal(patch),
        contentType: 'application/strategic-merge-patch+json',
      });
      ctx.io.stdout.write(printWith(printer, toTyped(actual as Json) as KubeObject, true));
    } catch (e) {
      errs.push(e);
    }
  }
  if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
  return 0;
}
