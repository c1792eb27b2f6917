// Go's fmt verbs and sort behaviour as the patch algorithms rely on them: merge-key
// values are compared and sorted by their `%v` text, and error messages embed `%v` of maps.
import { isJsonObject, type JsonValue } from './json-value';

/** Compares two strings the way Go does: by UTF-8 bytes, i.e. by code point. */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort above every BMP unit in UTF-8.
    const hx = x >= 0xd800 && x <= 0xdfff;
    const hy = y >= 0xd800 && y <= 0xdfff;
    if (hx !== hy) return hx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

// Upstream: golang strconv/ftoa.go formatDigits ('g' with shortest precision, as fmt's %v uses)
export function goFormatFloatV(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expText] = f.toExponential().split('e');
  const exp = Number(expText);
  // %v switches to exponent form below 1e-4 and from 1e+06 (eprec = 6 for shortest).
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    const digits = String(Math.abs(exp)).padStart(2, '0');
    return `${mant}e${sign}${digits}`;
  }
  return String(f);
}

/** fmt.Sprintf("%v", v) for decoded JSON (maps print with sorted keys, as fmt does). */
export function goSprintV(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goFormatFloatV(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(' ')}]`;
  const keys = Object.keys(v).sort(compareGoStrings);
  return `map[${keys.map((k) => `${k}:${goSprintV(v[k])}`).join(' ')}]`;
}

/** fmt's `%s`: strings as-is, anything else in Go's bad-verb form, e.g. `%!s(float64=1)`. */
export function goSprintS(v: JsonValue | undefined): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (isJsonObject(v) || Array.isArray(v)) return goSprintV(v);
  return `%!s(${goTypeName(v)}=${goSprintV(v)})`;
}

/**
 * reflect.TypeOf(v).String() for a decoded JSON value. Integers report int64, as the
 * apiserver's decoders (UnmarshalCaseSensitivePreserveInts, ToUnstructured) produce them.
 */
export function goTypeName(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return '%!s(<nil>)';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

// Upstream: golang sort/zsortfunc.go insertionSortLessFunc
/**
 * Go's sort.Sort (n <= 12) and sort.SliceStable (n <= 20) are this insertion sort, and
 * upstream's comparators are not strict orders (`<=`, or "true when unknown"), so the
 * exact swap sequence decides where equal or unlisted items end up. Sorts in place.
 */
export function goInsertionSort<T>(items: T[], less: (a: T, b: T) => boolean): T[] {
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j], items[j - 1]); j--) {
      const t = items[j];
      items[j] = items[j - 1];
      items[j - 1] = t;
    }
  }
  return items;
}
