import { abortError, type ShellClock } from '../shell-clock';

/**
 * A clock for tests. Time moves only when a test calls `advance`, or, in `autoAdvance` mode,
 * when someone sleeps (the sleep then resolves on the next turn with time moved forward).
 */
export class FakeShellClock implements ShellClock {
  private time: number;
  private readonly timers: { at: number; resolve: () => void; reject: (e: Error) => void; signal?: AbortSignal; onAbort?: () => void }[] = [];

  constructor(start = Date.UTC(2026, 10, 22, 1, 52, 38), readonly autoAdvance = false) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** Number of sleeps still waiting for time to pass. */
  get pendingSleeps(): number {
    return this.timers.length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (this.autoAdvance) {
      this.time += Math.max(0, ms);
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise<void>((resolve, reject) => {
      const timer = { at: this.time + Math.max(0, ms), resolve, reject, signal, onAbort: undefined as (() => void) | undefined };
      timer.onAbort = () => {
        this.remove(timer);
        reject(abortError());
      };
      signal?.addEventListener('abort', timer.onAbort, { once: true });
      this.timers.push(timer);
    });
  }

  /** Moves time forward, resolving every sleep that falls due, in order. */
  async advance(ms: number): Promise<void> {
    const target = this.time + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at);
      const next = this.timers[0];
      if (!next || next.at > target) break;
      this.time = Math.max(this.time, next.at);
      this.remove(next);
      next.resolve();
      // Let the woken code run (and possibly sleep again) before the next timer fires.
      await new Promise((r) => setImmediate(r));
    }
    this.time = target;
  }

  private remove(timer: (typeof this.timers)[number]): void {
    const i = this.timers.indexOf(timer);
    if (i >= 0) this.timers.splice(i, 1);
    if (timer.onAbort) timer.signal?.removeEventListener('abort', timer.onAbort);
  }
}
