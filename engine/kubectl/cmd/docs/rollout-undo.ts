// Help text and flags of `kubectl rollout undo`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const rolloutUndoDocs: CommandDocs = {
  use: "undo (TYPE NAME | TYPE/NAME)",
  long: "Roll back to a previous rollout.",
  example: "# Roll back to the previous deployment\nkubectl rollout undo deployment/abc\n\n# Roll back to daemonset revision 3\nkubectl rollout undo daemonset/abc --to-revision=3\n\n# Roll back to the previous deployment with dry-run\nkubectl rollout undo --dry-run=server deployment/abc",
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "to-revision", type: "int", usage: "The revision to rollback to. Default to 0 (last revision)." },
  ],
};
