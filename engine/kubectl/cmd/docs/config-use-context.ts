// Help text and flags of `kubectl config use-context`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configUseContextDocs: CommandDocs = {
  use: "use-context CONTEXT_NAME",
  aliases: ["use"],
  long: "Set the current-context in a kubeconfig file.",
  example: "# Use the context for the minikube cluster\nkubectl config use-context minikube",
  disableFlagsInUseLine: true,
  flags: [
  ],
};
