// Help text and flags of `kubectl set env`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const setEnvDocs: CommandDocs = {
  use: "env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N",
  long: "Update environment variables on a pod template.\n\n List environment variable definitions in one or more pods, pod templates. Add, update, or remove container environment variable definitions in one or more pod templates (within replication controllers or deployment configurations). View or modify the environment variable definitions on all containers in the specified pods or pod templates, or just those that match a wildcard.\n\n If \"--env -\" is passed, environment variables can be read from STDIN using the standard env syntax.\n\n Possible resources include (case insensitive):\n\n        pod (po), replicationcontroller (rc), deployment (deploy), daemonset (ds), statefulset (sts), cronjob (cj), replicaset (rs)",
  example: "# Update deployment 'registry' with a new environment variable\nkubectl set env deployment/registry STORAGE_DIR=/local\n\n# List the environment variables defined on a deployments 'sample-build'\nkubectl set env deployment/sample-build --list\n\n# List the environment variables defined on all pods\nkubectl set env pods --all --list\n\n# Output modified deployment in YAML, and does not alter the object on the server\nkubectl set env deployment/sample-build STORAGE_DIR=/data -o yaml\n\n# Update all containers in all replication controllers in the project to have ENV=prod\nkubectl set env rc --all ENV=prod\n\n# Import environment from a secret\nkubectl set env --from=secret/mysecret deployment/myapp\n\n# Import environment from a config map with a prefix\nkubectl set env --from=configmap/myconfigmap --prefix=MYSQL_ deployment/myapp\n\n# Import specific keys from a config map\nkubectl set env --keys=my-example-key --from=configmap/myconfigmap deployment/myapp\n\n# Remove the environment variable ENV from container 'c1' in all deployment configs\nkubectl set env deployments --all --containers=\"c1\" ENV-\n\n# Remove the environment variable ENV from a deployment definition on disk and\n# update the deployment config on the server\nkubectl set env -f deploy.json ENV-\n\n# Set some of the local shell environment into a deployment config on the server\nenv | grep RAILS_ | kubectl set env -e - deployment/registry",
  disableFlagsInUseLine: true,
  flags: [
    { name: "all", type: "bool", usage: "If true, select all resources in the namespace of the specified resource types" },
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "containers", shorthand: "c", type: "string", default: "*", usage: "The names of containers in the selected pod templates to change - may use wildcards" },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "env", shorthand: "e", type: "stringArray", usage: "Specify a key-value pair for an environment variable to set into each container." },
    { name: "field-manager", type: "string", default: "kubectl-set", usage: "Name of the manager used to track field ownership." },
    { name: "filename", shorthand: "f", type: "stringSlice", usage: "Filename, directory, or URL to files the resource to update the env" },
    { name: "from", type: "string", usage: "The name of a resource from which to inject environment variables" },
    { name: "keys", type: "stringSlice", usage: "Comma-separated list of keys to import from specified resource" },
    { name: "kustomize", shorthand: "k", type: "string", usage: "Process the kustomization directory. This flag can't be used together with -f or -R." },
    { name: "list", type: "bool", usage: "If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env." },
    { name: "local", type: "bool", usage: "If true, set env will NOT contact api-server but run locally." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "overwrite", type: "bool", default: "true", usage: "If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment." },
    { name: "prefix", type: "string", usage: "Prefix to append to variable names" },
    { name: "recursive", shorthand: "R", type: "bool", usage: "Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory." },
    { name: "resolve", type: "bool", usage: "If true, show secret or configmap references when listing variables" },
    { name: "selector", shorthand: "l", type: "string", usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
