// Help text and flags of `kubectl config unset`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configUnsetDocs: CommandDocs = {
  use: "unset PROPERTY_NAME",
  long: "Unset an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.",
  example: "# Unset the current-context\nkubectl config unset current-context\n\n# Unset namespace in foo context\nkubectl config unset contexts.foo.namespace",
  disableFlagsInUseLine: true,
};
