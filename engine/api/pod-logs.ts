// `pods/log`: a container's output as text/plain, from the simulated kubelet's log of that
// container instance. The API server picks and checks the container (validateContainer), the
// kubelet picks the instance from the pod's status (validateContainerLogStatus) and applies the
// options: previous, timestamps, sinceSeconds/sinceTime, tailLines, limitBytes, and follow
// (new lines as they come, until the container stops or the client goes away).
// Upstream: pkg/registry/core/pod/strategy.go (LogLocation, validateContainer),
// pkg/kubelet/kubelet_pods.go (validateContainerLogStatus), pkg/kubelet/kuberuntime/logs/logs.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { Clock } from '../clock';
import type { KubeletController } from '../kubelet/kubelet';
import type { LogLine } from '../kubelet/pod-worker';
import type { KubeObject } from './object';
import type { ResourceRequest } from './request-context';
import type { ResourceService } from './resource-service';
import type { ApiServer } from './server';
import { badRequest, methodNotAllowed, notFound } from './status-error';

export interface PodLogOptions {
  container?: string;
  follow: boolean;
  previous: boolean;
  timestamps: boolean;
  sinceSeconds?: number;
  sinceTime?: number;
  tailLines?: number;
  limitBytes?: number;
}

export function parsePodLogOptions(q: URLSearchParams): PodLogOptions {
  const bool = (k: string) => ['true', '1', 'True'].includes(q.get(k) ?? '');
  const int = (k: string) => {
    const v = q.get(k);
    return v !== null && /^-?\d+$/.test(v) ? Number(v) : undefined;
  };
  const sinceTime = q.get('sinceTime');
  const parsed = sinceTime ? Date.parse(sinceTime) : NaN;
  return {
    container: q.get('container') || undefined,
    follow: bool('follow'),
    previous: bool('previous'),
    timestamps: bool('timestamps'),
    sinceSeconds: int('sinceSeconds'),
    sinceTime: Number.isNaN(parsed) ? undefined : parsed,
    tailLines: int('tailLines'),
    limitBytes: int('limitBytes'),
  };
}

/** The container a request means, or the API server's BadRequest. */
// Upstream: pkg/registry/core/pod/strategy.go (validateContainer)
export function validateLogContainer(pod: KubeObject, container: string | undefined): string {
  const spec = pod.spec ?? {};
  const name = pod.metadata.name;
  if (!container) {
    const containers: any[] = spec.containers ?? [];
    if (containers.length === 1) return containers[0].name;
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    const all = [...(spec.initContainers ?? []), ...containers, ...(spec.ephemeralContainers ?? [])].map((c: any) => c.name);
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${all.join(' ')}]`);
  }
  const known = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])].some((c: any) => c.name === container);
  if (!known) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

/** The ID of the container instance whose log is asked for, or the kubelet's refusal. */
// Upstream: pkg/kubelet/kubelet_pods.go (validateContainerLogStatus)
export function logContainerId(pod: KubeObject, container: string, previous: boolean): string {
  const st = pod.status ?? {};
  const name = pod.metadata.name;
  const cs = [...(st.containerStatuses ?? []), ...(st.initContainerStatuses ?? []), ...(st.ephemeralContainerStatuses ?? [])].find((c: any) => c.name === container);
  if (!cs) throw badRequest(`container "${container}" in pod "${name}" is not available`);
  const last = cs.lastState?.terminated;
  const { waiting, running, terminated } = cs.state ?? {};
  if (previous) {
    if (!last?.containerID) throw badRequest(`previous terminated container "${container}" in pod "${name}" not found`);
    return last.containerID;
  }
  if (running) return cs.containerID;
  if (terminated) {
    if (terminated.containerID) return terminated.containerID;
    if (last?.containerID) return last.containerID;
    throw badRequest(`container "${container}" in pod "${name}" is terminated`);
  }
  if (last) {
    if (!last.containerID) throw badRequest(`container "${container}" in pod "${name}" is terminated`);
    return last.containerID;
  }
  if (waiting) {
    if (waiting.reason === 'ErrImagePull') throw badRequest(`container "${container}" in pod "${name}" is waiting to start: image can't be pulled`);
    if (waiting.reason === 'ImagePullBackOff') throw badRequest(`container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`);
    throw badRequest(`container "${container}" in pod "${name}" is waiting to start: ${waiting.reason}`);
  }
  throw badRequest(`container "${container}" in pod "${name}" is waiting to start - no logs yet`);
}

