// The describer for kinds kubectl has no typed describer for (Lease, ControllerRevision, Event,
// custom resources, …): every field of the object, with labels made from the field names.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (genericDescriber.Describe,
// printUnstructuredContent, smartLabelFor), github.com/fatih/camelcase (Split).

import { goSprint } from '../printers/go-fmt';
import type { DescribeApi } from './api';
import { describeEvents, refOf, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, type Obj } from './format';
import { LEVEL_0, tabbedString, type PrefixWriter } from './prefix-writer';

const skipFields = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

export async function describeGeneric(api: DescribeApi, path: string, show: boolean): Promise<string> {
  const obj = await api.get(path);
  const events = show ? await searchEvents(api, refOf(obj, obj.kind)) : undefined;
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', obj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', obj.metadata?.annotations);
    printUnstructured(w, LEVEL_0, obj, '');
    if (events) describeEvents(events, w, api.now);
  });
}

function printUnstructured(w: PrefixWriter, level: number, content: Obj, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const expr = `${prefix}.${field}`;
    if (skipFields.includes(expr)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value, expr);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printUnstructured(w, level + 1, child, expr);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goSprint(value)}\n`);
    }
  }
}

const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];

export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

// Upstream: fatih/camelcase Split — runs of one character class; an upper-case run followed by
// lower case gives its last letter to the next word ("PDFLoader" → "PDF", "Loader").
function camelSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{N}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last && runs.length) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i][0]) === 2 && cls(runs[i + 1][0]) === 1) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}
