// awk: a POSIX awk interpreter (patterns, ranges, BEGIN/END, fields, arrays, user functions,
// printf, getline, the string and math builtins, print > file / | command), with -F, -v, -f.
import type { Command, CommandContext } from '../command-context';
import { textInput } from '../streams';
import { posixToJs } from './posix-regex';
import { formatOnce } from './printf-format';

// ---------- values ----------

/** A string that came from input (field, getline, split, -v): compares as a number if it looks like one. */
class StrNum {
  constructor(readonly s: string) {}
}
type Value = number | string | StrNum | undefined;
type AwkArray = Map<string, Value>;

const NUMERIC = /^\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|0[xX][0-9a-fA-F]+)\s*$/;

function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === undefined) return 0;
  const s = typeof v === 'string' ? v : v.s;
  const m = /^\s*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(s);
  return m ? Number(m[0]) : 0;
}

function numToStr(n: number, fmt: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e16) return String(n);
  if (Number.isNaN(n)) return 'nan';
  if (!Number.isFinite(n)) return n > 0 ? 'inf' : '-inf';
  return formatOnce(fmt, [n], 0, false).output;
}

function isTrue(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === undefined) return false;
  if (v instanceof StrNum) return NUMERIC.test(v.s) ? toNum(v) !== 0 : v.s !== '';
  return v !== '';
}

// ---------- syntax ----------

type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; re: RegExp; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; index: Expr }
  | { t: 'index'; name: string; keys: Expr[] }
  | { t: 'assign'; op: string; target: Expr; value: Expr }
  | { t: 'cond'; test: Expr; a: Expr; b: Expr }
  | { t: 'and' | 'or'; a: Expr; b: Expr }
  | { t: 'in'; keys: Expr[]; name: string }
  | { t: 'match'; negate: boolean; a: Expr; re: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'concat'; a: Expr; b: Expr }
  | { t: 'unary'; op: string; a: Expr }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'builtin'; name: string; args: Expr[] }
  | { t: 'getline'; target?: Expr; file?: Expr; cmd?: Expr }
  | { t: 'group'; e: Expr };

type Stmt =
  | { t: 'block'; body: Stmt[] }
  | { t: 'expr'; e: Expr }
  | { t: 'print'; args: Expr[]; printf: boolean; redirect?: { op: string; target: Expr } }
  | { t: 'if'; test: Expr; then: Stmt; else?: Stmt }
  | { t: 'while'; test: Expr; body: Stmt }
  | { t: 'do'; body: Stmt; test: Expr }
  | { t: 'for'; init?: Expr; test?: Expr; update?: Expr; body: Stmt }
  | { t: 'forin'; var: string; array: string; body: Stmt }
  | { t: 'next' | 'nextfile' | 'break' | 'continue' }
  | { t: 'exit' | 'return'; e?: Expr }
  | { t: 'delete'; name: string; keys?: Expr[] }
  | { t: 'getline'; e: Expr };

interface Rule {
  begin?: boolean;
  end?: boolean;
  pattern?: Expr;
  pattern2?: Expr;
  action?: Stmt;
  inRange?: boolean;
}

interface FunctionDef {
  params: string[];
  body: Stmt;
}

class AwkSyntaxError extends Error {}
class AwkRuntimeError extends Error {}

const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'match', 'sprintf', 'tolower', 'toupper', 'int', 'sqrt', 'exp', 'log', 'sin', 'cos', 'atan2', 'rand', 'srand', 'system', 'close', 'fflush']);
const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf']);

type Tok = { k: 'num'; v: number; pos: number } | { k: 'str'; v: string; pos: number } | { k: 'name'; v: string; pos: number; call: boolean } | { k: 'op'; v: string; pos: number } | { k: 'nl'; pos: number } | { k: 'eof'; pos: number };

const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '='];

class Parser {
  private pos = 0;
  private tok: Tok | undefined;
  private lastSignificant: Tok | undefined;
  readonly functions = new Map<string, FunctionDef>();

  constructor(private readonly src: string) {}

