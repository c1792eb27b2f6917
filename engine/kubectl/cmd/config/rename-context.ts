// `kubectl config rename-context CONTEXT_NAME NEW_NAME`: the stanza keeps its file; a renamed
// current context moves current-context along. Upstream: kubernetes/kubectl pkg/cmd/config/rename_context.go.

import type { CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configRenameContextDocs } from '../docs/config-rename-context';
import { configFileName, goStrings, helpError, startingConfig } from './helpers';

export const renameContextCommand: CommandSpec = {
  ...configRenameContextDocs,
  short: 'Rename a context from the kubeconfig file',
  run: async (ctx) => {
    if (ctx.args.length !== 2) helpError(ctx, `Unexpected args: ${goStrings(ctx.args)}`);
    const [oldName, newName] = ctx.args;
    if (!newName) throw new KubectlError('You must specify a new non-empty context name');
    const { starting, next } = await startingConfig(ctx);
    const file = await configFileName(ctx);
    const stanza = next.contexts.get(oldName);
    if (!stanza) throw new KubectlError(`cannot rename the context ${goQuote(oldName)}, it's not in ${file}`);
    if (next.contexts.has(newName)) {
      throw new KubectlError(`cannot rename the context ${goQuote(oldName)}, the context ${goQuote(newName)} already exists in ${file}`);
    }
    next.contexts.delete(oldName);
    next.contexts.set(newName, { ...stanza, name: newName });
    if (next.currentContext === oldName) next.currentContext = newName;
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, true);
    ctx.io.stdout.write(`Context ${goQuote(oldName)} renamed to ${goQuote(newName)}.\n`);
    return 0;
  },
};
