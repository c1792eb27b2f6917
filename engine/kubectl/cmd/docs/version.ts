// Help text and flags of `kubectl version`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const versionDocs: CommandDocs = {
  use: "version",
  long: "Print the client and server version information for the current context.",
  example: "# Print the client and server versions for the current context\nkubectl version",
  flags: [
    { name: "client", type: "bool", usage: "If true, shows client version only (no server required)." },
    { name: "output", shorthand: "o", type: "string", usage: "One of 'yaml' or 'json'." },
  ],
};
