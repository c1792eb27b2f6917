// A pod worker on a ManualClock with recorded events, for state-machine tests: no store, no API.
import { ManualClock } from '../../clock';
import type { KubeObject } from '../../api/object';
import { podRow } from '../../registry/pod';
import { ImageCatalog } from '../images/catalog';
import { IpAllocator } from '../ip-allocator';
import { NodeImages } from '../node-images';
import { PodNetwork } from '../pod-network';
import { generatePodStatus } from '../pod-status';
import { PodWorker } from '../pod-worker';

export interface RecordedEvent {
  at: number;
  type: string;
  reason: string;
  message: string;
  fieldPath?: string;
}

export class PodHarness {
  readonly clock = new ManualClock(Date.UTC(2026, 0, 1, 10, 0, 0));
  readonly events: RecordedEvent[] = [];
  readonly network = new PodNetwork();
  readonly images: NodeImages;
  readonly ips = new IpAllocator('10.244.1.0/24');
  readonly objects = new Map<string, KubeObject>();
  worker!: PodWorker;
  pod!: KubeObject;
  private readonly start: number;

  constructor(preloaded: string[] = []) {
    this.images = new NodeImages('node1', preloaded, () => 0.5);
    this.start = this.clock.now();
  }

  run(spec: Record<string, unknown>, name = 'p'): this {
    this.pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace: 'default', uid: `uid-${name}`, creationTimestamp: new Date(this.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z') },
      spec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30, nodeName: 'node1', ...spec },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2026-01-01T10:00:00Z' }] },
    };
    this.worker = new PodWorker(this.pod, {
      clock: this.clock,
      catalog: new ImageCatalog(),
      images: this.images,
      network: this.network,
      nodeName: 'node1',
      hostIP: '192.168.109.101',
      allocateIP: () => this.ips.allocate(),
      releaseIP: (ip) => this.ips.release(ip),
      lookup: (resource, ns, n) => this.objects.get(`${resource}/${ns}/${n}`),
      event: (_pod, type, reason, message, fieldPath) => this.events.push({ at: this.clock.now() - this.start, type, reason, message, fieldPath }),
      onChange: () => undefined,
      random: () => 0.5,
    });
    this.worker.update(this.pod);
    this.sync();
    return this;
  }

  /** Writes the status the kubelet would write (as the controller does). */
  sync(): KubeObject {
    this.pod = { ...this.pod, status: generatePodStatus(this.pod, this.worker.view(), this.clock.now()) };
    return this.pod;
  }

  /** Steps the clock in small increments, letting process promises settle in between. */
  async step(ms: number, slice = 50): Promise<KubeObject> {
    for (let t = 0; t < ms; t += slice) {
      this.clock.advance(Math.min(slice, ms - t));
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    }
    return this.sync();
  }

  /** Steps until the STATUS column shows `status` (or throws after maxMs). */
  async until(status: string, maxMs = 120_000): Promise<number> {
    for (let t = 0; t <= maxMs; t += 100) {
      if (this.column() === status) return t;
      await this.step(100);
    }
    throw new Error(`pod never showed ${status}; last ${this.column()} ${JSON.stringify(this.pod.status, null, 1)}`);
  }

  /** The STATUS column of `kubectl get pods`. */
  column(): string {
    return String(podRow(this.pod, this.clock.now())[2]);
  }

  ready(): string {
    return String(podRow(this.pod, this.clock.now())[1]);
  }

  delete(graceSeconds?: number): void {
    const grace = graceSeconds ?? (this.pod.spec.terminationGracePeriodSeconds as number);
    this.pod = { ...this.pod, metadata: { ...this.pod.metadata, deletionTimestamp: new Date(this.clock.now() + grace * 1000).toISOString(), deletionGracePeriodSeconds: grace } };
    this.worker.update(this.pod);
    this.sync();
  }

  reasons(): string[] {
    return this.events.map((e) => e.reason);
  }

  messages(reason: string): string[] {
    return this.events.filter((e) => e.reason === reason).map((e) => e.message);
  }
}
