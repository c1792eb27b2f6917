// Help text and flags of `kubectl create secret generic`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const createSecretGenericDocs: CommandDocs = {
  use: "generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]",
  long: "Create a secret based on a file, directory, or specified literal value.\n\n A single secret may package one or more key/value pairs.\n\n When creating a secret based on a file, the key will default to the basename of the file, and the value will default to the file content. If the basename is an invalid key or you wish to chose your own, you may specify an alternate key.\n\n When creating a secret based on a directory, each file whose basename is a valid key in the directory will be packaged into the secret. Any directory entries except regular files are ignored (e.g. subdirectories, symlinks, devices, pipes, etc).",
  example: "# Create a new secret named my-secret with keys for each file in folder bar\nkubectl create secret generic my-secret --from-file=path/to/bar\n\n# Create a new secret named my-secret with specified keys instead of names on disk\nkubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-file=ssh-publickey=path/to/id_rsa.pub\n\n# Create a new secret named my-secret with key1=supersecret and key2=topsecret\nkubectl create secret generic my-secret --from-literal=key1=supersecret --from-literal=key2=topsecret\n\n# Create a new secret named my-secret using a combination of a file and a literal\nkubectl create secret generic my-secret --from-file=ssh-privatekey=path/to/id_rsa --from-literal=passphrase=topsecret\n\n# Create a new secret named my-secret from env files\nkubectl create secret generic my-secret --from-env-file=path/to/foo.env --from-env-file=path/to/bar.env",
  disableFlagsInUseLine: true,
  flags: [
    { name: "allow-missing-template-keys", type: "bool", default: "true", usage: "If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats." },
    { name: "append-hash", type: "bool", usage: "Append a hash of the secret to its name." },
    { name: "dry-run", type: "string", default: "none", noOptDefVal: "unchanged", usage: "Must be \"none\", \"server\", or \"client\". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource." },
    { name: "field-manager", type: "string", default: "kubectl-create", usage: "Name of the manager used to track field ownership." },
    { name: "from-env-file", type: "stringSlice", usage: "Specify the path to a file to read lines of key=val pairs to create a secret." },
    { name: "from-file", type: "stringSlice", usage: "Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key." },
    { name: "from-literal", type: "stringArray", usage: "Specify a key and literal value to insert in secret (i.e. mykey=somevalue)" },
    { name: "output", shorthand: "o", type: "string", usage: "Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file)." },
    { name: "save-config", type: "bool", usage: "If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future." },
    { name: "show-managed-fields", type: "bool", usage: "If true, keep the managedFields when printing objects in JSON or YAML format." },
    { name: "template", type: "string", usage: "Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview]." },
    { name: "type", type: "string", usage: "The type of secret to create" },
    { name: "validate", type: "string", default: "strict", noOptDefVal: "strict", usage: "Must be one of: strict (or true), warn, ignore (or false). \"true\" or \"strict\" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. \"warn\" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as \"ignore\" otherwise. \"false\" or \"ignore\" will not perform any schema validation, silently dropping any unknown or duplicate fields." },
  ],
};
