// Shell arithmetic, `$((...))`, `((...))`, `let` and `for ((;;))`: C operators on 64-bit integers
// (here JS numbers truncated to integers). Errors use bash's texts.

export interface ArithmeticVariables {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

export class ArithmeticError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArithmeticError';
  }
}

type Tok = { t: 'num'; v: number; s: string } | { t: 'id'; v: string } | { t: 'op'; v: string };

const OPS = ['<<=', '>>=', '**', '++', '--', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+=', '-=', '*=', '/=', '%=', '&=', '^=', '|=', '+', '-', '*', '/', '%', '<', '>', '!', '~', '&', '^', '|', '?', ':', '=', '(', ')', ','];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const num = /^(0[xX][0-9a-fA-F]+|[0-9]+#[0-9a-zA-Z@_]+|[0-9]+)/.exec(src.slice(i));
    if (num) {
      const s = num[1];
      let v: number;
      if (/^0[xX]/.test(s)) v = parseInt(s.slice(2), 16);
      else if (s.includes('#')) {
        const [base, digits] = s.split('#');
        v = parseInt(digits, Number(base));
      } else if (s.length > 1 && s.startsWith('0')) {
        if (/[89]/.test(s)) throw new ArithmeticError(`${s}: value too great for base (error token is "${s}")`);
        v = parseInt(s, 8);
      } else v = Number(s);
      out.push({ t: 'num', v, s });
      i += s.length;
      continue;
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (id) {
      out.push({ t: 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new ArithmeticError(`syntax error: invalid arithmetic operator (error token is "${src.slice(i)}")`);
    out.push({ t: 'op', v: op });
    i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  ',': 1, '||': 4, '&&': 5, '|': 6, '^': 7, '&': 8, '==': 9, '!=': 9, '<': 10, '<=': 10, '>': 10, '>=': 10,
  '<<': 11, '>>': 11, '+': 12, '-': 12, '*': 13, '/': 13, '%': 13, '**': 14,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '^=', '|=']);

/** Evaluates an arithmetic expression; an empty expression is 0. */
export function evaluateArithmetic(src: string, vars: ArithmeticVariables, depth = 0): number {
  if (depth > 64) throw new ArithmeticError('expression recursion level exceeded');
  const toks = tokenize(src);
  if (toks.length === 0) return 0;
  let pos = 0;
  const rest = () => toks.slice(pos).map((t) => (t.t === 'num' ? t.s : String(t.v))).join('') || '';
  const peek = () => toks[pos];
  const isOp = (v: string) => peek()?.t === 'op' && peek()!.v === v;

  const readVar = (name: string): number => {
    const raw = vars.get(name);
    if (raw === undefined || raw.trim() === '') return 0;
    if (/^\s*-?\d+\s*$/.test(raw)) return Number(raw);
    return evaluateArithmetic(raw, vars, depth + 1);
  };

  // `skip` evaluates without side effects or errors (the untaken side of &&, ||, ?:).
  const parseExpr = (minPrec: number, skip: boolean): number => {
    let left = parseUnary(skip);
    for (;;) {
      const t = peek();
      if (!t || t.t !== 'op') break;
      if (t.v === '?' && minPrec <= 3) {
        pos++;
        const a = parseExpr(1, skip || left === 0);
        if (!isOp(':')) throw new ArithmeticError(`syntax error in expression (error token is "${rest()}")`);
        pos++;
        const b = parseExpr(3, skip || left !== 0);
        left = left !== 0 ? a : b;
        continue;
      }
      const prec = BINARY[t.v];
      if (prec === undefined || prec < minPrec) break;
      pos++;
      if (t.v === '&&') {
        const r = parseExpr(prec + 1, skip || left === 0);
        left = left !== 0 && r !== 0 ? 1 : 0;
        continue;
      }
      if (t.v === '||') {
        const r = parseExpr(prec + 1, skip || left !== 0);
        left = left !== 0 || r !== 0 ? 1 : 0;
        continue;
      }
      const right = parseExpr(t.v === '**' ? prec : prec + 1, skip);
      left = binary(t.v, left, right, skip);
    }
    return left;
  };

  const binary = (op: string, a: number, b: number, skip: boolean): number => {
    switch (op) {
      case ',': return b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '&': return a & b;
      case '==': return a === b ? 1 : 0;
      case '!=': return a !== b ? 1 : 0;
      case '<': return a < b ? 1 : 0;
      case '<=': return a <= b ? 1 : 0;
      case '>': return a > b ? 1 : 0;
      case '>=': return a >= b ? 1 : 0;
      case '<<': return a * 2 ** b;
      case '>>': return Math.floor(a / 2 ** b);
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/':
      case '%':
        if (b === 0) {
          if (skip) return 0;
          throw new ArithmeticError(`division by 0 (error token is "${rest() || b}")`);
        }
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '**':
        if (b < 0) throw new ArithmeticError('exponent less than 0 (error token is "' + b + '")');
        return a ** b;
    }
    throw new ArithmeticError(`syntax error: operand expected (error token is "${op}")`);
  };

  const parseUnary = (skip: boolean): number => {
    const t = peek();
    if (!t) throw new ArithmeticError(`syntax error: operand expected (error token is "${src.trim()}")`);
    if (t.t === 'op') {
      if (t.v === '(') {
        pos++;
        const v = parseExpr(1, skip);
        if (!isOp(')')) throw new ArithmeticError(`syntax error: ')' expected (error token is "${rest()}")`);
        pos++;
        return v;
      }
      if (t.v === '+' || t.v === '-' || t.v === '!' || t.v === '~') {
        pos++;
        const v = parseUnary(skip);
        return t.v === '-' ? -v : t.v === '!' ? (v === 0 ? 1 : 0) : t.v === '~' ? ~v : v;
      }
      if (t.v === '++' || t.v === '--') {
        pos++;
        const id = peek();
        if (!id || id.t !== 'id') throw new ArithmeticError(`syntax error: operand expected (error token is "${rest()}")`);
        pos++;
        const v = readVar(id.v) + (t.v === '++' ? 1 : -1);
        if (!skip) vars.set(id.v, String(v));
        return v;
      }
      throw new ArithmeticError(`syntax error: operand expected (error token is "${rest()}")`);
    }
    pos++;
    if (t.t === 'num') {
      if (isNaN(t.v)) throw new ArithmeticError(`${t.s}: value too great for base (error token is "${t.s}")`);
      return t.v;
    }
    const name = t.v;
    const n = peek();
    if (n?.t === 'op' && ASSIGN.has(n.v)) {
      pos++;
      const rhs = parseExpr(2, skip);
      const v = n.v === '=' ? rhs : binary(n.v.slice(0, -1), readVar(name), rhs, skip);
      if (!skip) vars.set(name, String(v));
      return v;
    }
    if (n?.t === 'op' && (n.v === '++' || n.v === '--')) {
      pos++;
      const v = readVar(name);
      if (!skip) vars.set(name, String(v + (n.v === '++' ? 1 : -1)));
      return v;
    }
    return skip ? 0 : readVar(name);
  };

  const value = parseExpr(1, false);
  if (pos < toks.length) throw new ArithmeticError(`syntax error in expression (error token is "${rest()}")`);
  return Math.trunc(value);
}
