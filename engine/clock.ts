// The one clock of the engine. Every controller, kubelet worker and probe reads time and sets
// timers through it, so tests can step time and labs can fast-forward (e.g. a 300 s HPA window).
// This is the only file under engine/ allowed to touch Date.now / setTimeout.

export interface Clock {
  /** Milliseconds since the Unix epoch, as the cluster sees it. */
  now(): number;
  /** Runs fn after ms of cluster time; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void;
  /** Resolves after ms of cluster time, or rejects with an AbortError when signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

interface PendingTimer {
  due: number;
  fn: () => void;
  cancelled: boolean;
  handle?: ReturnType<typeof setTimeout>;
}

function abortError(): Error {
  const e = new Error('The operation was aborted');
  e.name = 'AbortError';
  return e;
}

function sleepOn(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      cancel();
      reject(abortError());
    };
    const cancel = clock.setTimer(ms, () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Wall-clock time plus an offset that `advance` moves forward (lab fast-forward). */
export class SystemClock implements Clock {
  private offset = 0;
  private readonly timers = new Set<PendingTimer>();

  now(): number {
    return Date.now() + this.offset;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const t: PendingTimer = { due: this.now() + Math.max(0, ms), fn, cancelled: false };
    this.arm(t);
    this.timers.add(t);
    return () => {
      t.cancelled = true;
      if (t.handle) clearTimeout(t.handle);
      this.timers.delete(t);
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  /** Moves cluster time forward; timers that fall due fire now, in order. */
  advance(ms: number): void {
    this.offset += ms;
    for (const t of [...this.timers].sort((a, b) => a.due - b.due)) {
      if (t.handle) clearTimeout(t.handle);
      this.arm(t);
    }
  }

  private arm(t: PendingTimer): void {
    const delay = Math.max(0, t.due - this.now());
    t.handle = setTimeout(() => {
      this.timers.delete(t);
      if (!t.cancelled) t.fn();
    }, delay);
    t.handle.unref?.();
  }
}

/** A clock that only moves when told: for unit tests. */
export class ManualClock implements Clock {
  private current: number;
  private readonly timers: PendingTimer[] = [];

  constructor(start = Date.UTC(2026, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimer(ms: number, fn: () => void): () => void {
    const t: PendingTimer = { due: this.current + Math.max(0, ms), fn, cancelled: false };
    this.timers.push(t);
    return () => {
      t.cancelled = true;
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return sleepOn(this, ms, signal);
  }

  /** Steps time, firing due timers in time order (timers set while firing run too if due). */
  advance(ms: number): void {
    const target = this.current + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => !t.cancelled && t.due <= target)
        .sort((a, b) => a.due - b.due)[0];
      if (!due) break;
      this.timers.splice(this.timers.indexOf(due), 1);
      this.current = Math.max(this.current, due.due);
      due.fn();
    }
    this.current = target;
  }
}

/** RFC 3339 second-precision timestamp as Kubernetes writes it (`2026-01-01T00:00:00Z`). */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** RFC 3339 with microseconds (MicroTime, used by events and leases). */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
