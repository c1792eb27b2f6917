// Test support: `kubelab shell` in a real pty (node-pty), its output rendered by a headless xterm,
// so tests assert what a student would see on the screen. Used by the terminal tests and bench.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';

const KUBELAB = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bin', 'kubelab');

export class PtyTerminal {
  readonly term: xterm.Terminal;
  private readonly proc: pty.IPty;
  private exitCode: number | undefined;
  /** Everything the pty wrote, raw (for timing: echo arrives before the terminal parses it). */
  raw = '';
  private readonly rawListeners = new Set<() => void>();

  private constructor(kubeconfig: string, cols: number, rows: number, node?: string) {
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 5000 });
    const args = [KUBELAB, 'shell', '--kubeconfig', kubeconfig, ...(node ? ['--node', node] : [])];
    this.proc = pty.spawn(process.execPath, args, { cols, rows, name: 'xterm-256color', env: { ...process.env, TERM: 'xterm-256color' } as Record<string, string> });
    this.proc.onData((d) => {
      this.raw += d;
      this.term.write(d);
      for (const l of this.rawListeners) l();
    });
    this.proc.onExit(({ exitCode }) => (this.exitCode = exitCode));
  }

  static async start(kubeconfig: string, opts: { cols?: number; rows?: number; node?: string } = {}): Promise<PtyTerminal> {
    const t = new PtyTerminal(kubeconfig, opts.cols ?? 100, opts.rows ?? 30, opts.node);
    await t.waitFor(/\[root@\w+ ~\]# $/m, 20_000);
    return t;
  }

  write(data: string): void {
    this.proc.write(data);
  }

  resize(cols: number, rows: number): void {
    this.proc.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  /** The visible screen, one string per row, trailing blanks trimmed. */
  screen(): string {
    const b = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < this.term.rows; i++) rows.push(b.getLine(b.viewportY + i)?.translateToString(true) ?? '');
    return rows.join('\n').replace(/\n+$/, '');
  }

  /** Scrollback and screen as logical lines (rows the terminal wrapped are joined again). */
  text(): string {
    const b = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < b.length; i++) {
      const line = b.getLine(i);
      const t = line?.translateToString(true) ?? '';
      if (line?.isWrapped && rows.length) rows[rows.length - 1] += t;
      else rows.push(t);
    }
    return rows.join('\n').replace(/\n+$/, '');
  }

  /** The row the cursor is on. */
  cursorLine(): string {
    const b = this.term.buffer.active;
    return b.getLine(b.baseY + b.cursorY)?.translateToString(true) ?? '';
  }

  /** Lets xterm finish parsing what arrived. */
  flush(): Promise<void> {
    return new Promise((resolve) => this.term.write('', resolve));
  }

  /** Waits until the screen (or, with `all`, scrollback too) matches. */
  async waitFor(what: RegExp | string, timeoutMs = 10_000, where: 'screen' | 'all' = 'all'): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flush();
      const text = where === 'screen' ? this.screen() : this.text();
      if (typeof what === 'string' ? text.includes(what) : what.test(text)) return text;
      if (this.exitCode !== undefined) throw new Error(`shell exited (${this.exitCode}) while waiting for ${what}\n${text}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; the screen shows:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Resolves when the raw output (from `from` on) satisfies `test`. */
  waitRaw(test: (raw: string) => boolean, from = 0, timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (test(this.raw.slice(from))) {
          this.rawListeners.delete(check);
          clearTimeout(timer);
          resolve();
        }
      };
      const timer = setTimeout(() => {
        this.rawListeners.delete(check);
        reject(new Error('timed out waiting for output'));
      }, timeoutMs);
      this.rawListeners.add(check);
      check();
    });
  }

  /** Counts prompts on screen and scrollback: a command finished when there is one more. */
  promptCount(): number {
    return (this.text().match(/\[root@\w+ [^\]]*\]# /g) ?? []).length;
  }

  /** Types a command line and waits for the next prompt; returns the text printed in between. */
  async run(line: string, timeoutMs = 15_000): Promise<string> {
    await this.flush();
    const before = this.text();
    const prompts = this.promptCount();
    this.write(line + '\r');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.flush();
      if (this.promptCount() > prompts && /\]# $/.test(this.cursorLine())) break;
      if (Date.now() > deadline) throw new Error(`timed out running ${line.slice(0, 80)}; the screen shows:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 15));
    }
    const after = this.text();
    const out = after.slice(before.length).split('\n');
    // Drop the echoed command line and the new prompt.
    return out.slice(1, -1).join('\n');
  }

  async dispose(): Promise<void> {
    if (this.exitCode === undefined) {
      const exited = new Promise<void>((r) => this.proc.onExit(() => r()));
      this.proc.kill();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 2000))]);
    }
    this.term.dispose();
  }
}
