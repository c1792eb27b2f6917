// Help text and flags of `kubectl create token`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const createTokenDocs: CommandDocs = {
  use: "token SERVICE_ACCOUNT_NAME",
  long: "Request a service account token.",
  example: "# Request a token to authenticate to the kube-apiserver as the service account \"myapp\" in the current namespace\nkubectl create token myapp\n\n# Request a token for a service account in a custom namespace\nkubectl create token myapp --namespace myns\n\n# Request a token with a custom expiration\nkubectl create token myapp --duration 10m\n\n# Request a token with a custom audience\nkubectl create token myapp --audience https://example.com\n\n# Request a token bound to an instance of a Secret object\nkubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret\n\n# Request a token bound to an instance of a Secret object with a specific UID\nkubectl create token myapp --bound-object-kind Secret --bound-object-name mysecret --bound-object-uid 0d4691ed-659b-4935-a832-355f77ee47cc",
  disableFlagsInUseLine: true,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "audience", type: "stringArray", usage: "Audience of the requested token. If unset, defaults to requesting a token for use with the Kubernetes API server. May be repeated to request a token valid for multiple audiences." },
    { name: "bound-object-kind", type: "string", usage: "Kind of an object to bind the token to. Supported kinds are Node, Pod, Secret. If set, --bound-object-name must be provided." },
    { name: "bound-object-name", type: "string", usage: "Name of an object to bind the token to. The token will expire when the object is deleted. Requires --bound-object-kind." },
    { name: "bound-object-uid", type: "string", usage: "UID of an object to bind the token to. Requires --bound-object-kind and --bound-object-name. If unset, the UID of the existing object is used." },
    { name: "duration", type: "duration", usage: "Requested lifetime of the issued token. If not set or if set to 0, the lifetime will be determined by the server automatically. The server may return a token with a longer or shorter lifetime." },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
