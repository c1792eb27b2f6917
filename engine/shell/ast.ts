// The syntax tree of the shell language: what the parser produces and the interpreter runs.

/** A word before expansion. `raw` is the source text, kept for aliases and error messages. */
export interface Word {
  parts: WordPart[];
  raw: string;
}

export type WordPart =
  /** Unquoted text: subject to field splitting (if it came from expansion) and globbing. */
  | { type: 'literal'; text: string }
  /** Text protected from globbing and splitting: '...', $'...', a backslash escape, text inside "...". */
  | { type: 'quoted'; text: string }
  | { type: 'double-quoted'; parts: WordPart[] }
  | { type: 'tilde'; user: string }
  | ParameterPart
  | { type: 'command-substitution'; program: Program }
  | { type: 'arithmetic'; expression: Word };

export type ParameterOp =
  | ':-' | '-' | ':=' | '=' | ':+' | '+' | ':?' | '?'
  | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%'
  | '^^' | '^' | ',,' | ','
  | 'substring';

export interface ParameterPart {
  type: 'parameter';
  /** A name, a digit string, or one of @ * # ? $ ! 0 -. */
  name: string;
  /** `${#x}` */
  length?: boolean;
  op?: ParameterOp;
  /** The word after the operator (default value, pattern, ...). */
  arg?: Word;
  /** For `/` ops: the replacement. For `substring`: the length expression. */
  arg2?: Word;
}

export interface Assignment {
  name: string;
  value: Word;
  append: boolean;
}

export type RedirectOp = '>' | '>>' | '>|' | '<' | '<>' | '>&' | '<&' | '&>' | '&>>' | '<<' | '<<-' | '<<<';

export interface Redirect {
  /** The file descriptor written before the operator, e.g. 2 in `2>&1`. */
  fd?: number;
  op: RedirectOp;
  target: Word;
  /** Here-documents: the body, as a word to expand unless the delimiter was quoted. */
  heredoc?: { body: Word; expand: boolean };
}

export interface SimpleCommand {
  type: 'simple';
  assignments: Assignment[];
  words: Word[];
  redirects: Redirect[];
  line: number;
}

export interface IfClause {
  type: 'if';
  branches: { condition: List; body: List }[];
  elseBody?: List;
  redirects: Redirect[];
}

export interface LoopClause {
  type: 'while' | 'until';
  condition: List;
  body: List;
  redirects: Redirect[];
}

export interface ForClause {
  type: 'for';
  variable: string;
  /** Undefined means `"$@"`. */
  items?: Word[];
  body: List;
  redirects: Redirect[];
}

export interface ArithForClause {
  type: 'arith-for';
  init: string;
  test: string;
  update: string;
  body: List;
  redirects: Redirect[];
}

export interface CaseClause {
  type: 'case';
  subject: Word;
  items: { patterns: Word[]; body: List; terminator: ';;' | ';&' | ';;&' }[];
  redirects: Redirect[];
}

export interface GroupCommand {
  type: 'group' | 'subshell';
  body: List;
  redirects: Redirect[];
}

export interface FunctionDefinition {
  type: 'function';
  name: string;
  body: Command;
  /** Source text of the definition, for `type f`. */
  source: string;
  redirects: Redirect[];
}

export interface ArithCommand {
  type: 'arith';
  expression: Word;
  redirects: Redirect[];
}

export type CondExpr =
  | { type: 'and' | 'or'; left: CondExpr; right: CondExpr }
  | { type: 'not'; expr: CondExpr }
  | { type: 'unary'; op: string; operand: Word }
  | { type: 'binary'; op: string; left: Word; right: Word }
  | { type: 'word'; word: Word };

export interface CondCommand {
  type: 'cond';
  expr: CondExpr;
  redirects: Redirect[];
}

export type Command =
  | SimpleCommand
  | IfClause
  | LoopClause
  | ForClause
  | ArithForClause
  | CaseClause
  | GroupCommand
  | FunctionDefinition
  | ArithCommand
  | CondCommand;

export interface Pipeline {
  type: 'pipeline';
  commands: Command[];
  negated: boolean;
  /** `|&` between stages: stderr goes down the pipe too. Index i is the pipe after commands[i]. */
  stderrPiped: boolean[];
}

export interface AndOr {
  type: 'and-or';
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface ListItem {
  command: AndOr;
  background: boolean;
  /** Source text of the item (for job messages). */
  source: string;
}

export interface List {
  type: 'list';
  items: ListItem[];
}

export type Program = List;
