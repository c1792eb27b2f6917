// Help text and flags of `kubectl config set-cluster`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configSetClusterDocs: CommandDocs = {
  use: "set-cluster NAME [--server=server] [--certificate-authority=path/to/certificate/authority] [--insecure-skip-tls-verify=true] [--tls-server-name=example.com]",
  long: "Set a cluster entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.",
  example: "# Set only the server field on the e2e cluster entry without touching other values\nkubectl config set-cluster e2e --server=https://1.2.3.4\n\n# Embed certificate authority data for the e2e cluster entry\nkubectl config set-cluster e2e --embed-certs --certificate-authority=~/.kube/e2e/kubernetes.ca.crt\n\n# Disable cert checking for the e2e cluster entry\nkubectl config set-cluster e2e --insecure-skip-tls-verify=true\n\n# Set the custom TLS server name to use for validation for the e2e cluster entry\nkubectl config set-cluster e2e --tls-server-name=my-cluster-name\n\n# Set the proxy URL for the e2e cluster entry\nkubectl config set-cluster e2e --proxy-url=https://1.2.3.4",
  disableFlagsInUseLine: true,
  flags: [
    { name: "certificate-authority", type: "string", usage: "Path to certificate-authority file for the cluster entry in kubeconfig" },
    { name: "embed-certs", type: "bool", usage: "embed-certs for the cluster entry in kubeconfig" },
    { name: "insecure-skip-tls-verify", type: "bool", usage: "insecure-skip-tls-verify for the cluster entry in kubeconfig" },
    { name: "proxy-url", type: "string", usage: "proxy-url for the cluster entry in kubeconfig" },
    { name: "server", type: "string", usage: "server for the cluster entry in kubeconfig" },
    { name: "tls-server-name", type: "string", usage: "tls-server-name for the cluster entry in kubeconfig" },
  ],
};
