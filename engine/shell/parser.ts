// Recursive-descent parser for the shell grammar (POSIX sh plus the bash forms students type:
// [[ ]], (( )), for ((;;)), function, |&, &>, <<<). Errors carry bash's messages.
import type {
  AndOr, Assignment, CaseClause, Command, CondExpr, ForClause, List, ListItem, Pipeline, Program,
  Redirect, RedirectOp, SimpleCommand, Word, WordPart,
} from './ast';
import { IncompleteInputError, Lexer, ShellSyntaxError, type LexerOptions, type SubstitutionParser, type Token } from './lexer';

export { IncompleteInputError, ShellSyntaxError } from './lexer';

export interface ParseOptions extends LexerOptions {}

/** Parses a complete program. Throws IncompleteInputError when more input is needed. */
export function parse(src: string, opts: ParseOptions = {}): Program {
  const p = new Parser(src, 0, opts);
  const program = p.parseProgram();
  return program;
}

/** True when `src` stops inside a construct and an interactive shell should prompt for more. */
export function isIncomplete(src: string): boolean {
  try {
    parse(src);
    return false;
  } catch (err) {
    return err instanceof IncompleteInputError;
  }
}

const REDIRECT_OPS = new Set(['>', '>>', '>|', '<', '<>', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<']);
/** Words that may not start a command where they appear unexpectedly. */
const CLOSING_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}', 'in']);
const COND_UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n', '-v', '-o']);
const COND_BINARY = new Set(['==', '=', '!=', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class Parser {
  private readonly lexer: Lexer;
  private readonly subs: SubstitutionParser;
  private readonly buffer: Token[] = [];

  constructor(
    private readonly src: string,
    start: number,
    private readonly opts: ParseOptions,
  ) {
    const subs: SubstitutionParser = (this.subs = {
      parseUntilParen: (s, pos) => {
        const inner = new Parser(s, pos, opts);
        const program = inner.parseList([], true);
        const close = inner.next();
        if (close.kind === 'eof') throw new IncompleteInputError('$(');
        if (close.kind !== 'op' || close.op !== ')') throw inner.unexpected(close);
        return { program, end: close.end };
      },
      parseProgram: (s) => new Parser(s, 0, opts).parseProgram(),
    });
    this.lexer = new Lexer(src, subs, start, opts);
  }

  // ---- token plumbing ----

  private peek(n = 0): Token {
    while (this.buffer.length <= n) this.buffer.push(this.lexer.next());
    return this.buffer[n];
  }

  next(): Token {
    return this.buffer.length ? this.buffer.shift()! : this.lexer.next();
  }

  private isOp(tok: Token, ...ops: string[]): boolean {
    return tok.kind === 'op' && ops.includes(tok.op);
  }

  private isReserved(tok: Token, ...words: string[]): boolean {
    if (tok.kind !== 'word') return false;
    const p = tok.word.parts;
    return p.length === 1 && p[0].type === 'literal' && words.includes(p[0].text);
  }

  private reservedName(tok: Token): string | undefined {
    if (tok.kind !== 'word') return undefined;
    const p = tok.word.parts;
    return p.length === 1 && p[0].type === 'literal' ? p[0].text : undefined;
  }

  unexpected(tok: Token): Error {
    if (tok.kind === 'eof') return new IncompleteInputError();
    const text = tok.kind === 'newline' ? 'newline' : tok.kind === 'op' ? tok.op : tok.word.raw;
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`);
  }

  private skipNewlines(): void {
    while (this.peek().kind === 'newline') this.next();
  }

  private expectReserved(word: string): Token {
    const tok = this.next();
    if (!this.isReserved(tok, word)) throw this.unexpected(tok);
    return tok;
  }

  private expectOp(op: string): Token {
    const tok = this.next();
    if (!this.isOp(tok, op)) throw this.unexpected(tok);
    return tok;
  }

  // ---- lists ----

  parseProgram(): Program {
    const list = this.parseList([], false, true);
    const tok = this.peek();
    if (tok.kind !== 'eof') throw this.unexpected(tok);
    return list;
  }

  /**
   * A sequence of and-or lists separated by `;`, `&` or newlines, ending at one of `stopWords`,
   * at `)` (when `inParens`), at `;;` or at end of input. `allowEmpty` for programs and case items.
   */
  parseList(stopWords: string[], inParens: boolean, allowEmpty = false): List {
    const items: ListItem[] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (tok.kind === 'eof') break;
      if (this.isOp(tok, ')') && inParens) break;
      if (this.isOp(tok, ';;', ';&', ';;&') && stopWords.includes('esac')) break;
      if (this.isReserved(tok, ...stopWords)) break;
      const start = tok.start;
      const command = this.parseAndOr();
      const sep = this.peek();
      let background = false;
      let end = sep.start;
      if (this.isOp(sep, ';', '&')) {
        this.next();
        background = sep.kind === 'op' && sep.op === '&';
        end = background ? sep.end : sep.start;
      } else if (sep.kind === 'newline') {
        this.next();
      } else if (
        sep.kind !== 'eof' &&
        !(this.isOp(sep, ')') && inParens) &&
        !(this.isOp(sep, ';;', ';&', ';;&') && stopWords.includes('esac')) &&
        !this.isReserved(sep, ...stopWords)
      ) {
        throw this.unexpected(sep);
      }
      items.push({ command, background, source: this.src.slice(start, end).trim() });
    }
    if (items.length === 0 && !allowEmpty) {
      const tok = this.peek();
      throw this.unexpected(tok);
    }
    return { type: 'list', items };
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline();
    const rest: AndOr['rest'] = [];
    for (;;) {
      const tok = this.peek();
      if (!this.isOp(tok, '&&', '||')) break;
      this.next();
      this.skipNewlines();
      rest.push({ op: (tok as { op: '&&' | '||' }).op, pipeline: this.parsePipeline() });
    }
    return { type: 'and-or', first, rest };
  }

  private parsePipeline(): Pipeline {
    let negated = false;
    while (this.isReserved(this.peek(), '!')) {
      this.next();
      negated = !negated;
    }
    const commands: Command[] = [this.parseCommand()];
    const stderrPiped: boolean[] = [];
    for (;;) {
      const tok = this.peek();
      if (!this.isOp(tok, '|', '|&')) break;
      this.next();
      this.skipNewlines();
      stderrPiped.push(tok.kind === 'op' && tok.op === '|&');
      commands.push(this.parseCommand());
    }
    return { type: 'pipeline', commands, negated, stderrPiped };
  }

  // ---- commands ----

  private parseCommand(): Command {
    const tok = this.peek();
    if (tok.kind === 'eof') throw new IncompleteInputError();
    if (this.isOp(tok, '(')) {
      if (this.src[tok.start + 1] === '(') {
        const arith = this.tryArithCommand(tok);
        if (arith) return arith;
      }
      this.next();
      const body = this.parseList([], true);
      this.expectOp(')');
      return { type: 'subshell', body, redirects: this.parseRedirects() };
    }
    const name = this.reservedName(tok);
    switch (name) {
      case 'if': return this.parseIf();
      case 'while':
      case 'until': return this.parseLoop(name);
      case 'for': return this.parseFor();
      case 'case': return this.parseCase();
      case '{': {
        this.next();
        const body = this.parseList(['}'], false);
        this.expectReserved('}');
        return { type: 'group', body, redirects: this.parseRedirects() };
      }
      case '[[': return this.parseCond();
      case 'function': return this.parseFunctionKeyword();
    }
    if (name !== undefined && CLOSING_WORDS.has(name)) throw this.unexpected(tok);
    if (name !== undefined && /^[A-Za-z_][\w.:-]*$/.test(name) && this.isOp(this.peek(1), '(')) {
      return this.parseFunctionBody(name, tok.start, () => {
        this.next();
        this.next();
        this.expectOp(')');
      });
    }
    if (tok.kind === 'word' || (tok.kind === 'op' && REDIRECT_OPS.has(tok.op))) return this.parseSimple();
    throw this.unexpected(tok);
  }

  private parseSimple(): SimpleCommand {
    const assignments: Assignment[] = [];
    const words: Word[] = [];
    const redirects: Redirect[] = [];
    const line = this.lexer.lineAt(this.peek().start);
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'op' && REDIRECT_OPS.has(tok.op)) {
        redirects.push(this.parseRedirect());
        continue;
      }
      if (tok.kind !== 'word') break;
      this.next();
      if (words.length === 0) {
        const a = asAssignment(tok.word);
        if (a) {
          assignments.push(a);
          continue;
        }
      }
      words.push(tok.word);
    }
    if (!assignments.length && !words.length && !redirects.length) throw this.unexpected(this.peek());
    return { type: 'simple', assignments, words, redirects, line };
  }

  private parseRedirects(): Redirect[] {
    const out: Redirect[] = [];
    for (;;) {
      const tok = this.peek();
      if (tok.kind === 'op' && REDIRECT_OPS.has(tok.op)) out.push(this.parseRedirect());
      else return out;
    }
  }

  private parseRedirect(): Redirect {
    const tok = this.next() as Extract<Token, { kind: 'op' }>;
    const target = this.next();
    if (target.kind !== 'word') {
      // bash reports a missing target as `newline` even at the very end of input.
      if (target.kind === 'eof') throw new ShellSyntaxError("syntax error near unexpected token `newline'");
      throw this.unexpected(target);
    }
    const redirect: Redirect = { op: tok.op as RedirectOp, target: target.word };
    if (tok.fd !== undefined) redirect.fd = tok.fd;
    if (tok.op === '<<' || tok.op === '<<-') this.lexer.addHeredoc(redirect, tok.op === '<<-');
    return redirect;
  }

  private parseIf(): Command {
    this.next();
    const branches: { condition: List; body: List }[] = [];
    const condition = this.parseList(['then'], false);
    this.expectReserved('then');
    branches.push({ condition, body: this.parseList(['elif', 'else', 'fi'], false) });
    let elseBody: List | undefined;
    for (;;) {
      const tok = this.next();
      if (this.isReserved(tok, 'fi')) break;
      if (this.isReserved(tok, 'elif')) {
        const c = this.parseList(['then'], false);
        this.expectReserved('then');
        branches.push({ condition: c, body: this.parseList(['elif', 'else', 'fi'], false) });
        continue;
      }
      if (this.isReserved(tok, 'else')) {
        elseBody = this.parseList(['fi'], false);
        this.expectReserved('fi');
        break;
      }
      throw this.unexpected(tok);
    }
    return { type: 'if', branches, elseBody, redirects: this.parseRedirects() };
  }

  private parseLoop(kind: 'while' | 'until'): Command {
    this.next();
    const condition = this.parseList(['do'], false);
    this.expectReserved('do');
    const body = this.parseList(['done'], false);
    this.expectReserved('done');
    return { type: kind, condition, body, redirects: this.parseRedirects() };
  }

  private parseDoGroup(): List {
    const tok = this.next();
    if (this.isReserved(tok, '{')) {
      const body = this.parseList(['}'], false);
      this.expectReserved('}');
      return body;
    }
    if (!this.isReserved(tok, 'do')) throw this.unexpected(tok);
    const body = this.parseList(['done'], false);
    this.expectReserved('done');
    return body;
  }

  private parseFor(): Command {
    const forTok = this.next();
    if (this.isOp(this.peek(), '(') && this.src[this.peek().start + 1] === '(') {
      const open = this.peek();
      this.buffer.length = 0;
      const end = findDoubleParenEnd(this.src, open.start + 2);
      if (end === -2) throw new IncompleteInputError('((');
      if (end < 0) throw this.unexpected(open);
      const text = this.src.slice(open.start + 2, end);
      this.lexer.pos = end + 2;
      const parts = text.split(';');
      if (parts.length !== 3) throw new ShellSyntaxError(`syntax error: arithmetic expression required`);
      const tok = this.peek();
      if (this.isOp(tok, ';')) this.next();
      this.skipNewlines();
      const body = this.parseDoGroup();
      return { type: 'arith-for', init: parts[0].trim(), test: parts[1].trim(), update: parts[2].trim(), body, redirects: this.parseRedirects() };
    }
    const nameTok = this.next();
    const variable = this.reservedName(nameTok);
    if (nameTok.kind === 'eof') throw new IncompleteInputError();
    if (variable === undefined || !/^[A-Za-z_]\w*$/.test(variable)) {
      if (nameTok.kind === 'word') throw new ShellSyntaxError(`\`${nameTok.word.raw}': not a valid identifier`);
      throw this.unexpected(nameTok);
    }
    void forTok;
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.isReserved(this.peek(), 'in')) {
      this.next();
      items = [];
      for (;;) {
        const tok = this.peek();
        if (tok.kind !== 'word') break;
        items.push(tok.word);
        this.next();
      }
      const sep = this.next();
      if (!this.isOp(sep, ';') && sep.kind !== 'newline') throw this.unexpected(sep);
    } else if (this.isOp(this.peek(), ';')) {
      this.next();
    }
    this.skipNewlines();
    const body = this.parseDoGroup();
    const node: ForClause = { type: 'for', variable, items, body, redirects: this.parseRedirects() };
    return node;
  }

  private parseCase(): Command {
    this.next();
    const subjectTok = this.next();
    if (subjectTok.kind !== 'word') throw this.unexpected(subjectTok);
    this.skipNewlines();
    this.expectReserved('in');
    const items: CaseClause['items'] = [];
    for (;;) {
      this.skipNewlines();
      const tok = this.peek();
      if (this.isReserved(tok, 'esac')) {
        this.next();
        break;
      }
      if (this.isOp(tok, '(')) this.next();
      const patterns: Word[] = [];
      for (;;) {
        const p = this.next();
        if (p.kind !== 'word') throw this.unexpected(p);
        patterns.push(p.word);
        const sep = this.next();
        if (this.isOp(sep, ')')) break;
        if (!this.isOp(sep, '|')) throw this.unexpected(sep);
      }
      const body = this.parseList(['esac'], false, true);
      const term = this.peek();
      let terminator: ';;' | ';&' | ';;&' = ';;';
      if (this.isOp(term, ';;', ';&', ';;&')) {
        this.next();
        terminator = (term as { op: ';;' | ';&' | ';;&' }).op;
      } else if (!this.isReserved(term, 'esac')) throw this.unexpected(term);
      items.push({ patterns, body, terminator });
    }
    return { type: 'case', subject: subjectTok.word, items, redirects: this.parseRedirects() };
  }

  private parseFunctionKeyword(): Command {
    const kw = this.next();
    const nameTok = this.next();
    const name = this.reservedName(nameTok);
    if (name === undefined) throw this.unexpected(nameTok);
    return this.parseFunctionBody(name, kw.start, () => {
      if (this.isOp(this.peek(), '(')) {
        this.next();
        this.expectOp(')');
      }
    });
  }

  private parseFunctionBody(name: string, start: number, header: () => void): Command {
    header();
    this.skipNewlines();
    const body = this.parseCommand();
    if (body.type === 'simple') throw this.unexpected(this.peek());
    const end = this.buffer.length ? this.buffer[0].start : this.lexer.pos;
    return { type: 'function', name, body, source: this.src.slice(start, end).trim(), redirects: [] };
  }

  private tryArithCommand(open: Token): Command | undefined {
    const end = findDoubleParenEnd(this.src, open.start + 2);
    if (end === -1) return undefined;
    if (end === -2) throw new IncompleteInputError('((');
    this.buffer.length = 0;
    const text = this.src.slice(open.start + 2, end);
    this.lexer.pos = end + 2;
    const parts: WordPart[] = new Lexer(text, this.subs).readDoubleQuoted(undefined);
    return { type: 'arith', expression: { parts, raw: text }, redirects: this.parseRedirects() };
  }

  // ---- [[ ]] ----

  private parseCond(): Command {
    this.next();
    const expr = this.parseCondOr();
    const close = this.next();
    if (!this.isReserved(close, ']]')) {
      if (close.kind === 'eof') throw new IncompleteInputError('[[');
      throw this.unexpected(close);
    }
    return { type: 'cond', expr, redirects: this.parseRedirects() };
  }

  private condPeek(): Token {
    while (this.peek().kind === 'newline') this.next();
    return this.peek();
  }

  private parseCondOr(): CondExpr {
    let left = this.parseCondAnd();
    while (this.isOp(this.condPeek(), '||')) {
      this.next();
      left = { type: 'or', left, right: this.parseCondAnd() };
    }
    return left;
  }

  private parseCondAnd(): CondExpr {
    let left = this.parseCondNot();
    while (this.isOp(this.condPeek(), '&&')) {
      this.next();
      left = { type: 'and', left, right: this.parseCondNot() };
    }
    return left;
  }

  private parseCondNot(): CondExpr {
    if (this.isReserved(this.condPeek(), '!')) {
      this.next();
      return { type: 'not', expr: this.parseCondNot() };
    }
    return this.parseCondPrimary();
  }

  private parseCondPrimary(): CondExpr {
    const tok = this.condPeek();
    if (tok.kind === 'eof') throw new IncompleteInputError('[[');
    if (this.isOp(tok, '(')) {
      this.next();
      const e = this.parseCondOr();
      this.expectOp(')');
      return e;
    }
    if (tok.kind !== 'word' || this.isReserved(tok, ']]')) throw this.unexpected(tok);
    this.next();
    const name = this.reservedName(tok);
    const after = this.peek();
    if (name !== undefined && COND_UNARY.has(name) && after.kind === 'word' && !this.isReserved(after, ']]')) {
      this.next();
      return { type: 'unary', op: name, operand: after.word };
    }
    const opName = this.reservedName(after) ?? (this.isOp(after, '<', '>') ? (after as { op: string }).op : undefined);
    if (opName !== undefined && (COND_BINARY.has(opName) || opName === '<' || opName === '>') && (after.kind === 'op' || this.reservedName(after) === opName)) {
      this.next();
      const right = this.next();
      if (right.kind !== 'word') throw this.unexpected(right);
      return { type: 'binary', op: opName, left: tok.word, right: right.word };
    }
    return { type: 'word', word: tok.word };
  }
}

