// Flag definitions and values, shaped like spf13/pflag: each flag has a type that parses
// text, a default shown in help, and (for bools) an implicit value when given bare.

export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int32'
  | 'int64'
  | 'duration'
  | 'stringSlice'
  | 'stringArray'
  | 'pattern';

export interface FlagSpec {
  name: string;
  shorthand?: string;
  type: FlagType;
  /** Default value as text, exactly as pflag's DefValue would show it (`''` not included). */
  default?: string;
  usage: string;
  hidden?: boolean;
  deprecated?: string;
  /** Value used when the flag is given without `=value`; bools use "true". */
  noOptDefVal?: string;
}

export type FlagValue = string | boolean | number | string[];

export class FlagError extends Error {}

/** A parsed flag: its spec, current value, and whether the user set it. */
export interface FlagState {
  spec: FlagSpec;
  value: FlagValue;
  changed: boolean;
}

export function defaultText(spec: FlagSpec): string {
  if (spec.default !== undefined) return spec.default;
  switch (spec.type) {
    case 'bool':
      return 'false';
    case 'int':
    case 'int32':
    case 'int64':
      return '0';
    case 'duration':
      return '0s';
    case 'stringSlice':
    case 'stringArray':
      return '[]';
    default:
      return '';
  }
}

export function initialValue(spec: FlagSpec): FlagValue {
  const text = defaultText(spec);
  switch (spec.type) {
    case 'bool':
      return text === 'true';
    case 'int':
    case 'int32':
    case 'int64':
      return Number(text);
    case 'duration':
      return parseGoDuration(text);
    case 'stringSlice':
    case 'stringArray':
      return text === '[]' ? [] : text.slice(1, -1).split(',');
    default:
      return text;
  }
}

export function implicitValue(spec: FlagSpec): string | undefined {
  return spec.noOptDefVal ?? (spec.type === 'bool' ? 'true' : undefined);
}

// Upstream: spf13/pflag bool.go, int.go, string_slice.go, string_array.go, duration.go (Set).
// `firstSet` reproduces the slice/array rule: the first Set replaces the default, later ones append.
export function setFlagValue(state: FlagState, text: string): void {
  const { spec } = state;
  const firstSet = !state.changed;
  switch (spec.type) {
    case 'bool':
      state.value = parseGoBool(text);
      break;
    case 'int':
    case 'int64':
      state.value = parseGoInt(text, 64);
      break;
    case 'int32':
      state.value = parseGoInt(text, 32);
      break;
    case 'duration':
      state.value = parseGoDuration(text);
      break;
    case 'stringSlice': {
      const items = text === '' ? [] : parseCsvLine(text);
      state.value = firstSet ? items : [...(state.value as string[]), ...items];
      break;
    }
    case 'stringArray':
      state.value = firstSet ? [text] : [...(state.value as string[]), text];
      break;
    default:
      state.value = text;
  }
  state.changed = true;
}

// Upstream: strconv.ParseBool.
export function parseGoBool(text: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  throw new FlagError(`strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`);
}

// Upstream: strconv.ParseInt(s, 0, bits): base prefixes 0x/0o/0b/0, underscores only with a prefix.
export function parseGoInt(text: string, bits: 32 | 64): number {
  const m = /^([+-]?)(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|0[0-7_]*|[1-9][0-9]*)$/.exec(text);
  if (!m || (m[2].includes('_') && !/^0[xXbBoO]?/.test(m[2])) || /__|_$/.test(m[2])) {
    throw new FlagError(`strconv.ParseInt: parsing ${goQuote(text)}: invalid syntax`);
  }
  let digits = m[2].replace(/_/g, '');
  let base = 10;
  if (/^0[xX]/.test(digits)) (base = 16), (digits = digits.slice(2));
  else if (/^0[bB]/.test(digits)) (base = 2), (digits = digits.slice(2));
  else if (/^0[oO]/.test(digits)) (base = 8), (digits = digits.slice(2));
  else if (digits.length > 1 && digits.startsWith('0')) (base = 8), (digits = digits.slice(1));
  const value = BigInt(m[1] === '-' ? -1 : 1) * [...digits].reduce((acc, d) => acc * BigInt(base) + BigInt(parseInt(d, base)), 0n);
  const limit = 1n << BigInt(bits - 1);
  if (value >= limit || value < -limit) {
    throw new FlagError(`strconv.ParseInt: parsing ${goQuote(text)}: value out of range`);
  }
  return Number(value);
}

const durationUnits: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3,
  'μs': 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

// Upstream: time.ParseDuration. Returns milliseconds.
export function parseGoDuration(text: string): number {
  const invalid = () => new FlagError(`time: invalid duration ${goQuote(text)}`);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw invalid();
  let total = 0;
  while (s !== '') {
    const m = /^([0-9]*(?:\.[0-9]*)?)([a-z\u00b5\u03bc]*)/.exec(s);
    if (!m || m[1] === '' || m[1] === '.') throw invalid();
    if (m[2] === '') throw new FlagError(`time: missing unit in duration ${goQuote(text)}`);
    const unit = durationUnits[m[2]];
    if (unit === undefined) throw new FlagError(`time: unknown unit ${goQuote(m[2])} in duration ${goQuote(text)}`);
    total += Number(m[1]) * unit;
    s = s.slice(m[0].length);
  }
  return sign * total;
}

// Upstream: time.Duration.String, for milliseconds (kubectl never shows sub-ms defaults).
export function formatGoDuration(ms: number): string {
  if (ms === 0) return '0s';
  const neg = ms < 0;
  let rest = Math.abs(ms);
  let out = '';
  if (rest < 1000) {
    out = `${trimFloat(rest)}ms`;
  } else {
    const h = Math.floor(rest / 3_600_000);
    rest -= h * 3_600_000;
    const m = Math.floor(rest / 60_000);
    rest -= m * 60_000;
    const s = trimFloat(rest / 1000);
    if (h > 0) out = `${h}h${m}m${s}s`;
    else if (m > 0) out = `${m}m${s}s`;
    else out = `${s}s`;
  }
  return neg ? '-' + out : out;
}

function trimFloat(n: number): string {
  return String(Number(n.toFixed(9)));
}

// Upstream: encoding/csv as used by pflag's stringSlice (one record, quotes allowed).
export function parseCsvLine(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= text.length) {
    if (text[i] === '"') {
      let field = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new FlagError(`parse error on line 1, column ${text.length + 1}: extraneous or missing " in quoted-field`);
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += text[i++];
      }
      if (i < text.length && text[i] !== ',') throw new FlagError(`parse error on line 1, column ${i + 1}: extraneous or missing " in quoted-field`);
      out.push(field);
      i++;
    } else {
      const end = text.indexOf(',', i);
      const field = end < 0 ? text.slice(i) : text.slice(i, end);
      if (field.includes('"')) throw new FlagError(`parse error on line 1, column ${i + field.indexOf('"') + 1}: bare " in non-quoted-field`);
      out.push(field);
      if (end < 0) break;
      i = end + 1;
      if (i === text.length) {
        out.push('');
        break;
      }
    }
  }
  return out;
}

/** Go's %q for a string (strconv.Quote): printable runes kept (unicode.IsPrint), the rest escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x07') out += '\\a';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\v') out += '\\v';
    else if (ch === ' ' || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(ch)) out += ch;
    else if (c < 0x80) out += '\\x' + c.toString(16).padStart(2, '0');
    else if (c < 0x10000) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += '\\U' + c.toString(16).padStart(8, '0');
  }
  return out + '"';
}
