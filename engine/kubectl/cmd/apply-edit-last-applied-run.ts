// `kubectl apply edit-last-applied`: the last-applied-configuration annotations of the objects,
// as YAML (or JSON) under kubectl's header, in the user's editor (the same launcher as
// `kubectl edit`); each changed object becomes the new annotation of the live object (a JSON
// merge patch of that one annotation) and prints `<kind>.<group>/<name> edited`; unchanged
// ones print `skipped`. Invalid files reopen the editor with the reasons in the header.
// Upstream: kubernetes/kubectl pkg/cmd/apply/apply_edit_last_applied.go,
// pkg/cmd/util/editor/editoptions.go (ApplyEditMode: Run, visitToApplyEditPatch,
// annotationPatch, GetApplyPatch, editHeader.writeTo).

import type { CommandContext } from '../cli/command';
import { KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { decodeStream } from '../resource/manifest';
import { printName, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { lastAppliedAnnotation, originalConfiguration } from '../apply/last-applied';
import { builderOptions, genericPrinter, printWith, validationDirective } from './cmd-util';
import { manualStrip, runEditorLoop } from './editor-loop';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const header =
  "# Please edit the 'last-applied-configuration' annotations below.\n" +
  "# Lines beginning with a '#' will be ignored, and an empty file will abort the edit.\n" +
  '#\n';

/** Why the schema validator rejects the edited text (kind and apiVersion required), or undefined. */
async function validationError(text: string): Promise<string | undefined> {
  let docs;
  try {
    docs = await decodeStream(manualStrip(text), 'edited file');
  } catch (e) {
    return (e as Error).message;
  }
  if (docs.length === 0) return 'invalid object to validate';
  for (const d of docs) {
    if (!d.object.kind) return 'kind not set';
    if (!d.object.apiVersion) return 'apiVersion not set';
  }
  return undefined;
}

/** Upstream GetApplyPatch: the merge patch that stores the object as its own annotation
 * (encodeToJSON keeps the JSON encoder's newline). */
export function applyAnnotationPatch(edited: Json): string {
  return goJsonMarshal({ metadata: { annotations: { [lastAppliedAnnotation]: goJsonMarshal(edited) + '\n' } } });
}

/** Upstream o.ToPrinter(operation): a fresh printer per object (-o yaml|json, else the name). */
async function printEdited(ctx: CommandContext, obj: Json, operation: string): Promise<string> {
  const output = ctx.flags.string('output');
  if (!output) return printName(obj as KubeObject, operation);
  return printWith(await genericPrinter(ctx, { output }), obj as KubeObject);
}

export async function runApplyEditLastApplied(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const output = f.string('output') || 'yaml';
  if (output !== 'yaml' && output !== 'json') {
    throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(f.string('output'))}, allowed formats are: json,yaml`);
  }
  const fieldValidation = validationDirective(f.string('validate'));
  const res = await new ResourceBuilder(
    ctx.factory,
    await builderOptions(ctx, { args: ctx.args, continueOnError: true, latest: true, flatten: true, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false }),
  ).build();
  if (res.errors.length) throw res.errors[0];
  const originals: Json[] = [];
  for (const info of res.infos) {
    const data = originalConfiguration(info.object!);
    if (data === undefined) continue;
    const docs = await decodeStream(data, 'last-applied-configuration');
    if (docs[0]) originals.push(docs[0].object as Json);
  }
  if (originals.length === 0) {
    throw new KubectlError('no last-applied-configuration annotation found on resources, to create the annotation, use command `kubectl apply set-last-applied --create-annotation`');
  }
  const { namespace: cmdNamespace } = await ctx.factory.namespace();
  return runEditorLoop(ctx, {
    header,
    shown: originals.length === 1 ? originals[0] : { kind: 'List', apiVersion: 'v1', metadata: {}, items: originals },
    output,
    validate: validationError,
    invalid: async (message) => {
      const first = originals[0];
      const mapping = (await ctx.factory.mapper()).mappingForKind(String(first.apiVersion ?? ''), String(first.kind ?? ''));
      const rs = mapping ? (mapping.group ? `${mapping.resource}.${mapping.group}` : mapping.resource) : String(first.kind ?? '').toLowerCase();
      const name = JSON.stringify(first.metadata?.name ?? '');
      return { reason: { head: `${rs} ${name} was not valid`, other: [`<nil>: Invalid value: "The edited file failed validation": ${message}`] }, error: `error: ${rs} ${name} is invalid` };
    },
    decode: async (text) => {
      const docs = await decodeStream(text, 'edited file');
      return docs.flatMap((d) => (Array.isArray(d.object.items) && /List$/.test(d.object.kind ?? '') ? (d.object.items as Json[]) : [d.object as Json]));
    },
    // Upstream: visitToApplyEditPatch — an edited object goes with the original of the same
    // UID (annotations rarely hold one: the first original then), the first error stops.
    apply: async (updated, _file, _reasons, keep) => {
      try {
        for (const u of updated) {
          const uid = u.metadata?.uid ?? '';
          const orig = originals.find((o) => (o.metadata?.uid ?? '') === uid);
          if (!orig) throw new KubectlError(`no original object found for ${JSON.stringify(u)}`);
          if (goJsonMarshal(orig) === goJsonMarshal(u)) {
            ctx.io.stdout.write(await printEdited(ctx, u, 'skipped'));
            continue;
          }
          const mapping = (await ctx.factory.mapper()).mappingForKind(String(u.apiVersion ?? ''), String(u.kind ?? ''));
          if (!mapping) throw new KubectlError(`no matches for kind ${JSON.stringify(u.kind)} in version ${JSON.stringify(u.apiVersion)}`);
          const client = await ctx.factory.client();
          await client.json<KubeObject>({
            method: 'PATCH',
            path: resourcePath(mapping, cmdNamespace, String(u.metadata?.name ?? '')),
            query: { fieldManager: f.string('field-manager'), fieldValidation },
            body: applyAnnotationPatch(u),
            contentType: 'application/merge-patch+json',
          });
          ctx.io.stdout.write(await printEdited(ctx, u, 'edited'));
        }
      } catch (e) {
        throw keep(e as Error);
      }
      return 'done';
    },
  });
}
