// Help text and flags of `kubectl config set-credentials`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configSetCredentialsDocs: CommandDocs = {
  use: "set-credentials NAME [--client-certificate=path/to/certfile] [--client-key=path/to/keyfile] [--token=bearer_token] [--username=basic_user] [--password=basic_password] [--auth-provider=provider_name] [--auth-provider-arg=key=value] [--exec-command=exec_command] [--exec-api-version=exec_api_version] [--exec-arg=arg] [--exec-env=key=value]",
  long: "Set a user entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values.\n\n        Client-certificate flags:\n        --client-certificate=certfile --client-key=keyfile\n        \n        Bearer token flags:\n        --token=bearer_token\n        \n        Basic auth flags:\n        --username=basic_user --password=basic_password\n        \n Bearer token and basic auth are mutually exclusive.",
  example: "# Set only the \"client-key\" field on the \"cluster-admin\"\n# entry, without touching other values\nkubectl config set-credentials cluster-admin --client-key=~/.kube/admin.key\n\n# Set basic auth for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --username=admin --password=uXFGweU9l35qcif\n\n# Embed client certificate data in the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --client-certificate=~/.kube/admin.crt --embed-certs=true\n\n# Enable the Google Compute Platform auth provider for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --auth-provider=gcp\n\n# Enable the OpenID Connect auth provider for the \"cluster-admin\" entry with additional arguments\nkubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-id=foo --auth-provider-arg=client-secret=bar\n\n# Remove the \"client-secret\" config value for the OpenID Connect auth provider for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --auth-provider=oidc --auth-provider-arg=client-secret-\n\n# Enable new exec auth plugin for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1\n\n# Enable new exec auth plugin for the \"cluster-admin\" entry with interactive mode\nkubectl config set-credentials cluster-admin --exec-command=/path/to/the/executable --exec-api-version=client.authentication.k8s.io/v1beta1 --exec-interactive-mode=Never\n\n# Define new exec auth plugin arguments for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --exec-arg=arg1 --exec-arg=arg2\n\n# Create or update exec auth plugin environment variables for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --exec-env=key1=val1 --exec-env=key2=val2\n\n# Remove exec auth plugin environment variables for the \"cluster-admin\" entry\nkubectl config set-credentials cluster-admin --exec-env=var-to-remove-",
  disableFlagsInUseLine: true,
  flags: [
    { name: "auth-provider", type: "string", usage: "Auth provider for the user entry in kubeconfig" },
    { name: "auth-provider-arg", type: "stringSlice", usage: "'key=value' arguments for the auth provider" },
    { name: "client-certificate", type: "string", usage: "Path to client-certificate file for the user entry in kubeconfig" },
    { name: "client-key", type: "string", usage: "Path to client-key file for the user entry in kubeconfig" },
    { name: "embed-certs", type: "bool", usage: "Embed client cert/key for the user entry in kubeconfig" },
    { name: "exec-api-version", type: "string", usage: "API version of the exec credential plugin for the user entry in kubeconfig" },
    { name: "exec-arg", type: "stringSlice", usage: "New arguments for the exec credential plugin command for the user entry in kubeconfig" },
    { name: "exec-command", type: "string", usage: "Command for the exec credential plugin for the user entry in kubeconfig" },
    { name: "exec-env", type: "stringArray", usage: "'key=value' environment values for the exec credential plugin" },
    { name: "exec-interactive-mode", type: "string", usage: "InteractiveMode of the exec credentials plugin for the user entry in kubeconfig" },
    { name: "exec-provide-cluster-info", type: "bool", usage: "ProvideClusterInfo of the exec credentials plugin for the user entry in kubeconfig" },
    { name: "password", type: "string", usage: "password for the user entry in kubeconfig" },
    { name: "token", type: "string", usage: "token for the user entry in kubeconfig" },
    { name: "username", type: "string", usage: "username for the user entry in kubeconfig" },
  ],
};
