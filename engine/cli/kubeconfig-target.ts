// Reads what a client needs from a kubeconfig: the server URL, the CA and the bearer token of
// the current context.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export interface ClusterTarget {
  server: string;
  ca?: string;
  token?: string;
  insecure?: boolean;
}

export function targetFromKubeconfig(path: string): ClusterTarget {
  const cfg = parse(readFileSync(path, 'utf8')) ?? {};
  const ctxName = cfg['current-context'];
  const ctx = (cfg.contexts ?? []).find((c: { name: string }) => c.name === ctxName)?.context ?? cfg.contexts?.[0]?.context ?? {};
  const cluster = (cfg.clusters ?? []).find((c: { name: string }) => c.name === ctx.cluster)?.cluster ?? cfg.clusters?.[0]?.cluster;
  const user = (cfg.users ?? []).find((u: { name: string }) => u.name === ctx.user)?.user ?? cfg.users?.[0]?.user ?? {};
  if (!cluster?.server) throw new Error(`no cluster server in ${path}`);
  const caData = cluster['certificate-authority-data'];
  const caFile = cluster['certificate-authority'];
  return {
    server: cluster.server,
    ca: caData ? Buffer.from(caData, 'base64').toString() : caFile ? readFileSync(caFile, 'utf8') : undefined,
    token: user.token ?? (user.tokenFile ? readFileSync(user.tokenFile, 'utf8').trim() : undefined),
    insecure: cluster['insecure-skip-tls-verify'] === true,
  };
}
