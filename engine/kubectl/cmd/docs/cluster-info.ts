// Help text and flags of `kubectl cluster-info`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const clusterInfoDocs: CommandDocs = {
  use: "cluster-info",
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  example: "# Print the address of the control plane and cluster services\nkubectl cluster-info",
};
