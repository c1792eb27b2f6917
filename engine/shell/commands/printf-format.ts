// C printf formatting shared by the `printf` command and awk's printf/sprintf.
import { decodeEscape } from '../lexer';

export interface FormatResult {
  output: string;
  /** Arguments used by one pass over the format. */
  consumed: number;
  /** `\c` was met: stop all output. */
  stop: boolean;
  errors: string[];
}

export type FormatArg = string | number;

/**
 * One pass of `format` over `args` starting at `argIndex`. Missing arguments are "" / 0.
 * `shellEscapes` decodes \n, \t... in the format (the shell printf; awk strings are already decoded).
 */
export function formatOnce(format: string, args: FormatArg[], argIndex: number, shellEscapes: boolean): FormatResult {
  let out = '';
  let ai = argIndex;
  const errors: string[] = [];
  const next = (): FormatArg | undefined => (ai < args.length ? args[ai++] : undefined);
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c === '\\' && shellEscapes) {
      if (format[i + 1] === 'c') return { output: out, consumed: ai - argIndex, stop: true, errors };
      const [text, used] = decodeEscape(format, i + 1, true);
      out += text;
      i += used;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d*))?([hlLqjzt]*)([diouxXeEfFgGcsbq%])/.exec(format.slice(i));
    if (!m) {
      out += c;
      continue;
    }
    i += m[0].length - 1;
    const flags = m[1];
    let width = m[2] === '*' ? toInt(next(), errors) : m[2] !== undefined ? Number(m[2]) : undefined;
    let precision = m[3] === '*' ? toInt(next(), errors) : m[3] !== undefined ? Number(m[3] || 0) : undefined;
    let left = flags.includes('-');
    if (width !== undefined && width < 0) {
      left = true;
      width = -width;
    }
    if (precision !== undefined && precision < 0) precision = undefined;
    const conv = m[5];
    if (conv === '%') {
      out += '%';
      continue;
    }
    const arg = next();
    let body: string;
    let numeric = false;
    switch (conv) {
      case 's':
        body = arg === undefined ? '' : String(arg);
        if (precision !== undefined) body = body.slice(0, precision);
        break;
      case 'b': {
        const s = arg === undefined ? '' : String(arg);
        let r = '';
        let stop = false;
        for (let k = 0; k < s.length; k++) {
          if (s[k] !== '\\') {
            r += s[k];
            continue;
          }
          if (s[k + 1] === 'c') {
            stop = true;
            break;
          }
          const [t, used] = decodeEscape(s, k + 1, false);
          r += t.startsWith('\\') && t.length === 2 && s[k + 1] !== '\\' ? t : t;
          k += used;
        }
        body = precision !== undefined ? r.slice(0, precision) : r;
        if (stop) return { output: out + pad(body, width, left, false), consumed: ai - argIndex, stop: true, errors };
        break;
      }
      case 'q':
        body = arg === undefined || arg === '' ? "''" : /^[\w@%+=:,./-]+$/.test(String(arg)) ? String(arg) : String(arg).replace(/[^\w@%+=:,./-]/g, '\\$&');
        break;
      case 'c':
        body = arg === undefined ? '' : String(arg).slice(0, 1);
        break;
      case 'd':
      case 'i': {
        numeric = true;
        const v = Math.trunc(toNumber(arg, errors));
        body = intBody(Math.abs(v).toString(), v < 0, flags, precision);
        break;
      }
      case 'u':
      case 'o':
      case 'x':
      case 'X': {
        numeric = true;
        let v = Math.trunc(toNumber(arg, errors));
        if (v < 0) v = 2 ** 64 + v;
        let digits = conv === 'o' ? v.toString(8) : conv === 'u' ? v.toString() : v.toString(16);
        if (conv === 'X') digits = digits.toUpperCase();
        if (flags.includes('#') && v !== 0) digits = (conv === 'o' ? '0' : conv === 'x' ? '0x' : conv === 'X' ? '0X' : '') + digits;
        body = intBody(digits, false, flags.replace(/[+ ]/g, ''), precision);
        break;
      }
      default: {
        numeric = true;
        const v = toNumber(arg, errors, true);
        body = floatBody(v, conv, flags, precision ?? 6);
      }
    }
    out += pad(body, width, left, numeric && flags.includes('0') && !left && (precision === undefined || !'diouxX'.includes(conv)));
  }
  return { output: out, consumed: ai - argIndex, stop: false, errors };
}

function intBody(digits: string, negative: boolean, flags: string, precision: number | undefined): string {
  if (precision !== undefined) digits = precision === 0 && digits === '0' ? '' : digits.padStart(precision, '0');
  const sign = negative ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  return sign + digits;
}

function floatBody(v: number, conv: string, flags: string, precision: number): string {
  const sign = v < 0 || Object.is(v, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
  const a = Math.abs(v);
  let s: string;
  if (!Number.isFinite(a)) s = Number.isNaN(a) ? 'nan' : 'inf';
  else if (conv === 'f' || conv === 'F') s = a.toFixed(precision);
  else if (conv === 'e' || conv === 'E') s = expForm(a, precision);
  else {
    const p = precision === 0 ? 1 : precision;
    const exp = a === 0 ? 0 : Math.floor(Math.log10(a));
    const e2 = a === 0 ? 0 : Number(a.toExponential(p - 1).split('e')[1]);
    if (e2 < -4 || e2 >= p) {
      s = expForm(a, p - 1);
      if (!flags.includes('#')) s = s.replace(/\.?0+e/, 'e');
    } else {
      s = a.toFixed(Math.max(0, p - 1 - e2));
      if (!flags.includes('#') && s.includes('.')) s = s.replace(/\.?0+$/, '');
    }
    void exp;
  }
  if (conv === 'E' || conv === 'G' || conv === 'F') s = s.toUpperCase();
  return sign + s;
}

function expForm(a: number, precision: number): string {
  const [mant, exp] = a.toExponential(precision).split('e');
  const e = Number(exp);
  return `${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function pad(body: string, width: number | undefined, left: boolean, zero: boolean): string {
  if (width === undefined || body.length >= width) return body;
  if (left) return body.padEnd(width);
  if (zero) {
    const m = /^([+\- ]?(?:0[xX])?)(.*)$/.exec(body)!;
    return m[1] + m[2].padStart(width - m[1].length, '0');
  }
  return body.padStart(width);
}

function toInt(arg: FormatArg | undefined, errors: string[]): number {
  return Math.trunc(toNumber(arg, errors));
}

/** The shell's numeric argument rules: 'c gives a character code, 0x hex, 0 octal. */
function toNumber(arg: FormatArg | undefined, errors: string[], float = false): number {
  if (arg === undefined) return 0;
  if (typeof arg === 'number') return arg;
  const s = arg.trim();
  if (s === '') return 0;
  if (s.startsWith("'") || s.startsWith('"')) return s.length > 1 ? s.codePointAt(1)! : 0;
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(s)) return parseInt(s, 16);
  if (!float && /^[+-]?0[0-7]+$/.test(s)) return parseInt(s, 8);
  if (float ? /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) : /^[+-]?\d+$/.test(s)) return Number(s);
  const lead = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(s);
  errors.push(`${arg}: invalid number`);
  return lead ? (float ? parseFloat(lead[0]) : parseInt(lead[0], 10)) : 0;
}

/** Does the format consume arguments at all? (printf repeats the format only if it does.) */
export function formatUsesArgs(format: string): boolean {
  return /%[-+ 0#']*(\*|\d+)?(\.(\*|\d*))?[hlLqjzt]*[diouxXeEfFgGcsbq]/.test(format.replace(/%%/g, ''));
}
