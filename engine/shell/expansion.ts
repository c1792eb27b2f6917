// Word expansion in bash's order: brace, tilde, parameter, command substitution, arithmetic,
// field splitting, pathname expansion (globbing), quote removal.
import type { ParameterPart, Program, Word, WordPart } from './ast';
import { ArithmeticError, evaluateArithmetic, type ArithmeticVariables } from './arithmetic';
import { escapePattern, glob, hasWildcards, patternSource, unescapePattern } from './pattern';
import type { VirtualFs } from './virtual-fs';

/** An expansion failed; the command is not run (bash: `-bash: x: unbound variable`). */
export class ExpansionError extends Error {
  constructor(message: string, readonly status = 1) {
    super(message);
    this.name = 'ExpansionError';
  }
}

/** What expansion needs from the shell. */
export interface ExpansionHost extends ArithmeticVariables {
  /** Positional parameters $1... */
  positional(): string[];
  /** $?, $$, $!, $0, $- */
  special(name: string): string;
  /** Runs `$(...)`, returning its stdout. */
  commandSubstitution(program: Program): Promise<string>;
  home(user: string): string | undefined;
  readonly fs: VirtualFs;
  readonly cwd: string;
  readonly nounset: boolean;
}

interface Field {
  value: string;
  pattern: string;
  hasGlob: boolean;
  hasContent: boolean;
}

/** Builds the fields of one word as pieces arrive. */
class FieldBuilder {
  readonly fields: Field[] = [];
  private cur: Field = newField();
  private pendingBreak = false;

  constructor(private readonly ifs: string) {}

  quoted(text: string): void {
    this.startPending();
    this.cur.value += text;
    this.cur.pattern += escapePattern(text);
    this.cur.hasContent = true;
  }

  literal(text: string): void {
    if (!text) return;
    this.startPending();
    this.cur.value += text;
    this.cur.pattern += text;
    this.cur.hasContent = true;
    if (/[*?[]/.test(text)) this.cur.hasGlob = true;
  }

  /** Unquoted expansion result: split on IFS, and globbed. */
  splittable(text: string): void {
    if (!text) return;
    const ifs = this.ifs;
    if (ifs === '') return this.literal(text);
    const ws = [...ifs].filter((c) => c === ' ' || c === '\t' || c === '\n').join('');
    let i = 0;
    while (i < text.length) {
      const c = text[i];
      if (ifs.includes(c)) {
        if (ws.includes(c)) {
          // A run of IFS whitespace (possibly around one non-whitespace delimiter) ends the field.
          let j = i;
          while (j < text.length && ws.includes(text[j])) j++;
          if (j < text.length && ifs.includes(text[j]) && !ws.includes(text[j])) {
            this.breakField(true);
            j++;
            while (j < text.length && ws.includes(text[j])) j++;
          } else this.pendingBreak = true;
          i = j;
        } else {
          this.breakField(true);
          i++;
        }
        continue;
      }
      let j = i;
      while (j < text.length && !ifs.includes(text[j])) j++;
      this.literal(text.slice(i, j));
      i = j;
    }
  }

  /** Ends the current field ("$@" between parameters). */
  breakField(force = false): void {
    if (this.cur.hasContent || force) this.fields.push(this.cur);
    this.cur = newField();
    this.pendingBreak = false;
  }

  /** Marks the current field as existing even if empty (`""`). */
  touch(): void {
    this.startPending();
    this.cur.hasContent = true;
  }

  finish(): Field[] {
    if (this.cur.hasContent) this.fields.push(this.cur);
    return this.fields;
  }

  private startPending(): void {
    if (this.pendingBreak) {
      if (this.cur.hasContent) this.fields.push(this.cur);
      this.cur = newField();
      this.pendingBreak = false;
    }
  }
}

function newField(): Field {
  return { value: '', pattern: '', hasGlob: false, hasContent: false };
}

export class Expander {
  constructor(private readonly host: ExpansionHost) {}

