// The data behind the details panel, like `kubectl describe`: the object, its owners up to the
// top (Pod → ReplicaSet → Deployment), and the events about it, newest last.
import type { KubeClient } from './kube-client';

interface Meta {
  name: string;
  namespace?: string;
  uid?: string;
  ownerReferences?: Array<{ kind: string; name: string; apiVersion: string; controller?: boolean }>;
}
interface KubeObject {
  kind?: string;
  apiVersion?: string;
  metadata: Meta;
}
interface KubeEvent extends KubeObject {
  involvedObject?: { uid?: string; kind?: string; name?: string };
  lastTimestamp?: string;
  eventTime?: string;
  firstTimestamp?: string;
}

export interface DescribeResult {
  object: KubeObject;
  owners: Array<{ kind: string; name: string }>;
  events: KubeEvent[];
}

const RESOURCE_PATHS: Record<string, { prefix: string; namespaced: boolean }> = {
  pods: { prefix: '/api/v1', namespaced: true },
  nodes: { prefix: '/api/v1', namespaced: false },
  replicasets: { prefix: '/apis/apps/v1', namespaced: true },
  deployments: { prefix: '/apis/apps/v1', namespaced: true },
};

const OWNER_PLURAL: Record<string, string> = { ReplicaSet: 'replicasets', Deployment: 'deployments' };

function objectPath(resource: string, namespace: string | undefined, name: string): string | undefined {
  const r = RESOURCE_PATHS[resource];
  if (!r) return undefined;
  const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
  return `${r.prefix}${ns}/${resource}/${encodeURIComponent(name)}`;
}

export function eventTime(e: KubeEvent): string {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '';
}

/** undefined when the resource kind is not one we describe; throws with a status on API errors. */
export async function describe(kube: KubeClient, resource: string, namespace: string | undefined, name: string): Promise<DescribeResult | undefined> {
  const path = objectPath(resource, namespace, name);
  if (!path) return undefined;
  const got = await kube.getJson<KubeObject>(path);
  if (got.status !== 200) throw Object.assign(new Error(`${resource} "${name}" not found`), { status: got.status });
  const object = got.body;

  const owners: Array<{ kind: string; name: string }> = [];
  let cur: KubeObject | undefined = object;
  for (let depth = 0; cur && depth < 4; depth++) {
    const ref: { kind: string; name: string } | undefined = cur.metadata.ownerReferences?.find((o) => o.controller) ?? cur.metadata.ownerReferences?.[0];
    if (!ref) break;
    owners.push({ kind: ref.kind, name: ref.name });
    const plural: string | undefined = OWNER_PLURAL[ref.kind];
    const next: { status: number; body: KubeObject } | undefined = plural ? await kube.getJson<KubeObject>(objectPath(plural, object.metadata.namespace, ref.name)!) : undefined;
    cur = next?.status === 200 ? next.body : undefined;
  }

  const eventsPath = RESOURCE_PATHS[resource].namespaced ? `/api/v1/namespaces/${encodeURIComponent(object.metadata.namespace ?? 'default')}/events` : '/api/v1/events';
  const ev = await kube.getJson<{ items?: KubeEvent[] }>(eventsPath);
  const events = (ev.body.items ?? [])
    .filter((e) => (object.metadata.uid && e.involvedObject?.uid === object.metadata.uid) || (e.involvedObject?.name === name && e.involvedObject?.kind === object.kind))
    .sort((a, b) => eventTime(a).localeCompare(eventTime(b)));
  return { object, owners, events };
}
