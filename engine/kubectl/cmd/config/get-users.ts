// `kubectl config get-users`: the user names, sorted; arguments are ignored.
// Upstream: kubernetes/kubectl pkg/cmd/config/get_users.go.

import type { CommandSpec } from '../../cli/command';
import { configGetUsersDocs } from '../docs/config-get-users';

export const getUsersCommand: CommandSpec = {
  ...configGetUsersDocs,
  short: 'Display users defined in the kubeconfig',
  run: async (ctx) => {
    const cfg = await ctx.factory.rawConfig();
    ctx.io.stdout.write(['NAME', ...[...cfg.users.keys()].sort()].map((n) => `${n}\n`).join(''));
    return 0;
  },
};
