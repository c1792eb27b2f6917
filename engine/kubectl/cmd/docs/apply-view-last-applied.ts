// Help text and flags of `kubectl apply view-last-applied`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const applyViewLastAppliedDocs: CommandDocs = {
  use: "view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)",
  long: "View the latest last-applied-configuration annotations by type/name or file.\n\n The default output will be printed to stdout in YAML format. You can use the -o option to change the output format.",
  example: "# View the last-applied-configuration annotations by type/name in YAML\nkubectl apply view-last-applied deployment/nginx\n\n# View the last-applied-configuration annotations by file in JSON\nkubectl apply view-last-applied -f deploy.yaml -o json",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources in the namespace of the specified resource types" },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations" },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", shorthand: "o", type: "string", default: "yaml", usage: "Output format. Must be one of (yaml, json)" },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
  ],
};
