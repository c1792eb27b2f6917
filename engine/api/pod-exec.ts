// `pods/exec` and `pods/attach` over WebSocket: finds the pod and container, then hands the
// streams to the container runtime (the simulated kubelet's container shells).
import type { KubeObject } from './object';
import { ExecStreamServer, parseExecQuery, type ExecProcess, type ExecRequest, type ExecIO } from './exec-stream';
import type { ApiServer } from './server';
import type { ResourceService } from './resource-service';
import { badRequest, notFound } from './status-error';

/** Runs a command in a container of a pod (provided by the kubelet). */
export type ContainerExec = (pod: KubeObject, container: string, req: ExecRequest, io: ExecIO, mode: 'exec' | 'attach') => ExecProcess | Promise<ExecProcess>;

export function installPodExec(api: ApiServer, service: ResourceService, runtime: () => ContainerExec | undefined): () => void {
  const streams = new ExecStreamServer();
  const podDef = service.registry.lookup('', 'v1', 'pods')!.def;
  for (const mode of ['exec', 'attach'] as const) {
    api.addUpgrade(`pods/${mode}`, ({ req, socket, head, url, namespace, name }) => {
      const pod = service.find(podDef, namespace, name);
      if (!pod) throw notFound('', 'pods', name);
      const request = parseExecQuery(url);
      const containers: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
      const container = request.container ?? containers[0];
      if (!containers.includes(container) && !(pod.spec?.initContainers ?? []).some((c: { name: string }) => c.name === container)) {
        throw badRequest(`container ${container} is not valid for pod ${name}`);
      }
      if (mode === 'exec' && request.command.length === 0) throw badRequest('you must specify at least one command for the container');
      if ((req.headers.upgrade ?? '').toLowerCase() !== 'websocket') throw badRequest('Upgrade request required: only WebSocket (v5.channel.k8s.io) streaming is served');
      const run = runtime();
      streams.upgrade(req, socket, head, { ...request, container }, (r, io) => {
        if (!run) throw new Error(`unable to upgrade connection: container not found ("${container}")`);
        return run(pod, container, r, io, mode);
      });
    });
  }
  return () => streams.close();
}
