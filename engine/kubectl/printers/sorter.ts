// `get --sort-by`: rows of a server Table (fetched with includeObject=Object) or plain
// objects ordered by the JSONPath field, with kubectl's comparison rules: numbers numerically,
// quantities by value, other strings in natural order (`pod-2` < `pod-10`).
// Upstream: kubernetes/kubectl pkg/cmd/get/sorter.go (NewTableSorter, isLess, SortObjects),
// github.com/fvbommel/sortorder natsort.go (NaturalLess).

import { JsonPath } from './jsonpath';
import { relaxedJsonPath } from './custom-columns';

// Upstream: sortorder.NaturalLess — digit runs compare by value, then by length (leading zeros).
export function naturalLess(str1: string, str2: string): boolean {
  const isdigit = (c: string) => c >= '0' && c <= '9';
  let idx1 = 0;
  let idx2 = 0;
  while (idx1 < str1.length && idx2 < str2.length) {
    const c1 = str1[idx1];
    const c2 = str2[idx2];
    const d1 = isdigit(c1);
    const d2 = isdigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      idx1++;
      idx2++;
      continue;
    }
    // Both digit runs: skip leading zeros, compare lengths then digits.
    for (; idx1 < str1.length && str1[idx1] === '0'; idx1++);
    for (; idx2 < str2.length && str2[idx2] === '0'; idx2++);
    let nz1 = idx1;
    let nz2 = idx2;
    for (; idx1 < str1.length && isdigit(str1[idx1]); idx1++);
    for (; idx2 < str2.length && isdigit(str2[idx2]); idx2++);
    const len1 = idx1 - nz1;
    const len2 = idx2 - nz2;
    if (len1 !== len2) return len1 < len2;
    const n1 = str1.slice(nz1, idx1);
    const n2 = str2.slice(nz2, idx2);
    if (n1 !== n2) return n1 < n2;
    if (nz1 !== nz2) return nz1 < nz2;
    nz1 = nz2 = 0;
  }
  return str1.length < str2.length;
}

const quantityRe = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;
const suffixValue: Record<string, number> = {
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
};

function parseQuantity(s: string): number | undefined {
  const m = quantityRe.exec(s);
  if (!m) return undefined;
  const suffix = m[2] ?? '';
  if (/^[eE]/.test(suffix)) return Number(m[1] + suffix);
  return Number(m[1]) * suffixValue[suffix];
}

// Upstream: sorter.go isLess over the decoded JSON values.
export function isLess(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return !a && b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    return naturalLess(a, b);
  }
  if (a === null || a === undefined) return b !== null && b !== undefined;
  if (b === null || b === undefined) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < a.length && i < b.length; i++) {
      if (isLess(a[i], b[i])) return true;
      if (isLess(b[i], a[i])) return false;
    }
    return a.length < b.length;
  }
  throw new Error(`unsortable type: ${typeof a}`);
}

export class SortError extends Error {}

/** The first value the field finds in each object (undefined when missing). */
function fieldValues(objects: unknown[], field: string): (unknown | undefined)[] {
  let expr = field;
  try {
    expr = relaxedJsonPath(field);
  } catch {
    /* kubectl falls back to the raw text */
  }
  let jp: JsonPath;
  try {
    jp = new JsonPath(expr, { allowMissingKeys: true });
  } catch (e) {
    throw new SortError(`sorting error: ${(e as Error).message}\n`);
  }
  let found = false;
  const values = objects.map((o) => {
    const r = jp.find(o).flat();
    if (r.length > 0) {
      found = true;
      return r[0];
    }
    return undefined;
  });
  if (objects.length > 0 && !found) throw new SortError(`couldn't find any field with path ${JSON.stringify(expr)} in the list of objects`);
  return values;
}

/** A stable order of indices by the field (missing values sort first). */
export function sortOrder(objects: unknown[], field: string): number[] {
  const values = fieldValues(objects, field);
  const idx = objects.map((_, i) => i);
  return idx.sort((i, j) => {
    const vi = values[i];
    const vj = values[j];
    if (vi === undefined) return vj === undefined ? 0 : -1;
    if (vj === undefined) return 1;
    if (isLess(vi, vj)) return -1;
    if (isLess(vj, vi)) return 1;
    return 0;
  });
}
