// Help text and flags of `kubectl config get-clusters`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configGetClustersDocs: CommandDocs = {
  use: "get-clusters",
  long: "Display clusters defined in the kubeconfig.",
  example: "# List the clusters that kubectl knows about\nkubectl config get-clusters",
};
