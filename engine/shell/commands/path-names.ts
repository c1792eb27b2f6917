// basename, dirname, readlink -f / realpath.
import type { Command } from '../command-context';
import { basename as baseOf, dirname as dirOf } from '../virtual-fs';

export const basename: Command = async (ctx, argv) => {
  const args = argv.slice(1).filter((a) => a !== '--');
  const multiple = args[0] === '-a';
  const names = multiple ? args.slice(1) : args;
  if (!names.length) {
    await ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n");
    return 1;
  }
  const suffix = !multiple && names.length === 2 ? names.pop() : undefined;
  let out = '';
  for (const n of names) {
    let b = baseOf(n);
    if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
    out += b + '\n';
  }
  await ctx.stdout.write(out);
  return 0;
};

export const dirname: Command = async (ctx, argv) => {
  const names = argv.slice(1).filter((a) => a !== '--');
  if (!names.length) {
    await ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n");
    return 1;
  }
  await ctx.stdout.write(names.map((n) => dirOf(n) + '\n').join(''));
  return 0;
};

export const readlink: Command = async (ctx, argv) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  const canonical = argv[0].endsWith('realpath') || argv.slice(1).some((a) => /^-[a-z]*[fem]/.test(a));
  if (!canonical) return 1; // there are no symbolic links here
  let status = 0;
  for (const n of names) {
    const p = ctx.resolvePath(n);
    if (argv[0].endsWith('realpath') && !ctx.fs.exists(p)) {
      await ctx.stderr.write(`realpath: ${n}: No such file or directory\n`);
      status = 1;
      continue;
    }
    await ctx.stdout.write(p + '\n');
  }
  return status;
};
