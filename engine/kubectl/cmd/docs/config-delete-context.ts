// Help text and flags of `kubectl config delete-context`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configDeleteContextDocs: CommandDocs = {
  use: "delete-context NAME",
  long: "Delete the specified context from the kubeconfig.",
  example: "# Delete the context for the minikube cluster\nkubectl config delete-context minikube",
  disableFlagsInUseLine: true,
};
