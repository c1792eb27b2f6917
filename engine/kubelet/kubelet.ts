// The kubelets of every node in one controller: a PodWorker per pod bound to a known node, keyed
// by pod key. reconcile(key) hands the worker the latest pod, writes the status the worker's
// runtime implies (when it differs), and removes a deleted pod once its containers have stopped
// (a DELETE with grace 0, which ends kubectl's wait).
// Upstream: pkg/kubelet/kubelet.go (syncPod, HandlePodAdditions), status/status_manager.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import { deepEqual } from '../api/deep-equal';
import type { KubeObject } from '../api/object';
import type { StoreEvent } from '../store/object-store';
import { Controller, keyOf, splitKey, type ControllerContext, type ReconcileResult } from '../controllers/runtime/controller';
import type { Topology } from '../topology/topology';
import { ImageCatalog } from './images/catalog';
import { IpAllocator } from './ip-allocator';
import { NodeImages } from './node-images';
import { PodNetwork } from './pod-network';
import { generatePodStatus } from './pod-status';
import { PodWorker } from './pod-worker';
import type { ExecIO, ExecProcess, ExecRequest } from '../api/exec-stream';
import { attachContainer, gateOutput, startContainerExec } from './container-shell';

interface NodeRuntime {
  name: string;
  ip: string;
  ips?: IpAllocator;
  images: NodeImages;
}

/** Images kubeadm pre-pulls on every node, plus the control plane's on control-plane nodes. */
function preloadedImages(controlPlane: boolean): string[] {
  const all = ['registry.k8s.io/pause:3.10', 'registry.k8s.io/kube-proxy:v1.32.4', 'docker.io/flannel/flannel:v0.26.1', 'docker.io/flannel/flannel-cni-plugin:v1.5.1-flannel2'];
  if (!controlPlane) return all;
  return [
    ...all,
    'registry.k8s.io/etcd:3.5.16-0',
    'registry.k8s.io/kube-apiserver:v1.32.4',
    'registry.k8s.io/kube-controller-manager:v1.32.4',
    'registry.k8s.io/kube-scheduler:v1.32.4',
    'registry.k8s.io/coredns/coredns:v1.11.3',
  ];
}

export interface KubeletOptions {
  catalog?: ImageCatalog;
  network?: PodNetwork;
  random?: () => number;
}

export class KubeletController extends Controller {
  readonly name = 'kubelet';
  readonly catalog: ImageCatalog;
  readonly network: PodNetwork;
  private readonly nodes = new Map<string, NodeRuntime>();
  private readonly workers = new Map<string, PodWorker>();
  private readonly random?: () => number;

  constructor(
    ctx: ControllerContext,
    private readonly topology?: Topology,
    opts: KubeletOptions = {},
  ) {
    super(ctx);
    this.catalog = opts.catalog ?? new ImageCatalog();
    this.network = opts.network ?? new PodNetwork();
    this.random = opts.random;
  }

  override stop(): void {
    super.stop();
    for (const w of this.workers.values()) w.dispose();
    this.workers.clear();
  }

  /** The worker running a pod (logs, exec, metrics read through it). */
  worker(namespace: string, name: string): PodWorker | undefined {
    return this.workers.get(keyOf(namespace, name));
  }

  /**
   * The container runtime behind pods/exec and pods/attach (installPodExec). Refusals throw with
   * the message kubectl prints after `error: ` — the kubelet's words as the API server's
   * WebSocket translator relays them.
   */
  // Upstream: pkg/kubelet/server/server.go (getExec), kubelet_pods.go (GetExec: findContainer)
  containerExec(pod: KubeObject, container: string, req: ExecRequest, io: ExecIO, mode: 'exec' | 'attach'): ExecProcess {
    const name = pod.metadata.name;
    if (!pod.spec?.nodeName) throw new Error(`pod ${name} does not have a host assigned`);
    const worker = this.worker(pod.metadata.namespace ?? 'default', name);
    if (!worker || worker.uid !== pod.metadata.uid || worker.done) throw new Error('Internal error occurred: unable to upgrade connection: pod does not exist');
    const running = worker.running(container);
    if (!running) throw new Error(`Internal error occurred: unable to upgrade connection: container not found ("${container}")`);
    const clock = this.ctx.clock;
    const setTimer = (ms: number, fn: () => void) => clock.setTimer(ms, fn);
    // A terminal session waits for kubectl's first resize; other output for a moment at most.
    const hold = req.tty ? 500 : 30;
    if (mode === 'attach') {
      // A container with stdin open takes the client's input; others only stream their output.
      const stdio = running.stdio;
      return gateOutput(io, (gated) => (stdio ? stdio.attach(req, gated, running.stopped) : attachContainer(running, req, gated)), setTimer, hold);
    }
    const shellClock = { now: () => clock.now(), sleep: (ms: number, signal?: AbortSignal) => clock.sleep(ms, signal) };
    return gateOutput(io, (g) => startContainerExec(running, req, g, { clock: shellClock }), setTimer, hold);
  }