/** Index of the `))` closing text that starts at `from`; -1 if not balanced as arithmetic; -2 at EOF. */
function findDoubleParenEnd(src: string, from: number): number {
  let depth = 0;
  for (let i = from; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(') depth++;
    else if (ch === ')') {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (src[i + 1] === ')') return i;
      return i + 1 >= src.length ? -2 : -1;
    } else if (ch === '\n' && depth === 0 && src.slice(from, i).trim() === '') return -1;
  }
  return -2;
}

/** `NAME=value` / `NAME+=value` at the start of a simple command. */
function asAssignment(word: Word): Assignment | undefined {
  const first = word.parts[0];
  if (!first || first.type !== 'literal') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(\+?)=/.exec(first.text);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = [];
  if (rest.startsWith('~')) {
    const t = /^~([A-Za-z0-9_.-]*)/.exec(rest)!;
    const after = rest.slice(t[0].length);
    if (after === '' ? word.parts.length === 1 : after.startsWith('/') || after.startsWith(':')) {
      parts.push({ type: 'tilde', user: t[1] });
      if (after) parts.push({ type: 'literal', text: after });
    } else parts.push({ type: 'literal', text: rest });
  } else if (rest) parts.push({ type: 'literal', text: rest });
  parts.push(...word.parts.slice(1));
  return { name: m[1], append: m[2] === '+', value: { parts, raw: word.raw.slice(m[0].length) } };
}
