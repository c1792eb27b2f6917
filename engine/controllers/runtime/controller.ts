// The controller-manager pattern: event handlers only enqueue keys; a worker calls
// reconcile(key), which reads the cache, computes the desired state and writes the difference.
// Upstream model: kubernetes/sample-controller controller.go; controller-runtime pkg/reconcile.
import type { Clock } from '../../clock';
import type { StoreEvent } from '../../store/object-store';
import type { ClusterClient } from './cluster-client';
import type { EventRecorder } from './event-recorder';
import { WorkQueue } from './work-queue';

export interface ControllerContext {
  client: ClusterClient;
  clock: Clock;
  events: EventRecorder;
}

/** What reconcile may ask for: nothing (done), or to run again after a delay of cluster time. */
export type ReconcileResult = void | { requeueAfterMs: number };

export abstract class Controller {
  abstract readonly name: string;
  protected readonly queue: WorkQueue;
  private running = false;
  private readonly disposers: (() => void)[] = [];

  constructor(protected readonly ctx: ControllerContext) {
    this.queue = new WorkQueue(ctx.clock);
  }

  /** Maps a store event to the keys to reconcile (owner keys for dependents). */
  protected abstract keysFor(e: StoreEvent): string[];

  /** Keys to reconcile at start-up (level-based: everything that exists). */
  protected abstract initialKeys(): string[];

  abstract reconcile(key: string): Promise<ReconcileResult> | ReconcileResult;

  start(): () => void {
    this.running = true;
    this.disposers.push(
      this.ctx.client.subscribe((e) => {
        for (const k of this.keysFor(e)) this.queue.add(k);
      }),
    );
    for (const k of this.initialKeys()) this.queue.add(k);
    void this.work();
    return () => this.stop();
  }

  enqueue(key: string): void {
    this.queue.add(key);
  }

  get idle(): boolean {
    return this.queue.idle;
  }

  stop(): void {
    this.running = false;
    for (const d of this.disposers.splice(0)) d();
    this.queue.shutdown();
  }

  private async work(): Promise<void> {
    while (this.running) {
      const key = await this.queue.get();
      if (key === undefined) return;
      try {
        const result = await this.reconcile(key);
        this.queue.forget(key);
        if (result && result.requeueAfterMs >= 0) this.queue.addAfter(key, result.requeueAfterMs);
      } catch (err) {
        if (this.running) {
          const conflict = (err as { status?: { reason?: string } })?.status?.reason === 'Conflict';
          if (!conflict) console.error(`${this.name}: reconcile ${key} failed:`, (err as Error)?.message ?? err);
          this.queue.addRateLimited(key);
        }
      } finally {
        this.queue.done(key);
      }
      // Yield so API requests interleave with reconciles.
      await new Promise<void>((r) => setImmediate(r));
    }
  }
}

/** `namespace/name` keys, as client-go's MetaNamespaceKeyFunc. */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function splitKey(key: string): { namespace?: string; name: string } {
  const i = key.indexOf('/');
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) };
}
