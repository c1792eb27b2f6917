// `kubectl apply`: client-side three-way apply with the last-applied annotation (create when
// missing, strategic merge patch computed from last-applied/file/live, `unchanged` when the
// patch is `{}`), --dry-run=client|server, -o, and basic --server-side apply.
// Upstream: kubernetes/kubectl pkg/cmd/apply/apply.go (Complete, Validate, Run, applyOneObject,
// warningNoLastAppliedConfigAnnotation), patcher.go (Patcher.Patch, patchSimple).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, StatusError, UsageError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { operationWithDryRun, type DryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createThreeWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { modifiedConfiguration, originalConfiguration, withApplyAnnotation } from '../apply/last-applied';
import { patchSchemaFor } from '../apply/patch-schema';
import { recordChangeCause } from './record';
import { addSourceToErr, builderOptions, dryRunStrategy, genericPrinter, kindGroup, printWith, validationDirective } from './cmd-util';

const maxPatchRetry = 5;

function warningNoLastApplied(info: Info): string {
  return (
    `Warning: resource ${info.mapping.resource}/${info.name} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.\n'
  );
}

export async function runApply(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const serverSide = f.bool('server-side');
  const forceConflicts = f.bool('force-conflicts');
  // Upstream: ApplyOptions.Validate / Complete.
  if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `Unexpected args: [${ctx.args.join(' ')}]`);
  if (forceConflicts && !serverSide) throw new KubectlError('--force-conflicts only works with --server-side');
  if (dryRun === 'client' && serverSide) throw new KubectlError('--dry-run=client doesn\'t work with --server-side (did you mean --dry-run=server instead?)');
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (f.bool('prune')) throw new KubectlError("--prune is not supported by Kubelab's kubectl");
  if (f.strings('filename').length === 0 && f.string('kustomize') === '') throw new KubectlError('must specify one of -f and -k');
  const fieldValidation = validationDirective(f.string('validate'));
  let fieldManager = f.string('field-manager');
  if (serverSide && !f.changed('field-manager')) fieldManager = 'kubectl';

  const output = f.string('output');
  const shouldPrintObject = output !== '' && output !== 'name';
  const printerFor = (op: string) => genericPrinter(ctx, { operation: output === '' ? operationWithDryRun(op, dryRun) : '', output: output === '' ? 'name' : output });

  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { continueOnError: true, flatten: true, validate: fieldValidation !== 'Ignore' })).build();
  const errors: unknown[] = [...res.errors];
  if (res.infos.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  const client = await ctx.factory.client();

  for (const info of res.infos) {
    try {
      if (serverSide) {
        const query: Record<string, string> = { fieldManager, force: String(forceConflicts), fieldValidation };
        if (dryRun === 'server') query.dryRun = 'All';
        const obj = await client.json<KubeObject>({
          method: 'PATCH',
          path: resourcePath(info.mapping, info.namespace, info.name),
          query,
          body: goJsonMarshal(info.object),
          contentType: 'application/apply-patch+yaml',
        });
        ctx.io.stdout.write(printWith(await printerFor('serverside-applied'), obj));
        continue;
      }
      await applyOne(ctx, info, { dryRun, fieldManager, fieldValidation, shouldPrintObject, printerFor });
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

interface ApplyOpts {
  dryRun: DryRun;
  fieldManager: string;
  fieldValidation: string;
  shouldPrintObject: boolean;
  printerFor: (op: string) => Promise<{ print(o: KubeObject, p?: { typed?: boolean }): string }>;
}

// Upstream: apply.go applyOneObject (client-side branch).
async function applyOne(ctx: CommandContext, info: Info, o: ApplyOpts): Promise<void> {
  const client = await ctx.factory.client();
  // --record: the change cause goes into the object before its last-applied serialization.
  recordChangeCause(ctx, info.object!);
  const { modified } = modifiedConfiguration(info.object!, true);
  const path = resourcePath(info.mapping, info.namespace, info.name);
  let current: KubeObject;
  try {
    current = await client.json<KubeObject>({ path });
  } catch (e) {
    if (!isNotFoundError(e)) {
      throw addSourceToErr(`retrieving current configuration of:\n${infoString(info)}\nfrom server for:`, info.source, e);
    }
    // Create: the object carries its own last-applied annotation.
    let obj = withApplyAnnotation(info.object!);
    if (o.dryRun !== 'client') {
      const query: Record<string, string> = { fieldManager: o.fieldManager, fieldValidation: o.fieldValidation };
      if (o.dryRun === 'server') query.dryRun = 'All';
      const body = { ...obj };
      if (body.metadata?.resourceVersion) body.metadata = { ...body.metadata, resourceVersion: undefined };
      try {
        obj = await client.json<KubeObject>({ method: 'POST', path: resourcePath(info.mapping, info.namespace), query, body: goJsonMarshal(body) });
      } catch (err) {
        throw addSourceToErr('creating', info.source, err);
      }
    }
    ctx.io.stdout.write(printWith(await o.printerFor('created'), obj));
    return;
  }
  if (o.dryRun !== 'client' && originalConfiguration(current) === undefined) ctx.io.stderr.write(warningNoLastApplied(info));

  // Upstream: patcher.go Patcher.Patch — retry on Conflict with a fresh GET.
  let patchText = '{}';
  let patched: KubeObject = current;
  for (let attempt = 1; ; attempt++) {
    const original = originalConfiguration(current);
    const schema = await patchSchemaFor(ctx, info.mapping);
    const patch = createThreeWayMergePatch(
      original ? (JSON.parse(original) as object) : {},
      JSON.parse(modified) as object,
      current,
      schema,
      ctx.flags.bool('overwrite'),
    );
    patchText = goJsonMarshal(patch);
    if (patchText === '{}') {
      patched = current;
      break;
    }
    if (o.dryRun === 'client') break;
    const query: Record<string, string> = { fieldManager: o.fieldManager, fieldValidation: o.fieldValidation };
    if (o.dryRun === 'server') query.dryRun = 'All';
    try {
      patched = await client.json<KubeObject>({ method: 'PATCH', path, query, body: patchText, contentType: 'application/strategic-merge-patch+json' });
      break;
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'Conflict' && attempt < maxPatchRetry) {
        current = await client.json<KubeObject>({ path });
        continue;
      }
      throw addSourceToErr(`applying patch:\n${patchText}\nto:\n${infoString(info)}\nfor:`, info.source, e);
    }
  }
  if (patchText === '{}' && !o.shouldPrintObject) {
    ctx.io.stdout.write(printWith(await o.printerFor('unchanged'), info.object!));
    return;
  }
  ctx.io.stdout.write(printWith(await o.printerFor('configured'), patched));
}

// Upstream: resource.Info String() (used in apply's error messages).
function infoString(info: Info): string {
  const gv = info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : `/${info.mapping.version}`;
  return `Resource: "${gv}, Resource=${info.mapping.resource}", GroupVersionKind: "${gv}, Kind=${info.mapping.kind}"\nName: "${info.name}", Namespace: "${info.namespace}"`;
}

export { kindGroup };
