// Help text and flags of `kubectl config rename-context`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configRenameContextDocs: CommandDocs = {
  use: "rename-context CONTEXT_NAME NEW_NAME",
  long: "Renames a context from the kubeconfig file.\n\n CONTEXT_NAME is the context name that you want to change.\n\n NEW_NAME is the new name you want to set.\n\n Note: If the context being renamed is the 'current-context', this field will also be updated.",
  example: "# Rename the context 'old-name' to 'new-name' in your kubeconfig file\nkubectl config rename-context old-name new-name",
  disableFlagsInUseLine: true,
};
