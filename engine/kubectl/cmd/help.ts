// `kubectl help [command]`. Upstream: spf13/cobra command.go (InitDefaultHelpCmd):
// an unknown topic prints `Unknown help topic [`x`]` and the root usage, exit 0.

import { findCommand, type CommandSpec } from '../cli/command';
import { renderHelp, renderUsage } from '../cli/help';

export const helpCommand: CommandSpec = {
  use: 'help [command]',
  short: 'Help about any command',
  hidden: true,
  run: async (ctx) => {
    const root = ctx.command.root;
    try {
      const found = findCommand(root, ctx.args);
      const words = ctx.args.filter((a) => !a.startsWith('-'));
      if (found.command === root && words.length > 0) throw new Error('unknown');
      ctx.io.stdout.write(renderHelp(found.command, ctx.io.terminal));
    } catch {
      ctx.io.stderr.write(`Unknown help topic [${ctx.args.map((a) => '`' + a + '`').join(' ')}]\n`);
      ctx.io.stderr.write(renderUsage(root, ctx.io.terminal));
    }
    return 0;
  },
};
