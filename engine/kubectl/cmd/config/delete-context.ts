// `kubectl config delete-context NAME`. Upstream: kubernetes/kubectl pkg/cmd/config/delete_context.go
// (deleting the current context warns on stderr but leaves current-context as it is).

import type { CommandSpec } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configDeleteContextDocs } from '../docs/config-delete-context';
import { configFileName, startingConfig } from './helpers';

export const deleteContextCommand: CommandSpec = {
  ...configDeleteContextDocs,
  short: 'Delete the specified context from the kubeconfig',
  run: async (ctx) => {
    const { starting, next } = await startingConfig(ctx);
    if (ctx.args.length !== 1) {
      ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
      return 0;
    }
    const file = await configFileName(ctx);
    const name = ctx.args[0];
    if (!starting.contexts.has(name)) throw new KubectlError(`cannot delete context ${name}, not in ${file}`);
    if (starting.currentContext === name) {
      ctx.io.stderr.write('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
    }
    next.contexts.delete(name);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`deleted context ${name} from ${file}\n`);
    return 0;
  },
};
