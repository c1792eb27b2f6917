// find [PATH...] [EXPRESSION]: walks the virtual disk. Tests -name -iname -path -type -empty -size
// -mtime -mmin -newer, actions -print -print0 -delete -exec CMD {} \; (and {} +), operators
// ! -not -a -and -o -or ( ), options -maxdepth -mindepth. GNU findutils' messages.
// Upstream: findutils find/parser.c, find/pred.c.
import type { Command, CommandContext } from '../command-context';
import { matchPattern } from '../pattern';
import { resolvePath } from '../virtual-fs';

type Node =
  | { kind: 'test'; run: (e: Entry) => boolean }
  | { kind: 'action'; run: (e: Entry) => Promise<boolean>; flush?: () => Promise<void> }
  | { kind: 'not'; a: Node }
  | { kind: 'and' | 'or'; a: Node; b: Node };

interface Entry {
  /** As printed: the starting point joined with the relative path. */
  shown: string;
  abs: string;
  depth: number;
}

class FindError extends Error {}

interface Parsed {
  expr: Node | undefined;
  hasAction: boolean;
  maxDepth: number;
  minDepth: number;
}

function parseExpression(ctx: CommandContext, args: string[], out: { status: number }): Parsed {
  let i = 0;
  let hasAction = false;
  let maxDepth = Infinity;
  let minDepth = 0;
  const now = ctx.clock.now();

  const primary = (): Node | undefined => {
    const a = args[i++];
    const need = (): string => {
      const v = args[i++];
      if (v === undefined) throw new FindError(`find: missing argument to \`${a}'`);
      return v;
    };
    switch (a) {
      case '(': {
        const e = orExpr();
        if (args[i++] !== ')') throw new FindError("find: invalid expression; you have used a binary operator '(' with nothing before it.");
        return e;
      }
      case '!':
      case '-not':
        return { kind: 'not', a: primary() ?? fail(`find: expected an expression after '${a}'`) };
      case '-name':
      case '-iname': {
        const p = need();
        return { kind: 'test', run: (e) => matchPattern(p, baseName(e.shown), a === '-iname') };
      }
      case '-path':
      case '-wholename':
      case '-ipath': {
        const p = need();
        return { kind: 'test', run: (e) => matchPattern(p, e.shown, a === '-ipath') };
      }
      case '-type': {
        const t = need();
        if (!/^[fdlcbps](,[fdlcbps])*$/.test(t)) throw new FindError(`find: Unknown argument to -type: ${t}`);
        const kinds = t.split(',');
        return {
          kind: 'test',
          run: (e) => {
            const s = ctx.fs.stat(e.abs);
            const k = s.type === 'dir' ? 'd' : s.type === 'device' ? 'c' : 'f';
            return kinds.includes(k);
          },
        };
      }
      case '-empty':
        return { kind: 'test', run: (e) => (ctx.fs.isDirectory(e.abs) ? ctx.fs.readdir(e.abs).length === 0 : ctx.fs.stat(e.abs).size === 0) };
      case '-size': {
        const v = need();
        const m = /^([+-]?)(\d+)([cwbkMG]?)$/.exec(v);
        if (!m) throw new FindError(`find: invalid -size type \`${v}'`);
        const unit = { '': 512, b: 512, c: 1, w: 2, k: 1024, M: 1048576, G: 1073741824 }[m[3]]!;
        const n = Number(m[2]);
        return {
          kind: 'test',
          run: (e) => {
            const size = Math.ceil(ctx.fs.stat(e.abs).size / unit);
            return m[1] === '+' ? size > n : m[1] === '-' ? size < n : size === n;
          },
        };
      }
      case '-mtime':
      case '-mmin': {
        const v = need();
        const m = /^([+-]?)(\d+)$/.exec(v);
        if (!m) throw new FindError(`find: invalid argument \`${v}' to \`${a}'`);
        const unit = a === '-mtime' ? 86400000 : 60000;
        const n = Number(m[2]);
        return {
          kind: 'test',
          run: (e) => {
            const age = Math.floor((now - ctx.fs.stat(e.abs).mtime) / unit);
            return m[1] === '+' ? age > n : m[1] === '-' ? age < n : age === n;
          },
        };
      }
      case '-newer': {
        const ref = need();
        const p = ctx.resolvePath(ref);
        if (!ctx.fs.exists(p)) throw new FindError(`find: '${ref}': No such file or directory`);
        const t = ctx.fs.stat(p).mtime;
        return { kind: 'test', run: (e) => ctx.fs.stat(e.abs).mtime > t };
      }
      case '-true':
        return { kind: 'test', run: () => true };
      case '-false':
        return { kind: 'test', run: () => false };
      case '-maxdepth':
      case '-mindepth': {
        const v = need();
        if (!/^\d+$/.test(v)) throw new FindError(`find: Expected a positive decimal integer argument to ${a}, but got \`${v}'`);
        if (a === '-maxdepth') maxDepth = Number(v);
        else minDepth = Number(v);
        return { kind: 'test', run: () => true };
      }
      case '-print':
      case '-print0':
        hasAction = true;
        return { kind: 'action', run: async (e) => (await ctx.stdout.write(e.shown + (a === '-print0' ? '\0' : '\n')), true) };
      case '-delete':
        hasAction = true;
        return {
          kind: 'action',
          run: async (e) => {
            try {
              if (ctx.fs.isDirectory(e.abs)) ctx.fs.rmdir(e.abs);
              else ctx.fs.unlink(e.abs);
              return true;
            } catch (err) {
              await ctx.stderr.write(`find: cannot delete '${e.shown}': ${(err as Error).message}\n`);
              out.status = 1;
              return false;
            }
          },
        };
      case '-exec':
      case '-ok': {
        hasAction = true;
        const cmd: string[] = [];
        while (i < args.length && args[i] !== ';' && !(args[i] === '+' && args[i - 1] === '{}')) cmd.push(args[i++]);
        if (i >= args.length) throw new FindError(`find: missing argument to \`${a}'`);
        const batch = args[i++] === '+';
        if (!cmd.length) throw new FindError(`find: missing argument to \`${a}'`);
        if (batch) {
          const names: string[] = [];
          return {
            kind: 'action',
            run: async (e) => (names.push(e.shown), true),
            flush: async () => {
              if (!names.length) return;
              const at = cmd.indexOf('{}');
              const argv = [...cmd.slice(0, at), ...names, ...cmd.slice(at + 1)];
              if ((await ctx.exec(argv)) !== 0) out.status = 1;
            },
          };
        }
        return { kind: 'action', run: async (e) => (await ctx.exec(cmd.map((c) => c.replace(/\{\}/g, e.shown)))) === 0 };
      }
      case '-ls':
        hasAction = true;
        return { kind: 'action', run: async (e) => (await ctx.exec(['ls', '-dils', e.shown])) === 0 };
      case undefined:
        return undefined;
      default:
        if (a.startsWith('-')) throw new FindError(`find: unknown predicate \`${a}'`);
        throw new FindError(`find: paths must precede expression: \`${a}'`);
    }
  };
  const andExpr = (): Node | undefined => {
    let left = primary();
    while (left && i < args.length && args[i] !== ')' && args[i] !== '-o' && args[i] !== '-or' && args[i] !== ',') {
      if (args[i] === '-a' || args[i] === '-and') i++;
      const right = primary();
      if (!right) throw new FindError(`find: expected an expression after '${args[i - 1]}'`);
      left = { kind: 'and', a: left, b: right };
    }
    return left;
  };
  const orExpr = (): Node | undefined => {
    let left = andExpr();
    while (left && (args[i] === '-o' || args[i] === '-or')) {
      i++;
      const right = andExpr();
      if (!right) throw new FindError(`find: expected an expression after '-o'`);
      left = { kind: 'or', a: left, b: right };
    }
    return left;
  };
  const expr = orExpr();
  if (i < args.length) throw new FindError(`find: paths must precede expression: \`${args[i]}'`);
  return { expr, hasAction, maxDepth, minDepth };
}

