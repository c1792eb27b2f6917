// Help text and flags of `kubectl config current-context`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configCurrentContextDocs: CommandDocs = {
  use: "current-context",
  long: "Display the current-context.",
  example: "# Display the current-context\nkubectl config current-context",
  flags: [
  ],
};
