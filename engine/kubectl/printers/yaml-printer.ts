// YAML exactly as kubectl prints it: sigs.k8s.io/yaml marshals to JSON, reads that back
// with go-yaml v2 and emits it with go-yaml's port of libyaml (width 80, indent 2,
// unicode on). This file re-implements the parts of that emitter a JSON tree can reach.
// Upstream: gopkg.in/yaml.v2 encode.go (stringv, floatv, mappingv), sorter.go (keyList.Less),
// emitterc.go (analyze_scalar, select_scalar_style, write_* scalar writers, write_indent).

import { isBase60Float, resolvesToString } from './go-yaml-resolve';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export function toYaml(value: unknown): string {
  const data = normalize(value);
  checkReadable(data);
  const e = new Emitter();
  e.node(data, { mapping: false, simpleKey: false });
  e.writeIndent(); // document end
  return e.out;
}

/** The JSON round trip: drop undefined, turn toJSON-able values into plain data. */
function normalize(v: unknown): Json {
  return v === undefined ? null : (JSON.parse(JSON.stringify(v), (_k, x) => (typeof x === 'string' ? foldNel(x) : x)) as Json);
}

/** Go's JSON leaves NEL (U+0085) raw; go-yaml reads it as a line break inside a double-quoted
 * scalar and folds it: one break becomes a space, n breaks n-1 newlines, spaces around trimmed. */
function foldNel(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085(?: *\u0085)* */g, (m) => {
    const n = m.split('\u0085').length - 1;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

// sigs.k8s.io/yaml feeds Go's JSON text to go-yaml's reader, which refuses characters JSON
// leaves unescaped but YAML forbids: DEL, C1 controls other than NEL, U+FFFE and U+FFFF.
const unreadable = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;

function checkReadable(v: Json): void {
  if (typeof v === 'string') {
    if (unreadable.test(v)) throw new Error('yaml: control characters are not allowed');
  } else if (Array.isArray(v)) v.forEach(checkReadable);
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      checkReadable(k);
      checkReadable(x);
    }
  }
}

const bestIndent = 2;
const bestWidth = 80;

type Style = 'plain' | 'single' | 'double' | 'literal';

