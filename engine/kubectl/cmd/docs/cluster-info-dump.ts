// Help text and flags of `kubectl cluster-info dump`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const clusterInfoDumpDocs: CommandDocs = {
  use: "dump",
  long: "Dump cluster information out suitable for debugging and diagnosing cluster problems.  By default, dumps everything to stdout. You can optionally specify a directory with --output-directory.  If you specify a directory, Kubernetes will build a set of files in that directory.  By default, only dumps things in the current namespace and 'kube-system' namespace, but you can switch to a different namespace with the --namespaces flag, or specify --all-namespaces to dump all namespaces.\n\n The command also dumps the logs of all of the pods in the cluster; these logs are dumped into different directories based on namespace and pod name.",
  example: "# Dump current cluster state to stdout\nkubectl cluster-info dump\n\n# Dump current cluster state to /path/to/cluster-state\nkubectl cluster-info dump --output-directory=/path/to/cluster-state\n\n# Dump all namespaces to stdout\nkubectl cluster-info dump --all-namespaces\n\n# Dump a set of namespaces to /path/to/cluster-state\nkubectl cluster-info dump --namespaces default,kube-system --output-directory=/path/to/cluster-state",
  flags: [
    { name: "all-namespaces", shorthand: "A", type: "bool", usage: "If true, dump all namespaces.  If true, --namespaces is ignored." },
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "namespaces", type: "stringSlice", usage: "A comma separated list of namespaces to dump." },
    { name: "output", shorthand: "o", type: "string", default: "json", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "output-directory", type: "string", usage: "Where to output the files.  If empty or '-' uses stdout, otherwise creates a directory hierarchy in that directory" },
    { name: "pod-running-timeout", type: "duration", default: "20s", usage: "The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running" },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
