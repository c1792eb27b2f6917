// Help text and flags of `kubectl cordon`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const cordonDocs: CommandDocs = {
  use: "cordon NODE",
  long: "Mark node as unschedulable.",
  example: "# Mark node \"foo\" as unschedulable\nkubectl cordon foo",
  disableFlagsInUseLine: true,
  flags: [
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ],
};
