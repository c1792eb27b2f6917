// Help text and flags of `kubectl create secret`, exactly as kubectl v1.32 prints them (user-visible
// output we must match; captured from the reference binary, see ../../README.md).

import type { CommandDocs } from '../../cli/command';

export const createSecretDocs: CommandDocs = {
  use: "secret (docker-registry | generic | tls)",
  long: "Create a secret with specified type.\n\n A docker-registry type secret is for accessing a container registry.\n\n A generic type secret indicate an Opaque secret type.\n\n A tls type secret holds TLS certificate and its associated key.",
  disableFlagsInUseLine: true,
  flags: [
  ],
};
