// Help text and flags of `kubectl describe`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const describeDocs: CommandDocs = {
  use: "describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)",
  long: "Show details of a specific resource or group of resources.\n\n Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:\n\n        $ kubectl describe TYPE NAME_PREFIX\n        \n will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: "# Describe a node\nkubectl describe nodes kubernetes-node-emt8.c.myproject.internal\n\n# Describe a pod\nkubectl describe pods/nginx\n\n# Describe a pod identified by type and name in \"pod.json\"\nkubectl describe -f pod.json\n\n# Describe all pods\nkubectl describe pods\n\n# Describe pods by label name=myLabel\nkubectl describe pods -l name=myLabel\n\n# Describe all pods managed by the 'frontend' replication controller\n# (rc-created pods get the name of the rc as a prefix in the pod name)\nkubectl describe pods frontend",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace." },
    { name: "chunk-size", type: "int", default: "500", usage: "Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files containing the resource to describe" },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-events", type: "bool", default: "true", usage: "If true, display events related to the described object." },
  ],
};
