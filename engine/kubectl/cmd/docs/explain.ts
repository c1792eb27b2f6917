// Help text and flags of `kubectl explain`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const explainDocs: CommandDocs = {
  use: "explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]",
  long: "Describe fields and structure of various resources.\n\n This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:\n\n        <type>.<fieldName>[.<fieldName>]\n        \n Information about each field is retrieved from the server in OpenAPI format.\n\nUse \"kubectl api-resources\" for a complete list of supported resources.",
  example: "# Get the documentation of the resource and its fields\nkubectl explain pods\n\n# Get all the fields in the resource\nkubectl explain pods --recursive\n\n# Get the explanation for deployment in supported api versions\nkubectl explain deployments --api-version=apps/v1\n\n# Get the documentation of a specific field of a resource\nkubectl explain pods.spec.containers\n\n# Get the documentation of resources in different format\nkubectl explain deployment --output=plaintext-openapiv2",
  disableFlagsInUseLine: true,
  flags: [
    { name: "api-version", type: "string", usage: "Use given api-version (group/version) of the resource." },
    { name: "output", shorthand: "o", type: "string", default: "plaintext", usage: "Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2)." },
    { name: "recursive", type: "bool", usage: "When true, print the name of all the fields recursively. Otherwise, print the available fields with their description." },
  ],
};
