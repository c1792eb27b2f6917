// Turns shell source into tokens: words (with their quoting and expansions already structured),
// operators, newlines. The parser pulls tokens one at a time because the language is
// context-sensitive: here-document bodies start after the next newline, `((` depends on position.
import type { Program, Redirect, Word, WordPart, ParameterOp, ParameterPart } from './ast';

/** A syntax error; `message` is bash's text without the `-bash: ` prefix. */
export class ShellSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShellSyntaxError';
  }
}

/**
 * The input ended inside a construct (open quote, unterminated here-document, `if` without `fi`,
 * trailing `|`, `&&` or `\`). An interactive shell asks for more with the `> ` prompt.
 */
export class IncompleteInputError extends ShellSyntaxError {
  constructor(readonly detail?: string) {
    super('syntax error: unexpected end of file');
    this.name = 'IncompleteInputError';
  }
}

export type Token =
  | { kind: 'word'; word: Word; start: number; end: number }
  | { kind: 'op'; op: string; fd?: number; start: number; end: number }
  | { kind: 'newline'; start: number; end: number }
  | { kind: 'eof'; start: number; end: number };

/** How the lexer reaches back into the parser for `$( ... )` and backticks. */
export interface SubstitutionParser {
  /** Parses a command list starting at `pos` up to its closing `)`; returns the end (after `)`). */
  parseUntilParen(src: string, pos: number): { program: Program; end: number };
  /** Parses a whole program (the inside of backticks). */
  parseProgram(src: string): Program;
}

export interface LexerOptions {
  /** Script mode: a here-document may end at end of input (bash warns and carries on). */
  eofEndsHeredoc?: boolean;
}

interface PendingHeredoc {
  redirect: Redirect;
  delimiter: string;
  stripTabs: boolean;
  expand: boolean;
}

// Longest first, so `&&` wins over `&` and `<<-` over `<<`.
const OPERATORS = ['<<<', '<<-', ';;&', '&>>', '&&', '||', ';;', ';&', '|&', '<<', '<&', '<>', '>>', '>&', '>|', '&>', '|', '&', ';', '(', ')', '<', '>'];
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);

const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '$', '!', '0', '-']);

export class Lexer {
  pos: number;
  private readonly pending: PendingHeredoc[] = [];

  constructor(
    readonly src: string,
    private readonly subs: SubstitutionParser,
    start = 0,
    private readonly opts: LexerOptions = {},
  ) {
    this.pos = start;
  }

  /** Line number (1-based) of a source offset. */
  lineAt(offset: number): number {
    let n = 1;
    for (let i = 0; i < offset && i < this.src.length; i++) if (this.src[i] === '\n') n++;
    return n;
  }

  /** Called by the parser after it reads a `<<` redirection's delimiter word. */
  addHeredoc(redirect: Redirect, stripTabs: boolean): void {
    const w = redirect.target;
    const expand = w.parts.every((p) => p.type === 'literal');
    this.pending.push({ redirect, delimiter: wordText(w), stripTabs, expand });
  }

  next(): Token {
    this.skipBlanks();
    const src = this.src;
    const start = this.pos;
    if (this.pos >= src.length) {
      if (this.pending.length) this.readHeredocBodies();
      return { kind: 'eof', start, end: start };
    }
    const ch = src[this.pos];
    if (ch === '\n') {
      this.pos++;
      if (this.pending.length) this.readHeredocBodies();
      return { kind: 'newline', start, end: start + 1 };
    }
    const io = /^(\d+)(?=[<>])/.exec(src.slice(this.pos, this.pos + 12));
    if (io) {
      this.pos += io[1].length;
      const op = this.readOperator();
      if (op) return { kind: 'op', op, fd: Number(io[1]), start, end: this.pos };
      this.pos = start;
    }
    const op = this.readOperator();
    if (op) return { kind: 'op', op, start, end: this.pos };
    const word = this.readWord();
    return { kind: 'word', word, start, end: this.pos };
  }

