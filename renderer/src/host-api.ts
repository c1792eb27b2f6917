// The renderer's calls to the host. Same origin: the HttpOnly cookie carries the token, so this
// code never sees it. Types come from the host's wire contract (import type only).
import type { CreateSessionRequest, EngineStatus, HostInfo, SessionInfo, SessionProfile } from '../../main/host/protocol';

export type { EngineStatus, SessionInfo, SessionProfile };

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export const hostApi = {
  info: () => fetch('/api/info').then((r) => json<HostInfo>(r)),
  status: () => fetch('/api/status').then((r) => json<EngineStatus>(r)),
  sessions: () => fetch('/api/sessions').then((r) => json<SessionInfo[]>(r)),
  createSession: (req: CreateSessionRequest) =>
    fetch('/api/sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) }).then((r) => json<SessionInfo>(r)),
  closeSession: (id: string) => fetch(`/api/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }).then(() => undefined),
  restartEngine: () => fetch('/api/engine/restart', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).then((r) => json<EngineStatus>(r)),
  describe: (resource: string, namespace: string | undefined, name: string) =>
    fetch(`/api/describe/${resource}/${encodeURIComponent(namespace ?? '_')}/${encodeURIComponent(name)}`).then((r) => json<DescribeResult>(r)),
  terminalSocketUrl: (id: string) => `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/terminal/${encodeURIComponent(id)}`,
};

export interface DescribeResult {
  object: KubeObject;
  owners: Array<{ kind: string; name: string }>;
  events: KubeEvent[];
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion?: string;
    creationTimestamp?: string;
    deletionTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{ kind: string; name: string; uid: string; controller?: boolean }>;
    managedFields?: unknown;
  };
  spec?: Record<string, unknown>;
  status?: Record<string, unknown>;
}

export interface KubeEvent extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  involvedObject?: { kind?: string; name?: string; namespace?: string; uid?: string };
  lastTimestamp?: string;
  firstTimestamp?: string;
  eventTime?: string;
}