function fail(message: string): never {
  throw new FindError(message);
}

function baseName(p: string): string {
  const t = p.replace(/\/+$/, '');
  return t === '' ? '/' : t.slice(t.lastIndexOf('/') + 1);
}

async function evaluate(node: Node, e: Entry): Promise<boolean> {
  switch (node.kind) {
    case 'test':
      return node.run(e);
    case 'action':
      return node.run(e);
    case 'not':
      return !(await evaluate(node.a, e));
    case 'and':
      return (await evaluate(node.a, e)) && evaluate(node.b, e);
    case 'or':
      return (await evaluate(node.a, e)) || evaluate(node.b, e);
  }
}

function actions(node: Node | undefined, out: Node[] = []): Node[] {
  if (!node) return out;
  if (node.kind === 'action') out.push(node);
  else if (node.kind === 'not') actions(node.a, out);
  else if (node.kind === 'and' || node.kind === 'or') {
    actions(node.a, out);
    actions(node.b, out);
  }
  return out;
}

export const find: Command = async (ctx, argv) => {
  const args = argv.slice(1).filter((a, idx) => !(idx === 0 && (a === '-H' || a === '-L' || a === '-P')));
  let p = 0;
  const paths: string[] = [];
  while (p < args.length && (!args[p].startsWith('-') || args[p] === '-') && args[p] !== '(' && args[p] !== '!') paths.push(args[p++]);
  if (!paths.length) paths.push('.');
  const out = { status: 0 };
  let parsed: Parsed;
  try {
    parsed = parseExpression(ctx, args.slice(p), out);
  } catch (err) {
    if (!(err instanceof FindError)) throw err;
    await ctx.stderr.write(err.message + '\n');
    return 1;
  }
  const { expr, hasAction, maxDepth, minDepth } = parsed;
  const deletes = args.includes('-delete');
  const visit = async (e: Entry): Promise<void> => {
    if (ctx.signal.aborted || ctx.stdout.closed) return;
    const isDir = ctx.fs.isDirectory(e.abs);
    const act = async () => {
      if (e.depth < minDepth) return;
      const ok = expr ? await evaluate(expr, e) : true;
      if (ok && !hasAction) await ctx.stdout.write(e.shown + '\n');
    };
    // -delete implies -depth: children before their directory.
    if (!deletes) await act();
    if (isDir && e.depth < maxDepth) {
      for (const name of ctx.fs.readdir(e.abs)) {
        await visit({ shown: e.shown.endsWith('/') ? e.shown + name : `${e.shown}/${name}`, abs: resolvePath(e.abs, name), depth: e.depth + 1 });
      }
    }
    if (deletes) await act();
  };
  for (const start of paths) {
    const abs = ctx.resolvePath(start);
    if (!ctx.fs.exists(abs)) {
      await ctx.stderr.write(`find: '${start}': No such file or directory\n`);
      out.status = 1;
      continue;
    }
    await visit({ shown: start, abs, depth: 0 });
  }
  for (const a of actions(expr)) if (a.kind === 'action' && a.flush) await a.flush();
  return out.status;
};