  /** Full expansion of command words into argv. */
  async words(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      for (const bw of braceExpand(w)) {
        const fields = await this.fields(bw);
        for (const f of fields) {
          if (f.hasGlob && hasWildcards(f.pattern)) {
            const matches = glob(this.host.fs, this.host.cwd, f.pattern);
            if (matches.length) {
              out.push(...matches);
              continue;
            }
            out.push(f.value);
          } else out.push(f.value);
        }
      }
    }
    return out;
  }

  /** Expansion to one string: no splitting, no globbing (assignments, case subject, here-docs). */
  async string(word: Word): Promise<string> {
    let out = '';
    for (const part of word.parts) out += await this.partString(part, false);
    return out;
  }

  /** Expansion to a pattern: quoted text is escaped so it matches literally. */
  async pattern(word: Word): Promise<string> {
    let out = '';
    for (const part of word.parts) {
      if (part.type === 'literal') out += part.text;
      else if (part.type === 'quoted' || part.type === 'double-quoted') out += escapePattern(await this.partString(part, false));
      else out += await this.partString(part, false);
    }
    return out;
  }

  /** A redirection target: one word after globbing, else `ambiguous redirect`. */
  async redirectTarget(word: Word): Promise<string> {
    const values = await this.words([word]);
    if (values.length !== 1) throw new ExpansionError(`${word.raw}: ambiguous redirect`);
    return values[0];
  }

  /** Evaluates arithmetic text after parameter expansion. */
  async arithmetic(expression: Word | string): Promise<number> {
    const text = typeof expression === 'string' ? expression : await this.string(expression);
    try {
      return evaluateArithmetic(text, this.host);
    } catch (err) {
      if (err instanceof ArithmeticError) throw new ExpansionError(`${text.trim()}: ${err.message}`);
      throw err;
    }
  }

  private async fields(word: Word): Promise<Field[]> {
    const fb = new FieldBuilder(this.host.get('IFS') ?? ' \t\n');
    for (const part of word.parts) await this.addPart(fb, part, false);
    return fb.finish();
  }

  private async addPart(fb: FieldBuilder, part: WordPart, inQuotes: boolean): Promise<void> {
    switch (part.type) {
      case 'literal':
        if (inQuotes) fb.quoted(part.text);
        else fb.literal(part.text);
        return;
      case 'quoted':
        fb.quoted(part.text);
        return;
      case 'double-quoted':
        fb.touch();
        for (const p of part.parts) await this.addPart(fb, p, true);
        return;
      case 'tilde':
        fb.quoted(this.tilde(part.user));
        return;
      case 'parameter':
        if ((part.name === '@' || part.name === '*') && !part.op && !part.length) {
          const params = this.host.positional();
          if (inQuotes && part.name === '@') {
            params.forEach((p, i) => {
              if (i > 0) fb.breakField(true);
              fb.quoted(p);
            });
            return;
          }
          if (inQuotes) {
            fb.quoted(params.join(this.ifsFirst()));
            return;
          }
          params.forEach((p, i) => {
            if (i > 0) fb.breakField();
            fb.splittable(p);
          });
          return;
        }
        break;
    }
    const text = await this.partString(part, inQuotes);
    if (inQuotes) fb.quoted(text);
    else fb.splittable(text);
  }

  private ifsFirst(): string {
    const ifs = this.host.get('IFS');
    return ifs === undefined ? ' ' : ifs.slice(0, 1);
  }

  private tilde(user: string): string {
    if (user === '') return this.host.get('HOME') ?? this.host.home('') ?? '~';
    if (user === '+') return this.host.get('PWD') ?? this.host.cwd;
    if (user === '-') return this.host.get('OLDPWD') ?? '~-';
    return this.host.home(user) ?? '~' + user;
  }

