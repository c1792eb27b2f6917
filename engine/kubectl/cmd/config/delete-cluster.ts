// `kubectl config delete-cluster NAME`. Upstream: kubernetes/kubectl pkg/cmd/config/delete_cluster.go
// (the config is loaded before the arguments are checked; a wrong count prints the help, exit 0).

import type { CommandSpec } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configDeleteClusterDocs } from '../docs/config-delete-cluster';
import { configFileName, startingConfig } from './helpers';

export const deleteClusterCommand: CommandSpec = {
  ...configDeleteClusterDocs,
  short: 'Delete the specified cluster from the kubeconfig',
  run: async (ctx) => {
    const { starting, next } = await startingConfig(ctx);
    if (ctx.args.length !== 1) {
      ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
      return 0;
    }
    const file = await configFileName(ctx);
    const name = ctx.args[0];
    if (!starting.clusters.has(name)) throw new KubectlError(`cannot delete cluster ${name}, not in ${file}`);
    next.clusters.delete(name);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`deleted cluster ${name} from ${file}\n`);
    return 0;
  },
};
