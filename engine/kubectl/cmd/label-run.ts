// `kubectl label` and `kubectl annotate`: KEY=VAL / KEY- changes applied to every object the
// builder finds, sent as a JSON merge patch; --overwrite, --list, --local, --dry-run, --all,
// --resource-version, -o. The two commands differ only in their texts.
// Upstream: kubernetes/kubectl pkg/cmd/label/label.go (Complete, Validate, RunLabel, parseLabels,
// labelFunc, updateDataChangeMsg), pkg/cmd/annotate/annotate.go (parseAnnotations,
// validateNoAnnotationOverwrites, RunAnnotate), pkg/cmd/util/helpers.go (GetResourcesAndPairs).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, UsageError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { createMergePatch } from '../../api/patch/merge-patch';
import { goJsonMarshal } from '../../api/patch/go-json';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { recordChangeCause } from './record';

type Which = 'label' | 'annotate';

// Upstream: helpers.go GetResourcesAndPairs.
export function resourcesAndPairs(args: string[], pairType: string): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  let foundPair = false;
  for (const s of args) {
    const nonResource = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (nonResource) {
      foundPair = true;
      pairs.push(s);
    } else if (!foundPair) resources.push(s);
    else throw new KubectlError(`all resources must be specified before ${pairType} changes: ${s}`);
  }
  return { resources, pairs };
}

