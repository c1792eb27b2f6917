// The pods' network namespaces: who listens on which port at which IP. Containers open ports
// through their ContainerContext; probes, and later Services, port-forward and ingress, connect
// through `connect`. One registry per cluster, shared by all nodes.
import type { HttpRequest, HttpResponse, Listener } from './images/image';

export interface PodNetworkNamespace {
  ip: string;
  podKey: string;
  listeners: Map<string, Listener>; // `${protocol}/${port}`
}

export type ConnectResult = { ok: true; listener: Listener } | { ok: false; error: 'refused' | 'unreachable' };

export class PodNetwork {
  private readonly byIp = new Map<string, PodNetworkNamespace>();

  /** Creates the namespace of a pod sandbox (hostNetwork pods share the node's). */
  open(ip: string, podKey: string): PodNetworkNamespace {
    let ns = this.byIp.get(ip);
    if (!ns || ns.podKey !== podKey) {
      ns = { ip, podKey, listeners: ns?.listeners ?? new Map() };
      this.byIp.set(ip, ns);
    }
    return ns;
  }

  close(ip: string, podKey: string): void {
    const ns = this.byIp.get(ip);
    if (ns && ns.podKey === podKey) this.byIp.delete(ip);
  }

  listen(ns: PodNetworkNamespace, port: number, listener: Listener): () => void {
    const key = `${listener.protocol}/${port}`;
    ns.listeners.set(key, listener);
    return () => {
      if (ns.listeners.get(key) === listener) ns.listeners.delete(key);
    };
  }

  namespace(ip: string): PodNetworkNamespace | undefined {
    return this.byIp.get(ip);
  }

  connect(ip: string, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ConnectResult {
    const ns = this.byIp.get(ip);
    if (!ns) return { ok: false, error: 'unreachable' };
    const l = ns.listeners.get(`${protocol}/${port}`);
    return l ? { ok: true, listener: l } : { ok: false, error: 'refused' };
  }

  /** An HTTP request to ip:port, or the dial error as Go's net/http words it. */
  http(ip: string, port: number, req: Omit<HttpRequest, 'host'>): HttpResponse | { error: string } {
    const c = this.connect(ip, port);
    if (!c.ok) return { error: `dial tcp ${ip}:${port}: connect: ${c.error === 'refused' ? 'connection refused' : 'no route to host'}` };
    if (!c.listener.http) return { error: 'EOF' };
    return c.listener.http({ ...req, host: `${ip}:${port}` });
  }
}
