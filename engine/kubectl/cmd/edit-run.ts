// `kubectl edit` (NormalEditMode of the shared editor loop, editor-loop.ts): the live objects in
// the editor, then a two-way strategic merge patch per changed object (JSON merge patch for
// kinds kubectl does not know); objects the server finds invalid reopen the editor.
// Upstream: kubernetes/kubectl pkg/cmd/util/editor/editoptions.go (visitToPatch,
// editResults.addError).

import type { CommandContext } from '../cli/command';
import { ExitError, KubectlError, StatusError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder, type Info } from '../resource/builder';
import { decodeStream } from '../resource/manifest';
import type { KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { createTwoWayMergePatch } from '../../api/patch/strategic-merge-patch';
import { createMergePatch } from '../../api/patch/merge-patch';
import { isBuiltin, patchSchemaFor } from '../apply/patch-schema';
import { createOrUpdateAnnotation } from '../apply/last-applied';
import { builderOptions, genericPrinter, printWith, resourceGroup, validationDirective } from './cmd-util';
import { recordChangeCause } from './record';
import { runEditorLoop, type Reason } from './editor-loop';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const header =
  "# Please edit the object below. Lines beginning with a '#' will be ignored,\n" +
  '# and an empty file will abort the edit. If an error occurs while saving this file will be\n' +
  '# reopened with the relevant failures.\n' +
  '#\n';

function withoutManagedFields(o: KubeObject): KubeObject {
  const c = JSON.parse(JSON.stringify(o)) as Json;
  if (c.metadata) delete c.metadata.managedFields;
  return c as KubeObject;
}

export async function runEdit(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const output = f.string('output') || 'yaml';
  if (output !== 'yaml' && output !== 'json') throw new KubectlError(`the flag 'output' must be one of yaml|json`);
  const fieldValidation = validationDirective(f.string('validate'));
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: ctx.args, allowEmptySelector: true, continueOnError: true, latest: true, flatten: true, fieldSelector: undefined, allNamespaces: false }),
  ).build();
  if (res.errors.length) throw res.errors[0];
  const infos = res.infos;
  if (infos.length === 0) throw new KubectlError('edit cancelled, no objects found');
  const cmdNamespace = await ctx.factory.namespace();
  const originalObj: KubeObject =
    infos.length === 1 ? withoutManagedFields(infos[0].object!) : { kind: 'List', apiVersion: 'v1', metadata: {}, items: infos.map((i) => withoutManagedFields(i.object!)) };
  return runEditorLoop(ctx, {
    header,
    shown: originalObj,
    output,
    validate: validateEdited,
    invalid: async (message) => {
      const rs = resourceGroup(infos[0].mapping);
      return {
        reason: { head: `${rs} ${JSON.stringify(infos[0].name)} was not valid`, other: [`: Invalid value: "The edited file failed validation": ${message}`] },
        error: `error: ${rs} ${JSON.stringify(infos[0].name)} is invalid`,
      };
    },
    decode: async (text) => {
      const docs = await decodeStream(text, 'edited file');
      const updated = docs.flatMap((d) => (Array.isArray(d.object.items) && /List$/.test(d.object.kind ?? '') ? d.object.items! : [d.object]));
      for (const u of updated) if (!u.kind || !u.apiVersion) throw new KubectlError(`Object 'Kind' is missing in '${JSON.stringify(u)}'`);
      return updated;
    },
    apply: async (updated, file, reasons, keep) => {
      let retryable = 0;
      let notfound = 0;
      let invalid = 0;
      for (const u of updated as KubeObject[]) {
        const info = infos.find((i) => i.object!.kind === u.kind && i.name === u.metadata?.name && (!i.mapping.namespaced || i.namespace === (u.metadata?.namespace ?? i.namespace)));
        if (!info) continue;
        if (info.mapping.namespaced && u.metadata?.namespace && cmdNamespace.explicit && u.metadata.namespace !== cmdNamespace.namespace) {
          throw keep(new KubectlError(`the namespace from the provided object ${JSON.stringify(u.metadata.namespace)} does not match the namespace ${JSON.stringify(cmdNamespace.namespace)}. You must pass '--namespace=${u.metadata.namespace}' to perform this operation.`));
        }
        // restoreManagedFields + visitAnnotation
        let next = JSON.parse(JSON.stringify(u)) as Json;
        const mf = (info.object!.metadata as Json | undefined)?.managedFields;
        if (mf) next.metadata = { ...(next.metadata ?? {}), managedFields: mf };
        next = createOrUpdateAnnotation(f.bool('save-config'), next) as Json;
        recordChangeCause(ctx, next);
        const originalJs = info.object!;
        if (goJsonMarshal(originalJs) === goJsonMarshal(next)) {
          ctx.io.stdout.write(printWith(await genericPrinter(ctx, { output: 'name', operation: 'skipped' }), next));
          continue;
        }
        if (next.apiVersion !== originalJs.apiVersion || next.kind !== originalJs.kind || next.metadata?.name !== originalJs.metadata?.name) {
          throw keep(new KubectlError('At least one of apiVersion, kind and name was changed'));
        }
        let patch: unknown;
        let contentType: string;
        if (isBuiltin(info.mapping)) {
          patch = createTwoWayMergePatch(originalJs as object, next, await patchSchemaFor(ctx, info.mapping));
          contentType = 'application/strategic-merge-patch+json';
        } else {
          patch = createMergePatch(originalJs, next);
          contentType = 'application/merge-patch+json';
        }
        if (f.bool('output-patch')) ctx.io.stdout.write(`Patch: ${goJsonMarshal(patch)}\n`);
        try {
          const client = await ctx.factory.client();
          const patched = await client.json<KubeObject>({
            method: 'PATCH',
            path: resourcePath(info.mapping, info.namespace, info.name, f.string('subresource') || undefined),
            query: { fieldManager: f.string('field-manager'), fieldValidation },
            body: goJsonMarshal(patch),
            contentType,
          });
          info.object = patched;
          ctx.io.stdout.write(printWith(await genericPrinter(ctx, { output: 'name', operation: 'edited' }), patched));
        } catch (e) {
          ctx.io.stderr.write(addError(e, info, reasons) + '\n');
          if (e instanceof StatusError && e.reason === 'Invalid') invalid++;
          else if (e instanceof StatusError && e.code === 404) notfound++;
          else retryable++;
        }
      }
      if (retryable > 0) {
        ctx.io.stderr.write(`You can run \`kubectl replace -f ${file}\` to try this update again.\n`);
        throw new ExitError(1);
      }
      if (notfound > 0) {
        ctx.io.stderr.write(`The edits you made on deleted resources have been saved to ${JSON.stringify(file)}\n`);
        throw new ExitError(1);
      }
      return invalid === 0 ? 'done' : 'reopen';
    },
  });
}

