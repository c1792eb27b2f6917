// `nodes/<name>/shell`: a login shell on a simulated node, over the same WebSocket streaming
// protocol as exec (kubelab shell is its thin client, as kubectl exec -it is for pods).
import { ExecStreamServer, type ExecIO, type ExecProcess, type ExecRequest } from './exec-stream';
import type { ResourceService } from './resource-service';
import type { ApiServer } from './server';
import { badRequest, notFound } from './status-error';

export type NodeShellStarter = (node: string, req: ExecRequest & { cols: number; rows: number }, io: ExecIO) => ExecProcess | Promise<ExecProcess>;

export function installNodeShell(api: ApiServer, service: ResourceService, start: NodeShellStarter): () => void {
  const streams = new ExecStreamServer();
  const nodeDef = service.registry.lookup('', 'v1', 'nodes')!.def;
  api.addUpgrade('nodes/shell', ({ req, socket, head, url, name }) => {
    if (!service.find(nodeDef, undefined, name)) throw notFound('', 'nodes', name);
    if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') throw badRequest('Upgrade request required');
    const q = url.searchParams;
    const size = (k: string, d: number) => {
      const n = Number(q.get(k));
      return Number.isInteger(n) && n > 0 && n < 10000 ? n : d;
    };
    const request = { command: ['-bash'], tty: q.get('tty') !== 'false', stdin: true, stdout: true, stderr: true, cols: size('cols', 80), rows: size('rows', 24) };
    streams.upgrade(req, socket, head, request, (r, io) => start(name, { ...r, cols: request.cols, rows: request.rows }, io));
  });
  return () => streams.close();
}
