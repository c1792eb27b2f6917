// Command history: what Up/Down and Ctrl-R walk through, what `history` prints, and what
// survives in ~/.bash_history between sessions (written after every command, so a crash keeps it).
import type { HistoryList } from './interpreter';
import type { VirtualFs } from './virtual-fs';

export class HistoryStore implements HistoryList {
  private list: string[] = [];
  private dropped = 0;

  constructor(
    private readonly fs: VirtualFs | undefined,
    private readonly file: string | undefined,
    private readonly limit = 1000,
  ) {
    if (fs && file && fs.isFile(file)) {
      this.list = fs.readFile(file).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
      this.trim();
    }
  }

  entries(): readonly string[] {
    return this.list;
  }

  get base(): number {
    return this.dropped + 1;
  }

  get length(): number {
    return this.list.length;
  }

  at(i: number): string | undefined {
    return this.list[i];
  }

  /** Adds a line as HISTCONTROL=ignoredups would (blank lines and repeats are skipped). */
  add(line: string): void {
    const entry = line.replace(/\n+$/, '');
    if (!entry.trim() || entry === this.list[this.list.length - 1]) return;
    this.list.push(entry);
    this.trim();
    this.save();
  }

  clear(): void {
    this.dropped = 0;
    this.list = [];
    this.save();
  }

  private trim(): void {
    if (this.list.length > this.limit) {
      this.dropped += this.list.length - this.limit;
      this.list = this.list.slice(-this.limit);
    }
  }

  private save(): void {
    if (!this.fs || !this.file) return;
    try {
      this.fs.writeFile(this.file, this.list.map((l) => l + '\n').join(''), { mode: 0o600 });
    } catch {
      // A missing home directory only costs persistence.
    }
  }
}
