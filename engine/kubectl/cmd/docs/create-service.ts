// Help text and flags of `kubectl create service`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const createServiceDocs: CommandDocs = {
  use: "service",
  aliases: ["svc"],
  long: "Create a service using a specified subcommand.",
};
