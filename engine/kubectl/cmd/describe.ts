// `kubectl describe`: resolve what the user named with the resource builder, run the describer
// for each object's kind, and, when a single name is not found, describe every object of that
// type whose name starts with it.
// Upstream: kubernetes/kubectl pkg/cmd/describe/describe.go (Complete, Run, DescribeMatchingResources).

import type { CommandContext, CommandSpec } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { builderOptions, flagBool } from './cmd-util';
import { DescribeApi } from '../describe/api';
import { describerFor } from '../describe/index';
import { describeDocs } from './docs/describe';

async function runDescribe(ctx: CommandContext): Promise<number> {
  const { io, flags, args } = ctx;
  const base = await builderOptions(ctx);
  if (args.length === 0 && base.filenames?.length === 0 && !base.kustomize) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n');
  }
  const showEvents = flagBool(ctx, 'show-events');
  const chunkSize = flags.has('chunk-size') ? flags.number('chunk-size') : 500;
  const api = new DescribeApi(await ctx.factory.client(), chunkSize, io.now());

  const result = await new ResourceBuilder(ctx.factory, {
    ...base,
    args,
    allowEmptySelector: true,
    continueOnError: true,
    flatten: true,
    chunkSize,
  }).build();

  const allErrs: unknown[] = [];
  if (result.errors.length > 0) {
    // Upstream checks apierrors.IsNotFound on the reduced aggregate: one NotFound error only.
    if (args.length === 2 && result.errors.length === 1 && isNotFoundError(result.errors[0])) {
      return describeMatching(ctx, api, base.namespace, result.errors[0], args[0], args[1], showEvents);
    }
    allErrs.push(...result.errors);
  }
  const seen = new Set<string>();
  let first = true;
  for (const info of result.infos) {
    let text: string;
    try {
      text = await describerFor(info.mapping)(api, info.namespace, info.name, showEvents);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (!seen.has(msg)) {
        seen.add(msg);
        allErrs.push(e);
      }
      continue;
    }
    io.stdout.write(first ? text : `\n\n${text}`);
    first = false;
  }
  if (result.infos.length === 0 && allErrs.length === 0) {
    if (base.allNamespaces) io.stderr.write('No resources found\n');
    else io.stderr.write(`No resources found in ${base.namespace} namespace.\n`);
  }
  if (allErrs.length === 1) throw allErrs[0];
  if (allErrs.length > 1) throw new AggregateError_(allErrs);
  return 0;
}

// Upstream: DescribeMatchingResources — a LIST of the one type, every name with the prefix.
async function describeMatching(ctx: CommandContext, api: DescribeApi, namespace: string, original: unknown, resource: string, prefix: string, showEvents: boolean): Promise<number> {
  const result = await new ResourceBuilder(ctx.factory, {
    namespace,
    args: [resource],
    allowEmptySelector: true,
    singleResourceType: true,
    flatten: true,
    chunkSize: api.chunkSize,
  }).build();
  let found = false;
  for (const info of result.infos as Info[]) {
    if (!info.name.startsWith(prefix)) continue;
    found = true;
    const text = await describerFor(info.mapping)(api, info.namespace, info.name, showEvents);
    ctx.io.stdout.write(`${text}\n`);
  }
  if (!found) throw original;
  return 0;
}

export const describeCommand: CommandSpec = {
  ...describeDocs,
  short: 'Show details of a specific resource or group of resources',
  run: runDescribe,
};
