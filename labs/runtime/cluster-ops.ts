// What the runner does to a cluster, all through the API: reset it to a fresh state, apply a
// lab's setup (namespace, objects, files on the master's disk), remember which lab runs there
// (ConfigMap kube-public/kubelab-lab), and reach the engine's /kubelab/v1 extras when present.
import type { KubeObject } from '../../engine/api/object';
import { KubeApiError, type KubeApi } from './kube-api';
import type { HistoryEntry } from './history';
import type { LabPack } from './lab-pack';

const SYSTEM_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
/** Kinds a reset clears from `default` (namespaces take everything else with them). */
const DEFAULT_NS_KINDS = [
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'DaemonSet'],
  ['apps/v1', 'StatefulSet'],
  ['batch/v1', 'CronJob'],
  ['batch/v1', 'Job'],
  ['autoscaling/v2', 'HorizontalPodAutoscaler'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['v1', 'Pod'],
  ['v1', 'Service'],
  ['v1', 'ConfigMap'],
  ['v1', 'Secret'],
] as const;

export const LAB_MARKER = { namespace: 'kube-public', name: 'kubelab-lab' };

export interface LabMarker {
  lab: string;
  version: number;
  startedAt: number;
  namespace: string;
}

/** The engine's extra routes (engine/history/README.md); `undefined` answers mean a real cluster. */
export class EngineExtras {
  constructor(private readonly api: KubeApi) {}

  private async optional<T>(p: Promise<T>): Promise<T | undefined> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof KubeApiError && (e.status === 404 || e.status === 403)) return undefined;
      throw e;
    }
  }

  history(after: number, limit = 10000): Promise<{ items: HistoryEntry[]; last: number; more: boolean; now: number } | undefined> {
    return this.optional(this.api.get(`/kubelab/v1/history?after=${after}&limit=${limit}`));
  }

  async allHistory(): Promise<{ items: HistoryEntry[]; now: number } | undefined> {
    const items: HistoryEntry[] = [];
    let after = 0;
    let now = 0;
    for (;;) {
      const page = await this.history(after);
      if (!page) return undefined;
      items.push(...page.items);
      now = page.now;
      after = page.last;
      if (!page.more) return { items, now };
    }
  }

  async commands(node: string): Promise<string[] | undefined> {
    return (await this.optional(this.api.get<{ lines: string[] }>(`/kubelab/v1/nodes/${encodeURIComponent(node)}/commands`)))?.lines;
  }

  putFile(node: string, path: string, content: string, mode?: number): Promise<unknown> {
    return this.optional(this.api.request('PUT', `/kubelab/v1/nodes/${encodeURIComponent(node)}/files`, { path, content, mode }));
  }

  clock(): Promise<{ now: number; canAdvance: boolean } | undefined> {
    return this.optional(this.api.get('/kubelab/v1/clock'));
  }

  advance(seconds: number): Promise<{ now: number } | undefined> {
    return this.optional(this.api.request('POST', '/kubelab/v1/clock/advance', { seconds }));
  }
}

