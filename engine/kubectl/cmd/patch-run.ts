// `kubectl patch`: a strategic (default), merge or JSON patch given inline (YAML or JSON) or
// from a file, sent as is; `patched` or `patched (no change)` by comparing the object before
// and after; --local applies it client-side.
// Upstream: kubernetes/kubectl pkg/cmd/patch/patch.go (Complete, Validate, RunPatch, patchOperation).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, StatusError } from '../errors';
import { readText } from '../io';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { applyMergePatch } from '../../api/patch/merge-patch';
import { applyJsonPatch, decodeJsonPatch } from '../../api/patch/json-patch';
import { applyStrategicMergePatch } from '../../api/patch/strategic-merge-patch';
import { patchSchemaFor } from '../apply/patch-schema';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { changeCause, changeCauseAnnotation } from './record';
import { kubectlYaml } from '../resource/yaml-schema';

const contentTypes: Record<string, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export async function runPatch(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const local = f.bool('local');
  const type = f.string('type');
  const patchFlag = f.string('patch');
  const patchFile = f.string('patch-file');
  // Upstream: PatchOptions.Validate.
  if (patchFlag && patchFile) throw new KubectlError('--patch and --patch-file are mutually exclusive');
  if (!patchFlag && !patchFile) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  if (local && ctx.args.length !== 0) throw new KubectlError(`cannot specify --local and server resources`);
  if (local && dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
  if (!contentTypes[type.toLowerCase()]) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(type)}`);
  const patchType = type.toLowerCase();
  const text = patchFile ? await readText(ctx.io, patchFile) : patchFlag;
  // Upstream: yaml.ToJSON — the patch may be written as YAML.
  let patchValue: unknown;
  try {
    patchValue = text.trim().startsWith('{') || text.trim().startsWith('[') ? JSON.parse(text) : (await import('yaml')).parse(text, kubectlYaml);
  } catch (e) {
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: ${(e as Error).message}`);
  }
  const patchBytes = JSON.stringify(patchValue);
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { args: ctx.args, continueOnError: true, flatten: true, local })).build();
  const errors: unknown[] = [...res.errors];
  const output = f.string('output');
  const client = local ? undefined : await ctx.factory.client();
  let count = 0;
  for (const info of res.infos) {
    count++;
    try {
      if (!local) {
        const query: Record<string, string> = { fieldManager: f.string('field-manager') };
        if (dryRun === 'server') query.dryRun = 'All';
        const path = resourcePath(info.mapping, info.namespace, info.name, f.string('subresource') || undefined);
        let patched: KubeObject;
        try {
          patched = await client!.json<KubeObject>({ method: 'PATCH', path, query, body: patchBytes, contentType: contentTypes[patchType] });
        } catch (e) {
          if (e instanceof StatusError && e.code === 415) {
            throw new KubectlError(`${patchType} is not supported by ${info.mapping.group ? info.mapping.group + '/' : '/'}${info.mapping.version}, Kind=${info.mapping.kind}: ${e.message}`);
          }
          throw e;
        }
        const didPatch = goJsonMarshal(info.object) !== goJsonMarshal(patched);
        if (f.has('record') && f.bool('record')) {
          patched = await client!.json<KubeObject>({
            method: 'PATCH',
            path: resourcePath(info.mapping, info.namespace, info.name),
            body: JSON.stringify({ metadata: { annotations: { [changeCauseAnnotation]: changeCause(ctx) } } }),
            contentType: 'application/merge-patch+json',
          });
        }
        const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun(didPatch ? 'patched' : 'patched (no change)', dryRun) });
        ctx.io.stdout.write(printWith(printer, patched));
        continue;
      }
      // --local: apply the patch to the file's object.
      let patched: unknown;
      if (patchType === 'json') patched = applyJsonPatch(info.object, decodeJsonPatch(patchBytes).ops);
      else if (patchType === 'merge') patched = applyMergePatch(info.object, patchValue);
      else patched = applyStrategicMergePatch(info.object as object, patchValue as object, await patchSchemaFor(ctx, info.mapping));
      const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('patched', dryRun) });
      ctx.io.stdout.write(printWith(printer, patched as KubeObject));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  if (count === 0) throw new KubectlError('no objects passed to patch');
  return 0;
}
