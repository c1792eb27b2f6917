// Help text and flags of `kubectl config delete-user`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configDeleteUserDocs: CommandDocs = {
  use: "delete-user NAME",
  long: "Delete the specified user from the kubeconfig.",
  example: "# Delete the minikube user\nkubectl config delete-user minikube",
  disableFlagsInUseLine: true,
};
