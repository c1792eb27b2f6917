// `kubectl create -f`: POST every object from the files (Flatten: a List's items one by one),
// with --save-config, --dry-run and -o; errors carry `error when creating "<file>"`.
// Upstream: kubernetes/kubectl pkg/cmd/create/create.go (RunCreate).

import type { CommandContext } from '../../cli/command';
import { AggregateError_, KubectlError } from '../../errors';
import { resourcePath } from '../../client/rest-mapper';
import { ResourceBuilder } from '../../resource/builder';
import { operationWithDryRun, type KubeObject } from '../../printers/name-printer';
import { goJsonMarshal } from '../../../api/patch/go-json';
import { createOrUpdateAnnotation } from '../../apply/last-applied';
import { recordChangeCause } from '../record';
import { addSourceToErr, builderOptions, dryRunStrategy, genericPrinter, printWith, validationDirective } from '../cmd-util';

export async function runCreateFromFiles(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  if (f.bool('edit')) throw new KubectlError("--edit is not supported by Kubelab's kubectl");
  if (f.string('raw')) throw new KubectlError("--raw is not supported by Kubelab's kubectl");
  const dryRun = dryRunStrategy(ctx);
  const fieldValidation = validationDirective(f.string('validate'));
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output === '' ? 'name' : output, operation: output === '' ? operationWithDryRun('created', dryRun) : '' });
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { continueOnError: true, flatten: true, validate: fieldValidation !== 'Ignore' })).build();
  const errors: unknown[] = [...res.errors];
  const client = await ctx.factory.client();
  let count = 0;
  for (const info of res.infos) {
    try {
      recordChangeCause(ctx, info.object!);
      let obj = createOrUpdateAnnotation(f.bool('save-config'), info.object!);
      if (dryRun !== 'client') {
        const query: Record<string, string> = { fieldManager: f.string('field-manager'), fieldValidation };
        if (dryRun === 'server') query.dryRun = 'All';
        const body = { ...obj };
        if (body.metadata?.resourceVersion) body.metadata = { ...body.metadata, resourceVersion: undefined };
        try {
          obj = await client.json<KubeObject>({ method: 'POST', path: resourcePath(info.mapping, info.namespace), query, body: goJsonMarshal(body) });
        } catch (e) {
          throw addSourceToErr('creating', info.source, e);
        }
      }
      count++;
      ctx.io.stdout.write(printWith(printer, obj));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  if (count === 0) throw new KubectlError('no objects passed to create');
  return 0;
}
