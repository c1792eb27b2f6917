// Help text and flags of `kubectl config set-context`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const configSetContextDocs: CommandDocs = {
  use: "set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]",
  long: "Set a context entry in kubeconfig.\n\n Specifying a name that already exists will merge new fields on top of existing values for those fields.",
  example: "# Set the user field on the gce context entry without touching other values\nkubectl config set-context gce --user=cluster-admin",
  disableFlagsInUseLine: true,
  flags: [
    { name: "cluster", type: "string", usage: "cluster for the context entry in kubeconfig" },
    { name: "current", type: "bool", usage: "Modify the current context" },
    { name: "namespace", type: "string", usage: "namespace for the context entry in kubeconfig" },
    { name: "user", type: "string", usage: "user for the context entry in kubeconfig" },
  ],
};
