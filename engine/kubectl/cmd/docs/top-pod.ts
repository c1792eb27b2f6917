// Help text and flags of `kubectl top pod`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const topPodDocs: CommandDocs = {
  use: "pod [NAME | -l label]",
  aliases: ["pods","po"],
  long: "Display resource (CPU/memory) usage of pods.\n\n The 'top pod' command allows you to see the resource consumption of pods.\n\n Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.",
  example: "# Show metrics for all pods in the default namespace\nkubectl top pod\n\n# Show metrics for all pods in the given namespace\nkubectl top pod --namespace=NAMESPACE\n\n# Show metrics for a given pod and its containers\nkubectl top pod POD_NAME --containers\n\n# Show metrics for the pods defined by label name=myLabel\nkubectl top pod -l name=myLabel",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "containers", type: "bool", usage: "If present, print usage of containers within a pod." },
    { name: "field-selector", type: "string", usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: "no-headers", type: "bool", usage: "If present, print output without headers." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: "sum", type: "bool", usage: "Print the sum of the resource usage" },
    { name: "use-protocol-buffers", type: "bool", default: "true", usage: "Enables using protocol-buffers to access Metrics API." },
  ],
};
