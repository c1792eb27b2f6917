// kubectl in a node shell reaches only the simulated cluster's API server: the master's virtual
// address (https://192.168.109.100:6443, as a kubeadm kubeconfig says) is carried to the engine's
// real loopback port; anything else is refused as a real network would, so no command ever
// reaches the student's own machine or network.
import type { HttpRequest, HttpResponse, HttpTransport } from '../kubectl/io';
import { nodeTransport } from '../kubectl/client/node-transport';

export function sandboxTransport(apiServerAddress: string, engineUrl: string): HttpTransport {
  const virtual = new URL(apiServerAddress);
  const real = new URL(engineUrl);
  return async (req: HttpRequest): Promise<HttpResponse> => {
    const u = new URL(req.url);
    if (u.host === virtual.host || u.host === real.host) {
      u.protocol = real.protocol;
      u.host = real.host;
      return nodeTransport({ ...req, url: u.toString() });
    }
    const port = u.port || (u.protocol === 'https:' ? '443' : '80');
    const address = u.hostname === 'localhost' ? '127.0.0.1' : u.hostname;
    if (!/^[\d.]+$/.test(address) && !/^\[/.test(u.hostname)) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${u.hostname}`), { code: 'ENOTFOUND', hostname: u.hostname });
    }
    throw Object.assign(new Error(`connect ECONNREFUSED ${address}:${port}`), { code: 'ECONNREFUSED', address, port: Number(port) });
  };
}
