// Go's fmt verbs %v and %#v for the values a JSON document decodes to
// (map[string]interface{}, []interface{}, string, int64/float64, bool, nil).
// kubectl shows %v in custom columns and table cells, %#v in jsonpath errors.
// Upstream: fmt/print.go (printValue) and strconv/ftoa.go.

import { goQuote as goSharpString } from '../cli/flags';
import { formatGoFloatG } from './yaml-printer';

export interface GoFmtOptions {
  /** Numbers came from json.Unmarshal into interface{} (always float64). */
  floats?: boolean;
}

function goNumber(n: number, opts: GoFmtOptions): string {
  if (!opts.floats && Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf';
  return formatGoFloatG(n);
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** fmt.Sprint(v) / %v. */
export function goSprint(v: unknown, opts: GoFmtOptions = {}): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v, opts);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[' + v.map((x) => goSprint(x, opts)).join(' ') + ']';
  const o = v as Record<string, unknown>;
  return 'map[' + Object.keys(o).sort(byKey).map((k) => `${k}:${goSprint(o[k], opts)}`).join(' ') + ']';
}

/** fmt.Sprintf("%#v", v) for decoded JSON. */
export function goSharpV(v: unknown, opts: GoFmtOptions = {}, nested = false): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goSharpString(v);
  if (typeof v === 'number') return goNumber(v, opts);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[]interface {}{' + v.map((x) => goSharpV(x, opts, true)).join(', ') + '}';
  const o = v as Record<string, unknown>;
  void nested;
  return 'map[string]interface {}{' + Object.keys(o).sort(byKey).map((k) => `${goSharpString(k)}:${goSharpV(o[k], opts, true)}`).join(', ') + '}';
}

/** strconv.Quote (what %#v and %q print for strings). */
export { goQuote as goSharpString } from '../cli/flags';
