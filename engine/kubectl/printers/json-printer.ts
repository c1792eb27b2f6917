// JSON exactly as Go's encoding/json writes it (kubectl: json.MarshalIndent(obj, "", "    ")).
// Upstream: encoding/json encode.go (appendString with HTML escaping, float formatting).
// Key order is the object's own: builders of typed objects insert keys in Go struct order;
// objects decoded from the server (maps in Go) are printed with sorted keys.

export interface JsonOptions {
  /** Indent unit; '' gives compact json.Marshal output. */
  indent?: string;
  /** Sort object keys (Go maps), instead of keeping insertion order (Go structs). */
  sortKeys?: boolean;
}

export function toGoJson(value: unknown, opts: JsonOptions = {}): string {
  return encode(value, opts.indent ?? '', opts.sortKeys ?? false, '');
}

function encode(v: unknown, indent: string, sortKeys: boolean, prefix: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return goJsonNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return encode((v as { toJSON(): unknown }).toJSON(), indent, sortKeys, prefix);
  const inner = prefix + indent;
  const nl = indent ? '\n' : '';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + nl + v.map((x) => inner + encode(x, indent, sortKeys, inner)).join(',' + nl) + nl + prefix + ']';
  }
  let keys = Object.keys(v as object).filter((k) => (v as Record<string, unknown>)[k] !== undefined);
  if (sortKeys) keys = keys.sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const sep = indent ? ': ' : ':';
  return (
    '{' + nl +
    keys.map((k) => inner + goJsonString(k) + sep + encode((v as Record<string, unknown>)[k], indent, sortKeys, inner)).join(',' + nl) +
    nl + prefix + '}'
  );
}

/** Go sorts map keys by their UTF-8 bytes, which is code point order. */
export function compareCodePoints(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < x.length && i < y.length; i++) {
    const d = x[i].codePointAt(0)! - y[i].codePointAt(0)!;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

const hex = '0123456789abcdef';

export function goJsonString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) {
      out += s[i] + s[i + 1];
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      out += '\\ufffd'; // invalid UTF-8 in Go becomes U+FFFD
      continue;
    }
    switch (c) {
      case 0x22: out += '\\"'; continue;
      case 0x5c: out += '\\\\'; continue;
      case 0x08: out += '\\b'; continue;
      case 0x0c: out += '\\f'; continue;
      case 0x0a: out += '\\n'; continue;
      case 0x0d: out += '\\r'; continue;
      case 0x09: out += '\\t'; continue;
    }
    if (c < 0x20 || c === 0x3c || c === 0x3e || c === 0x26) out += '\\u00' + hex[c >> 4] + hex[c & 0xf];
    else if (c === 0x2028 || c === 0x2029) out += '\\u202' + hex[c & 0xf];
    else out += s[i];
  }
  return out + '"';
}

// Go: integers print as digits; floats use 'f' unless |x| < 1e-6 or >= 1e21, then 'e'
// with a cleaned-up exponent — which is what JavaScript's Number#toString does too.
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
  if (Number.isInteger(n) && Math.abs(n) >= 1e21 && Math.abs(n) < 2 ** 63) return BigInt(n).toString();
  return String(n);
}
