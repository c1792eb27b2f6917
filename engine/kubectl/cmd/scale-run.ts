// `kubectl scale`: the scale subresource, by merge patch (or GET + PUT when --current-replicas
// or --resource-version preconditions are given); --dry-run, -o, --all, -l.
// Upstream: kubernetes/kubectl pkg/cmd/scale/scale.go (Validate, RunScale), pkg/scale/scale.go
// (ScaleSimple, ScalePrecondition.validate).

import type { CommandContext } from '../cli/command';
import { KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { recordChangeCause } from './record';

export async function runScale(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const replicas = f.number('replicas');
  const current = f.number('current-replicas');
  const resourceVersion = f.string('resource-version');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (current < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('scaled', dryRun) });
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: ctx.args, allowEmptySelector: f.bool('all'), continueOnError: true, flatten: true }),
  ).build();
  const infos = res.infos;
  if (resourceVersion && infos.length > 1) throw new KubectlError('cannot use --resource-version with multiple resources');
  if (infos.length === 0) {
    const err = res.errors[0];
    throw new KubectlError(`no objects passed to scale${err ? ' ' + (err as Error).message : ''}`);
  }
  const client = await ctx.factory.client();
  for (const info of infos) {
    if (dryRun !== 'client') {
      const path = resourcePath(info.mapping, info.namespace, info.name, 'scale');
      const query: Record<string, string> = dryRun === 'server' ? { dryRun: 'All' } : {};
      if (current !== -1 || resourceVersion) {
        const scale = await client.json<KubeObject & { spec?: { replicas?: number } }>({ path });
        if (current !== -1 && (scale.spec?.replicas ?? 0) !== current) {
          throw new KubectlError(`Expected replicas to be ${current}, was ${scale.spec?.replicas ?? 0}`);
        }
        if (resourceVersion && scale.metadata?.resourceVersion !== resourceVersion) {
          throw new KubectlError(`Expected resource version to be ${resourceVersion}, was ${scale.metadata?.resourceVersion ?? ''}`);
        }
        scale.spec = { ...(scale.spec ?? {}), replicas };
        await client.json({ method: 'PUT', path, query, body: scale });
      } else {
        await client.json({ method: 'PATCH', path, query, body: JSON.stringify({ spec: { replicas } }), contentType: 'application/merge-patch+json' });
      }
      if (f.has('record') && f.bool('record')) {
        const obj = JSON.parse(JSON.stringify(info.object)) as KubeObject;
        recordChangeCause(ctx, obj);
        const annotations = (obj.metadata as { annotations?: Record<string, string> }).annotations;
        await client.json({
          method: 'PATCH',
          path: resourcePath(info.mapping, info.namespace, info.name),
          body: JSON.stringify({ metadata: { annotations } }),
          contentType: 'application/merge-patch+json',
        });
      }
    }
    ctx.io.stdout.write(printWith(printer, info.object!));
  }
  if (res.errors.length) throw res.errors[0];
  return 0;
}