  private async partString(part: WordPart, inQuotes: boolean): Promise<string> {
    switch (part.type) {
      case 'literal':
      case 'quoted':
        return part.text;
      case 'double-quoted': {
        let s = '';
        for (const p of part.parts) s += await this.partString(p, true);
        return s;
      }
      case 'tilde':
        return this.tilde(part.user);
      case 'parameter':
        return this.parameter(part, inQuotes);
      case 'command-substitution': {
        const out = await this.host.commandSubstitution(part.program);
        return out.replace(/\n+$/, '');
      }
      case 'arithmetic':
        return String(await this.arithmetic(part.expression));
    }
  }

  private lookup(name: string): string | undefined {
    if (/^[0-9]+$/.test(name)) {
      if (name === '0') return this.host.special('0');
      return this.host.positional()[Number(name) - 1];
    }
    if (name === '@' || name === '*') {
      const params = this.host.positional();
      return params.length ? params.join(name === '*' ? this.ifsFirst() : ' ') : undefined;
    }
    if (name === '#') return String(this.host.positional().length);
    if (name === '?' || name === '$' || name === '!' || name === '-') return this.host.special(name);
    return this.host.get(name);
  }

  private async parameter(part: ParameterPart, inQuotes: boolean): Promise<string> {
    const { name, op } = part;
    const value = this.lookup(name);
    if (part.length) {
      if (name === '@' || name === '*') return String(this.host.positional().length);
      if (value === undefined && this.host.nounset) throw new ExpansionError(`${name}: unbound variable`);
      return String([...(value ?? '')].length);
    }
    const unsetOrNull = value === undefined || value === '';
    switch (op) {
      case undefined:
        if (value === undefined && this.host.nounset && !['@', '*'].includes(name)) throw new ExpansionError(`${name}: unbound variable`);
        return value ?? '';
      case ':-':
      case '-':
        return (op === ':-' ? unsetOrNull : value === undefined) ? this.argString(part.arg, inQuotes) : value!;
      case ':=':
      case '=': {
        if (!(op === ':=' ? unsetOrNull : value === undefined)) return value!;
        if (!/^[A-Za-z_]\w*$/.test(name)) throw new ExpansionError(`$${name}: cannot assign in this way`);
        const v = await this.argString(part.arg, inQuotes);
        this.host.set(name, v);
        return v;
      }
      case ':+':
      case '+':
        return (op === ':+' ? unsetOrNull : value === undefined) ? '' : this.argString(part.arg, inQuotes);
      case ':?':
      case '?': {
        if (!(op === ':?' ? unsetOrNull : value === undefined)) return value!;
        const msg = part.arg && part.arg.parts.length ? await this.argString(part.arg, inQuotes) : 'parameter null or not set';
        throw new ExpansionError(`${name}: ${msg}`);
      }
      case '#':
      case '##':
      case '%':
      case '%%': {
        const v = value ?? '';
        const pat = part.arg ? await this.pattern(part.arg) : '';
        return removePattern(v, pat, op);
      }
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const v = value ?? '';
        const pat = part.arg ? await this.pattern(part.arg) : '';
        const rep = part.arg2 ? await this.argString(part.arg2, inQuotes) : '';
        if (!pat) return v;
        const src = patternSource(pat);
        const re = new RegExp(op === '/#' ? `^(?:${src})` : op === '/%' ? `(?:${src})$` : src, op === '//' ? 'g' : '');
        return v.replace(re, () => rep);
      }
      case '^^': return (value ?? '').toUpperCase();
      case ',,': return (value ?? '').toLowerCase();
      case '^': return (value ?? '').replace(/^./, (c) => c.toUpperCase());
      case ',': return (value ?? '').replace(/^./, (c) => c.toLowerCase());
      case 'substring': {
        const chars = [...(value ?? '')];
        let offset = part.arg ? await this.arithmetic(part.arg) : 0;
        if (offset < 0) offset = Math.max(0, chars.length + offset);
        let end = chars.length;
        if (part.arg2) {
          const len = await this.arithmetic(part.arg2);
          end = len < 0 ? chars.length + len : offset + len;
          if (end < offset) throw new ExpansionError(`${len}: substring expression < 0`);
        }
        return chars.slice(offset, end).join('');
      }
    }
    return value ?? '';
  }

  private async argString(word: Word | undefined, _inQuotes: boolean): Promise<string> {
    return word ? this.string(word) : '';
  }
}

