// tee: copy stdin to stdout and to files (-a appends).
import type { Command } from '../command-context';
import { getOptions } from './options';

export const tee: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'ai', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if (typeof o === 'number') return o;
  let status = 0;
  const targets: string[] = [];
  for (const name of o.operands) {
    const path = ctx.resolvePath(name);
    try {
      if (ctx.fs.isDirectory(path)) throw new Error('Is a directory');
      if (!o.has('a') || !ctx.fs.exists(path)) ctx.fs.writeFile(path, '');
      targets.push(path);
    } catch (err) {
      await ctx.stderr.write(`tee: ${name}: ${(err as Error).message}\n`);
      status = 1;
    }
  }
  for (;;) {
    const chunk = await ctx.stdin.read();
    if (chunk === null) break;
    for (const t of targets) ctx.fs.appendFile(t, chunk);
    await ctx.stdout.write(chunk);
  }
  return status;
};
