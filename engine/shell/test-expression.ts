// `test` / `[` expressions (POSIX rules by argument count, then -a/-o/!/( ) precedence).
import { resolvePath, type VirtualFs } from './virtual-fs';

export interface TestHost {
  fs: VirtualFs;
  cwd: string;
  isTTY(fd: number): boolean;
}

export interface TestResult {
  result: boolean;
  /** Set for usage errors (status 2): `too many arguments`, `x: integer expression expected`. */
  error?: string;
}

const UNARY = new Set(['-a', '-b', '-c', '-d', '-e', '-f', '-g', '-h', '-k', '-p', '-r', '-s', '-t', '-u', '-w', '-x', '-G', '-L', '-N', '-O', '-S', '-z', '-n']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

class TestUsageError extends Error {}

export function evaluateTest(args: string[], host: TestHost): TestResult {
  try {
    return { result: evalArgs(args, host) };
  } catch (err) {
    if (err instanceof TestUsageError) return { result: false, error: err.message };
    throw err;
  }
}

function evalArgs(args: string[], host: TestHost): boolean {
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return args[0] !== '';
    case 2:
      if (args[0] === '!') return args[1] === '';
      if (UNARY.has(args[0])) return unary(args[0], args[1], host);
      throw new TestUsageError(`${args[0]}: unary operator expected`);
    case 3:
      if (BINARY.has(args[1])) return binary(args[0], args[1], args[2], host);
      if (args[1] === '-a') return args[0] !== '' && args[2] !== '';
      if (args[1] === '-o') return args[0] !== '' || args[2] !== '';
      if (args[0] === '!') return !evalArgs(args.slice(1), host);
      if (args[0] === '(' && args[2] === ')') return args[1] !== '';
      throw new TestUsageError(`${args[1]}: binary operator expected`);
    case 4:
      if (args[0] === '!') return !evalArgs(args.slice(1), host);
      if (args[0] === '(' && args[3] === ')') return evalArgs(args.slice(1, 3), host);
  }
  return new ExprParser(args, host).parse();
}

class ExprParser {
  private pos = 0;
  constructor(
    private readonly args: string[],
    private readonly host: TestHost,
  ) {}

  parse(): boolean {
    const v = this.or();
    if (this.pos < this.args.length) throw new TestUsageError('too many arguments');
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.pos] === '-o') {
      this.pos++;
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.pos] === '-a') {
      this.pos++;
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.pos] === '!') {
      this.pos++;
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const t = a[this.pos];
    if (t === undefined) throw new TestUsageError('argument expected');
    if (t === '(') {
      this.pos++;
      const v = this.or();
      if (a[this.pos] !== ')') throw new TestUsageError("`)' expected");
      this.pos++;
      return v;
    }
    if (UNARY.has(t) && a[this.pos + 1] !== undefined) {
      this.pos += 2;
      return unary(t, a[this.pos - 1], this.host);
    }
    if (a[this.pos + 1] !== undefined && BINARY.has(a[this.pos + 1]) && a[this.pos + 2] !== undefined) {
      this.pos += 3;
      return binary(t, a[this.pos - 2], a[this.pos - 1], this.host);
    }
    this.pos++;
    return t !== '';
  }
}

function toInt(s: string): number {
  if (!/^\s*[+-]?\d+\s*$/.test(s)) throw new TestUsageError(`${s}: integer expression expected`);
  return Number(s.trim());
}

function unary(op: string, arg: string, host: TestHost): boolean {
  if (op === '-z') return arg === '';
  if (op === '-n') return arg !== '';
  if (op === '-t') return host.isTTY(toInt(arg));
  const fs = host.fs;
  const path = resolvePath(host.cwd, arg);
  if (arg === '' || !fs.exists(path)) return false;
  const st = fs.stat(path);
  switch (op) {
    case '-e':
    case '-a':
      return true;
    case '-f': return st.type === 'file';
    case '-d': return st.type === 'dir';
    case '-s': return st.size > 0;
    case '-r':
    case '-w': return true; // root may read and write anything
    case '-x': return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case '-c': return st.type === 'device';
    case '-k': return (st.mode & 0o1000) !== 0;
    case '-u': return (st.mode & 0o4000) !== 0;
    case '-g': return (st.mode & 0o2000) !== 0;
    case '-O':
    case '-G': return true;
    default: return false; // -L -h -p -S -b -N: no such files here
  }
}

function binary(a: string, op: string, b: string, host: TestHost): boolean {
  switch (op) {
    case '=':
    case '==': return a === b;
    case '!=': return a !== b;
    case '<': return a < b;
    case '>': return a > b;
    case '-eq': return toInt(a) === toInt(b);
    case '-ne': return toInt(a) !== toInt(b);
    case '-lt': return toInt(a) < toInt(b);
    case '-le': return toInt(a) <= toInt(b);
    case '-gt': return toInt(a) > toInt(b);
    case '-ge': return toInt(a) >= toInt(b);
    case '-nt':
    case '-ot': {
      const fa = resolvePath(host.cwd, a);
      const fb = resolvePath(host.cwd, b);
      const ta = host.fs.exists(fa) ? host.fs.stat(fa).mtime : -Infinity;
      const tb = host.fs.exists(fb) ? host.fs.stat(fb).mtime : -Infinity;
      return op === '-nt' ? ta > tb : ta < tb;
    }
    case '-ef': return resolvePath(host.cwd, a) === resolvePath(host.cwd, b);
  }
  return false;
}
