// Help text and flags of `kubectl rollout restart`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const rolloutRestartDocs: CommandDocs = {
  use: "restart RESOURCE",
  long: "Restart a resource.\n\n        Resource rollout will be restarted.",
  example: "# Restart all deployments in the test-namespace namespace\nkubectl rollout restart deployment -n test-namespace\n\n# Restart a deployment\nkubectl rollout restart deployment/nginx\n\n# Restart a daemon set\nkubectl rollout restart daemonset/abc\n\n# Restart deployments with the app=nginx label\nkubectl rollout restart deployment --selector=app=nginx",
  disableFlagsInUseLine: true,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "field-manager", type: "string", default: "kubectl-rollout", usage: "Name of the manager used to track field ownership." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
