// Help text and flags of `kubectl config get-contexts`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configGetContextsDocs: CommandDocs = {
  use: "get-contexts [(-o|--output=)name)]",
  long: "Display one or many contexts from the kubeconfig file.",
  example: "# List all the contexts in your kubeconfig file\nkubectl config get-contexts\n\n# Describe one context in your kubeconfig file\nkubectl config get-contexts my-context",
  disableFlagsInUseLine: true,
  flags: [
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (name)." },
  ],
};