  private readOperator(): string | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length;
        return op;
      }
    }
    return undefined;
  }

  private skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const ch = src[this.pos];
      if (ch === ' ' || ch === '\t' || ch === '\r') this.pos++;
      else if (ch === '\\' && src[this.pos + 1] === '\n') this.pos += 2;
      else if (ch === '\\' && this.pos + 1 >= src.length) throw new IncompleteInputError('backslash');
      else if (ch === '#') {
        while (this.pos < src.length && src[this.pos] !== '\n') this.pos++;
      } else return;
    }
  }

  // ---- words ----

  private readWord(): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    if (this.src[this.pos] === '~') {
      const m = /^~([A-Za-z0-9_.-]*)(?=$|[/\s;&|()<>])/.exec(this.src.slice(this.pos, this.pos + 64));
      if (m) {
        parts.push({ type: 'tilde', user: m[1] });
        this.pos += m[0].length;
      }
    }
    this.readParts(parts, (ch) => META.has(ch));
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  /** Reads unquoted word content until `stop` says so (at top level, outside quotes). */
  private readParts(parts: WordPart[], stop: (ch: string) => boolean): void {
    const src = this.src;
    let lit = '';
    const flush = () => {
      if (lit) parts.push({ type: 'literal', text: lit });
      lit = '';
    };
    while (this.pos < src.length) {
      const ch = src[this.pos];
      if (stop(ch)) break;
      if (ch === '\\') {
        const nx = src[this.pos + 1];
        if (nx === undefined) throw new IncompleteInputError('backslash');
        this.pos += 2;
        if (nx === '\n') continue;
        flush();
        parts.push({ type: 'quoted', text: nx });
      } else if (ch === "'") {
        flush();
        const end = src.indexOf("'", this.pos + 1);
        if (end < 0) throw new IncompleteInputError("'");
        parts.push({ type: 'quoted', text: src.slice(this.pos + 1, end) });
        this.pos = end + 1;
      } else if (ch === '"') {
        flush();
        this.pos++;
        parts.push({ type: 'double-quoted', parts: this.readDoubleQuoted('"') });
      } else if (ch === '$') {
        const part = this.readDollar(false);
        if (part) {
          flush();
          parts.push(part);
        } else {
          lit += '$';
          this.pos++;
        }
      } else if (ch === '`') {
        flush();
        parts.push(this.readBacktick());
      } else {
        lit += ch;
        this.pos++;
      }
    }
    flush();
  }

  /**
   * Reads double-quoted content up to `close` (consumed), or to the end of input when `close` is
   * undefined (here-document bodies, arithmetic text). Only $, ` and \ are special inside.
   */
  readDoubleQuoted(close: string | undefined): WordPart[] {
    const src = this.src;
    const parts: WordPart[] = [];
    let text = '';
    const flush = () => {
      if (text) parts.push({ type: 'quoted', text });
      text = '';
    };
    for (;;) {
      if (this.pos >= src.length) {
        if (close !== undefined) throw new IncompleteInputError(close);
        break;
      }
      const ch = src[this.pos];
      if (close !== undefined && ch === close) {
        this.pos++;
        break;
      }
      if (ch === '\\') {
        const nx = src[this.pos + 1];
        if (nx === undefined) {
          if (close !== undefined) throw new IncompleteInputError(close);
          text += '\\';
          this.pos++;
          continue;
        }
        if (nx === '\n') {
          this.pos += 2;
          continue;
        }
        if (nx === '$' || nx === '`' || nx === '\\' || (close !== undefined && nx === close)) {
          text += nx;
          this.pos += 2;
          continue;
        }
        text += '\\';
        this.pos++;
      } else if (ch === '$') {
        const part = this.readDollar(true);
        if (part) {
          flush();
          parts.push(part);
        } else {
          text += '$';
          this.pos++;
        }
      } else if (ch === '`') {
        flush();
        parts.push(this.readBacktick());
      } else {
        text += ch;
        this.pos++;
      }
    }
    flush();
    return parts;
  }

  /** At a `$`: returns the expansion part, or undefined when the `$` is literal. */
  private readDollar(inDoubleQuotes: boolean): WordPart | undefined {
    const src = this.src;
    const nx = src[this.pos + 1];
    if (nx === "'" && !inDoubleQuotes) {
      this.pos += 2;
      return { type: 'quoted', text: this.readAnsiC() };
    }
    if (nx === '"' && !inDoubleQuotes) {
      this.pos += 2;
      return { type: 'double-quoted', parts: this.readDoubleQuoted('"') };
    }
    if (nx === '(' && src[this.pos + 2] === '(') {
      const end = findArithmeticEnd(src, this.pos + 3);
      if (end >= 0) {
        const text = src.slice(this.pos + 3, end);
        this.pos = end + 2;
        return { type: 'arithmetic', expression: subWord(text, this.subs) };
      }
      if (end === -2) throw new IncompleteInputError('$((');
      // Not arithmetic after all (e.g. `$( (cmd) )`): fall through to command substitution.
    }
    if (nx === '(') {
      const { program, end } = this.subs.parseUntilParen(src, this.pos + 2);
      this.pos = end;
      return { type: 'command-substitution', program };
    }
    if (nx === '{') {
      this.pos += 2;
      return this.readBraceParameter();
    }
    if (nx !== undefined && /[A-Za-z_]/.test(nx)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(this.pos + 1, this.pos + 256))!;
      this.pos += 1 + m[0].length;
      return { type: 'parameter', name: m[0] };
    }
    if (nx !== undefined && (/[0-9]/.test(nx) || SPECIAL_PARAMS.has(nx))) {
      this.pos += 2;
      return { type: 'parameter', name: nx };
    }
    return undefined;
  }

  private readBraceParameter(): ParameterPart {
    const src = this.src;
    const closeErr = () => new IncompleteInputError('${');
    let length = false;
    if (src[this.pos] === '#' && src[this.pos + 1] !== '}' && src[this.pos + 1] !== undefined) {
      length = true;
      this.pos++;
    }
    const m = /^([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!0-])/.exec(src.slice(this.pos, this.pos + 256));
    if (!m) {
      if (this.pos >= src.length) throw closeErr();
      const end = src.indexOf('}', this.pos);
      if (end < 0) throw closeErr();
      throw new ShellSyntaxError(`\${${src.slice(this.pos, end)}}: bad substitution`);
    }
    const name = m[1];
    this.pos += name.length;
    if (this.pos >= src.length) throw closeErr();
    if (src[this.pos] === '}') {
      this.pos++;
      return { type: 'parameter', name, length };
    }
    if (length) {
      const end = src.indexOf('}', this.pos);
      throw new ShellSyntaxError(`\${#${name}${src.slice(this.pos, end < 0 ? undefined : end)}}: bad substitution`);
    }
    const opMatch = /^(:-|:=|:\+|:\?|-|=|\+|\?|##|#|%%|%|\/\/|\/#|\/%|\/|\^\^|\^|,,|,|:)/.exec(src.slice(this.pos, this.pos + 3));
    if (!opMatch) {
      const end = src.indexOf('}', this.pos);
      if (end < 0) throw closeErr();
      throw new ShellSyntaxError(`\${${name}${src.slice(this.pos, end)}}: bad substitution`);
    }
    this.pos += opMatch[1].length;
    const rawOp = opMatch[1];
    if (rawOp === ':') {
      const arg = this.readParamWord((ch) => ch === ':' || ch === '}');
      let arg2: Word | undefined;
      if (src[this.pos] === ':') {
        this.pos++;
        arg2 = this.readParamWord((ch) => ch === '}');
      }
      this.expectBrace();
      return { type: 'parameter', name, op: 'substring', arg, arg2 };
    }
    if (rawOp.startsWith('/')) {
      const arg = this.readParamWord((ch) => ch === '/' || ch === '}');
      let arg2: Word | undefined;
      if (src[this.pos] === '/') {
        this.pos++;
        arg2 = this.readParamWord((ch) => ch === '}');
      }
      this.expectBrace();
      return { type: 'parameter', name, op: rawOp as ParameterOp, arg, arg2 };
    }
    const arg = this.readParamWord((ch) => ch === '}');
    this.expectBrace();
    return { type: 'parameter', name, op: rawOp as ParameterOp, arg };
  }

  private expectBrace(): void {
    if (this.src[this.pos] !== '}') throw new IncompleteInputError('${');
    this.pos++;
  }

  /** A word inside `${...}`: quotes and expansions allowed, blanks are literal. */
  private readParamWord(stop: (ch: string) => boolean): Word {
    const start = this.pos;
    const parts: WordPart[] = [];
    let depth = 0;
    this.readParts(parts, (ch) => {
      if (ch === '{') depth++;
      if (ch === '}' && depth > 0) {
        depth--;
        return false;
      }
      return depth === 0 && stop(ch);
    });
    if (this.pos >= this.src.length) throw new IncompleteInputError('${');
    return { parts, raw: this.src.slice(start, this.pos) };
  }

  private readAnsiC(): string {
    const src = this.src;
    let out = '';
    for (;;) {
      if (this.pos >= src.length) throw new IncompleteInputError("$'");
      const ch = src[this.pos++];
      if (ch === "'") return out;
      if (ch !== '\\') {
        out += ch;
        continue;
      }
      const [text, used] = decodeEscape(src, this.pos, true);
      out += text;
      this.pos += used;
    }
  }

  private readBacktick(): WordPart {
    const src = this.src;
    let inner = '';
    let i = this.pos + 1;
    for (;;) {
      if (i >= src.length) throw new IncompleteInputError('`');
      const ch = src[i];
      if (ch === '`') break;
      if (ch === '\\' && (src[i + 1] === '`' || src[i + 1] === '\\' || src[i + 1] === '$')) {
        inner += src[i + 1];
        i += 2;
        continue;
      }
      inner += ch;
      i++;
    }
    this.pos = i + 1;
    return { type: 'command-substitution', program: this.subs.parseProgram(inner) };
  }

  // ---- here-documents ----

  private readHeredocBodies(): void {
    const src = this.src;
    while (this.pending.length) {
      const h = this.pending.shift()!;
      let body = '';
      let done = false;
      while (this.pos < src.length) {
        const nl = src.indexOf('\n', this.pos);
        const lineEnd = nl < 0 ? src.length : nl;
        let line = src.slice(this.pos, lineEnd);
        this.pos = nl < 0 ? src.length : nl + 1;
        if (h.stripTabs) line = line.replace(/^\t+/, '');
        if (line === h.delimiter) {
          done = true;
          break;
        }
        body += line + '\n';
      }
      if (!done && !this.opts.eofEndsHeredoc) throw new IncompleteInputError('here-document');
      const bodyWord: Word = h.expand
        ? subWord(body, this.subs, true)
        : { parts: [{ type: 'quoted', text: body }], raw: body };
      h.redirect.heredoc = { body: bodyWord, expand: h.expand };
    }
  }
}