/**
 * The CRI log timestamp (RFC3339 with nine fraction digits). The clock counts milliseconds; the
 * line's position fills the digits below, so lines written in one millisecond stay ordered.
 */
// Upstream: pkg/kubelet/kuberuntime/logs/logs.go (timestampFormat)
export function logTimestamp(line: LogLine): string {
  const iso = new Date(line.time).toISOString(); // 2026-01-01T10:00:00.123Z
  const sub = String(((line.seq % 1000) * 1000 + 417) % 1_000_000).padStart(6, '0');
  return `${iso.slice(0, -1)}${sub}Z`;
}

/** The lines a request selects from the instance's log, before following. */
export function selectLines(lines: readonly LogLine[], o: PodLogOptions, now: number): LogLine[] {
  let since = -Infinity;
  if (o.sinceSeconds !== undefined) since = now - o.sinceSeconds * 1000;
  if (o.sinceTime !== undefined) since = Math.max(since === -Infinity ? o.sinceTime : since, o.sinceTime);
  let out = lines.filter((l) => l.time >= since);
  if (o.tailLines !== undefined && o.tailLines >= 0) out = o.tailLines === 0 ? [] : out.slice(-o.tailLines);
  return out;
}

export function installPodLogs(api: ApiServer, service: ResourceService, clock: Clock, kubelet: () => KubeletController | undefined): void {
  api.addSubresource('pods/log', (r) => servePodLog(r, service, clock, kubelet()));
}

function servePodLog(r: ResourceRequest, service: ResourceService, clock: Clock, kubelet: KubeletController | undefined): void {
  const method = r.req.method ?? 'GET';
  if (method !== 'GET') throw methodNotAllowed(method, 'PodLogOptions');
  const name = r.name!;
  const pod = service.find(r.def, r.namespace, name);
  if (!pod) throw notFound('', 'pods', name);
  const o = parsePodLogOptions(r.url.searchParams);
  const container = validateLogContainer(pod, o.container);
  const res = r.res;
  const begin = () => res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  // Not scheduled yet: the API server has no kubelet to ask and streams nothing.
  if (!pod.spec?.nodeName) {
    begin();
    res.end();
    return;
  }
  const id = logContainerId(pod, container, o.previous);
  const log = kubelet?.worker(pod.metadata.namespace ?? 'default', name)?.instanceLog(container, id);
  begin();
  if (!log) {
    // The instance's output is gone (the engine restarted since it ran).
    res.end();
    return;
  }
  let budget = o.limitBytes !== undefined && o.limitBytes > 0 ? o.limitBytes : Infinity;
  // Writes a line; false once limitBytes is used up.
  const write = (line: LogLine): boolean => {
    let text = (o.timestamps ? `${logTimestamp(line)} ` : '') + line.text + '\n';
    if (Buffer.byteLength(text) > budget) text = Buffer.from(text).subarray(0, budget).toString('utf8');
    budget -= Buffer.byteLength(text);
    res.write(text);
    return budget > 0;
  };
  for (const line of selectLines(log.lines, o, clock.now())) {
    if (!write(line)) {
      res.end();
      return;
    }
  }
  if (!o.follow || !log.running) {
    res.end();
    return;
  }
  // Follow: the status line goes out now, so kubectl starts printing before the first new line.
  res.flushHeaders();
  let done = false;
  const stop = () => {
    if (done) return;
    done = true;
    unsubscribe();
    res.end();
  };
  const unsubscribe = log.follow(
    (line) => {
      if (!done && !write(line)) stop();
    },
    () => setImmediate(stop),
  );
  res.on('close', stop);
}