/** The control-plane node's name (`master`, `k8s-master`): where setup files and commands live. */
export async function masterNode(api: KubeApi): Promise<string | undefined> {
  try {
    const nodes = await api.get<{ items: KubeObject[] }>('/api/v1/nodes');
    const cp = nodes.items.find((n) => n.metadata.labels && 'node-role.kubernetes.io/control-plane' in n.metadata.labels);
    return (cp ?? nodes.items[0])?.metadata.name;
  } catch {
    return undefined;
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Deletes what students create: non-system namespaces, and workloads in `default`. Waits until gone. */
export async function resetCluster(api: KubeApi, timeoutMs = 60_000): Promise<void> {
  const nsInfo = (await api.resourceFor('v1', 'Namespace'))!;
  const namespaces = (await api.list(nsInfo)).items.filter((n) => !SYSTEM_NAMESPACES.has(n.metadata.name));
  for (const n of namespaces) await api.request('DELETE', `/api/v1/namespaces/${encodeURIComponent(n.metadata.name)}`).catch(ignoreNotFound);
  for (const [apiVersion, kind] of DEFAULT_NS_KINDS) {
    const r = await api.resourceFor(apiVersion, kind);
    if (!r) continue;
    const items = (await api.list(r, 'default')).items.filter((o) => !(kind === 'Service' && o.metadata.name === 'kubernetes') && !(kind === 'ConfigMap' && o.metadata.name === 'kube-root-ca.crt'));
    for (const o of items) await api.request('DELETE', `${api.collectionPath(r, 'default')}/${encodeURIComponent(o.metadata.name)}?propagationPolicy=Background`).catch(ignoreNotFound);
  }
  await api.request('DELETE', `/api/v1/namespaces/${LAB_MARKER.namespace}/configmaps/${LAB_MARKER.name}`).catch(ignoreNotFound);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = (await api.list(nsInfo)).items.filter((n) => !SYSTEM_NAMESPACES.has(n.metadata.name));
    const podInfo = (await api.resourceFor('v1', 'Pod'))!;
    const pods = (await api.list(podInfo, 'default')).items;
    if (left.length === 0 && pods.length === 0) return;
    if (Date.now() > deadline) throw new Error(`the cluster did not reset in ${timeoutMs / 1000} s (left: ${[...left.map((n) => `namespace/${n.metadata.name}`), ...pods.map((p) => `pod/${p.metadata.name}`)].join(', ')})`);
    await sleep(100);
  }
}

function ignoreNotFound(e: unknown): void {
  if (e instanceof KubeApiError && e.status === 404) return;
  throw e;
}

async function createOrReplace(api: KubeApi, o: KubeObject, namespace: string): Promise<void> {
  const r = await api.resourceFor(o.apiVersion!, o.kind!);
  if (!r) throw new Error(`setup: the cluster does not serve ${o.kind} in ${o.apiVersion}`);
  const ns = r.namespaced ? (o.metadata.namespace ?? namespace) : undefined;
  const obj = { ...o, metadata: { ...o.metadata, ...(ns ? { namespace: ns } : {}) } };
  try {
    await api.request('POST', api.collectionPath(r, ns), obj);
  } catch (e) {
    if (!(e instanceof KubeApiError && e.status === 409)) throw new Error(`setup: ${o.kind} ${o.metadata.name}: ${(e as Error).message}`);
  }
}

/** Applies a lab's setup and writes the marker; files go to the control-plane node's disk. */
export async function applySetup(api: KubeApi, lab: LabPack, startedAt: number): Promise<void> {
  const ns = lab.setup.namespace;
  if (ns !== 'default') await createOrReplace(api, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, ns);
  for (const o of lab.setup.objects) await createOrReplace(api, o, ns);
  if (lab.setup.files.length) {
    const node = await masterNode(api);
    const extras = new EngineExtras(api);
    for (const f of lab.setup.files) {
      const ok = node && (await extras.putFile(node, f.path, f.content, f.mode));
      if (!ok) throw new Error(`setup: cannot place ${f.path} on the node (the cluster has no Kubelab node shells)`);
    }
  }
  const marker: LabMarker = { lab: lab.id, version: lab.version, startedAt, namespace: ns };
  await api.request('DELETE', `/api/v1/namespaces/${LAB_MARKER.namespace}/configmaps/${LAB_MARKER.name}`).catch(ignoreNotFound);
  await api.request('POST', `/api/v1/namespaces/${LAB_MARKER.namespace}/configmaps`, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: LAB_MARKER.name, namespace: LAB_MARKER.namespace, labels: { 'app.kubernetes.io/managed-by': 'kubelab' } },
    data: { lab: marker.lab, version: String(marker.version), startedAt: String(marker.startedAt), namespace: marker.namespace },
  });
}

export async function readMarker(api: KubeApi): Promise<LabMarker | undefined> {
  try {
    const cm = await api.get<{ data?: Record<string, string> }>(`/api/v1/namespaces/${LAB_MARKER.namespace}/configmaps/${LAB_MARKER.name}`);
    const d = cm.data ?? {};
    return { lab: d.lab, version: Number(d.version), startedAt: Number(d.startedAt), namespace: d.namespace };
  } catch (e) {
    if (e instanceof KubeApiError && e.status === 404) return undefined;
    throw e;
  }
}
