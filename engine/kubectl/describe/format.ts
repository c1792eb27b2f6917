// Small formatting helpers shared by the describers: RFC1123Z times, multi-line labels,
// annotations, taints and tolerations, label selectors and Go's %v of simple values.
// Upstream: kubernetes/kubectl pkg/describe/describe.go (printLabelsMultilineWithIndent,
// printAnnotationsMultiline, printTaintsMultilineWithIndent, printTolerationsMultilineWithIndent,
// shorten), apimachinery pkg/apis/meta/v1/helpers.go (FormatLabelSelector, LabelSelectorAsSelector).

import { humanDuration } from '../printers/human-duration';
import { LEVEL_0, type PrefixWriter } from './prefix-writer';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * time.RFC1123Z. metav1.Time decodes into the local zone of the kubectl process; Kubelab's
 * node shell and the machines it compares against run in UTC, so times print as +0000.
 * A missing time is Go's zero time.
 */
export function rfc1123z(ts: string | undefined | null): string {
  const ms = ts ? Date.parse(ts) : NaN;
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return `${days[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince. */
export function since(ts: string | undefined | null, now: number): string {
  if (!ts) return '<unknown>';
  const t = Date.parse(ts);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortedKeys(o: Record<string, unknown> | undefined | null): string[] {
  return Object.keys(o ?? {}).sort(byString);
}

/** labels.FormatLabels: `k=v,k2=v2`, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = sortedKeys(labels);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

/** Go's %v for a []string: `[a b]`. */
export const goList = (items: unknown[] | undefined | null): string => `[${(items ?? []).map((x) => String(x)).join(' ')}]`;

/** printLabelsMultilineWithIndent. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Record<string, string> | undefined | null, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels);
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${key}=${labels![key]}\n`);
  });
}

const maxAnnotationLen = 140;
const skipAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

/** Go's len() of a string counts UTF-8 bytes; slicing cuts bytes. */
const byteLen = (s: string) => Buffer.byteLength(s, 'utf8');
function shorten(s: string, max: number): string {
  const b = Buffer.from(s, 'utf8');
  return b.length > max ? b.subarray(0, max).toString('utf8') + '...' : s;
}

/** printAnnotationsMultiline: long or multi-line values are folded under the key. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Record<string, string> | undefined | null): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations).filter((k) => !skipAnnotations.has(k));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = String(annotations![key]).replace(/\n$/, '');
    if (byteLen(value) + byteLen(key) + 2 > maxAnnotationLen || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, maxAnnotationLen - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: `key=value:Effect`, `key:Effect`. */
export function taintString(t: Obj): string {
  if (t.value) return `${t.key}=${t.value}:${t.effect}`;
  return `${t.key}:${t.effect}`;
}

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: Obj[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!taints?.length) {
    w.writeLine('<none>');
    return;
  }
  const key = (t: Obj) => `${t.effect ?? ''},${t.key ?? ''}`;
  const sorted = [...taints].sort((a, b) => byString(key(a), key(b)));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: Obj[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations?.length) {
    w.writeLine('<none>');
    return;
  }
  // sort.Slice is not stable; kubelab sorts stably by key (equal keys keep their order).
  const sorted = [...tolerations].sort((a, b) => byString(a.key ?? '', b.key ?? ''));
  sorted.forEach((t, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, initialIndent);
      w.write(LEVEL_0, innerIndent);
    }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, s + '\n');
  });
}

/** metav1.FormatLabelSelector. */
export function formatLabelSelector(sel: Obj | undefined | null): string {
  if (!sel) return '<none>';
  const s = selectorString(sel);
  if (s === '' && !Object.keys(sel.matchLabels ?? {}).length && !(sel.matchExpressions ?? []).length) return '<none>';
  return s === '' ? '<none>' : s;
}

/** metav1.LabelSelectorAsSelector(sel).String(): requirements sorted by key. */
export function selectorString(sel: Obj | undefined | null): string {
  if (!sel) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const e of sel.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort(byString);
    let text: string;
    switch (e.operator) {
      case 'In':
        text = `${e.key} in (${values.join(',')})`;
        break;
      case 'NotIn':
        text = `${e.key} notin (${values.join(',')})`;
        break;
      case 'Exists':
        text = e.key;
        break;
      case 'DoesNotExist':
        text = `!${e.key}`;
        break;
      default:
        text = `${e.key} ${e.operator}`;
    }
    reqs.push({ key: e.key, text });
  }
  // labels.internalSelector sorts by key (stable).
  return reqs
    .map((r, i) => ({ ...r, i }))
    .sort((a, b) => byString(a.key, b.key) || a.i - b.i)
    .map((r) => r.text)
    .join(',');
}

/** labels.SelectorFromSet(m).String(). */
export const setSelectorString = (m: Record<string, string> | undefined | null): string =>
  sortedKeys(m)
    .map((k) => `${k}=${m![k]}`)
    .join(',');

/** intstr.IntOrString.String(). */
export const intOrString = (v: unknown): string => (v === undefined || v === null ? '0' : String(v));

export const printBool = (v: unknown): string => (v ? 'True' : 'False');
export const printBoolPtr = (v: unknown): string => (v === undefined || v === null ? '<unset>' : printBool(v));
export const stringOrNone = (s: string | undefined | null): string => (s ? s : '<none>');
