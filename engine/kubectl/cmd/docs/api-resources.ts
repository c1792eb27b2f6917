// Help text and flags of `kubectl api-resources`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const apiResourcesDocs: CommandDocs = {
  use: "api-resources",
  long: "Print the supported API resources on the server.",
  example: "# Print the supported API resources\nkubectl api-resources\n\n# Print the supported API resources with more information\nkubectl api-resources -o wide\n\n# Print the supported API resources sorted by a column\nkubectl api-resources --sort-by=name\n\n# Print the supported namespaced resources\nkubectl api-resources --namespaced=true\n\n# Print the supported non-namespaced resources\nkubectl api-resources --namespaced=false\n\n# Print the supported API resources with a specific APIGroup\nkubectl api-resources --api-group=rbac.authorization.k8s.io",
  flags: [
    { name: "api-group", type: "string", usage: "Limit to resources in the specified API group." },
    { name: "cached", type: "bool", usage: "Use the cached list of resources if available." },
    { name: "categories", type: "stringSlice", usage: "Limit to resources that belong to the specified categories." },
    { name: "namespaced", type: "bool", default: "true", usage: "If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default." },
    { name: "no-headers", type: "bool", usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (wide, name)." },
    { name: "sort-by", type: "string", usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: "verbs", type: "stringSlice", usage: "Limit to resources that support the specified verbs." },
  ],
};
