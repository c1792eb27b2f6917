// Help text and flags of `kubectl config`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configDocs: CommandDocs = {
  use: "config SUBCOMMAND",
  long: "Modify kubeconfig files using subcommands like \"kubectl config set current-context my-context\".\n\n The loading order follows these rules:\n\n  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.\n  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.\n  3.  Otherwise, ${HOME}/.kube/config is used and no merging takes place.",
  disableFlagsInUseLine: true,
  flags: [
  ],
};