  private scan(): Tok {
    const s = this.src;
    for (;;) {
      while (this.pos < s.length && (s[this.pos] === ' ' || s[this.pos] === '\t' || s[this.pos] === '\r')) this.pos++;
      if (s[this.pos] === '\\' && s[this.pos + 1] === '\n') {
        this.pos += 2;
        continue;
      }
      if (s[this.pos] === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
        continue;
      }
      break;
    }
    const start = this.pos;
    if (this.pos >= s.length) return { k: 'eof', pos: start };
    const c = s[this.pos];
    if (c === '\n') {
      this.pos++;
      return { k: 'nl', pos: start };
    }
    const num = /^(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/.exec(s.slice(this.pos, this.pos + 64));
    if (num) {
      this.pos += num[0].length;
      return { k: 'num', v: Number(num[0]), pos: start };
    }
    if (c === '"') {
      this.pos++;
      let out = '';
      while (this.pos < s.length && s[this.pos] !== '"') {
        if (s[this.pos] === '\\' && this.pos + 1 < s.length) {
          const d = s[this.pos + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' };
          if (map[d] !== undefined) {
            out += map[d];
            this.pos += 2;
          } else if (/[0-7]/.test(d)) {
            const m = /^[0-7]{1,3}/.exec(s.slice(this.pos + 1))!;
            out += String.fromCharCode(parseInt(m[0], 8));
            this.pos += 1 + m[0].length;
          } else {
            out += '\\' + d;
            this.pos += 2;
          }
          continue;
        }
        if (s[this.pos] === '\n') throw new AwkSyntaxError('newline in string');
        out += s[this.pos++];
      }
      if (this.pos >= s.length) throw new AwkSyntaxError('non-terminated string');
      this.pos++;
      return { k: 'str', v: out, pos: start };
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s.slice(this.pos, this.pos + 256));
    if (name) {
      this.pos += name[0].length;
      return { k: 'name', v: name[0], pos: start, call: s[this.pos] === '(' };
    }
    const op = OPS.find((o) => s.startsWith(o, this.pos));
    if (!op) throw new AwkSyntaxError(`invalid char '${c}' in expression`);
    this.pos += op.length;
    return { k: 'op', v: op, pos: start };
  }

  private peek(): Tok {
    if (!this.tok) this.tok = this.scan();
    return this.tok;
  }

  private next(): Tok {
    const t = this.peek();
    this.tok = undefined;
    if (t.k !== 'nl') this.lastSignificant = t;
    return t;
  }

  private isOp(v: string): boolean {
    const t = this.peek();
    return t.k === 'op' && t.v === v;
  }

  private isName(v: string): boolean {
    const t = this.peek();
    return t.k === 'name' && t.v === v;
  }

  private expectOp(v: string): void {
    const t = this.next();
    if (t.k !== 'op' || t.v !== v) throw this.error(t);
  }

  private error(t: Tok): AwkSyntaxError {
    const near = t.k === 'eof' ? 'end of file' : t.k === 'nl' ? 'newline' : String((t as { v: unknown }).v);
    return new AwkSyntaxError(`syntax error at source line ${this.src.slice(0, t.pos).split('\n').length}, near ${near}`);
  }

  private skipNl(): void {
    while (this.peek().k === 'nl') this.next();
  }

  private skipTerminators(): void {
    while (this.peek().k === 'nl' || this.isOp(';')) this.next();
  }

  /** Re-reads the current `/` token as a regular-expression literal. */
  private regexLiteral(): Expr {
    const t = this.peek();
    this.tok = undefined;
    let i = t.pos + 1;
    let src = '';
    const s = this.src;
    let inBracket = false;
    while (i < s.length && (s[i] !== '/' || inBracket)) {
      if (s[i] === '\n') throw new AwkSyntaxError('newline in regex');
      if (s[i] === '\\' && i + 1 < s.length) {
        src += s[i + 1] === '/' ? '/' : s[i] + s[i + 1];
        i += 2;
        continue;
      }
      if (s[i] === '[') inBracket = true;
      else if (s[i] === ']') inBracket = false;
      src += s[i++];
    }
    if (i >= s.length) throw new AwkSyntaxError('non-terminated regular expression');
    this.pos = i + 1;
    return { t: 'regex', re: compileRegex(src), src };
  }

  parseProgram(): Rule[] {
    const rules: Rule[] = [];
    this.skipTerminators();
    while (this.peek().k !== 'eof') {
      if (this.isName('function') || this.isName('func')) {
        this.next();
        const nameTok = this.next();
        if (nameTok.k !== 'name') throw this.error(nameTok);
        this.expectOp('(');
        const params: string[] = [];
        while (!this.isOp(')')) {
          const p = this.next();
          if (p.k !== 'name') throw this.error(p);
          params.push(p.v);
          if (this.isOp(',')) {
            this.next();
            this.skipNl();
          }
        }
        this.next();
        this.skipNl();
        this.functions.set(nameTok.v, { params, body: this.block() });
      } else if (this.isName('BEGIN') || this.isName('END')) {
        const which = (this.next() as { v: string }).v;
        this.skipNl();
        rules.push({ [which === 'BEGIN' ? 'begin' : 'end']: true, action: this.block() });
      } else {
        const rule: Rule = {};
        if (!this.isOp('{')) {
          rule.pattern = this.expr();
          if (this.isOp(',')) {
            this.next();
            this.skipNl();
            rule.pattern2 = this.expr();
          }
        }
        if (this.isOp('{')) rule.action = this.block();
        rules.push(rule);
      }
      this.skipTerminators();
    }
    return rules;
  }

  private block(): Stmt {
    this.expectOp('{');
    const body: Stmt[] = [];
    this.skipTerminators();
    while (!this.isOp('}')) {
      if (this.peek().k === 'eof') throw this.error(this.peek());
      body.push(this.statement());
      this.skipTerminators();
    }
    this.next();
    return { t: 'block', body };
  }

  private simpleEnd(): void {
    const t = this.peek();
    if (t.k === 'nl' || (t.k === 'op' && (t.v === ';' || t.v === '}')) || t.k === 'eof') {
      if (t.k === 'nl' || (t.k === 'op' && t.v === ';')) this.next();
      return;
    }
    throw this.error(t);
  }

  private statement(): Stmt {
    const t = this.peek();
    if (t.k === 'op' && t.v === '{') return this.block();
    if (t.k === 'op' && t.v === ';') {
      this.next();
      return { t: 'block', body: [] };
    }
    if (t.k === 'name') {
      switch (t.v) {
        case 'if': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          this.skipNl();
          const then = this.statement();
          // `else` may follow after newlines or a semicolon.
          const save = { pos: this.pos, tok: this.tok };
          this.skipTerminators();
          if (this.isName('else')) {
            this.next();
            this.skipNl();
            return { t: 'if', test, then, else: this.statement() };
          }
          this.pos = save.pos;
          this.tok = save.tok;
          return { t: 'if', test, then };
        }
        case 'while': {
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          if (this.isOp(';')) {
            this.next();
            return { t: 'while', test, body: { t: 'block', body: [] } };
          }
          this.skipNl();
          return { t: 'while', test, body: this.statement() };
        }
        case 'do': {
          this.next();
          this.skipNl();
          const body = this.statement();
          this.skipTerminators();
          if (!this.isName('while')) throw this.error(this.peek());
          this.next();
          this.expectOp('(');
          const test = this.expr();
          this.expectOp(')');
          this.simpleEnd();
          return { t: 'do', body, test };
        }
        case 'for': {
          this.next();
          this.expectOp('(');
          const save = { pos: this.pos, tok: this.tok };
          const v = this.peek();
          if (v.k === 'name') {
            this.next();
            if (this.isName('in')) {
              this.next();
              const arr = this.next();
              if (arr.k !== 'name') throw this.error(arr);
              this.expectOp(')');
              this.skipNl();
              return { t: 'forin', var: v.v, array: arr.v, body: this.statement() };
            }
          }
          this.pos = save.pos;
          this.tok = save.tok;
          const init = this.isOp(';') ? undefined : this.expr();
          this.expectOp(';');
          this.skipNl();
          const test = this.isOp(';') ? undefined : this.expr();
          this.expectOp(';');
          this.skipNl();
          const update = this.isOp(')') ? undefined : this.expr();
          this.expectOp(')');
          if (this.isOp(';')) {
            this.next();
            return { t: 'for', init, test, update, body: { t: 'block', body: [] } };
          }
          this.skipNl();
          return { t: 'for', init, test, update, body: this.statement() };
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.next();
          this.simpleEnd();
          return { t: t.v };
        case 'exit':
        case 'return': {
          this.next();
          const p = this.peek();
          const e = p.k === 'nl' || p.k === 'eof' || (p.k === 'op' && (p.v === ';' || p.v === '}')) ? undefined : this.expr();
          this.simpleEnd();
          return { t: t.v, e };
        }
        case 'delete': {
          this.next();
          const n = this.next();
          if (n.k !== 'name') throw this.error(n);
          let keys: Expr[] | undefined;
          if (this.isOp('[')) {
            this.next();
            keys = this.exprList(']');
          }
          this.simpleEnd();
          return { t: 'delete', name: n.v, keys };
        }
        case 'print':
        case 'printf': {
          this.next();
          let args: Expr[] = [];
          const p = this.peek();
          const ends = (x: Tok) => x.k === 'nl' || x.k === 'eof' || (x.k === 'op' && [';', '}', '>', '>>', '|'].includes(x.v));
          if (!ends(p)) {
            if (this.isOp('(')) {
              // print (a, b) > "f": a parenthesised list, unless it is just the start of an expression.
              const save = { pos: this.pos, tok: this.tok };
              this.next();
              const list = this.exprList(')');
              if (ends(this.peek())) args = list;
              else {
                this.pos = save.pos;
                this.tok = save.tok;
                args = this.exprListNoGt();
              }
            } else args = this.exprListNoGt();
          }
          let redirect: { op: string; target: Expr } | undefined;
          if (this.isOp('>') || this.isOp('>>') || this.isOp('|')) {
            const op = (this.next() as { v: string }).v;
            redirect = { op, target: this.concatNoGt() };
          }
          this.simpleEnd();
          return { t: 'print', args, printf: t.v === 'printf', redirect };
        }
      }
    }
    const e = this.expr();
    this.simpleEnd();
    return { t: 'expr', e };
  }

  private exprList(close: string): Expr[] {
    const out: Expr[] = [];
    this.skipNl();
    while (!this.isOp(close)) {
      out.push(this.expr());
      this.skipNl();
      if (this.isOp(',')) {
        this.next();
        this.skipNl();
      } else if (!this.isOp(close)) throw this.error(this.peek());
    }
    this.next();
    return out;
  }

  private noGt = false;

  private exprListNoGt(): Expr[] {
    const saved = this.noGt;
    this.noGt = true;
    try {
      const out = [this.expr()];
      while (this.isOp(',')) {
        this.next();
        this.skipNl();
        out.push(this.expr());
      }
      return out;
    } finally {
      this.noGt = saved;
    }
  }

  private concatNoGt(): Expr {
    const saved = this.noGt;
    this.noGt = true;
    try {
      return this.concat();
    } finally {
      this.noGt = saved;
    }
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const test = this.or();
    if (this.isOp('?')) {
      this.next();
      this.skipNl();
      const a = this.ternary();
      this.skipNl();
      this.expectOp(':');
      this.skipNl();
      const b = this.ternary();
      return { t: 'cond', test, a, b };
    }
    const t = this.peek();
    if (t.k === 'op' && ['=', '+=', '-=', '*=', '/=', '%=', '^=', '**='].includes(t.v) && isLvalue(test)) {
      this.next();
      this.skipNl();
      return { t: 'assign', op: t.v === '**=' ? '^=' : t.v, target: test, value: this.ternary() };
    }
    return test;
  }

  private or(): Expr {
    let a = this.and();
    while (this.isOp('||')) {
      this.next();
      this.skipNl();
      a = { t: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.isOp('&&')) {
      this.next();
      this.skipNl();
      a = { t: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.isName('in')) {
      this.next();
      const n = this.next();
      if (n.k !== 'name') throw this.error(n);
      a = { t: 'in', keys: a.t === 'group' && (a as { multi?: Expr[] }).multi ? (a as unknown as { multi: Expr[] }).multi : [a], name: n.v };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.comparison();
    while (this.isOp('~') || this.isOp('!~')) {
      const negate = (this.next() as { v: string }).v === '!~';
      a = { t: 'match', negate, a, re: this.comparison() };
    }
    return a;
  }

  private comparison(): Expr {
    const a = this.concat();
    const t = this.peek();
    if (t.k === 'op' && ['<', '<=', '==', '!=', '>=', '>'].includes(t.v) && !(this.noGt && t.v === '>')) {
      this.next();
      return { t: 'bin', op: t.v, a, b: this.concat() };
    }
    return a;
  }

  private concat(): Expr {
    let a = this.additive();
    for (;;) {
      const t = this.peek();
      const starts =
        t.k === 'num' || t.k === 'str' || (t.k === 'name' && (!KEYWORDS.has(t.v) || t.v === 'getline')) ||
        (t.k === 'op' && ['$', '!', '(', '-', '+', '++', '--'].includes(t.v)) || (t.k === 'op' && t.v === '/' && false);
      if (!starts || (t.k === 'name' && t.v === 'in')) return a;
      if (t.k === 'op' && (t.v === '-' || t.v === '+')) return a; // binary +/- was taken by additive()
      a = { t: 'concat', a, b: this.additive() };
    }
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { v: string }).v;
      a = { t: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.next() as { v: string }).v;
      a = { t: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.isOp('!')) {
      this.next();
      return { t: 'unary', op: '!', a: this.unary() };
    }
    if (this.isOp('-') || this.isOp('+')) {
      const op = (this.next() as { v: string }).v;
      return { t: 'unary', op, a: this.unary() };
    }
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.isOp('^') || this.isOp('**')) {
      this.next();
      return { t: 'bin', op: '^', a, b: this.unaryPower() };
    }
    return a;
  }

  private unaryPower(): Expr {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = (this.next() as { v: string }).v;
      return { t: 'unary', op, a: this.unaryPower() };
    }
    return this.power();
  }

  private postfix(): Expr {
    if (this.isOp('++') || this.isOp('--')) {
      const op = (this.next() as { v: '++' | '--' }).v;
      const target = this.postfix();
      if (!isLvalue(target)) throw this.error(this.peek());
      return { t: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if ((this.isOp('++') || this.isOp('--')) && isLvalue(e)) {
      const op = (this.next() as { v: '++' | '--' }).v;
      return { t: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.k === 'op' && (t.v === '/' || t.v === '/=')) return this.regexLiteral();
    this.next();
    switch (t.k) {
      case 'num':
        return { t: 'num', v: t.v };
      case 'str':
        return { t: 'str', v: t.v };
      case 'op':
        if (t.v === '$') return { t: 'field', index: this.postfixNoIncField() };
        if (t.v === '(') {
          this.skipNl();
          const first = this.expr();
          this.skipNl();
          if (this.isOp(',')) {
            // (a, b) in arr
            this.next();
            const list = [first, ...this.exprList(')')];
            const g = { t: 'group', e: first } as Expr & { multi?: Expr[] };
            g.multi = list;
            return g;
          }
          this.expectOp(')');
          return { t: 'group', e: first };
        }
        if (t.v === '-' || t.v === '+' || t.v === '!') return { t: 'unary', op: t.v, a: this.unary() };
        throw this.error(t);
      case 'name': {
        const name = t.v;
        if (name === 'getline') {
          let target: Expr | undefined;
          const p = this.peek();
          if (p.k === 'op' && p.v === '$') target = this.primary();
          else if (p.k === 'name' && !KEYWORDS.has(p.v)) target = this.primary();
          let file: Expr | undefined;
          if (this.isOp('<')) {
            this.next();
            file = this.primary();
          }
          return { t: 'getline', target, file };
        }
        if (BUILTINS.has(name)) {
          if (this.isOp('(')) {
            this.next();
            return { t: 'builtin', name, args: this.exprList(')') };
          }
          if (name === 'length') return { t: 'builtin', name, args: [] };
          throw this.error(this.peek());
        }
        if (t.call && this.functions !== undefined && this.isOp('(')) {
          this.next();
          return { t: 'call', name, args: this.exprList(')') };
        }
        if (KEYWORDS.has(name)) throw this.error(t);
        if (this.isOp('[')) {
          this.next();
          return { t: 'index', name, keys: this.exprList(']') };
        }
        return { t: 'var', name };
      }
      default:
        throw this.error(t);
    }
  }

  /** `$NF++` increments the field, `$i++` too: the field index is a primary only. */
  private postfixNoIncField(): Expr {
    if (this.isOp('++') || this.isOp('--') || this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = (this.next() as { v: string }).v;
      if (op === '++' || op === '--') return { t: 'incdec', op, prefix: true, target: this.primary() };
      return { t: 'unary', op, a: this.primary() };
    }
    return this.primary();
  }
}

function isLvalue(e: Expr): boolean {
  return e.t === 'var' || e.t === 'field' || e.t === 'index';
}

const regexCache = new Map<string, RegExp>();
function compileRegex(src: string): RegExp {
  let re = regexCache.get(src);
  if (!re) {
    try {
      re = new RegExp(posixToJs(src, true));
    } catch {
      throw new AwkRuntimeError(`regular expression /${src}/ is invalid`);
    }
    if (regexCache.size > 500) regexCache.clear();
    regexCache.set(src, re);
  }
  return re;
}

// ---------- interpreter ----------

class NextSignal {}
class NextFileSignal {}
class ExitSignal {
  constructor(readonly status: number) {}
}
class ReturnSignal {
  constructor(readonly value: Value) {}
}
class BreakSignal {}
class ContinueSignal {}

/** Statements executed before a run is declared runaway (the evaluator is synchronous). */
const STEP_LIMIT = 20_000_000;

class Runtime {
  globals = new Map<string, Value | AwkArray>();
  frames: Map<string, Value | AwkArray>[] = [];
  /** Per call: parameters bound to a caller's untyped variable (arrays are passed by reference). */
  links: Map<string, { scope: Map<string, Value | AwkArray>; name: string }>[] = [];
  fields: string[] = [''];
  nf = 0;
  out = '';
  files = new Map<string, string>();
  pipes = new Map<string, string>();
  steps = 0;
  records: string[] = [];
  recordIndex = 0;
  inputFiles: { name: string; text: string }[] = [];
  seed = 0;
  private randState = 1;

  constructor(
    readonly functions: Map<string, FunctionDef>,
    readonly ctx: CommandContext,
  ) {}

  get(name: string): Value {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) {
      const v = frame.get(name);
      if (v instanceof Map) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
      return v;
    }
    if (name === 'NF') return this.nf;
    const v = this.globals.get(name);
    if (v instanceof Map) throw new AwkRuntimeError(`attempt to use array \`${name}' in a scalar context`);
    return v;
  }

  set(name: string, v: Value): void {
    const frame = this.frames[this.frames.length - 1];
    if (frame?.has(name)) {
      frame.set(name, v);
      return;
    }
    if (name === 'NF') {
      this.setNF(Math.max(0, Math.trunc(toNum(v))));
      return;
    }
    this.globals.set(name, v);
  }

  array(name: string): AwkArray {
    const frame = this.frames[this.frames.length - 1];
    const scope = frame?.has(name) ? frame : this.globals;
    let a = scope.get(name);
    if (a === undefined) {
      a = new Map();
      scope.set(name, a);
      const link = scope === frame ? this.links[this.links.length - 1]?.get(name) : undefined;
      if (link) link.scope.set(link.name, a);
    }
    if (!(a instanceof Map)) throw new AwkRuntimeError(`can't use scalar \`${name}' as array`);
    return a;
  }

  str(v: Value): string {
    if (typeof v === 'string') return v;
    if (v === undefined) return '';
    if (v instanceof StrNum) return v.s;
    return numToStr(v, this.str(this.globals.get('CONVFMT') as Value) || '%.6g');
  }

  outStr(v: Value): string {
    if (typeof v === 'number') return numToStr(v, this.str(this.globals.get('OFMT') as Value) || '%.6g');
    return this.str(v);
  }

  // ---- records and fields ----

  setRecord(text: string): void {
    this.fields = [text];
    this.splitRecord();
  }

  private splitRecord(): void {
    const parts = this.splitFields(this.fields[0], this.str(this.globals.get('FS') as Value));
    this.fields = [this.fields[0], ...parts];
    this.nf = parts.length;
  }

  splitFields(text: string, fs: string): string[] {
    if (fs === ' ') {
      const t = text.trim();
      return t === '' ? [] : t.split(/[ \t\n]+/);
    }
    if (text === '') return [];
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    if (fs === '\t') return text.split('\t');
    return text.split(new RegExp(posixToJs(fs, true)));
  }

  getField(i: number): Value {
    if (i < 0) throw new AwkRuntimeError(`trying to access out of range field ${i}`);
    if (i === 0) return new StrNum(this.fields[0]);
    return i <= this.nf ? new StrNum(this.fields[i] ?? '') : undefined;
  }

  setField(i: number, v: string): void {
    if (i === 0) {
      this.fields[0] = v;
      this.splitRecord();
      return;
    }
    while (this.nf < i) this.fields[++this.nf] = '';
    this.fields[i] = v;
    this.rebuild();
  }

  private setNF(n: number): void {
    while (this.nf < n) this.fields[++this.nf] = '';
    this.nf = n;
    this.fields.length = n + 1;
    this.rebuild();
  }

  private rebuild(): void {
    this.fields[0] = this.fields.slice(1, this.nf + 1).join(this.str(this.globals.get('OFS') as Value));
  }

  // ---- evaluation ----

  eval(e: Expr): Value {
    switch (e.t) {
      case 'num': return e.v;
      case 'str': return e.v;
      case 'regex': return this.matches(this.fields[0], e.re) ? 1 : 0;
      case 'group': return this.eval(e.e);
      case 'var': return this.get(e.name);
      case 'field': return this.getField(Math.trunc(toNum(this.eval(e.index))));
      case 'index': return this.array(e.name).get(this.key(e.keys));
      case 'assign': {
        let v = this.eval(e.value);
        if (e.op !== '=') v = this.arith(e.op.slice(0, -1), this.eval(e.target), v);
        if (v instanceof StrNum && e.target.t !== 'field') v = new StrNum(v.s);
        this.assign(e.target, v);
        return v;
      }
      case 'cond': return isTrue(this.eval(e.test)) ? this.eval(e.a) : this.eval(e.b);
      case 'and': return isTrue(this.eval(e.a)) && isTrue(this.eval(e.b)) ? 1 : 0;
      case 'or': return isTrue(this.eval(e.a)) || isTrue(this.eval(e.b)) ? 1 : 0;
      case 'in': return this.array(e.name).has(this.key(e.keys)) ? 1 : 0;
      case 'match': {
        const re = e.re.t === 'regex' ? e.re.re : compileRegex(this.str(this.eval(e.re)));
        const m = this.matches(this.str(this.eval(e.a)), re);
        return m !== e.negate ? 1 : 0;
      }
      case 'bin': {
        const a = this.eval(e.a);
        const b = this.eval(e.b);
        if (['<', '<=', '==', '!=', '>=', '>'].includes(e.op)) return this.compare(e.op, a, b) ? 1 : 0;
        return this.arith(e.op, a, b);
      }
      case 'concat': return this.str(this.eval(e.a)) + this.str(this.eval(e.b));
      case 'unary': {
        const v = this.eval(e.a);
        if (e.op === '!') return isTrue(v) ? 0 : 1;
        return e.op === '-' ? -toNum(v) : toNum(v);
      }
      case 'incdec': {
        const old = toNum(this.eval(e.target));
        const nv = old + (e.op === '++' ? 1 : -1);
        this.assign(e.target, nv);
        return e.prefix ? nv : old;
      }
      case 'call': return this.call(e.name, e.args);
      case 'builtin': return this.builtin(e.name, e.args);
      case 'getline': return this.getline(e);
    }
  }

  private key(keys: Expr[]): string {
    if (keys.length === 1) return this.str(this.eval(keys[0]));
    return keys.map((k) => this.str(this.eval(k))).join(this.str(this.globals.get('SUBSEP') as Value));
  }

  private matches(s: string, re: RegExp): boolean {
    re.lastIndex = 0;
    return re.test(s);
  }

  assign(target: Expr, v: Value): void {
    if (target.t === 'var') this.set(target.name, v);
    else if (target.t === 'field') this.setField(Math.trunc(toNum(this.eval(target.index))), this.str(v));
    else if (target.t === 'index') this.array(target.name).set(this.key(target.keys), v);
  }

  private arith(op: string, av: Value, bv: Value): number {
    const a = toNum(av);
    const b = toNum(bv);
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
        if (b === 0) throw new AwkRuntimeError('division by zero');
        return a / b;
      case '%':
        if (b === 0) throw new AwkRuntimeError('division by zero in %');
        return a % b;
      case '^': return a ** b;
    }
    return 0;
  }

  private compare(op: string, a: Value, b: Value): boolean {
    const numeric = (v: Value) => typeof v === 'number' || v === undefined || (v instanceof StrNum && NUMERIC.test(v.s));
    let r: number;
    if (numeric(a) && numeric(b)) r = toNum(a) - toNum(b);
    else {
      const x = this.str(a);
      const y = this.str(b);
      r = x < y ? -1 : x > y ? 1 : 0;
    }
    switch (op) {
      case '<': return r < 0;
      case '<=': return r <= 0;
      case '==': return r === 0;
      case '!=': return r !== 0;
      case '>=': return r >= 0;
      default: return r > 0;
    }
  }

  private call(name: string, args: Expr[]): Value {
    const fn = this.functions.get(name);
    if (!fn) throw new AwkRuntimeError(`calling undefined function ${name}`);
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep');
    const frame = new Map<string, Value | AwkArray>();
    const links = new Map<string, { scope: Map<string, Value | AwkArray>; name: string }>();
    const callerFrame = this.frames[this.frames.length - 1];
    fn.params.forEach((p, i) => {
      const a = args[i];
      if (a === undefined) frame.set(p, undefined);
      else if (a.t === 'var' && this.isArrayName(a.name)) frame.set(p, this.array(a.name));
      else if (a.t === 'var' && a.name !== 'NF' && (callerFrame?.has(a.name) ? callerFrame.get(a.name) : this.globals.get(a.name)) === undefined) {
        // An untyped variable: it becomes an array if the function uses the parameter as one.
        frame.set(p, undefined);
        links.set(p, { scope: callerFrame?.has(a.name) ? callerFrame : this.globals, name: a.name });
      } else frame.set(p, this.eval(a));
    });
    this.links.push(links);
    this.frames.push(frame);
    try {
      this.exec(fn.body);
      return undefined;
    } catch (sig) {
      if (sig instanceof ReturnSignal) return sig.value;
      throw sig;
    } finally {
      this.frames.pop();
      this.links.pop();
    }
  }

  private isArrayName(name: string): boolean {
    const frame = this.frames[this.frames.length - 1];
    const v = frame?.has(name) ? frame.get(name) : this.globals.get(name);
    return v instanceof Map;
  }

  private builtin(name: string, args: Expr[]): Value {
    const s = (i: number) => this.str(this.eval(args[i]));
    const n = (i: number) => toNum(this.eval(args[i]));
    switch (name) {
      case 'length': {
        if (!args.length) return [...this.fields[0]].length;
        const a = args[0];
        if (a.t === 'var' && this.isArrayName(a.name)) return this.array(a.name).size;
        return [...s(0)].length;
      }
      case 'substr': {
        const str = [...s(0)];
        let start = Math.round(n(1));
        let len = args.length > 2 ? Math.round(n(2)) : Infinity;
        if (start < 1) {
          len += start - 1;
          start = 1;
        }
        if (len <= 0) return '';
        return str.slice(start - 1, start - 1 + len).join('');
      }
      case 'index': {
        const i = s(0).indexOf(s(1));
        return i < 0 ? 0 : [...s(0).slice(0, i)].length + 1;
      }
      case 'split': {
        const target = args[1];
        if (target?.t !== 'var') throw new AwkRuntimeError('split: second argument is not an array');
        const arr = this.array(target.name);
        arr.clear();
        let parts: string[];
        if (args.length > 2) {
          const sepExpr = args[2];
          if (sepExpr.t === 'regex') parts = s(0) === '' ? [] : s(0).split(sepExpr.re);
          else parts = this.splitFields(s(0), s(2));
        } else parts = this.splitFields(s(0), this.str(this.globals.get('FS') as Value));
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub': {
        const reExpr = args[0];
        const re = reExpr.t === 'regex' ? reExpr.re : compileRegex(s(0));
        const repl = s(1);
        const target: Expr = args[2] ?? { t: 'field', index: { t: 'num', v: 0 } };
        const text = this.str(this.eval(target));
        let count = 0;
        const g = new RegExp(re.source, 'g' + re.flags.replace('g', ''));
        const result = text.replace(g, (m) => {
          if (name === 'sub' && count > 0) return m;
          count++;
          let out = '';
          for (let i = 0; i < repl.length; i++) {
            if (repl[i] === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
              out += repl[++i];
            } else if (repl[i] === '&') out += m;
            else out += repl[i];
          }
          return out;
        });
        if (count > 0) this.assign(target, result);
        return count;
      }
      case 'match': {
        const reExpr = args[1];
        const re = reExpr.t === 'regex' ? reExpr.re : compileRegex(s(1));
        const str = s(0);
        re.lastIndex = 0;
        const m = new RegExp(re.source, re.flags.replace('g', '')).exec(str);
        const start = m ? [...str.slice(0, m.index)].length + 1 : 0;
        const len = m ? [...m[0]].length : -1;
        this.globals.set('RSTART', start);
        this.globals.set('RLENGTH', len);
        return start;
      }
      case 'sprintf': {
        if (!args.length) return '';
        const vals = args.slice(1).map((a) => this.eval(a)).map((v) => (typeof v === 'number' ? v : v instanceof StrNum && NUMERIC.test(v.s) ? this.str(v) : this.str(v)));
        return formatOnce(s(0), vals, 0, false).output;
      }
      case 'tolower': return s(0).toLowerCase();
      case 'toupper': return s(0).toUpperCase();
      case 'int': return Math.trunc(n(0));
      case 'sqrt': return Math.sqrt(n(0));
      case 'exp': return Math.exp(n(0));
      case 'log': return Math.log(n(0));
      case 'sin': return Math.sin(n(0));
      case 'cos': return Math.cos(n(0));
      case 'atan2': return Math.atan2(n(0), n(1));
      case 'rand': {
        // A deterministic linear congruential generator, reseeded by srand().
        this.randState = (this.randState * 1103515245 + 12345) % 2147483648;
        return this.randState / 2147483648;
      }
      case 'srand': {
        const prev = this.seed;
        this.seed = args.length ? n(0) : Math.floor(this.ctx.clock.now() / 1000);
        this.randState = Math.abs(Math.trunc(this.seed)) % 2147483648 || 1;
        return prev;
      }
      case 'system':
        // Commands run after the program, like output pipes; their status is not known here.
        this.pipes.set(s(0), this.pipes.get(s(0)) ?? '');
        return 0;
      case 'close':
      case 'fflush':
        return 0;
    }
    return undefined;
  }

  private getline(e: Extract<Expr, { t: 'getline' }>): Value {
    if (e.file) {
      const name = this.str(this.eval(e.file));
      const key = `\0getline:${name}`;
      let state = this.globals.get(key) as unknown as { lines: string[]; i: number } | undefined;
      if (!state) {
        const path = name === '-' || name === '/dev/stdin' ? undefined : this.ctx.resolvePath(name);
        if (path !== undefined && !this.ctx.fs.isFile(path)) return -1;
        const text = path === undefined ? '' : this.ctx.fs.readFile(path);
        state = { lines: text.split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''), i: 0 };
        this.globals.set(key, state as unknown as Value);
      }
      if (state.i >= state.lines.length) return 0;
      const line = state.lines[state.i++];
      if (e.target) this.assign(e.target, new StrNum(line));
      else {
        this.setRecord(line);
        this.set('NR', toNum(this.get('NR')) + 1);
      }
      return 1;
    }
    if (this.recordIndex >= this.records.length) return 0;
    const line = this.records[this.recordIndex++];
    this.set('NR', toNum(this.get('NR')) + 1);
    this.set('FNR', toNum(this.get('FNR')) + 1);
    if (e.target) this.assign(e.target, new StrNum(line));
    else this.setRecord(line);
    return 1;
  }

  exec(st: Stmt): void {
    if (++this.steps > STEP_LIMIT) throw new AwkRuntimeError('program ran too long and was stopped');
    switch (st.t) {
      case 'block':
        for (const s of st.body) this.exec(s);
        return;
      case 'expr':
        this.eval(st.e);
        return;
      case 'print': {
        let text: string;
        if (st.printf) {
          if (!st.args.length) throw new AwkRuntimeError('printf: no format');
          const vals = st.args.slice(1).map((a) => this.eval(a)).map((v) => (typeof v === 'number' ? v : this.str(v)));
          text = formatOnce(this.str(this.eval(st.args[0])), vals, 0, false).output;
        } else {
          const parts = st.args.length ? st.args.map((a) => this.outStr(this.eval(a))) : [this.fields[0]];
          text = parts.join(this.str(this.globals.get('OFS') as Value)) + this.str(this.globals.get('ORS') as Value);
        }
        if (!st.redirect) {
          this.out += text;
          return;
        }
        const target = this.str(this.eval(st.redirect.target));
        if (st.redirect.op === '|') this.pipes.set(target, (this.pipes.get(target) ?? '') + text);
        else if (target === '/dev/stdout' || target === '-') this.out += text;
        else if (target === '/dev/stderr') void this.ctx.stderr.write(text);
        else {
          const path = this.ctx.resolvePath(target);
          if (!this.files.has(path)) {
            if (st.redirect.op === '>') this.ctx.fs.writeFile(path, '');
            this.files.set(path, '');
          }
          this.ctx.fs.appendFile(path, text);
        }
        return;
      }
      case 'if':
        if (isTrue(this.eval(st.test))) this.exec(st.then);
        else if (st.else) this.exec(st.else);
        return;
      case 'while':
        while (isTrue(this.eval(st.test))) {
          if (this.loopBody(st.body)) break;
        }
        return;
      case 'do':
        do {
          if (this.loopBody(st.body)) break;
        } while (isTrue(this.eval(st.test)));
        return;
      case 'for':
        if (st.init) this.eval(st.init);
        while (!st.test || isTrue(this.eval(st.test))) {
          if (this.loopBody(st.body)) break;
          if (st.update) this.eval(st.update);
        }
        return;
      case 'forin': {
        const arr = this.array(st.array);
        for (const k of [...arr.keys()]) {
          if (!arr.has(k)) continue;
          this.set(st.var, new StrNum(k));
          if (this.loopBody(st.body)) break;
        }
        return;
      }
      case 'next': throw new NextSignal();
      case 'nextfile': throw new NextFileSignal();
      case 'break': throw new BreakSignal();
      case 'continue': throw new ContinueSignal();
      case 'exit': throw new ExitSignal(st.e ? Math.trunc(toNum(this.eval(st.e))) : 0);
      case 'return': throw new ReturnSignal(st.e ? this.eval(st.e) : undefined);
      case 'delete':
        if (st.keys) this.array(st.name).delete(this.key(st.keys));
        else this.array(st.name).clear();
        return;
      case 'getline':
        this.eval(st.e);
        return;
    }
  }

  /** Runs a loop body; true means `break`. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (sig) {
      if (sig instanceof BreakSignal) return true;
      if (sig instanceof ContinueSignal) return false;
      throw sig;
    }
    return false;
  }
}

function decodeVarValue(v: string): string {
  return v.replace(/\\(n|t|r|\\|"|\/)/g, (_m, c: string) => ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/' })[c]!);
}

export const awk: Command = async (ctx, argv) => {
  let fs: string | undefined;
  const assigns: [string, string][] = [];
  let programText: string | undefined;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '-F' || (a.startsWith('-F') && a.length > 2)) {
      fs = a === '-F' ? argv[++i] : a.slice(2);
      if (fs === undefined) {
        await ctx.stderr.write('awk: option requires an argument -- F\n');
        return 2;
      }
    } else if (a === '-v' || (a.startsWith('-v') && a.length > 2)) {
      const asg = a === '-v' ? argv[++i] : a.slice(2);
      const eq = asg?.indexOf('=') ?? -1;
      if (!asg || eq < 1) {
        await ctx.stderr.write(`awk: invalid -v argument: ${asg ?? ''}\n`);
        return 2;
      }
      assigns.push([asg.slice(0, eq), decodeVarValue(asg.slice(eq + 1))]);
    } else if (a === '-f') {
      const file = argv[++i];
      const path = file === undefined ? '' : ctx.resolvePath(file);
      if (!file || !ctx.fs.isFile(path)) {
        await ctx.stderr.write(`awk: fatal: can't open source file \`${file ?? ''}' for reading: No such file or directory\n`);
        return 2;
      }
      programText = (programText ?? '') + ctx.fs.readFile(path) + '\n';
    } else if (a === '--version' || a === '-V') {
      await ctx.stdout.write('GNU Awk 4.0.2\n');
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      await ctx.stderr.write(`awk: not an option: ${a}\n`);
      return 2;
    } else break;
  }
  if (programText === undefined) {
    programText = argv[i++];
    if (programText === undefined) {
      await ctx.stderr.write("Usage: awk [POSIX or GNU style options] -f progfile [--] file ...\nUsage: awk [POSIX or GNU style options] [--] 'program' file ...\n");
      return 2;
    }
  }
  const operands = argv.slice(i);
  let rules: Rule[];
  let functions: Map<string, FunctionDef>;
  try {
    const p = new Parser(programText);
    rules = p.parseProgram();
    functions = p.functions;
  } catch (err) {
    if (err instanceof AwkSyntaxError || err instanceof AwkRuntimeError) {
      await ctx.stderr.write(`awk: cmd. line:1: ${programText.split('\n')[0]}\nawk: cmd. line:1: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const rt = new Runtime(functions, ctx);
  const g = rt.globals;
  g.set('FS', fs === undefined ? ' ' : fs === 't' ? '\t' : decodeVarValue(fs));
  g.set('OFS', ' ');
  g.set('ORS', '\n');
  g.set('RS', '\n');
  g.set('NR', 0);
  g.set('FNR', 0);
  g.set('SUBSEP', '\x1c');
  g.set('CONVFMT', '%.6g');
  g.set('OFMT', '%.6g');
  g.set('RSTART', 0);
  g.set('RLENGTH', -1);
  g.set('FILENAME', '');
  const environ = new Map<string, Value>(Object.entries(ctx.env).map(([k, v]) => [k, new StrNum(v)]));
  g.set('ENVIRON', environ);
  const argvArr = new Map<string, Value>([['0', 'awk'], ...operands.map((o, k) => [String(k + 1), new StrNum(o)] as [string, Value])]);
  g.set('ARGV', argvArr);
  g.set('ARGC', operands.length + 1);
  for (const [k, v] of assigns) g.set(k, new StrNum(v));

  let status = 0;
  const flush = async () => {
    if (rt.out) {
      await ctx.stdout.write(rt.out);
      rt.out = '';
    }
  };
  const report = async (err: unknown): Promise<number> => {
    await flush();
    if (err instanceof AwkRuntimeError) {
      await ctx.stderr.write(`awk: cmd. line:1: fatal: ${err.message}\n`);
      return 2;
    }
    throw err;
  };
  const runRules = (which: 'begin' | 'end'): void => {
    for (const r of rules) if (r[which] && r.action) rt.exec(r.action);
  };
  let exiting: number | undefined;
  try {
    runRules('begin');
  } catch (sig) {
    if (sig instanceof ExitSignal) exiting = sig.status;
    else if (sig instanceof NextSignal || sig instanceof NextFileSignal) exiting = undefined;
    else return report(sig);
  }
  const mainRules = rules.filter((r) => !r.begin && !r.end);
  const needInput = exiting === undefined && (mainRules.length > 0 || rules.some((r) => r.end));
  if (needInput) {
    const files = operands.filter((o) => !/^[A-Za-z_]\w*=/.test(o));
    const sources = files.length ? operands : ['-'];
    for (const src of sources) {
      if (exiting !== undefined) break;
      const asg = /^([A-Za-z_]\w*)=(.*)$/s.exec(src);
      if (asg && files.length) {
        g.set(asg[1], new StrNum(decodeVarValue(asg[2])));
        continue;
      }
      let text: string;
      if (src === '-' || src === '/dev/stdin') text = await ctx.stdin.readAll();
      else {
        const path = ctx.resolvePath(src);
        if (!ctx.fs.isFile(path)) {
          await flush();
          await ctx.stderr.write(`awk: fatal: cannot open file \`${src}' for reading (${ctx.fs.exists(path) ? 'Is a directory' : 'No such file or directory'})\n`);
          status = 2;
          continue;
        }
        text = ctx.fs.readFile(path);
      }
      g.set('FILENAME', src === '-' ? '' : src);
      g.set('FNR', 0);
      const rs = rt.str(g.get('RS') as Value);
      let records: string[];
      if (rs === '') records = text.split(/\n\n+/).map((r) => r.replace(/^\n+|\n+$/g, '')).filter((r) => r !== '');
      else {
        records = text.split(rs.length === 1 ? rs : new RegExp(posixToJs(rs, true)));
        if (records[records.length - 1] === '') records.pop();
      }
      rt.records = records;
      rt.recordIndex = 0;
      try {
        while (rt.recordIndex < rt.records.length) {
          const rec = rt.records[rt.recordIndex++];
          rt.set('NR', toNum(rt.get('NR')) + 1);
          rt.set('FNR', toNum(rt.get('FNR')) + 1);
          rt.setRecord(rec);
          rt.steps = 0;
          try {
            for (const r of mainRules) {
              let matched: boolean;
              if (!r.pattern) matched = true;
              else if (r.pattern2) {
                if (r.inRange) {
                  matched = true;
                  if (isTrue(rt.eval(r.pattern2))) r.inRange = false;
                } else if (isTrue(rt.eval(r.pattern))) {
                  matched = true;
                  r.inRange = !isTrue(rt.eval(r.pattern2));
                } else matched = false;
              } else matched = isTrue(rt.eval(r.pattern));
              if (!matched) continue;
              if (r.action) rt.exec(r.action);
              else rt.out += rt.fields[0] + rt.str(g.get('ORS') as Value);
            }
          } catch (sig) {
            if (sig instanceof NextSignal) continue;
            if (sig instanceof NextFileSignal) break;
            throw sig;
          }
          if (rt.out.length > 65536) {
            await flush();
            if (ctx.stdout.closed) return 0;
          }
        }
      } catch (sig) {
        if (sig instanceof ExitSignal) exiting = sig.status;
        else return report(sig);
      }
    }
  }
  try {
    rt.steps = 0;
    runRules('end');
  } catch (sig) {
    if (sig instanceof ExitSignal) exiting = sig.status;
    else return report(sig);
  }
  await flush();
  for (const [cmd, input] of rt.pipes) await ctx.runScript(cmd, { stdin: textInput(input) }, ['sh']);
  return exiting ?? status;
};
