// Help text and flags of `kubectl set serviceaccount`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const setServiceaccountDocs: CommandDocs = {
  use: "serviceaccount (-f FILENAME | TYPE NAME) SERVICE_ACCOUNT",
  aliases: ["sa"],
  long: "Update the service account of pod template resources.\n\n Possible resources (case insensitive) can be:\n\n replicationcontroller (rc), deployment (deploy), daemonset (ds), job, replicaset (rs), statefulset",
  example: "# Set deployment nginx-deployment's service account to serviceaccount1\nkubectl set serviceaccount deployment nginx-deployment serviceaccount1\n\n# Print the result (in YAML format) of updated nginx deployment with the service account from local file, without hitting the API server\nkubectl set sa -f nginx-deployment.yaml serviceaccount1 --local --dry-run=client -o yaml",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all", type: "bool", usage: "Select all resources, in the namespace of the specified resource types" },
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "field-manager", type: "string", default: "kubectl-set", usage: "Name of the manager used to track field ownership." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files identifying the resource to get from a server." },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "local", type: "bool", usage: "If true, set serviceaccount will NOT contact api-server but run locally." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
