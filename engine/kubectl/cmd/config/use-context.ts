// `kubectl config use-context NAME`. Upstream: kubernetes/kubectl pkg/cmd/config/use_context.go
// (a wrong argument count prints the help, then `error: Unexpected args: [...]`).

import type { CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { writeCurrentContext } from '../../kubeconfig';
import { configUseContextDocs } from '../docs/config-use-context';

export const useContextCommand: CommandSpec = {
  ...configUseContextDocs,
  short: 'Set the current-context in a kubeconfig file',
  run: async (ctx) => {
    if (ctx.args.length !== 1) {
      ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
      throw new KubectlError(`Unexpected args: [${ctx.args.join(' ')}]`);
    }
    const name = ctx.args[0];
    const cfg = await ctx.factory.rawConfig();
    if (!cfg.contexts.has(name)) throw new KubectlError(`no context exists with the name: ${goQuote(name)}`);
    if (cfg.currentContext !== name) await writeCurrentContext(ctx.io, ctx.factory.loadOptions(), name);
    ctx.io.stdout.write(`Switched to context "${name}".\n`);
    return 0;
  },
};
