// How often the host restarts a crashed child: exponential backoff, and at most `maxRestarts`
// within `windowMs`, after which the child is reported failed instead of crash-looping forever.
// Model: VS Code ptyHostService's bounded restarts; Kubernetes CrashLoopBackOff.

export interface RestartPolicyOptions {
  maxRestarts?: number;
  windowMs?: number;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export class RestartPolicy {
  private history: number[] = [];
  private readonly max: number;
  private readonly windowMs: number;
  private readonly initial: number;
  private readonly maxDelay: number;

  constructor(opts: RestartPolicyOptions = {}) {
    this.max = opts.maxRestarts ?? 5;
    this.windowMs = opts.windowMs ?? 60_000;
    this.initial = opts.initialDelayMs ?? 200;
    this.maxDelay = opts.maxDelayMs ?? 5_000;
  }

  /** The delay before the next restart, or undefined when the budget is spent. */
  next(now: number): number | undefined {
    this.history = this.history.filter((t) => now - t < this.windowMs);
    if (this.history.length >= this.max) return undefined;
    const delay = Math.min(this.maxDelay, this.initial * 2 ** this.history.length);
    this.history.push(now);
    return delay;
  }

  /** A manual restart starts a fresh budget. */
  reset(): void {
    this.history = [];
  }
}
