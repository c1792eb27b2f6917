// The output a session keeps so that a renderer reload (or a second window) can repaint the
// terminal: a bounded FIFO of chunks. Trimming drops whole chunks from the front, then cuts the
// first one at a line start when it can, so a replay rarely starts inside an escape sequence.

export const DEFAULT_SCROLLBACK_CHARS = 512 * 1024;

export class Scrollback {
  private chunks: string[] = [];
  private size = 0;

  constructor(private readonly maxChars = DEFAULT_SCROLLBACK_CHARS) {}

  get length(): number {
    return this.size;
  }

  append(data: string): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.size += data.length;
    if (this.size > this.maxChars) this.trim();
  }

  /** Everything kept, oldest first. */
  text(): string {
    if (this.chunks.length > 1) this.chunks = [this.chunks.join('')];
    return this.chunks[0] ?? '';
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
  }

  private trim(): void {
    while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.maxChars) {
      this.size -= this.chunks.shift()!.length;
    }
    if (this.size <= this.maxChars) return;
    const first = this.chunks[0];
    let cut = this.size - this.maxChars;
    const nl = first.indexOf('\n', cut);
    if (nl >= 0) cut = nl + 1;
    if (cut >= first.length) this.chunks.shift();
    else this.chunks[0] = first.slice(cut);
    this.size -= Math.min(cut, first.length);
  }
}