function removePattern(value: string, pattern: string, op: '#' | '##' | '%' | '%%'): string {
  if (!pattern) return value;
  const re = new RegExp(`^(?:${patternSource(pattern)})$`);
  const n = value.length;
  if (op === '#' || op === '##') {
    const lengths = op === '#' ? range(0, n) : range(0, n).reverse();
    for (const len of lengths) if (re.test(value.slice(0, len))) return value.slice(len);
  } else {
    const starts = op === '%' ? range(0, n).reverse() : range(0, n);
    for (const start of starts) if (re.test(value.slice(start))) return value.slice(0, start);
  }
  return value;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i <= to; i++) out.push(i);
  return out;
}

// ---- brace expansion ----

/** `a{b,c}d` → abd acd; `{1..5}`, `{a..e}`, `{01..10..2}`. Only braces inside unquoted text. */
export function braceExpand(word: Word): Word[] {
  for (let pi = 0; pi < word.parts.length; pi++) {
    const part = word.parts[pi];
    if (part.type !== 'literal' || !part.text.includes('{')) continue;
    const expanded = expandBraceText(part.text);
    if (!expanded) continue;
    const out: Word[] = [];
    for (const text of expanded) {
      const parts = [...word.parts];
      parts[pi] = { type: 'literal', text };
      out.push(...braceExpand({ parts, raw: word.raw }));
    }
    return out;
  }
  return [word];
}

function expandBraceText(text: string): string[] | undefined {
  for (let open = text.indexOf('{'); open >= 0; open = text.indexOf('{', open + 1)) {
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === '{') depth++;
      else if (c === '}') {
        depth--;
        if (depth === 0) {
          close = i;
          break;
        }
      } else if (c === ',' && depth === 1) commas.push(i);
    }
    if (close < 0) return undefined;
    const pre = text.slice(0, open);
    const post = text.slice(close + 1);
    const body = text.slice(open + 1, close);
    if (commas.length) {
      const alts: string[] = [];
      let start = open + 1;
      for (const c of [...commas, close]) {
        alts.push(text.slice(start, c));
        start = c + 1;
      }
      return alts.map((a) => pre + a + post);
    }
    const seq = sequence(body);
    if (seq) return seq.map((s) => pre + s + post);
  }
  return undefined;
}

function sequence(body: string): string[] | undefined {
  const num = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/.exec(body);
  if (num) {
    const a = Number(num[1]);
    const b = Number(num[2]);
    let step = Math.abs(Number(num[3] ?? 1)) || 1;
    if (a > b) step = -step;
    const width = /^-?0\d/.test(num[1]) || /^-?0\d/.test(num[2]) ? Math.max(num[1].length, num[2].length) : 0;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += step) {
      out.push(width ? (v < 0 ? '-' + String(-v).padStart(width - 1, '0') : String(v).padStart(width, '0')) : String(v));
      if (out.length > 100000) break;
    }
    return out;
  }
  const chr = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/.exec(body);
  if (chr) {
    const a = chr[1].charCodeAt(0);
    const b = chr[2].charCodeAt(0);
    let step = Math.abs(Number(chr[3] ?? 1)) || 1;
    if (a > b) step = -step;
    const out: string[] = [];
    for (let v = a; a <= b ? v <= b : v >= b; v += step) out.push(String.fromCharCode(v));
    return out;
  }
  return undefined;
}

export { unescapePattern };
