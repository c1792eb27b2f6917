// sleep NUMBER[smhd]...: waits on the shell clock; Ctrl-C interrupts it.
import type { Command } from '../command-context';

export const sleep: Command = async (ctx, argv) => {
  const args = argv.slice(1);
  if (!args.length) {
    await ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const m = /^(\d+\.?\d*|\.\d+)([smhd]?)$/.exec(a);
    if (!m) {
      await ctx.stderr.write(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += Number(m[1]) * { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  }
  await ctx.clock.sleep(total * 1000, ctx.signal);
  return 0;
};
