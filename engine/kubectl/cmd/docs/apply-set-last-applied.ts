// Help text and flags of `kubectl apply set-last-applied`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const applySetLastAppliedDocs: CommandDocs = {
  use: "set-last-applied -f FILENAME",
  long: "Set the latest last-applied-configuration annotations by setting it to match the contents of a file. This results in the last-applied-configuration being updated as though 'kubectl apply -f<file> ' was run, without updating any other parts of the object.",
  example: "# Set the last-applied-configuration of a resource to match the contents of a file\nkubectl apply set-last-applied -f deploy.yaml\n\n# Execute set-last-applied against each configuration file in a directory\nkubectl apply set-last-applied -f path/\n\n# Set the last-applied-configuration of a resource to match the contents of a file; will create the annotation if it does not already exist\nkubectl apply set-last-applied -f deploy.yaml --create-annotation=true",
  disableFlagsInUseLine: true,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "create-annotation", type: "bool", usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one" },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files that contains the last-applied-configuration annotations" },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
