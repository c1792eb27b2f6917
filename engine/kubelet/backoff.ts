// Per-key exponential back-off on the cluster clock: 10s, 20s, 40s ... capped at 5 minutes, reset
// when a key has been quiet for twice the cap. Used for image pulls and crashing containers.
// Upstream: client-go util/flowcontrol/backoff.go (Backoff.Next, IsInBackOffSince, IsInBackOffSinceUpdate)
export class Backoff {
  private readonly entries = new Map<string, { durationMs: number; lastUpdate: number }>();

  constructor(
    private readonly initialMs = 10_000,
    private readonly maxMs = 300_000,
  ) {}

  /** Records a failure at `now` and returns the new back-off duration. */
  next(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) {
      this.entries.set(key, { durationMs: this.initialMs, lastUpdate: now });
      return this.initialMs;
    }
    e.durationMs = Math.min(e.durationMs * 2, this.maxMs);
    e.lastUpdate = now;
    return e.durationMs;
  }

  get(key: string): number {
    return this.entries.get(key)?.durationMs ?? 0;
  }

  /** True while `now` is within the back-off that started at `eventTime`. */
  isInBackOffSince(key: string, eventTime: number, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) return false;
    return now - eventTime < e.durationMs;
  }

  /** True while `now` is within the back-off since the last recorded failure. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.maxMs) return false;
    return now - e.lastUpdate < e.durationMs;
  }

  /** When the current back-off of `key` (started at `since`) ends. */
  until(key: string, since: number): number {
    return since + (this.entries.get(key)?.durationMs ?? 0);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  resetPrefix(prefix: string): void {
    for (const k of this.entries.keys()) if (k.startsWith(prefix)) this.entries.delete(k);
  }
}