/** Why the validator rejects the edited text, or undefined when it passes. */
async function validateEdited(text: string): Promise<string | undefined> {
  let docs;
  try {
    docs = await decodeStream(text, 'edited file');
  } catch (e) {
    return (e as Error).message; // the validator decodes first: a syntax error fails validation
  }
  if (docs.length === 0) return 'Object \'Kind\' is missing in \'null\'';
  for (const d of docs) {
    if (!d.object.kind) return `Object 'Kind' is missing in '${d.raw}'`;
    if (!d.object.apiVersion) return `Object 'apiVersion' is missing in '${d.raw}'`;
  }
  return undefined;
}

// Upstream: editoptions.go editResults.addError.
function addError(err: unknown, info: Info, reasons: Reason[]): string {
  const rs = resourceGroup(info.mapping);
  if (err instanceof StatusError && err.reason === 'Invalid') {
    const reason: Reason = { head: `${rs} ${JSON.stringify(info.name)} was not valid`, other: [] };
    for (const c of err.status.details?.causes ?? []) reason.other.push(`${c.field ?? ''}: ${c.message ?? ''}`);
    reasons.push(reason);
    return `error: ${rs} ${JSON.stringify(info.name)} is invalid`;
  }
  if (err instanceof StatusError && err.code === 404) return `error: ${rs} ${JSON.stringify(info.name)} could not be found on the server`;
  return `error: ${rs} ${JSON.stringify(info.name)} could not be patched: ${(err as Error).message}`;
}
