// Help text and flags of `kubectl create ingress`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const createIngressDocs: CommandDocs = {
  use: "ingress NAME --rule=host/path=service:port[,tls[=secret]] ",
  aliases: ["ing"],
  long: "Create an ingress with the specified name.",
  example: "# Create a single ingress called 'simple' that directs requests to foo.com/bar to svc\n# svc1:8080 with a TLS secret \"my-cert\"\nkubectl create ingress simple --rule=\"foo.com/bar=svc1:8080,tls=my-cert\"\n\n# Create a catch all ingress of \"/path\" pointing to service svc:port and Ingress Class as \"otheringress\"\nkubectl create ingress catch-all --class=otheringress --rule=\"/path=svc:port\"\n\n# Create an ingress with two annotations: ingress.annotation1 and ingress.annotations2\nkubectl create ingress annotated --class=default --rule=\"foo.com/bar=svc:port\" \\\n--annotation ingress.annotation1=foo \\\n--annotation ingress.annotation2=bla\n\n# Create an ingress with the same host and multiple paths\nkubectl create ingress multipath --class=default \\\n--rule=\"foo.com/=svc:port\" \\\n--rule=\"foo.com/admin/=svcadmin:portadmin\"\n\n# Create an ingress with multiple hosts and the pathType as Prefix\nkubectl create ingress ingress1 --class=default \\\n--rule=\"foo.com/path*=svc:8080\" \\\n--rule=\"bar.com/admin*=svc2:http\"\n\n# Create an ingress with TLS enabled using the default ingress certificate and different path types\nkubectl create ingress ingtls --class=default \\\n--rule=\"foo.com/=svc:https,tls\" \\\n--rule=\"foo.com/path/subpath*=othersvc:8080\"\n\n# Create an ingress with TLS enabled using a specific secret and pathType as Prefix\nkubectl create ingress ingsecret --class=default \\\n--rule=\"foo.com/*=svc:8080,tls=secret1\"\n\n# Create an ingress with a default backend\nkubectl create ingress ingdefault --class=default \\\n--default-backend=defaultsvc:http \\\n--rule=\"foo.com/*=svc:8080,tls=secret1\"",
  disableFlagsInUseLine: true,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "annotation", type: "stringArray", usage: "Annotation to insert in the ingress object, in the format annotation=value" },
    { name: "class", type: "string", usage: "Ingress Class to be used" },
    { name: "default-backend", type: "string", usage: "Default service for backend, in format of svcname:port" },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "field-manager", type: "string", default: "kubectl-create", usage: "Name of the manager used to track field ownership." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "rule", type: "stringArray", usage: "Rule in format host/path=service:port[,tls=secretname]. Paths containing the leading character '*' are considered pathType=Prefix. tls argument is optional." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "validate", type: "string", default: "strict", noOptDefVal: "strict", usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
  ],
};
