// Ownership as the cluster view draws it: Deployment → ReplicaSet → Pod, from ownerReferences
// (controller refs) matched by uid. Pure functions over informer snapshots.
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';

export interface OwnerChain {
  /** Outermost first, e.g. [{Deployment web}, {ReplicaSet web-5d9f8c7b6}]. */
  chain: Array<{ kind: string; name: string; uid?: string }>;
  /** A stable key of the top owner: pods of one workload share a colour. */
  topKey: string | undefined;
}

type Ref = { kind: string; name: string; uid: string; controller?: boolean };

function controllerRef(meta: { ownerReferences?: Ref[] } | undefined): Ref | undefined {
  return meta?.ownerReferences?.find((r) => r.controller) ?? meta?.ownerReferences?.[0];
}

export function ownerChain(pod: Pod, replicaSets: Map<string, ReplicaSet>): OwnerChain {
  const chain: OwnerChain['chain'] = [];
  const ref = controllerRef(pod.metadata);
  if (ref) {
    chain.unshift({ kind: ref.kind, name: ref.name, uid: ref.uid });
    if (ref.kind === 'ReplicaSet') {
      const rs = replicaSets.get(ref.uid);
      const up = controllerRef(rs?.metadata);
      if (up) chain.unshift({ kind: up.kind, name: up.name, uid: up.uid });
    }
  }
  const top = chain[0];
  return { chain, topKey: top ? `${top.kind}/${top.uid ?? top.name}` : undefined };
}

/** A small palette index from a key (same key, same colour across reloads). */
export function colourIndex(key: string | undefined, size = 8): number {
  if (!key) return -1;
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return h % size;
}

export interface WorkloadRow {
  deployment: Deployment;
  replicaSets: Array<{ rs: ReplicaSet; pods: number; revision?: string; current: boolean }>;
}

/** Deployments with their ReplicaSets (newest first) and how many pods each owns. */
export function workloads(deployments: Deployment[], replicaSets: ReplicaSet[], pods: Pod[]): WorkloadRow[] {
  const podsByOwner = new Map<string, number>();
  for (const p of pods) {
    const ref = controllerRef(p.metadata);
    if (ref) podsByOwner.set(ref.uid, (podsByOwner.get(ref.uid) ?? 0) + 1);
  }
  return deployments
    .map((d) => {
      const mine = replicaSets.filter((rs) => controllerRef(rs.metadata)?.uid === d.metadata?.uid);
      const revision = (o: { metadata?: { annotations?: Record<string, string> } }) => o.metadata?.annotations?.['deployment.kubernetes.io/revision'];
      const depRev = revision(d);
      const rows = mine
        .map((rs) => ({ rs, pods: podsByOwner.get(rs.metadata?.uid ?? '') ?? 0, revision: revision(rs), current: depRev !== undefined && revision(rs) === depRev }))
        .sort((a, b) => Number(b.revision ?? 0) - Number(a.revision ?? 0));
      return { deployment: d, replicaSets: rows };
    })
    .sort((a, b) => `${a.deployment.metadata?.namespace}/${a.deployment.metadata?.name}`.localeCompare(`${b.deployment.metadata?.namespace}/${b.deployment.metadata?.name}`));
}