  /** Images present on a node. */
  nodeImages(node: string): string[] {
    return this.nodes.get(node)?.images.list() ?? [];
  }

  private node(name: string): NodeRuntime | undefined {
    let rt = this.nodes.get(name);
    if (rt) return rt;
    const obj = this.ctx.client.get('nodes', undefined, name);
    if (!obj) return undefined;
    rt = this.nodeRuntime(obj);
    this.nodes.set(name, rt);
    return rt;
  }

  private nodeRuntime(node: KubeObject): NodeRuntime {
    const name = node.metadata.name;
    const ip = (node.status?.addresses ?? []).find((a: any) => a.type === 'InternalIP')?.address ?? '';
    const cidr = node.spec?.podCIDR;
    const controlPlane = 'node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {}) || !!this.topology?.nodes.find((n) => n.name === name)?.controlPlane;
    return { name, ip, ips: cidr ? new IpAllocator(cidr) : undefined, images: new NodeImages(name, preloadedImages(controlPlane), this.random) };
  }

  protected initialKeys(): string[] {
    const keys: string[] = [];
    for (const n of this.ctx.client.list('nodes')) this.node(n.metadata.name);
    for (const p of this.ctx.client.list('pods')) {
      if (!p.spec?.nodeName) continue;
      // Addresses already handed out stay taken (engine restart).
      const rt = this.nodes.get(p.spec.nodeName);
      const ip = p.status?.podIP;
      if (rt?.ips && ip && !p.spec.hostNetwork && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed') rt.ips.reserve(ip);
      keys.push(keyOf(p.metadata.namespace, p.metadata.name));
    }
    return keys;
  }

  protected keysFor(e: StoreEvent): string[] {
    if (e.resource === 'nodes') {
      const name = e.object.metadata.name;
      if (e.type === 'DELETED') this.nodes.delete(name);
      else if (!this.nodes.has(name)) this.nodes.set(name, this.nodeRuntime(e.object));
      return [];
    }
    if (e.resource !== 'pods') return [];
    if (!e.object.spec?.nodeName && !e.previous?.spec?.nodeName) return [];
    return [keyOf(e.object.metadata.namespace, e.object.metadata.name)];
  }

  reconcile(key: string): ReconcileResult {
    const { namespace, name } = splitKey(key);
    const pod = this.ctx.client.get('pods', namespace, name);
    let worker = this.workers.get(key);
    if (worker && (!pod || pod.metadata.uid !== worker.uid)) {
      // Gone (force-deleted or removed) or replaced by a new pod of the same name.
      worker.dispose();
      this.workers.delete(key);
      worker = undefined;
    }
    if (!pod || !pod.spec?.nodeName) return;
    const rt = this.node(pod.spec.nodeName);
    if (!rt) return;
    if (!worker) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        // Finished before (e.g. before an engine restart): nothing runs; a deletion completes at once.
        if (pod.metadata.deletionTimestamp) this.ctx.client.delete('pods', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
        return;
      }
      worker = this.newWorker(pod, rt, key);
      this.workers.set(key, worker);
      worker.adopt(pod);
    }
    worker.update(pod);
    if (worker.done) return;
    const status = generatePodStatus(pod, worker.view(), this.ctx.clock.now());
    let current = pod;
    if (!deepEqual(status, pod.status)) {
      const next = structuredClone(pod);
      next.status = status;
      current = this.ctx.client.updateStatus('pods', next);
    }
    if (worker.terminated && pod.metadata.deletionTimestamp) {
      // All containers stopped: remove the pod for good.
      if (this.ctx.client.get('pods', namespace, name)?.metadata.uid === pod.metadata.uid) {
        try {
          this.ctx.client.delete('pods', namespace, name, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
        } catch {
          // already gone
        }
      }
      worker.dispose();
      this.workers.delete(key);
    }
    void current;
  }

  private newWorker(pod: KubeObject, rt: NodeRuntime, key: string): PodWorker {
    return new PodWorker(pod, {
      clock: this.ctx.clock,
      catalog: this.catalog,
      images: rt.images,
      network: this.network,
      nodeName: rt.name,
      hostIP: rt.ip,
      allocateIP: () => rt.ips?.allocate(),
      releaseIP: (ip) => rt.ips?.release(ip),
      lookup: (resource, ns, n) => (this.ctx.client.service.registry.byKey(resource) ? this.ctx.client.get(resource, ns, n) : undefined),
      event: (obj, type, reason, message, fieldPath) => this.ctx.events.emit(obj, type, reason, message, { component: 'kubelet', host: rt.name }, fieldPath),
      onChange: () => this.enqueue(key),
      random: this.random,
    });
  }
}
