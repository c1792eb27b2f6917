// `kubectl config delete-user NAME`. Upstream: kubernetes/kubectl pkg/cmd/config/delete_user.go
// (unlike delete-cluster, a wrong argument count is a usage error).

import type { CommandSpec } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configDeleteUserDocs } from '../docs/config-delete-user';
import { configFileName, startingConfig } from './helpers';

export const deleteUserCommand: CommandSpec = {
  ...configDeleteUserDocs,
  short: 'Delete the specified user from the kubeconfig',
  run: async (ctx) => {
    const { starting, next } = await startingConfig(ctx);
    if (ctx.args.length !== 1) throw new UsageError(ctx.command.path, 'user to delete is required');
    const file = await configFileName(ctx);
    const name = ctx.args[0];
    if (!starting.users.has(name)) throw new KubectlError(`cannot delete user ${name}, not in ${file}`);
    next.users.delete(name);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`deleted user ${name} from ${file}\n`);
    return 0;
  },
};
