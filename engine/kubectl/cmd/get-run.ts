// `kubectl get`: server-side Tables for human output (one printer per resource type, blank
// lines between types, kind prefixes when types mix), the generic printers for -o
// json|yaml|name|jsonpath|custom-columns (a List unless one object was named), --sort-by,
// -w/--watch-only with --output-watch-events, --raw, and kubectl's errors and exit codes.
// Upstream: kubernetes/kubectl pkg/cmd/get/get.go (Complete, Validate, Run, watch, printGeneric),
// table_printer.go, skip_printer.go.

import type { CommandContext } from '../cli/command';
import { KubectlError, UsageError, AggregateError_ } from '../errors';
import { acceptTable } from '../client/rest-client';
import { resourcePath, type RestMapping } from '../client/rest-mapper';
import { ResourceBuilder, isNotFoundError, type Info } from '../resource/builder';
import { HumanReadablePrinter, isTable } from '../printers/human-readable';
import { kubectlTableOptions, TabWriter } from '../printers/tabwriter';
import { wrapList, splitOutput } from '../printers/print-flags';
import type { KubeObject } from '../printers/name-printer';
import { sortOrder, SortError } from '../printers/sorter';
import type { TablePrintOptions } from '../printers/table-printer';
import { builderOptions, flagBool, flagString, genericPrinter, kindGroup, printWith } from './cmd-util';

const getFormats = [
  'custom-columns', 'custom-columns-file', 'go-template', 'go-template-file', 'json', 'jsonpath', 'jsonpath-as-json',
  'jsonpath-file', 'name', 'template', 'templatefile', 'wide', 'yaml',
];

interface GetState {
  ctx: CommandContext;
  namespace: string;
  allNamespaces: boolean;
  output: string;
  human: boolean;
  serverPrint: boolean;
  sortBy: string;
  noHeaders: boolean;
  ignoreNotFound: boolean;
}

