// The simulated cluster: store, registry, API server, controllers and the clock, assembled.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiServer } from './api/server';
import { ensureServingCerts } from './api/serving-certs';
import { ResourceService } from './api/resource-service';
import { SystemClock, type Clock } from './clock';
import { createControllers } from './controllers';
import { ClusterClient } from './controllers/runtime/cluster-client';
import type { Controller } from './controllers/runtime/controller';
import { EventRecorder } from './controllers/runtime/event-recorder';
import { writeKubeconfig } from './kubeconfig';
import { installNodeShell } from './api/node-shell';
import { NodeShells } from './node-shells/node-shells';
import { createRegistry } from './registry';
import type { Registry } from './registry/registry';
import { ObjectStore } from './store/object-store';
import { bootstrapCluster } from './topology/bootstrap';
import { topologyNamed, type Topology } from './topology/topology';
import { installExtensions } from './extensions';
import { installPodExec } from './api/pod-exec';
import { installPodLogs } from './api/pod-logs';
import { KubeletController } from './kubelet/kubelet';
import { HistoryLog } from './history/history-log';
import { installLabEndpoints } from './history/lab-endpoints';

export interface EngineOptions {
  dataDir: string;
  port?: number;
  kubeconfigPath?: string;
  topology?: string;
  clock?: Clock;
  /** Skip controllers (tests of the bare API). */
  controllers?: boolean;
}

export class Engine {
  readonly url: string;
  readonly token: string;
  readonly kubeconfigPath: string;
  private stopped = false;
  /** Closed last on stop (the lab history log). */
  private readonly closers: Array<() => void> = [];

  private constructor(
    readonly store: ObjectStore,
    readonly registry: Registry,
    readonly service: ResourceService,
    readonly api: ApiServer,
    readonly client: ClusterClient,
    readonly clock: Clock,
    readonly topology: Topology,
    readonly controllers: Controller[],
    readonly nodeShells: NodeShells,
    info: { url: string; token: string; kubeconfigPath: string },
  ) {
    this.url = info.url;
    this.token = info.token;
    this.kubeconfigPath = info.kubeconfigPath;
  }

  static async start(opts: EngineOptions): Promise<Engine> {
    mkdirSync(opts.dataDir, { recursive: true });
    const clock = opts.clock ?? new SystemClock();
    const store = new ObjectStore(join(opts.dataDir, 'cluster.db'));
    try {
      const registry = createRegistry();
      const service = new ResourceService(store, registry, clock);
      const client = new ClusterClient(service);
      const topologyName = store.getMeta('topology') ?? opts.topology ?? 'course';
      const topology = topologyNamed(topologyName);
      if (!store.getMeta('bootstrapped')) {
        bootstrapCluster(client, topology);
        store.setMeta('topology', topologyName);
        store.setMeta('bootstrapped', '1');
      }
      let token = store.getMeta('token');
      if (!token) {
        token = randomBytes(24).toString('base64url');
        store.setMeta('token', token);
      }
      const certs = await ensureServingCerts(opts.dataDir, clock.now(), topology.nodes.filter((n) => n.controlPlane).map((n) => n.internalIP), topology.nodes.filter((n) => n.controlPlane).map((n) => n.name));
      const api = new ApiServer({ registry, service, clock, token, tls: certs });
      const events = new EventRecorder(client);
      const controllers = opts.controllers === false ? [] : createControllers({ client, clock, events, topology, caCert: certs.caCert });
      installExtensions({ api, registry, service, client, clock, events, topology });
      let nodeShells: NodeShells | undefined;
      installNodeShell(api, service, (node, req, io) => nodeShells!.start(node, req.cols, req.rows, io));
      // pods/log, pods/exec and pods/attach are served by the simulated kubelets.
      const kubelet = () => controllers.find((c): c is KubeletController => c instanceof KubeletController);
      installPodLogs(api, service, clock, kubelet);
      const closePodExec = installPodExec(api, service, () => {
        const k = kubelet();
        return k && ((pod, container, req, io, mode) => k.containerExec(pod, container, req, io, mode));
      });
      // Reuse the last port when it is free, so kubeconfigs handed out earlier keep working.
      const lastPort = Number(store.getMeta('port') ?? 0);
      let url: string;
      try {
        url = await api.listen(opts.port ?? lastPort);
      } catch (e) {
        if (opts.port) throw e;
        url = await api.listen(0);
      }
      store.setMeta('port', new URL(url).port);
      const kubeconfigPath = opts.kubeconfigPath ?? join(opts.dataDir, 'kubeconfig');
      writeKubeconfig(kubeconfigPath, url, token, certs.caCert);
      nodeShells = new NodeShells({ clock, store, topology, engineUrl: url, caPem: certs.caCert, token });
      // The lab runner's history, commands, setup files and clock (engine/history/README.md).
      const history = new HistoryLog(join(opts.dataDir, 'history.db'), store, registry, clock);
      const shells = nodeShells;
      installLabEndpoints({ api, clock, history, nodes: () => shells.nodeNames(), disk: (n) => shells.disk(n), saved: () => shells.save() });
      const engine = new Engine(store, registry, service, api, client, clock, topology, controllers, nodeShells, { url, token, kubeconfigPath });
      engine.closers.push(closePodExec);
      engine.closers.push(() => history.close());
      for (const c of controllers) c.start();
      return engine;
    } catch (e) {
      store.close();
      throw e;
    }
  }

  /** True when no controller has work queued or in flight (tests wait for this). */
  get settled(): boolean {
    return this.controllers.every((c) => c.idle);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const c of this.controllers) c.stop();
    await this.nodeShells.dispose();
    await this.api.close();
    for (const c of this.closers.splice(0)) c();
    this.store.close();
  }
}
