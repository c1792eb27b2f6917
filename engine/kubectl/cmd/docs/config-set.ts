// Help text and flags of `kubectl config set`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary by testdata/gen-docs.ts).

import type { CommandDocs } from '../../cli/command';

export const configSetDocs: CommandDocs = {
  use: "set PROPERTY_NAME PROPERTY_VALUE",
  long: "Set an individual value in a kubeconfig file.\n\n PROPERTY_NAME is a dot delimited name where each token represents either an attribute name or a map key.  Map keys may not contain dots.\n\n PROPERTY_VALUE is the new value you want to set. Binary fields such as 'certificate-authority-data' expect a base64 encoded string unless the --set-raw-bytes flag is used.\n\n Specifying an attribute name that already exists will merge new fields on top of existing values.",
  example: "# Set the server field on the my-cluster cluster to https://1.2.3.4\nkubectl config set clusters.my-cluster.server https://1.2.3.4\n\n# Set the certificate-authority-data field on the my-cluster cluster\nkubectl config set clusters.my-cluster.certificate-authority-data $(echo \"cert_data_here\" | base64 -i -)\n\n# Set the cluster field in the my-context context to my-cluster\nkubectl config set contexts.my-context.cluster my-cluster\n\n# Set the client-key-data field in the cluster-admin user using --set-raw-bytes option\nkubectl config set users.cluster-admin.client-key-data cert_data_here --set-raw-bytes=true",
  disableFlagsInUseLine: true,
  flags: [
    { name: "set-raw-bytes", type: "bool", usage: "When writing a []byte PROPERTY_VALUE, write the given string directly without base64 decoding." },
  ],
};
