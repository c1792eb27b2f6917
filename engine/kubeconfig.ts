// The kubeconfig the engine writes for its clients: context `kubelab`, a bearer token.
import { mkdirSync, writeFileSync, renameSync } from 'node:fs';
import { dirname } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigNames {
  cluster: string;
  user: string;
  context: string;
}

/** The names kubeadm gives its admin.conf, used inside the simulated master. */
export const KUBEADM_NAMES: KubeconfigNames = { cluster: 'kubernetes', user: 'kubernetes-admin', context: 'kubernetes-admin@kubernetes' };
const KUBELAB_NAMES: KubeconfigNames = { cluster: 'kubelab', user: 'kubelab', context: 'kubelab' };

export function kubeconfigYaml(server: string, token: string, caPem: string, names: KubeconfigNames = KUBELAB_NAMES): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: names.cluster, cluster: { 'certificate-authority-data': Buffer.from(caPem).toString('base64'), server } }],
    contexts: [{ name: names.context, context: { cluster: names.cluster, user: names.user } }],
    'current-context': names.context,
    preferences: {},
    users: [{ name: names.user, user: { token } }],
  });
}

/** Writes atomically (temp file + rename) with owner-only permissions: it holds the token. */
export function writeKubeconfig(path: string, server: string, token: string, caPem: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, kubeconfigYaml(server, token, caPem), { mode: 0o600 });
  renameSync(tmp, path);
}
