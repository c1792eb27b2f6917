// head and tail (with -f/-F following a file until Ctrl-C).
import type { Command, CommandContext } from '../command-context';
import { getOptions } from './options';

interface Count {
  n: number;
  /** head -n -N (all but the last N) / tail -n +N (from line N). */
  relative: boolean;
}

function parseCount(prog: string, v: string, what: 'lines' | 'bytes'): Count | string {
  const m = /^([+-]?)(\d+)([bkKmMgG]?)$/.exec(v);
  if (!m) return `${prog}: invalid number of ${what}: '${v}'`;
  const mult = { '': 1, b: 512, k: 1024, K: 1024, m: 1048576, M: 1048576, g: 1073741824, G: 1073741824 }[m[3]]!;
  return { n: Number(m[2]) * mult, relative: prog === 'head' ? m[1] === '-' : m[1] === '+' };
}

async function readSource(ctx: CommandContext, prog: string, name: string): Promise<string | undefined> {
  if (name === '-') return ctx.stdin.readAll();
  const path = ctx.resolvePath(name);
  if (!ctx.fs.exists(path)) {
    await ctx.stderr.write(`${prog}: cannot open '${name}' for reading: No such file or directory\n`);
    return undefined;
  }
  if (ctx.fs.isDirectory(path)) {
    await ctx.stderr.write(`${prog}: error reading '${name}': Is a directory\n`);
    return undefined;
  }
  return ctx.fs.readFile(path);
}

export const head: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'qvz', withValue: 'nc', numeric: 'n', long: { 'lines=': 'n', 'bytes=': 'c', quiet: 'q', silent: 'q', verbose: 'v' } });
  if (typeof o === 'number') return o;
  const bytes = o.has('c') && (!o.has('n') || o.list.findIndex(([k]) => k === 'c') > o.list.findIndex(([k]) => k === 'n'));
  const c = parseCount('head', (bytes ? o.value('c') : o.value('n')) ?? '10', bytes ? 'bytes' : 'lines');
  if (typeof c === 'string') {
    await ctx.stderr.write(c + '\n');
    return 1;
  }
  const files = o.operands.length ? o.operands : ['-'];
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  let status = 0;
  let first = true;
  for (const name of files) {
    if (headers) await ctx.stdout.write(`${first ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    first = false;
    if (name === '-' && !c.relative && !bytes) {
      // Stop reading as soon as enough lines arrived (`yes | head -n 3` must end).
      let out = '';
      for (let i = 0; i < c.n; i++) {
        const line = await ctx.stdin.readLine();
        if (line === null) break;
        out += line + '\n';
        if (out.length > 8192) {
          await ctx.stdout.write(out);
          out = '';
        }
      }
      await ctx.stdout.write(out);
      continue;
    }
    const text = await readSource(ctx, 'head', name);
    if (text === undefined) {
      status = 1;
      continue;
    }
    if (bytes) {
      const buf = Buffer.from(text, 'utf8');
      await ctx.stdout.write(c.relative ? buf.subarray(0, Math.max(0, buf.length - c.n)) : buf.subarray(0, c.n));
      continue;
    }
    const parts = text.split(/(?<=\n)/);
    await ctx.stdout.write((c.relative ? parts.slice(0, Math.max(0, parts.length - c.n)) : parts.slice(0, c.n)).join(''));
  }
  return status;
};

export const tail: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    flags: 'fFqvz',
    withValue: 'ncs',
    numeric: 'n',
    long: { 'lines=': 'n', 'bytes=': 'c', 'follow=?': 'f', retry: 'retry', quiet: 'q', silent: 'q', verbose: 'v', 'sleep-interval=': 's' },
  });
  if (typeof o === 'number') return o;
  // `tail +5` (obsolete form) means from line 5.
  if (o.operands.length && /^\+\d+$/.test(o.operands[0]) && !o.has('n')) o.list.push(['n', o.operands.shift()!]);
  const bytes = o.has('c');
  const c = parseCount('tail', (bytes ? o.value('c') : o.value('n')) ?? '10', bytes ? 'bytes' : 'lines');
  if (typeof c === 'string') {
    await ctx.stderr.write(c + '\n');
    return 1;
  }
  const follow = o.has('f') || o.has('F');
  const files = o.operands.length ? o.operands : ['-'];
  const headers = o.has('v') || (files.length > 1 && !o.has('q'));
  const pick = (text: string): string => {
    if (bytes) {
      const buf = Buffer.from(text, 'utf8');
      return (c.relative ? buf.subarray(Math.max(0, c.n - 1)) : buf.subarray(Math.max(0, buf.length - c.n))).toString('utf8');
    }
    const parts = text.split(/(?<=\n)/).filter((p) => p !== '');
    return (c.relative ? parts.slice(Math.max(0, c.n - 1)) : c.n === 0 ? [] : parts.slice(-c.n)).join('');
  };
  let status = 0;
  let lastShown: string | undefined;
  const followed: { name: string; path: string; size: number }[] = [];
  for (const name of files) {
    if (headers) await ctx.stdout.write(`${lastShown === undefined ? '' : '\n'}==> ${name === '-' ? 'standard input' : name} <==\n`);
    lastShown = name;
    const text = await readSource(ctx, 'tail', name);
    if (text === undefined) {
      status = 1;
      if (o.has('F') && name !== '-') followed.push({ name, path: ctx.resolvePath(name), size: 0 });
      continue;
    }
    await ctx.stdout.write(pick(text));
    if (follow && name !== '-') followed.push({ name, path: ctx.resolvePath(name), size: Buffer.byteLength(text) });
  }
  if (!followed.length) return status;
  // Poll the followed files once a second of clock time, like GNU tail without inotify.
  const interval = Math.max(0.01, Number(o.value('s') ?? 1)) * 1000;
  for (;;) {
    await ctx.clock.sleep(interval, ctx.signal);
    for (const f of followed) {
      if (!ctx.fs.isFile(f.path)) continue;
      const buf = ctx.fs.readFileBuffer(f.path);
      if (buf.length < f.size) {
        await ctx.stderr.write(`tail: ${f.name}: file truncated\n`);
        f.size = 0;
      }
      if (buf.length > f.size) {
        if (headers && lastShown !== f.name) await ctx.stdout.write(`\n==> ${f.name} <==\n`);
        lastShown = f.name;
        await ctx.stdout.write(buf.subarray(f.size));
        f.size = buf.length;
      }
    }
  }
};