interface Ctx {
  mapping: boolean;
  simpleKey: boolean;
}

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  indents: number[] = [];
  whitespace = true;
  indention = true;

  private put(s: string): void {
    this.out += s;
    this.column += [...s].length;
  }
  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  private indicator(text: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(text);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? bestIndent : 0;
    else if (!indentless) this.indent += bestIndent;
  }
  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  node(v: Json, ctx: Ctx): void {
    if (Array.isArray(v)) return v.length === 0 ? this.emptyFlow('[', ']') : this.sequence(v, ctx);
    if (v !== null && typeof v === 'object') {
      const keys = Object.keys(v).sort(compareKeys);
      return keys.length === 0 ? this.emptyFlow('{', '}') : this.mapping(v, keys);
    }
    this.scalar(v, ctx);
  }

  private emptyFlow(open: string, close: string): void {
    this.indicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.popIndent();
    this.indicator(close, false, false, false);
  }

  private sequence(items: Json[], ctx: Ctx): void {
    this.increaseIndent(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.popIndent();
  }

  private mapping(obj: { [k: string]: Json }, keys: string[]): void {
    this.increaseIndent(false, false);
    for (const key of keys) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.scalar(key, { mapping: true, simpleKey: true });
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.scalar(key, { mapping: true, simpleKey: false });
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(obj[key], { mapping: true, simpleKey: false });
    }
    this.popIndent();
  }

  private scalar(v: Exclude<Json, Json[] | { [k: string]: Json }>, ctx: Ctx): void {
    let text: string;
    let requested: Style;
    if (typeof v === 'string') {
      text = v;
      if (v.includes('\n')) requested = 'literal';
      else if (resolvesToString(v) && !isBase60Float(v)) requested = 'plain';
      else requested = 'double';
    } else {
      text = v === null ? 'null' : typeof v === 'boolean' ? String(v) : formatYamlNumber(v);
      requested = 'plain';
    }
    const style = selectStyle(text, requested, ctx.simpleKey);
    this.increaseIndent(true, false);
    const allowBreaks = !ctx.simpleKey;
    if (style === 'plain') this.writePlain(text, allowBreaks);
    else if (style === 'single') this.writeSingle(text, allowBreaks);
    else if (style === 'double') this.writeDouble(text, allowBreaks);
    else this.writeLiteral(text);
    this.popIndent();
  }

  private writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  private writeSingle(value: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreak(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDouble(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const chars = [...value];
    const startsWithBom = chars[0] === '\ufeff';
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const cp = ch.codePointAt(0)!;
      // go-yaml's is_bom ignores its index: a string that starts with a BOM has every character escaped.
      if (startsWithBom || !isPrintable(cp) || cp === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        this.put('\\' + escapeFor(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > bestWidth && i !== 0 && i !== chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteral(value: string): void {
    this.indicator('|', true, false, false);
    const chars = [...value];
    if (chars[0] === ' ' || isBreak(chars[0] ?? '')) this.indicator(String(bestIndent), false, false, false);
    let chomp = '';
    const last = chars[chars.length - 1];
    if (chars.length === 0 || !isBreak(last)) chomp = '-';
    else if (chars.length === 1 || isBreak(chars[chars.length - 2])) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }

  private writeBreak(ch: string): void {
    if (ch === '\n') this.putBreak();
    else {
      this.out += ch;
      this.column = 0;
    }
  }
}

function isBreak(ch: string): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

// libyaml is_printable over code points (4-byte UTF-8 sequences are never printable).
function isPrintable(cp: number): boolean {
  return (
    cp === 0x0a ||
    (cp >= 0x20 && cp <= 0x7e) ||
    (cp >= 0xa0 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff)
  );
}

function escapeFor(cp: number): string {
  const named: Record<number, string> = {
    0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r',
    0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
  };
  if (named[cp] !== undefined) return named[cp];
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return 'x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return 'u' + hex.padStart(4, '0');
  return 'U' + hex.padStart(8, '0');
}

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  singleQuoted: boolean;
  block: boolean;
}

// Upstream: emitterc.go yaml_emitter_analyze_scalar.
function analyze(value: string): Analysis {
  const chars = [...value];
  if (chars.length === 0) return { multiline: false, flowPlain: false, blockPlain: true, singleQuoted: true, block: false };
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }
  const blankz = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);
  let precededByWhitespace = true;
  let followedByWhitespace = blankz(chars[1]);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      }
      if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      }
      if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    const cp = ch.codePointAt(0)!;
    if (!isPrintable(cp)) specialCharacters = true;
    if (isBreak(ch)) lineBreaks = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousBreak = true;
      previousSpace = false;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = blankz(ch);
    followedByWhitespace = blankz(chars[i + 2]);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, singleQuoted: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.singleQuoted = false;
  if (spaceBreak || specialCharacters) a.flowPlain = a.blockPlain = a.singleQuoted = a.block = false;
  if (lineBreaks) a.flowPlain = a.blockPlain = false;
  if (flowIndicators) a.flowPlain = false;
  if (blockIndicators) a.blockPlain = false;
  return a;
}

// Upstream: emitterc.go yaml_emitter_select_scalar_style (block context, no tags).
function selectStyle(value: string, requested: Style, simpleKey: boolean): Style {
  const a = analyze(value);
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlain) style = 'single';
    if (value.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuoted) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

// Upstream: emitterc.go yaml_emitter_check_simple_key (scalars up to 128 bytes, single line).
function isSimpleKey(key: string): boolean {
  return new TextEncoder().encode(key).length <= 128 && !analyze(key).multiline;
}

// Upstream: sorter.go keyList.Less for string keys: letters after non-letters, digit runs numerically.
export function compareKeys(x: string, y: string): number {
  if (x === y) return 0;
  return keyLess(x, y) ? -1 : 1;
}

const isLetter = (c: string) => /\p{L}/u.test(c);
const isDigit = (c: string | undefined) => c !== undefined && /\p{Nd}/u.test(c);

function keyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + (ar[ai].charCodeAt(0) - 48);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + (br[bi].charCodeAt(0) - 48);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i].codePointAt(0)! < br[i].codePointAt(0)!;
  }
  return ar.length < br.length;
}

// Numbers as go-yaml prints what it read from Go's JSON: integers as ints,
// everything else with strconv.FormatFloat(f, 'g', -1, 64).
export function formatYamlNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  return formatGoFloatG(n);
}

/** strconv.FormatFloat(f, 'g', -1, 64) (also fmt's %v): shortest digits, exponent form when
 * the decimal exponent is < -4 or >= 6, with at least two exponent digits. */
export function formatGoFloatG(n: number): string {
  const [mant, expStr] = n.toExponential().split('e');
  const exp = Number(expStr);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(n);
}
