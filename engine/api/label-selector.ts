// Label selectors: the string syntax of `-l` and Scale.status.selector, the LabelSelector object
// of workloads, and the way kubectl/the printers format them.
// Upstream: apimachinery pkg/labels/selector.go (Parse), pkg/apis/meta/v1/helpers.go
import type { LabelSelector } from 'kubernetes-types/meta/v1';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '!=' | 'Gt' | 'Lt';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export class SelectorParseError extends Error {}

export function matches(selector: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of selector) {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    const v = l[r.key];
    switch (r.op) {
      case '=':
      case 'In':
        if (!has || !r.values.includes(v)) return false;
        break;
      case '!=':
      case 'NotIn':
        if (has && r.values.includes(v)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      case 'Gt':
      case 'Lt': {
        if (!has) return false;
        const n = Number(v);
        const bound = Number(r.values[0]);
        if (!Number.isInteger(n)) return false;
        if (r.op === 'Gt' ? !(n > bound) : !(n < bound)) return false;
        break;
      }
    }
  }
  return true;
}

/** Parses `a=b,c!=d,e in (x,y),!f,g` as `kubectl get -l` accepts it. */
export function parseSelector(text: string): Selector {
  const s = text.trim();
  if (!s) return [];
  const out: Requirement[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const readKey = () => {
    skipWs();
    const start = i;
    while (i < s.length && /[A-Za-z0-9._\-/]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  const readValue = () => {
    skipWs();
    const start = i;
    while (i < s.length && /[A-Za-z0-9._-]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let negate = false;
    if (s[i] === '!') {
      negate = true;
      i++;
    }
    const key = readKey();
    if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: identifier`);
    skipWs();
    if (negate) {
      out.push({ key, op: 'DoesNotExist', values: [] });
    } else if (i >= s.length || s[i] === ',') {
      out.push({ key, op: 'Exists', values: [] });
    } else if (s.startsWith('==', i)) {
      i += 2;
      out.push({ key, op: '=', values: [readValue()] });
    } else if (s.startsWith('!=', i)) {
      i += 2;
      out.push({ key, op: '!=', values: [readValue()] });
    } else if (s[i] === '=') {
      i += 1;
      out.push({ key, op: '=', values: [readValue()] });
    } else if (s[i] === '>' || s[i] === '<') {
      const op = s[i] === '>' ? 'Gt' : 'Lt';
      i += 1;
      out.push({ key, op, values: [readValue()] });
    } else {
      const word = readKey();
      const op = word === 'in' ? 'In' : word === 'notin' ? 'NotIn' : undefined;
      if (!op) throw new SelectorParseError(`found '${word}', expected: in, notin, =, ==, !=, gt, lt`);
      skipWs();
      if (s[i] !== '(') throw new SelectorParseError(`found '${s[i] ?? ''}', expected: '('`);
      i++;
      const values: string[] = [];
      for (;;) {
        values.push(readValue());
        skipWs();
        if (s[i] === ',') {
          i++;
          continue;
        }
        if (s[i] === ')') {
          i++;
          break;
        }
        throw new SelectorParseError(`found '${s[i] ?? ''}', expected: ',', ')'`);
      }
      out.push({ key, op, values: values.filter((v) => v !== '' || values.length === 1) });
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  return out;
}

/** A LabelSelector object (matchLabels + matchExpressions) as requirements. */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return [];
  const out: Requirement[] = [];
  for (const [k, v] of Object.entries(ls.matchLabels ?? {})) out.push({ key: k, op: '=', values: [v] });
  for (const e of ls.matchExpressions ?? []) out.push({ key: e.key, op: e.operator as Operator, values: [...(e.values ?? [])] });
  return out;
}

/** True when a LabelSelector selects nothing-or-everything ambiguity: empty selects everything. */
export function isEmptyLabelSelector(ls: LabelSelector | undefined | null): boolean {
  return !ls || (Object.keys(ls.matchLabels ?? {}).length === 0 && (ls.matchExpressions ?? []).length === 0);
}

/** Selector string as labels.Selector.String() prints it: requirements sorted by key. */
export function selectorString(sel: Selector): string {
  return [...sel]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'In':
          return `${r.key} in (${[...r.values].sort().join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${[...r.values].sort().join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
        case 'Gt':
          return `${r.key}>${r.values[0]}`;
        case 'Lt':
          return `${r.key}<${r.values[0]}`;
      }
    })
    .join(',');
}

/** metav1.FormatLabelSelector: `<none>` for empty, `<error>` for unparsable. */
export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  if (!ls) return '<none>';
  const s = selectorString(fromLabelSelector(ls));
  return s === '' ? '<none>' : s;
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}
