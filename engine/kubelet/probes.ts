// One probe attempt against a running container: httpGet and tcpSocket connect through the pod
// network to whatever the image listens on; exec runs the command in the container. Results
// carry the kubelet's failure messages (`HTTP probe failed with statuscode: 404`,
// `Get "http://10.244.1.5:8080/": dial tcp 10.244.1.5:8080: connect: connection refused`).
// Upstream: pkg/kubelet/prober/prober.go (runProbe), pkg/probe/http/http.go, tcp/tcp.go, exec/exec.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { PodNetwork } from './pod-network';

export interface ProbeResult {
  ok: boolean;
  /** The failure output, as the Unhealthy event shows it after `Liveness probe failed: `. */
  output: string;
}

export interface ProbeTarget {
  podIP: string;
  /** The container's declared ports, to resolve named probe ports. */
  ports: any[];
  network: PodNetwork;
  /** Runs a command in the container; resolves with status and combined output (or times out). */
  exec(argv: string[], timeoutMs: number): Promise<{ code: number; output: string; timedOut?: boolean }>;
}

function resolvePort(port: any, ports: any[]): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  return ports.find((p) => p.name === port)?.containerPort;
}

export async function runProbe(probe: any, t: ProbeTarget): Promise<ProbeResult> {
  const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
  if (probe.httpGet) {
    const h = probe.httpGet;
    const host = h.host || t.podIP;
    const port = resolvePort(h.port, t.ports);
    if (port === undefined) return { ok: false, output: `unable to find port: ${JSON.stringify(h.port)}` };
    const path = h.path ? (h.path.startsWith('/') ? h.path : `/${h.path}`) : '/';
    const scheme = (h.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${host}:${port}${path}`;
    const headers: Record<string, string> = { 'User-Agent': 'kube-probe/1.32', Accept: '*/*' };
    for (const hh of h.httpHeaders ?? []) headers[hh.name] = hh.value;
    const res = t.network.http(host, port, { method: 'GET', path, headers });
    if ('error' in res) return { ok: false, output: `Get "${url}": ${res.error}` };
    if (res.status >= 200 && res.status < 400) return { ok: true, output: '' };
    return { ok: false, output: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket) {
    const host = probe.tcpSocket.host || t.podIP;
    const port = resolvePort(probe.tcpSocket.port, t.ports);
    if (port === undefined) return { ok: false, output: `unable to find port: ${JSON.stringify(probe.tcpSocket.port)}` };
    const c = t.network.connect(host, port);
    if (c.ok) return { ok: true, output: '' };
    return { ok: false, output: `dial tcp ${host}:${port}: connect: ${c.error === 'refused' ? 'connection refused' : 'no route to host'}` };
  }
  if (probe.grpc) {
    const c = t.network.connect(t.podIP, probe.grpc.port);
    if (c.ok) return { ok: true, output: '' };
    return { ok: false, output: `timeout: failed to connect service "${t.podIP}:${probe.grpc.port}" within ${probe.timeoutSeconds ?? 1}s: context deadline exceeded` };
  }
  if (probe.exec) {
    const argv: string[] = probe.exec.command ?? [];
    const r = await t.exec(argv, timeoutMs);
    if (r.timedOut) return { ok: false, output: `command "${argv.join(' ')}" timed out` };
    return { ok: r.code === 0, output: r.output };
  }
  return { ok: true, output: '' };
}
