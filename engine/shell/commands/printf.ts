// printf FORMAT [ARGUMENT]...: the format is reused until the arguments are used up.
import type { Command } from '../command-context';
import { formatOnce, formatUsesArgs } from './printf-format';

export const printf: Command = async (ctx, argv) => {
  let args = argv.slice(1);
  if (args[0] === '--') args = args.slice(1);
  if (!args.length) {
    await ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n');
    return 2;
  }
  const [format, ...rest] = args;
  let out = '';
  let status = 0;
  let index = 0;
  const uses = formatUsesArgs(format);
  do {
    const r = formatOnce(format, rest, index, true);
    out += r.output;
    for (const e of r.errors) await ctx.stderr.write(`-bash: printf: ${e}\n`);
    if (r.errors.length) status = 1;
    index += r.consumed;
    if (r.stop) break;
    if (!uses || r.consumed === 0) break;
  } while (index < rest.length);
  await ctx.stdout.write(out);
  return status;
};
