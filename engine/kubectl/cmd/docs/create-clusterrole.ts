// Help text and flags of `kubectl create clusterrole`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const createClusterroleDocs: CommandDocs = {
  use: "clusterrole NAME --verb=verb --resource=resource.group [--resource-name=resourcename] [--dry-run=server|client|none]",
  long: "Create a cluster role.",
  example: "# Create a cluster role named \"pod-reader\" that allows user to perform \"get\", \"watch\" and \"list\" on pods\nkubectl create clusterrole pod-reader --verb=get,list,watch --resource=pods\n\n# Create a cluster role named \"pod-reader\" with ResourceName specified\nkubectl create clusterrole pod-reader --verb=get --resource=pods --resource-name=readablepod --resource-name=anotherpod\n\n# Create a cluster role named \"foo\" with API Group specified\nkubectl create clusterrole foo --verb=get,list,watch --resource=rs.apps\n\n# Create a cluster role named \"foo\" with SubResource specified\nkubectl create clusterrole foo --verb=get,list,watch --resource=pods,pods/status\n\n# Create a cluster role name \"foo\" with NonResourceURL specified\nkubectl create clusterrole \"foo\" --verb=get --non-resource-url=/logs/*\n\n# Create a cluster role name \"monitoring\" with AggregationRule specified\nkubectl create clusterrole monitoring --aggregation-rule=\"rbac.example.com/aggregate-to-monitoring=true\"",
  disableFlagsInUseLine: true,
  flags: [
    { name: "aggregation-rule", type: "pattern", usage: "An aggregation label selector for combining ClusterRoles." },
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "field-manager", type: "string", default: "kubectl-create", usage: "Name of the manager used to track field ownership." },
    { name: "non-resource-url", type: "stringSlice", usage: "A partial url that user should have access to." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "resource", type: "stringSlice", usage: "Resource that the rule applies to" },
    { name: "resource-name", type: "stringArray", usage: "Resource in the white list that the rule applies to, repeat this flag for multiple items" },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "validate", type: "string", default: "strict", noOptDefVal: "strict", usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
    { name: "verb", type: "stringSlice", usage: "Verb that applies to the resources contained in the rule" },
  ],
};