/** Text of a word with quotes removed and no expansion (here-document delimiters, names). */
export function wordText(w: Word): string {
  let out = '';
  const walk = (parts: WordPart[]) => {
    for (const p of parts) {
      if (p.type === 'literal' || p.type === 'quoted') out += p.text;
      else if (p.type === 'double-quoted') walk(p.parts);
      else if (p.type === 'tilde') out += '~' + p.user;
      else if (p.type === 'parameter') out += '$' + p.name;
    }
  };
  walk(w.parts);
  return out;
}

/** Parses text with double-quote rules (for `$((...))` bodies and here-documents). */
function subWord(text: string, subs: SubstitutionParser, heredoc = false): Word {
  const lx = new Lexer(text, subs);
  const parts = lx.readDoubleQuoted(undefined);
  // Here-documents keep `\"` as typed: only $, ` and \ are escapable there.
  void heredoc;
  return { parts, raw: text };
}

/**
 * Finds the `))` closing an arithmetic expansion whose text starts at `from`.
 * Returns its index, -1 if the parentheses show it is not arithmetic, -2 at end of input.
 */
function findArithmeticEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth === 0) return src[i + 1] === ')' ? i : i + 1 >= src.length ? -2 : -1;
      depth--;
    }
  }
  return -2;
}

/**
 * Decodes one backslash escape whose letter is at `src[i]` ($'...' and echo -e / printf rules).
 * Returns the text and how many characters after the backslash were used.
 */
