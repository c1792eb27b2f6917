// grep: GNU grep's common options (-i -v -n -c -l -L -o -q -w -x -E -F -r -h -H -A -B -C -m -e -s --color).
import type { Command, CommandContext } from '../command-context';
import { getOptions } from './options';
import { posixToJs, RegexSyntaxError } from './posix-regex';

const MATCH_COLOR = '\x1b[01;31m\x1b[K';
const FILE_COLOR = '\x1b[35m\x1b[K';
const LINE_COLOR = '\x1b[32m\x1b[K';
const SEP_COLOR = '\x1b[36m\x1b[K';
const RESET = '\x1b[m\x1b[K';

export const grep: Command = async (ctx, argv) => {
  const prog = argv[0].endsWith('egrep') ? 'egrep' : argv[0].endsWith('fgrep') ? 'fgrep' : 'grep';
  const o = await getOptions(
    ctx,
    argv,
    {
      flags: 'EFGPivncloLqswxrRhHaIbUZz',
      withValue: 'efABCm',
      numeric: 'C',
      long: {
        'extended-regexp': 'E', 'fixed-strings': 'F', 'basic-regexp': 'G', 'perl-regexp': 'P', 'ignore-case': 'i', 'invert-match': 'v',
        'line-number': 'n', count: 'c', 'files-with-matches': 'l', 'files-without-match': 'L', 'only-matching': 'o', quiet: 'q', silent: 'q',
        'no-messages': 's', 'word-regexp': 'w', 'line-regexp': 'x', recursive: 'r', 'dereference-recursive': 'R', 'no-filename': 'h',
        'with-filename': 'H', 'regexp=': 'e', 'file=': 'f', 'after-context=': 'A', 'before-context=': 'B', 'context=': 'C',
        'max-count=': 'm', 'color=?': 'color', 'colour=?': 'color', 'include=': 'include', 'exclude=': 'exclude', 'exclude-dir=': 'exclude-dir', text: 'a',
      },
    },
    { usage: "Usage: grep [OPTION]... PATTERN [FILE]...\nSearch for PATTERN in each FILE.\n", errorStatus: 2 },
  );
  if (typeof o === 'number') return o;
  let patterns: string[] = o.values('e');
  for (const f of o.values('f')) {
    const path = ctx.resolvePath(f);
    if (!ctx.fs.isFile(path)) {
      await ctx.stderr.write(`${prog}: ${f}: No such file or directory\n`);
      return 2;
    }
    patterns.push(...ctx.fs.readFile(path).split('\n').filter((l, i, a) => i < a.length - 1 || l !== ''));
  }
  const operands = [...o.operands];
  if (!o.has('e') && !o.has('f')) {
    if (!operands.length) {
      await ctx.stderr.write(`Usage: ${prog} [OPTION]... PATTERN [FILE]...\nTry '${prog} --help' for more information.\n`);
      return 2;
    }
    patterns = [operands.shift()!];
  }
  patterns = patterns.flatMap((p) => p.split('\n'));
  const mode = prog === 'egrep' || o.has('E') || o.has('P') ? 'E' : prog === 'fgrep' || o.has('F') ? 'F' : 'G';
  let re: RegExp;
  try {
    const sources = patterns.map((p) => (mode === 'F' ? p.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : mode === 'E' && o.has('P') ? p : posixToJs(p, mode === 'E')));
    let src = sources.map((s) => `(?:${s})`).join('|');
    if (o.has('w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
    if (o.has('x')) src = `^(?:${src})$`;
    re = new RegExp(src, 'g' + (o.has('i') ? 'i' : ''));
  } catch (err) {
    const msg = err instanceof RegexSyntaxError ? err.message : 'Invalid regular expression';
    await ctx.stderr.write(`${prog}: ${msg}\n`);
    return 2;
  }
  const invert = o.has('v');
  const colorWhen = o.value('color');
  const color = o.has('color') && (colorWhen === undefined || colorWhen === 'always' || (colorWhen === 'auto' && ctx.isTTY));
  const recursive = o.has('r') || o.has('R');
  const implicitDot = !operands.length && recursive;
  if (!operands.length) operands.push(recursive ? '.' : '-');
  const maxCount = o.has('m') ? Number(o.value('m')) : Infinity;
  const after = Number(o.value('A') ?? o.value('C') ?? 0);
  const before = Number(o.value('B') ?? o.value('C') ?? 0);
  const quiet = o.has('q');
  const silent = o.has('s');
  const includes = o.values('include');
  const excludes = o.values('exclude');

  // Expand directories for -r; remember whether names should be printed.
  const inputs: { name: string; path?: string }[] = [];
  let status = 1;
  let errors = false;
  const walk = (path: string, shown: string) => {
    for (const n of ctx.fs.readdir(path)) {
      const p = `${path === '/' ? '' : path}/${n}`;
      // `grep -r x` with no operand names files without a leading ./, as GNU grep does.
      const s = implicitDot && shown === '.' ? n : `${shown.replace(/\/$/, '')}/${n}`;
      if (ctx.fs.isDirectory(p)) {
        if (!o.values('exclude-dir').some((g) => globMatch(g, n))) walk(p, s);
      } else if ((!includes.length || includes.some((g) => globMatch(g, n))) && !excludes.some((g) => globMatch(g, n))) inputs.push({ name: s, path: p });
    }
  };
  for (const name of operands) {
    if (name === '-') {
      inputs.push({ name: '(standard input)' });
      continue;
    }
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      if (!silent) await ctx.stderr.write(`${prog}: ${name}: No such file or directory\n`);
      errors = true;
      continue;
    }
    if (ctx.fs.isDirectory(path)) {
      if (recursive) walk(path, name);
      else {
        if (!silent) await ctx.stderr.write(`${prog}: ${name}: Is a directory\n`);
        errors = true;
      }
      continue;
    }
    inputs.push({ name, path });
  }
  const withNames = o.has('H') || (!o.has('h') && (inputs.length > 1 || recursive));
  let out = '';
  let listedWithout = false;
  const flush = async () => {
    if (out) await ctx.stdout.write(out);
    out = '';
  };
  const fname = (n: string) => (color ? `${FILE_COLOR}${n}${RESET}` : n);
  const sep = (s: string) => (color ? `${SEP_COLOR}${s}${RESET}` : s);
  const lnum = (n: number) => (color ? `${LINE_COLOR}${n}${RESET}` : String(n));
  const highlight = (line: string) => (color && !invert ? line.replace(re, (m) => (m ? `${MATCH_COLOR}${m}${RESET}` : m)) : line);

  for (const input of inputs) {
    const text = input.path === undefined ? await ctx.stdin.readAll() : ctx.fs.readFile(input.path);
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    let count = 0;
    let lastPrinted = -1;
    let afterLeft = 0;
    const prefix = (i: number, s: string) => (withNames ? fname(input.name) + sep(s) : '') + (o.has('n') ? lnum(i + 1) + sep(s) : '');
    for (let i = 0; i < lines.length; i++) {
      if (count >= maxCount) {
        if (afterLeft > 0 && !o.has('c') && !o.has('l') && !quiet) {
          out += prefix(i, '-') + lines[i] + '\n';
          lastPrinted = i;
          afterLeft--;
          continue;
        }
        break;
      }
      re.lastIndex = 0;
      const matched = re.test(lines[i]) !== invert;
      if (!matched) {
        if (afterLeft > 0 && !o.has('c') && !o.has('l') && !o.has('L') && !quiet) {
          out += prefix(i, '-') + lines[i] + '\n';
          lastPrinted = i;
          afterLeft--;
        }
        continue;
      }
      count++;
      status = 0;
      if (quiet) return 0;
      if (o.has('c') || o.has('l') || o.has('L')) continue;
      if ((before || after) && lastPrinted >= 0 && i - before > lastPrinted + 1) out += sep('--') + '\n';
      if ((before || after) && lastPrinted < 0 && count > 1) out += sep('--') + '\n';
      for (let b = Math.max(lastPrinted + 1, i - before); b < i; b++) out += prefix(b, '-') + lines[b] + '\n';
      if (o.has('o')) {
        if (!invert) {
          re.lastIndex = 0;
          for (const m of lines[i].matchAll(re)) if (m[0]) out += prefix(i, ':') + (color ? `${MATCH_COLOR}${m[0]}${RESET}` : m[0]) + '\n';
        }
      } else out += prefix(i, ':') + highlight(lines[i]) + '\n';
      lastPrinted = i;
      afterLeft = after;
      if (out.length > 8192) await flush();
    }
    if (o.has('c')) out += (withNames ? fname(input.name) + sep(':') : '') + count + '\n';
    if (o.has('l') && count > 0) out += fname(input.name) + '\n';
    if (o.has('L') && count === 0) {
      out += fname(input.name) + '\n';
      listedWithout = true;
    }
  }
  await flush();
  if (o.has('L')) status = listedWithout ? 0 : 1;
  return errors && !(quiet && status === 0) ? 2 : status;
};

function globMatch(glob: string, name: string): boolean {
  const src = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${src}$`).test(name);
}

export type { CommandContext };
