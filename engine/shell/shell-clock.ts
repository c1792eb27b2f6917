// The shell's view of time. The engine passes its own clock (engine/clock.ts) adapted to this
// shape; tests pass a fake one. Nothing under engine/ reads the wall clock directly.
export interface ShellClock {
  /** Milliseconds since the Unix epoch, as the simulated cluster sees it. */
  now(): number;
  /** Resolves after `ms` of clock time; rejects with an AbortError when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The error a clock's sleep rejects with when its signal aborts. */
export function abortError(): Error {
  const err = new Error('The operation was aborted');
  err.name = 'AbortError';
  return err;
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/**
 * Gives the event loop a turn (I/O, timers, other sessions) without reading the clock.
 * Loops in the interpreter call this every few hundred steps so a `while true` stays interruptible.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
