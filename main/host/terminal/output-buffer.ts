// Coalesces pty output for a few milliseconds so a burst becomes one WebSocket frame instead of
// hundreds, but flushes at once when the output answers a keystroke, so typing echoes without delay.
// Model: VS Code platform/terminal/common/terminalDataBuffering.ts.

export interface OutputBufferOptions {
  /** How long output may wait to be joined with more. */
  delayMs?: number;
  /** Flush early once this many characters are waiting. */
  maxChars?: number;
  /** How long after input the next output is considered its echo. */
  echoWindowMs?: number;
  now?: () => number;
}

export class OutputBuffer {
  private chunks: string[] = [];
  private size = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastInputAt = -Infinity;
  private readonly delayMs: number;
  private readonly maxChars: number;
  private readonly echoWindowMs: number;
  private readonly now: () => number;

  constructor(
    private readonly flushTo: (data: string) => void,
    opts: OutputBufferOptions = {},
  ) {
    this.delayMs = opts.delayMs ?? 5;
    this.maxChars = opts.maxChars ?? 64 * 1024;
    this.echoWindowMs = opts.echoWindowMs ?? 50;
    this.now = opts.now ?? Date.now;
  }

  /** The user typed: the next output is probably the echo and should go out immediately. */
  noteInput(): void {
    this.lastInputAt = this.now();
  }

  push(data: string): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.size += data.length;
    if (this.size >= this.maxChars || this.now() - this.lastInputAt <= this.echoWindowMs) {
      // Only the first output after a keystroke is the echo; what follows can batch again.
      this.lastInputAt = -Infinity;
      this.flush();
      return;
    }
    this.timer ??= setTimeout(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.size === 0) return;
    const data = this.chunks.length === 1 ? this.chunks[0] : this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    this.flushTo(data);
  }

  dispose(): void {
    this.flush();
  }
}
