// Choosing a printer from `-o` the way kubectl's PrintFlags do, for the non-table
// formats (json, yaml, name, jsonpath*, custom-columns*), with kubectl's error texts.
// Upstream: kubernetes/cli-runtime pkg/genericclioptions/print_flags.go,
// json_yaml_flags.go, jsonpath_flags.go, name_flags.go; pkg/printers/jsonpath.go (PrintObj),
// json.go, yaml.go, managedfields.go (OmitManagedFieldsPrinter).

import { goQuote } from '../cli/flags';
import { goSharpV } from './go-fmt';
import { toGoJson } from './json-printer';
import { JsonPath, JsonPathError } from './jsonpath';
import { parseCustomColumns, printCustomColumns } from './custom-columns';
import { printName, type KubeObject } from './name-printer';
import { toYaml } from './yaml-printer';

export interface PrintOptions {
  /** The object is a Go typed object (create --dry-run=client, config view): JSON keeps
   * struct order and jsonpath sees float64 numbers. Objects from the server are maps. */
  typed?: boolean;
}

export interface ObjectPrinter {
  print(obj: KubeObject, opts?: PrintOptions): string;
}

export interface PrinterFlags {
  output: string;
  template?: string;
  allowMissingTemplateKeys?: boolean;
  showManagedFields?: boolean;
  noHeaders?: boolean;
  /** Operation for the name printer (`created`, `configured (dry run)` …). */
  operation?: string;
  /** Reads `-o jsonpath-file=` / `custom-columns-file=` templates. */
  readFile?: (path: string) => string;
}

export class PrinterError extends Error {}

const templateFormats = ['go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file'];

/** Formats kubectl lists in "allowed formats are: …" for a command with the generic printers. */
export const genericFormats = ['go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'name', 'template', 'templatefile', 'yaml'];

export function splitOutput(output: string): { format: string; template: string } {
  const eq = output.indexOf('=');
  return eq < 0 ? { format: output, template: '' } : { format: output.slice(0, eq), template: output.slice(eq + 1) };
}

// Upstream: PrintFlags.ToPrinter — json/yaml, name, templates; then the error listing every format.
export function makePrinter(flags: PrinterFlags, allowed: string[] = genericFormats): ObjectPrinter {
  let { format, template } = splitOutput(flags.output);
  if (!template && flags.template) template = flags.template;
  const strip = flags.showManagedFields ? (o: KubeObject) => o : omitManagedFields;
  if (allowed.includes(format)) {
    if (format === 'json') return { print: (o, p) => toGoJson(strip(o), { indent: '    ', sortKeys: !p?.typed }) + '\n' };
    if (format === 'yaml') {
      let count = 0;
      return { print: (o) => (count++ > 0 ? '---\n' : '') + toYaml(strip(o)) };
    }
    if (format === 'name') return { print: (o) => printName(o, flags.operation ?? '') };
    if (templateFormats.includes(format) || format.startsWith('custom-columns')) {
      if (!template) throw new PrinterError('template format specified but no template given');
    }
    if (format === 'jsonpath' || format === 'jsonpath-as-json' || format === 'jsonpath-file') {
      let text = template;
      if (format === 'jsonpath-file') {
        try {
          text = flags.readFile!(template);
        } catch (e) {
          throw new PrinterError(`error reading --template ${template}, ${(e as Error).message}\n`);
        }
      }
      return jsonPathPrinter(text, format === 'jsonpath-as-json', flags.allowMissingTemplateKeys ?? true, strip);
    }
    if (format === 'custom-columns' || format === 'custom-columns-file') {
      const spec = format === 'custom-columns-file' ? flags.readFile!(template) : template;
      return {
        print: (o, p) => {
          const cols = parseCustomColumns(spec.trim(), { floats: p?.typed });
          const items = Array.isArray(o.items) && /List$/.test(o.kind ?? '') ? o.items : [o];
          return printCustomColumns(items, cols, flags.noHeaders ?? false, { floats: p?.typed });
        },
      };
    }
    if (format.includes('template')) throw new PrinterError(`output format ${goQuote(format)} is not supported by Kubelab's kubectl`);
  }
  throw new PrinterError(
    `unable to match a printer suitable for the output format ${goQuote(flags.output)}, allowed formats are: ${[...allowed].sort().join(',')}`,
  );
}

function jsonPathPrinter(template: string, asJson: boolean, allowMissing: boolean, strip: (o: KubeObject) => KubeObject): ObjectPrinter {
  try {
    new JsonPath(template); // parse errors surface when the printer is made, as in kubectl
  } catch (e) {
    if (e instanceof JsonPathError) throw new PrinterError(`error parsing jsonpath ${template}, ${e.message}\n`);
    throw e;
  }
  return {
    print(o, p) {
      const data = toGoData(strip(o));
      const run = new JsonPath(template, { allowMissingKeys: allowMissing, outputJson: asJson, floats: p?.typed });
      try {
        return run.execute(data);
      } catch (e) {
        if (!(e instanceof JsonPathError)) throw e;
        const detail =
          `Error executing template: ${e.message}. Printing more information for debugging the template:\n` +
          `\ttemplate was:\n\t\t${template}\n` +
          `\tobject given to jsonpath engine was:\n\t\t${goSharpV(data, { floats: p?.typed })}\n\n`;
        throw new PrinterError(`error executing jsonpath ${goQuote(template)}: ${detail}\n`);
      }
    },
  };
}

/** The JSON round trip every printer sees (drops undefined, flattens toJSON). */
function toGoData(o: unknown): unknown {
  return JSON.parse(JSON.stringify(o));
}

export function omitManagedFields(o: KubeObject): KubeObject {
  if (Array.isArray(o.items)) return { ...o, items: o.items.map(omitManagedFields) };
  if (!o.metadata || !('managedFields' in o.metadata)) return o;
  const { managedFields: _drop, ...metadata } = o.metadata;
  void _drop;
  return { ...o, metadata };
}

/** `-o yaml|json` of several objects: `{"apiVersion":"v1","items":[…],"kind":"List","metadata":{"resourceVersion":""}}`. */
export function wrapList(items: KubeObject[]): KubeObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
