// `kubectl config current-context`. Upstream: kubernetes/kubectl pkg/cmd/config/current_context.go.

import type { CommandSpec } from '../../cli/command';
import { KubectlError } from '../../errors';
import { configCurrentContextDocs } from '../docs/config-current-context';

export const currentContextCommand: CommandSpec = {
  ...configCurrentContextDocs,
  short: 'Display the current-context',
  run: async (ctx) => {
    const cfg = await ctx.factory.rawConfig();
    if (!cfg.currentContext) throw new KubectlError('current-context is not set');
    ctx.io.stdout.write(`${cfg.currentContext}\n`);
    return 0;
  },
};
