// Help text and flags of `kubectl config delete-cluster`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configDeleteClusterDocs: CommandDocs = {
  use: "delete-cluster NAME",
  long: "Delete the specified cluster from the kubeconfig.",
  example: "# Delete the minikube cluster\nkubectl config delete-cluster minikube",
  disableFlagsInUseLine: true,
};
