// A deduplicating work queue with per-key exponential backoff, as client-go's rate-limited
// queue: a key is processed by one worker at a time; adding a key already queued is a no-op;
// a key added while being processed is processed again afterwards.
import type { Clock } from '../../clock';

export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly order: string[] = [];
  private readonly processing = new Set<string>();
  private readonly dirtyWhileProcessing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, () => void>();
  private waiter: (() => void) | undefined;
  private shutDown = false;

  constructor(
    private readonly clock: Clock,
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 60_000,
  ) {}

  add(key: string): void {
    if (this.shutDown) return;
    if (this.processing.has(key)) {
      this.dirtyWhileProcessing.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.order.push(key);
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }

  /** Adds the key after a delay of cluster time (replacing an earlier pending delay). */
  addAfter(key: string, ms: number): void {
    if (this.shutDown) return;
    this.delayed.get(key)?.();
    const cancel = this.clock.setTimer(ms, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, cancel);
  }

  /** Requeues with exponential backoff (after an error). */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** n));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Waits for the next key; undefined after shutdown. */
  async get(): Promise<string | undefined> {
    while (!this.shutDown && this.order.length === 0) {
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
    if (this.shutDown) return undefined;
    const key = this.order.shift()!;
    this.queued.delete(key);
    this.processing.add(key);
    return key;
  }

  done(key: string): void {
    this.processing.delete(key);
    if (this.dirtyWhileProcessing.delete(key)) this.add(key);
  }

  get length(): number {
    return this.order.length;
  }

  /** True when nothing is queued or in flight (delayed keys do not count). */
  get idle(): boolean {
    return this.order.length === 0 && this.processing.size === 0;
  }

  shutdown(): void {
    this.shutDown = true;
    for (const cancel of this.delayed.values()) cancel();
    this.delayed.clear();
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