export function decodeEscape(src: string, i: number, ansiC: boolean): [string, number] {
  const ch = src[i];
  switch (ch) {
    case 'n': return ['\n', 1];
    case 't': return ['\t', 1];
    case 'r': return ['\r', 1];
    case 'a': return ['\x07', 1];
    case 'b': return ['\b', 1];
    case 'f': return ['\f', 1];
    case 'v': return ['\v', 1];
    case 'e':
    case 'E': return ['\x1b', 1];
    case '\\': return ['\\', 1];
    case "'": return ansiC ? ["'", 1] : ["\\'", 1];
    case '"': return ansiC ? ['"', 1] : ['\\"', 1];
    case '?': return ['?', 1];
    case 'x': {
      const m = /^[0-9a-fA-F]{1,2}/.exec(src.slice(i + 1, i + 3));
      if (!m) return ['\\x', 1];
      return [String.fromCharCode(parseInt(m[0], 16)), 1 + m[0].length];
    }
    case 'u':
    case 'U': {
      const m = new RegExp(`^[0-9a-fA-F]{1,${ch === 'u' ? 4 : 8}}`).exec(src.slice(i + 1, i + 9));
      if (!m) return ['\\' + ch, 1];
      return [String.fromCodePoint(parseInt(m[0], 16)), 1 + m[0].length];
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      // $'\NNN' takes up to 3 octal digits; echo -e wants a leading 0 (\0NNN).
      const max = ansiC ? 3 : ch === '0' ? 4 : 0;
      if (max === 0) return ['\\' + ch, 1];
      const m = new RegExp(`^[0-7]{1,${max}}`).exec(src.slice(i, i + max))!;
      return [String.fromCharCode(parseInt(m[0], 8) & 0xff), m[0].length];
    }
    case 'c':
      if (ansiC && src[i + 1] !== undefined) return [String.fromCharCode(src.charCodeAt(i + 1) & 0x1f), 2];
      return ['\\c', 1];
    case undefined: return ['\\', 0];
    default: return ['\\' + ch, 1];
  }
}
