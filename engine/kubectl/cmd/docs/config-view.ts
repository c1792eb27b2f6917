// Help text and flags of `kubectl config view`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configViewDocs: CommandDocs = {
  use: "view",
  long: "Display merged kubeconfig settings or a specified kubeconfig file.\n\n You can use --output jsonpath={...} to extract specific values using a jsonpath expression.",
  example: "# Show merged kubeconfig settings\nkubectl config view\n\n# Show merged kubeconfig settings, raw certificate data, and exposed secrets\nkubectl config view --raw\n\n# Get the password for the e2e user\nkubectl config view -o jsonpath='{.users[?(@.name == \"e2e\")].user.password}'",
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "flatten", type: "bool", usage: "Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)" },
    { name: "merge", type: "bool", default: "true", usage: "Merge the full hierarchy of kubeconfig files" },
    { name: "minify", type: "bool", usage: "Remove all information not used by current-context from the output" },
    { name: "output", shorthand: "o", type: "string", default: "yaml", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "raw", type: "bool", usage: "Display raw byte data and sensitive data" },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
  ],
};
