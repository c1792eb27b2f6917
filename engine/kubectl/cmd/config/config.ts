// `kubectl config`: the subcommand group. Bare `kubectl config` prints its help on
// stderr and exits 1 (cmdutil.DefaultSubCommandRun). Upstream: kubernetes/kubectl pkg/cmd/config/config.go.

import type { CommandContext, CommandSpec } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { ExitError, UsageError } from '../../errors';
import { goQuote } from '../../cli/flags';
import { configDocs } from '../docs/config';
import { viewCommand } from './view';
import { getContextsCommand } from './get-contexts';
import { currentContextCommand } from './current-context';
import { useContextCommand } from './use-context';
import { setContextCommand } from './set-context';
import { deleteClusterCommand } from './delete-cluster';
import { deleteContextCommand } from './delete-context';
import { deleteUserCommand } from './delete-user';
import { getClustersCommand } from './get-clusters';
import { getUsersCommand } from './get-users';
import { renameContextCommand } from './rename-context';
import { setCommand } from './set';
import { setClusterCommand } from './set-cluster';
import { setCredentialsCommand } from './set-credentials';
import { unsetCommand } from './unset';

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
    deleteClusterCommand,
    deleteContextCommand,
    deleteUserCommand,
    getClustersCommand,
    getContextsCommand,
    getUsersCommand,
    renameContextCommand,
    setCommand,
    setClusterCommand,
    setContextCommand,
    setCredentialsCommand,
    unsetCommand,
    useContextCommand,
    viewCommand,
  ],
};
