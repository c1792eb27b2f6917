// Help text and flags of `kubectl set`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const setDocs: CommandDocs = {
  use: "set SUBCOMMAND",
  long: "Configure application resources.\n\n These commands help you make changes to existing application resources.",
  disableFlagsInUseLine: true,
};
