// touch: create empty files or update their modification time (-c, -d @epoch / ISO date).
import type { Command } from '../command-context';
import { getOptions } from './options';
import { parseDateString } from './date';

export const touch: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'acmh', withValue: 'dtr', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' } });
  if (typeof o === 'number') return o;
  if (!o.operands.length) {
    await ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n");
    return 1;
  }
  let time = ctx.clock.now();
  if (o.has('d')) {
    const t = parseDateString(o.value('d')!, ctx.clock.now());
    if (t === undefined) {
      await ctx.stderr.write(`touch: invalid date format '${o.value('d')}'\n`);
      return 1;
    }
    time = t;
  }
  if (o.has('r')) {
    const ref = ctx.resolvePath(o.value('r')!);
    if (!ctx.fs.exists(ref)) {
      await ctx.stderr.write(`touch: failed to get attributes of '${o.value('r')}': No such file or directory\n`);
      return 1;
    }
    time = ctx.fs.stat(ref).mtime;
  }
  let status = 0;
  for (const name of o.operands) {
    const path = ctx.resolvePath(name);
    try {
      if (ctx.fs.exists(path)) ctx.fs.utimes(path, time);
      else if (!o.has('c')) {
        ctx.fs.writeFile(path, '');
        ctx.fs.utimes(path, time);
      }
    } catch (err) {
      await ctx.stderr.write(`touch: cannot touch '${name}': ${(err as Error).message}\n`);
      status = 1;
    }
  }
  return status;
};