// Upstream: label.go parseLabels / annotate.go parseAnnotations.
function parsePairs(which: Which, spec: string[]): { set: Map<string, string>; remove: string[] } {
  const set = new Map<string, string>();
  const remove: string[] = [];
  const noun = which === 'label' ? 'label' : 'annotation';
  for (const s of spec) {
    if (s.includes('=')) {
      if (which === 'label') {
        const parts = s.split('=');
        if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${s}`);
        const err = labelValueError(parts[1]);
        if (err) throw new KubectlError(`invalid label value: ${JSON.stringify(s)}: ${err}`);
        set.set(parts[0], parts[1]);
      } else {
        const i = s.indexOf('=');
        if (i === 0) throw new KubectlError(`invalid annotation spec: ${s}`);
        set.set(s.slice(0, i), s.slice(i + 1));
      }
    } else if (s.endsWith('-')) remove.push(s.slice(0, -1));
    else throw new KubectlError(`unknown ${noun} spec: ${s}`);
  }
  for (const r of remove) {
    if (set.has(r)) throw new KubectlError(`can not both modify and remove ${which === 'label' ? 'a label' : 'an annotation'} in the same command`);
  }
  return { set, remove };
}

// Upstream: apimachinery validation.IsValidLabelValue.
function labelValueError(v: string): string | undefined {
  const errs: string[] = [];
  if (v.length > 63) errs.push('must be no more than 63 characters');
  if (v !== '' && !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(v)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    );
  }
  return errs.length ? errs.join(';') : undefined;
}

// Upstream (v1.32): label.go updateDataChangeMsg compares the JSON of the object before and
// after; a shorter object without --overwrite reads as "unlabeled".
function labelChangeMsg(oldJson: string, newJson: string, overwrite: boolean): string {
  if (oldJson === newJson) return 'not labeled';
  return !overwrite && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
}

export async function runLabelOrAnnotate(ctx: CommandContext, which: Which): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const { resources, pairs } = resourcesAndPairs(ctx.args, which);
  const { set, remove } = parsePairs(which, pairs);
  const list = which === 'label' && f.bool('list');
  const output = f.string('output');
  if (list && output) throw new KubectlError('--list and --output may not be specified together');
  const all = f.bool('all');
  const local = f.bool('local');
  const noun = which === 'label' ? 'label' : 'annotation';
  // Upstream: Validate.
  if (all && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (all && f.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  const files = f.strings('filename');
  if (local) {
    if (dryRun === 'server') throw new KubectlError('cannot specify --local and --dry-run=server - did you mean --dry-run=client?');
    if (resources.length > 0) throw new KubectlError('can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set');
    if (files.length === 0) throw new KubectlError('one or more files must be specified as -f pod.yaml or --filename=pod.json');
  } else if (resources.length < 1 && files.length === 0) {
    const msg = 'one or more resources must be specified as <resource> <name> or <resource>/<name>';
    if (which === 'annotate') throw new UsageError(ctx.command.path, msg);
    throw new KubectlError(msg);
  }
  if (set.size < 1 && remove.length < 1 && !list) throw new KubectlError(`at least one ${noun} update is required`);

  const opts = await builderOptions(ctx, {
    args: local ? [] : resources,
    allowEmptySelector: all,
    continueOnError: true,
    flatten: true,
    latest: !local,
    local,
    labelSelector: local ? undefined : f.string('selector'),
    fieldSelector: local ? undefined : f.string('field-selector'),
    allNamespaces: local ? false : f.bool('all-namespaces'),
  });
  const res = await new ResourceBuilder(ctx.factory, opts).build();
  const resourceVersion = f.string('resource-version');
  if (!res.singleItemImplied && resourceVersion) throw new KubectlError('--resource-version may only be used with a single resource');
  const errors: unknown[] = [...res.errors];
  const overwrite = f.bool('overwrite');
  const fieldManager = f.string('field-manager');
  const client = local ? undefined : await ctx.factory.client();
  const record = which === 'label' || which === 'annotate' ? f.has('record') && f.bool('record') : false;

  for (const info of res.infos) {
    try {
      const obj = JSON.parse(JSON.stringify(info.object)) as KubeObject;
      const meta = (obj.metadata ??= {}) as { labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string };
      if (resourceVersion) meta.resourceVersion = '';
      const field = which === 'label' ? 'labels' : 'annotations';
      const oldData = JSON.parse(JSON.stringify(obj));
      if (!local && dryRun !== 'client' && !list && which === 'label') {
        for (const r of remove) if (!(r in (meta.labels ?? {}))) ctx.io.stdout.write(`label ${JSON.stringify(r)} not found.\n`);
      }
      // labelFunc / updateAnnotations
      if (!overwrite) {
        const current = meta[field] ?? {};
        if (which === 'label') {
          const errs = [...set].filter(([k, v]) => k in current && current[k] !== v).map(([k]) => new KubectlError(`'${k}' already has a value (${current[k]}), and --overwrite is false`));
          if (errs.length) throw errs.length === 1 ? errs[0] : new AggregateError_(errs);
        } else {
          const found = [...set]
            .filter(([k, v]) => k !== 'kubernetes.io/change-cause' && k in current && current[k] !== v)
            .map(([k]) => `'${k}' already has a value (${current[k]})`);
          if (found.length) throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${found.join('; ')}`);
        }
      }
      const m = { ...(meta[field] ?? {}) };
      for (const [k, v] of set) m[k] = v;
      for (const r of remove) delete m[r];
      meta[field] = m;
      if (resourceVersion) meta.resourceVersion = resourceVersion;
      const message = which === 'label' ? labelChangeMsg(goJsonMarshal(oldData), goJsonMarshal(obj), overwrite) : 'annotated';
      if (!(dryRun === 'client' || local || list)) {
        if (record) recordChangeCause(ctx, obj);
        const patch = createMergePatch(oldData, obj);
        await client!.json<KubeObject>({
          method: 'PATCH',
          path: resourcePath(info.mapping, info.namespace, info.name),
          query: { fieldManager, ...(dryRun === 'server' ? { dryRun: 'All' } : {}) },
          body: goJsonMarshal(patch),
          contentType: 'application/merge-patch+json',
        });
      }
      if (list) {
        const indent = res.singleItemImplied ? '' : ' ';
        if (!res.singleItemImplied) ctx.io.stdout.write(`Listing labels for ${info.mapping.kind}.${info.mapping.group}/${info.name}:\n`);
        for (const [k, v] of Object.entries(m)) ctx.io.stdout.write(`${indent}${k}=${v}\n`);
        continue;
      }
      const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun(message, dryRun) });
      ctx.io.stdout.write(printWith(printer, obj));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}
