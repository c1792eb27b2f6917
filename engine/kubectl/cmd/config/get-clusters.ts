// `kubectl config get-clusters`: arguments are ignored. Upstream: kubernetes/kubectl
// pkg/cmd/config/get_clusters.go. kubectl walks a Go map (random order); Kubelab sorts the names.

import type { CommandSpec } from '../../cli/command';
import { configGetClustersDocs } from '../docs/config-get-clusters';

export const getClustersCommand: CommandSpec = {
  ...configGetClustersDocs,
  short: 'Display clusters defined in the kubeconfig',
  run: async (ctx) => {
    const cfg = await ctx.factory.rawConfig();
    ctx.io.stdout.write(['NAME', ...[...cfg.clusters.keys()].sort()].map((n) => `${n}\n`).join(''));
    return 0;
  },
};
