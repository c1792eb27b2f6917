// Backpressure between a pty and a renderer: count characters sent but not yet acknowledged as
// rendered; pause the pty above the high watermark and resume it once the renderer catches up.
// Without it a `yes` or a big `kubectl get -o yaml` floods the socket and the page freezes.
// Model: VS Code platform/terminal/common/terminal.ts FlowControlConstants.

export interface FlowControlOptions {
  highWatermark?: number;
  lowWatermark?: number;
  pause(): void;
  resume(): void;
}

export const HIGH_WATERMARK_CHARS = 100_000;
export const LOW_WATERMARK_CHARS = 5_000;

export class FlowControl {
  private unacked = 0;
  private paused = false;
  private readonly high: number;
  private readonly low: number;

  constructor(private readonly opts: FlowControlOptions) {
    this.high = opts.highWatermark ?? HIGH_WATERMARK_CHARS;
    this.low = opts.lowWatermark ?? LOW_WATERMARK_CHARS;
  }

  get unackedChars(): number {
    return this.unacked;
  }

  get isPaused(): boolean {
    return this.paused;
  }

  /** Characters handed to the renderer. */
  sent(chars: number): void {
    this.unacked += chars;
    if (!this.paused && this.unacked > this.high) {
      this.paused = true;
      this.opts.pause();
    }
  }

  /** Characters the renderer says it has rendered. */
  acked(chars: number): void {
    if (!Number.isFinite(chars) || chars <= 0) return;
    this.unacked = Math.max(0, this.unacked - chars);
    this.maybeResume();
  }

  /** No renderer attached (or a new one attached): nothing is in flight any more. */
  reset(): void {
    this.unacked = 0;
    this.maybeResume();
  }

  private maybeResume(): void {
    if (this.paused && this.unacked < this.low) {
      this.paused = false;
      this.opts.resume();
    }
  }
}
