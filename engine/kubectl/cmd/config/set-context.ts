// `kubectl config set-context [NAME | --current]`: only the flags given change the stanza.
// Upstream: kubernetes/kubectl pkg/cmd/config/create_context.go.

import type { CommandSpec } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { writeContext, type JsonObject } from '../../kubeconfig';
import { configSetContextDocs } from '../docs/config-set-context';

export const setContextCommand: CommandSpec = {
  ...configSetContextDocs,
  short: 'Set a context entry in kubeconfig',
  run: async (ctx) => {
    const { args, flags } = ctx;
    if (args.length > 1) {
      ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
      throw new KubectlError(`Unexpected args: [${args.join(' ')}]`);
    }
    const current = flags.bool('current');
    let name = args[0] ?? '';
    if (!name && !current) throw new KubectlError('you must specify a non-empty context name or --current');
    if (name && current) throw new KubectlError('you cannot specify both a context name and --current');
    const cfg = await ctx.factory.rawConfig();
    if (current) {
      if (!cfg.currentContext) throw new KubectlError('no current context is set');
      name = cfg.currentContext;
    }
    const existing = cfg.contexts.get(name);
    const body: JsonObject = { ...(existing?.body ?? {}) };
    if (flags.changed('cluster')) body.cluster = flags.string('cluster');
    if (flags.changed('user')) body.user = flags.string('user');
    if (flags.changed('namespace')) body.namespace = flags.string('namespace');
    await writeContext(ctx.io, ctx.factory.loadOptions(), existing, name, body);
    ctx.io.stdout.write(`Context "${name}" ${existing ? 'modified' : 'created'}.\n`);
    return 0;
  },
};
