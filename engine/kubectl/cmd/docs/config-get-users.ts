// Help text and flags of `kubectl config get-users`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configGetUsersDocs: CommandDocs = {
  use: "get-users",
  long: "Display users defined in the kubeconfig.",
  example: "# List the users that kubectl knows about\nkubectl config get-users",
};
