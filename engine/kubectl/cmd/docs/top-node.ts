// Help text and flags of `kubectl top node`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const topNodeDocs: CommandDocs = {
  use: "node [NAME | -l label]",
  aliases: ["nodes","no"],
  long: "Display resource (CPU/memory) usage of nodes.\n\n The top-node command allows you to see the resource consumption of nodes.",
  example: "# Show metrics for all nodes\nkubectl top node\n\n# Show metrics for a given node\nkubectl top node NODE_NAME",
  disableFlagsInUseLine: true,
  flags: [
    { name: "no-headers", type: "bool", usage: "If present, print output without headers" },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-capacity", type: "bool", usage: "Print node resources based on Capacity instead of Allocatable(default) of the nodes." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "use-protocol-buffers", type: "bool", default: "true", usage: "Enables using protocol-buffers to access Metrics API." },
  ],
};
