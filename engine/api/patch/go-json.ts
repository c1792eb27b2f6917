// Go encoding/json output for map[string]interface{} values: kubectl stores the
// last-applied-configuration annotation and sends its patches in exactly this form.
import { compareGoStrings } from './go-fmt';
import type { JsonValue } from './json-value';

const HEX = '0123456789abcdef';

// Upstream: golang encoding/json/encode.go appendString (escapeHTML = true, Go >= 1.22)
function goQuote(s: string): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c || c === 0x3c || c === 0x3e || c === 0x26) {
      switch (c) {
        case 0x22:
          esc = '\\"';
          break;
        case 0x5c:
          esc = '\\\\';
          break;
        case 0x08:
          esc = '\\b';
          break;
        case 0x0c:
          esc = '\\f';
          break;
        case 0x0a:
          esc = '\\n';
          break;
        case 0x0d:
          esc = '\\r';
          break;
        case 0x09:
          esc = '\\t';
          break;
        default:
          esc = `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      }
    } else if (c === 0x2028 || c === 0x2029) {
      esc = c === 0x2028 ? '\\u2028' : '\\u2029';
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 to Go, which writes U+FFFD instead.
      const pair = c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) {
        i++;
        continue;
      }
      esc = '\\ufffd';
    }
    if (esc !== undefined) {
      out += s.slice(start, i) + esc;
      start = i + 1;
    }
  }
  return out + s.slice(start) + '"';
}

// Upstream: golang encoding/json/encode.go floatEncoder (bits = 64)
function goNumber(f: number): string {
  if (!Number.isFinite(f)) throw new Error(`json: unsupported value: ${f}`);
  // JavaScript's shortest round-trip form uses the same 1e-6 / 1e21 cut-overs and the
  // same cleaned exponent ("1e-7", "1e+21") as Go; only negative zero differs.
  return Object.is(f, -0) ? '-0' : String(f);
}

/** json.Marshal: compact, map keys sorted by bytes, HTML-safe escaping. */
export function goJsonMarshal(input: unknown): string {
  const value = input as JsonValue;
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return goNumber(value);
    case 'string':
      return goQuote(value);
  }
  if (typeof value !== 'object') throw new Error(`json: unsupported type: ${typeof value}`);
  if (Array.isArray(value)) return `[${value.map((v) => goJsonMarshal(v)).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort(compareGoStrings);
  return `{${keys.map((k) => `${goQuote(k)}:${goJsonMarshal(value[k])}`).join(',')}}`;
}

/** json.NewEncoder(w).Encode(v): json.Marshal plus the trailing newline kubectl keeps in the annotation. */
export function goJsonEncode(value: unknown): string {
  return `${goJsonMarshal(value)}\n`;
}
