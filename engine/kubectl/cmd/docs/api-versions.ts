// Help text and flags of `kubectl api-versions`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const apiVersionsDocs: CommandDocs = {
  use: "api-versions",
  long: "Print the supported API versions on the server, in the form of \"group/version\".",
  example: "# Print the supported API versions\nkubectl api-versions",
  disableFlagsInUseLine: true,
};
