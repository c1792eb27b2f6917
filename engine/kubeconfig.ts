// The kubeconfig the engine writes for its clients: context `kubelab`, a bearer token.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export function kubeconfigYaml(server: string, token: string, caPem: string, namespace?: string): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'kubelab', cluster: { 'certificate-authority-data': Buffer.from(caPem).toString('base64'), server } }],
    contexts: [{ name: 'kubelab', context: { cluster: 'kubelab', user: 'kubelab', ...(namespace ? { namespace } : {}) } }],
    'current-context': 'kubelab',
    preferences: {},
    users: [{ name: 'kubelab', user: { token } }],
  });
}

/** Writes atomically (temp file + rename) with owner-only permissions: it holds the token. */
export function writeKubeconfig(path: string, server: string, token: string, caPem: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, kubeconfigYaml(server, token, caPem), { mode: 0o600 });
  renameSync(tmp, path);
}
