// `kubectl config`: the subcommand group. Bare `kubectl config` prints its help on
// stderr and exits 1 (cmdutil.DefaultSubCommandRun). Upstream: kubernetes/kubectl pkg/cmd/config/config.go.

import type { CommandContext, CommandSpec } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { ExitError, UsageError } from '../../errors';
import { goQuote } from '../../cli/flags';
import { configDocs } from '../docs/config';
import { placeholder } from '../not-implemented';
import { viewCommand } from './view';
import { getContextsCommand } from './get-contexts';
import { currentContextCommand } from './current-context';
import { useContextCommand } from './use-context';
import { setContextCommand } from './set-context';

/** cmdutil.DefaultSubCommandRun: help on stderr, exit 1; extra words are a usage error. */
export async function defaultSubCommandRun(ctx: CommandContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `unknown command ${goQuote(ctx.args[0])}`);
  ctx.io.stderr.write(renderHelp(ctx.command, ctx.io.terminal));
  throw new ExitError(1);
}

export const configCommand: CommandSpec = {
  ...configDocs,
  short: 'Modify kubeconfig files',
  run: defaultSubCommandRun,
  subcommands: [
    currentContextCommand,
    placeholder('delete-cluster', 'Delete the specified cluster from the kubeconfig'),
    placeholder('delete-context', 'Delete the specified context from the kubeconfig'),
    placeholder('delete-user', 'Delete the specified user from the kubeconfig'),
    placeholder('get-clusters', 'Display clusters defined in the kubeconfig'),
    getContextsCommand,
    placeholder('get-users', 'Display users defined in the kubeconfig'),
    placeholder('rename-context', 'Rename a context from the kubeconfig file'),
    placeholder('set', 'Set an individual value in a kubeconfig file'),
    placeholder('set-cluster', 'Set a cluster entry in kubeconfig'),
    setContextCommand,
    placeholder('set-credentials', 'Set a user entry in kubeconfig'),
    placeholder('unset', 'Unset an individual value in a kubeconfig file'),
    useContextCommand,
    viewCommand,
  ],
};
