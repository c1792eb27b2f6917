// Helpers the resource verbs share: filename flags, the generic `-o` printer (with template
// files read up front, since printers are synchronous), dry-run, the Go-shaped `kind.group`
// names, field managers, and the error wrapping of `error when <verb> "<file>": …`.
// Upstream: kubernetes/kubectl pkg/cmd/util/helpers.go (GetDryRunStrategy, AddSourceToErr,
// GetValidationDirective), cli-runtime pkg/genericclioptions/print_flags.go.

import type { CommandContext } from '../cli/command';
import { KubectlError, StatusError } from '../errors';
import { readText } from '../io';
import { makePrinter, PrinterError, splitOutput, type ObjectPrinter } from '../printers/print-flags';
import type { KubeObject } from '../printers/name-printer';
import type { RestMapping } from '../client/rest-mapper';
import type { BuildOptions, Info } from '../resource/builder';

export { dryRunStrategy, validationDirective } from './create/create-util';

export interface FilenameFlags {
  filenames: string[];
  recursive: boolean;
  kustomize: string;
}

export function filenameFlags(ctx: CommandContext): FilenameFlags {
  const f = ctx.flags;
  return {
    filenames: f.has('filename') ? f.strings('filename') : [],
    recursive: f.has('recursive') ? f.bool('recursive') : false,
    kustomize: f.has('kustomize') ? f.string('kustomize') : '',
  };
}

export function flagString(ctx: CommandContext, name: string): string {
  return ctx.flags.has(name) ? ctx.flags.string(name) : '';
}

export function flagBool(ctx: CommandContext, name: string): boolean {
  return ctx.flags.has(name) ? ctx.flags.bool(name) : false;
}

/** Base builder options from the common flags (namespace, -A, -f, -l, --field-selector). */
export async function builderOptions(ctx: CommandContext, extra: Partial<BuildOptions> = {}): Promise<BuildOptions> {
  const ns = await ctx.factory.namespace();
  const ff = filenameFlags(ctx);
  const all = flagBool(ctx, 'all-namespaces');
  return {
    namespace: ns.namespace,
    enforceNamespace: ns.explicit && !all,
    allNamespaces: all,
    filenames: ff.filenames,
    recursive: ff.recursive,
    kustomize: ff.kustomize,
    labelSelector: flagString(ctx, 'selector'),
    fieldSelector: flagString(ctx, 'field-selector'),
    ...extra,
  };
}

/** Makes the printer for `-o`, reading `*-file=` templates first. */
export async function genericPrinter(
  ctx: CommandContext,
  opts: { output?: string; operation?: string; allowed?: string[]; noHeaders?: boolean } = {},
): Promise<ObjectPrinter> {
  const output = opts.output ?? flagString(ctx, 'output');
  const { format, template } = splitOutput(output);
  let fileText: string | undefined;
  if ((format === 'jsonpath-file' || format === 'custom-columns-file') && template) {
    try {
      fileText = await readText(ctx.io, template);
    } catch (e) {
      fileText = undefined;
      void e;
    }
  }
  try {
    return makePrinter(
      {
        output,
        template: flagString(ctx, 'template'),
        allowMissingTemplateKeys: ctx.flags.has('allow-missing-template-keys') ? ctx.flags.bool('allow-missing-template-keys') : true,
        showManagedFields: flagBool(ctx, 'show-managed-fields'),
        noHeaders: opts.noHeaders,
        operation: opts.operation ?? '',
        readFile: () => {
          if (fileText === undefined) throw new Error(`open ${template}: no such file or directory`);
          return fileText;
        },
      },
      opts.allowed,
    );
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(e.message);
    throw e;
  }
}

/** Runs a printer, turning printer failures into kubectl errors. */
export function printWith(printer: ObjectPrinter, obj: KubeObject, typed = false): string {
  try {
    return printer.print(obj, { typed });
  } catch (e) {
    if (e instanceof PrinterError) throw new KubectlError(e.message);
    throw e;
  }
}

/** `deployment.apps` / `pod`: the lower-case kind with group, as messages print it. */
export function kindGroup(m: Pick<RestMapping, 'kind' | 'group'>): string {
  return m.group ? `${m.kind.toLowerCase()}.${m.group}` : m.kind.toLowerCase();
}

/** `deployments.apps` / `pods`: the resource with group, as Status messages print it. */
export function resourceGroup(m: Pick<RestMapping, 'resource' | 'group'>): string {
  return m.group ? `${m.resource}.${m.group}` : m.resource;
}

/** The object with apiVersion/kind set from its mapping (server answers carry them; be safe). */
export function withTypeMeta(obj: KubeObject, m: RestMapping): KubeObject {
  const apiVersion = m.group ? `${m.group}/${m.version}` : m.version;
  return { ...obj, apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? m.kind };
}

// Upstream: helpers.go AddSourceToErr — `error when <verb> "<source>": <msg>`, keeping the Status.
export function addSourceToErr(verb: string, source: string | undefined, err: unknown): unknown {
  if (!source || source === '') return err;
  const prefix = `error when ${verb} ${JSON.stringify(source)}: `;
  if (err instanceof StatusError) {
    if (err.reason === 'Invalid') return err;
    return new StatusError({ ...err.status, message: prefix + (err.status.message ?? '') });
  }
  if (err instanceof Error) return new KubectlError(prefix + err.message);
  return err;
}

/** Info → its printed name `kind.group/name`. */
export function infoName(info: Info): string {
  return `${kindGroup(info.mapping)}/${info.name}`;
}