export async function runGet(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const raw = f.string('raw');
  if (raw) return runRaw(ctx, raw);

  const ns = await ctx.factory.namespace();
  const output = f.string('output');
  const template = f.string('template');
  const st: GetState = {
    ctx,
    namespace: ns.namespace,
    allNamespaces: f.bool('all-namespaces'),
    output,
    human: (output === '' && template === '') || output === 'wide',
    serverPrint: f.bool('server-print') && output !== 'custom-columns',
    sortBy: f.string('sort-by'),
    noHeaders: f.bool('no-headers'),
    ignoreNotFound: f.bool('ignore-not-found'),
  };
  const watch = f.bool('watch') || f.bool('watch-only');
  // Upstream: GetOptions.Complete.
  if (watch) {
    if (st.sortBy) ctx.io.stderr.write('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  } else if (ctx.args.length === 0 && f.strings('filename').length === 0 && f.string('kustomize') === '') {
    ctx.io.stderr.write('You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n');
    throw new UsageError(
      ctx.command.path,
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  // Upstream: GetOptions.Validate.
  if (f.bool('show-labels') && output !== '' && output !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${output} printer`);
  if (f.bool('output-watch-events') && !watch) {
    throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only');
  }
  if (!st.human) {
    const { format } = splitOutput(output);
    if (!getFormats.includes(format)) {
      await genericPrinter(ctx, { allowed: getFormats }); // throws kubectl's "unable to match a printer" error
    }
  }
  if (watch) return runWatch(st);
  return st.human ? runHuman(st) : runGeneric(st);
}

function tableRequest(st: GetState): { accept?: string; query?: Record<string, string> } {
  if (!st.serverPrint || !st.human) return {};
  return { accept: acceptTable, query: st.sortBy ? { includeObject: 'Object' } : undefined };
}

async function build(st: GetState, extra: { singleResourceType?: boolean; continueOnError?: boolean; flatten?: boolean; chunkSize?: number }) {
  const ctx = st.ctx;
  const { chunkSize, ...rest } = extra;
  const opts = await builderOptions(ctx, {
    args: ctx.args,
    allowEmptySelector: true,
    latest: true,
    // kubectl pages lists (limit=500) unless --chunk-size=0 or --sort-by.
    chunkSize: chunkSize ?? ctx.flags.number('chunk-size'),
    subresource: ctx.flags.string('subresource') || undefined,
    ...tableRequest(st),
    ...rest,
  });
  // Discovery failures log 5 times in `get` (memcached discovery retries).
  await ctx.factory.mapper(5);
  return new ResourceBuilder(ctx.factory, opts).build();
}

function multipleGVKs(infos: Info[]): boolean {
  if (infos.length < 2) return false;
  const k = (m: RestMapping) => `${m.group}/${m.version}/${m.kind}`;
  return infos.some((i) => k(i.mapping) !== k(infos[0].mapping));
}

function printOptions(st: GetState, mapping: RestMapping | undefined, withNamespace: boolean, withKind: boolean): TablePrintOptions {
  const f = st.ctx.flags;
  return {
    wide: st.output === 'wide',
    noHeaders: st.noHeaders,
    withNamespace,
    showLabels: f.bool('show-labels'),
    columnLabels: f.strings('label-columns'),
    withKind: withKind || f.bool('show-kind'),
    kind: mapping ? kindGroup(mapping) : undefined,
  };
}

// Upstream: get.go SortingPrinter over a Table — only tables with more than one row are sorted.
function sortTable(obj: KubeObject, field: string): KubeObject {
  if (!isTable(obj) || (obj.rows ?? []).length <= 1) return obj;
  const rows = obj.rows ?? [];
  const order = sortOrder(rows.map((r) => r.object ?? {}), field);
  return { ...obj, rows: order.map((i) => rows[i]) };
}

// Upstream: get.go Run (human-readable branch).
async function runHuman(st: GetState): Promise<number> {
  const ctx = st.ctx;
  const res = await build(st, { continueOnError: true, flatten: true, chunkSize: st.sortBy ? 0 : undefined });
  const errs: unknown[] = st.ignoreNotFound ? res.errors.filter((e) => !isNotFoundError(e)) : [...res.errors];
  const infos = res.infos;
  const printWithKind = multipleGVKs(infos);
  if (st.sortBy) {
    // kubectl sorts inside the printer and ignores its error: the table is simply not printed.
    for (const info of infos) {
      if (!info.object) continue;
      try {
        info.object = sortTable(info.object, st.sortBy);
      } catch (e) {
        if (!(e instanceof SortError)) throw e;
        info.object = undefined;
      }
    }
  }

  let written = 0;
  let separatorReady = false;
  const sink = (text: string) => {
    if (text.length === 0) return;
    if (separatorReady) {
      ctx.io.stdout.write('\n');
      written += 1;
      separatorReady = false;
    }
    written += text.length;
    ctx.io.stdout.write(text);
  };
  const w = new TabWriter(kubectlTableOptions, sink);
  let printer: HumanReadablePrinter | undefined;
  let lastMapping: RestMapping | undefined;
  let allNamespaced = !st.allNamespaces;
  for (const info of infos) {
    const mapping = info.mapping;
    allNamespaced = allNamespaced && mapping.namespaced;
    const withNamespace = st.allNamespaces && mapping.namespaced;
    if (!printer || !lastMapping || mapping.resource !== lastMapping.resource || mapping.group !== lastMapping.group) {
      w.flush();
      w.resetRememberedWidths();
      if (lastMapping && !st.noHeaders && written > 0) separatorReady = true;
      printer = new HumanReadablePrinter(printOptions(st, mapping, withNamespace, printWithKind), () => ctx.io.now());
      lastMapping = mapping;
    }
    if (info.object) w.write(printer.print(info.object));
  }
  w.flush();
  if (written === 0 && !st.ignoreNotFound && errs.length === 0) {
    ctx.io.stderr.write(allNamespaced ? `No resources found in ${st.namespace} namespace.\n` : 'No resources found\n');
  }
  // The visitor's errors are an aggregate inside get's own aggregate: printed a line each, raw.
  if (errs.length) throw new AggregateError_([new AggregateError_(errs)]);
  return 0;
}

// Upstream: get.go printGeneric — one named object prints as itself, anything else as a List.
async function runGeneric(st: GetState): Promise<number> {
  const ctx = st.ctx;
  const res = await build(st, { continueOnError: true, flatten: true });
  let errs: unknown[] = st.ignoreNotFound ? res.errors.filter((e) => !isNotFoundError(e)) : [...res.errors];
  if (res.singleItemImplied && errs.length) throw errs[0];
  if (res.infos.length === 0 && st.ignoreNotFound) {
    if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
    return 0;
  }
  const printer = await genericPrinter(ctx, { allowed: getFormats, noHeaders: st.noHeaders });
  let objects = res.infos.map((i) => i.object!).filter(Boolean);
  let out: KubeObject;
  if (!res.singleItemImplied || objects.length !== 1) {
    if (st.sortBy) {
      try {
        const order = sortOrder(objects, st.sortBy);
        objects = order.map((i) => objects[i]);
      } catch (e) {
        if (e instanceof SortError) throw new KubectlError(e.message);
        throw e;
      }
    }
    out = wrapList(objects);
  } else out = objects[0];
  try {
    ctx.io.stdout.write(printWith(printer, out));
  } catch (e) {
    errs = [...errs, e];
  }
  if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
  return 0;
}

// Upstream: get.go watch — print the current state, then stream changes until the server
// closes the watch (exit 0) or the user interrupts.
async function runWatch(st: GetState): Promise<number> {
  const ctx = st.ctx;
  const f = ctx.flags;
  const res = await build(st, { singleResourceType: true });
  if (res.errors.length) throw res.errors[0];
  const infos = res.infos;
  if (multipleGVKs(infos)) throw new KubectlError('watch is only supported on individual resources and resource collections - more than 1 resource was found');
  if (infos.length === 0) throw new KubectlError('no resources found');
  const info = infos[0];
  const mapping = info.mapping;
  const outputEvents = f.bool('output-watch-events');
  const watchOnly = f.bool('watch-only');
  const obj = info.object!;
  const isList = !info.name;
  const rv = isList ? String((obj.metadata as { resourceVersion?: string } | undefined)?.resourceVersion ?? '0') : '0';
  let outputObjects = !watchOnly;

  const human = st.human ? new HumanReadablePrinter(printOptions(st, mapping, st.allNamespaces, false), () => ctx.io.now()) : undefined;
  const generic = st.human ? undefined : await genericPrinter(ctx, { allowed: getFormats, noHeaders: st.noHeaders });
  const w = new TabWriter(kubectlTableOptions, (t) => ctx.io.stdout.write(t));
  const printOne = (o: KubeObject, type: string) => {
    if (!outputObjects) return;
    if (human) w.write(human.print(o, outputEvents ? type : undefined));
    else {
      const shown = outputEvents ? ({ type, object: o } as unknown as KubeObject) : o;
      ctx.io.stdout.write(printWith(generic!, shown));
    }
  };
  const initial = isList && !isTable(obj) ? (obj.items ?? []).map((it) => ({ ...it })) : [obj];
  for (const o of initial) printOne(o, 'ADDED');
  w.flush();
  outputObjects = isList;

  const client = await ctx.factory.client();
  const query: Record<string, string> = { watch: 'true', resourceVersion: rv, ...(tableRequest(st).query ?? {}) };
  const labelSelector = f.string('selector');
  const fieldSelector = f.string('field-selector');
  if (labelSelector) query.labelSelector = labelSelector;
  if (!isList) query.fieldSelector = `metadata.name=${info.name}`;
  else if (fieldSelector) query.fieldSelector = fieldSelector;
  const ns = mapping.namespaced ? info.namespace : '';
  await client.watch({ path: resourcePath(mapping, ns), query, accept: tableRequest(st).accept }, (ev) => {
    printOne(ev.object as KubeObject, ev.type);
    w.flush();
    outputObjects = true;
  });
  return 0;
}

async function runRaw(ctx: CommandContext, raw: string): Promise<number> {
  if (ctx.args.length > 0) throw new KubectlError('arguments may not be passed when --raw is specified');
  if (ctx.flags.bool('watch') || ctx.flags.bool('watch-only') || ctx.flags.string('selector')) {
    throw new KubectlError('--raw may not be specified with other flags that filter the server request or alter the output');
  }
  if (flagString(ctx, 'output')) throw new KubectlError('--raw and --output are mutually exclusive');
  void flagBool;
  const client = await ctx.factory.client();
  const [path, q] = raw.split('?');
  const query = Object.fromEntries(new URLSearchParams(q ?? ''));
  const res = await client.request({ path, query });
  ctx.io.stdout.write(new TextDecoder().decode(res.body));
  return 0;
}
