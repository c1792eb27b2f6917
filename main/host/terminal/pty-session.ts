// One process in a pseudo-terminal: spawn, write, resize, pause/resume, kill. Only this file
// touches node-pty, so the rest of the pipeline is tested with plain strings.
import { createRequire } from 'node:module';
import type { IPty } from 'node-pty';

// Loaded on first use: the native module costs startup time, and `kubelab engine` (same bundle)
// never needs it.
let nodePty: typeof import('node-pty') | undefined;
function spawnPty(...args: Parameters<typeof import('node-pty').spawn>): IPty {
  nodePty ??= createRequire(import.meta.url)('node-pty') as typeof import('node-pty');
  return nodePty.spawn(...args);
}

export interface PtyCommand {
  file: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
}

export interface Disposable {
  dispose(): void;
}

const MIN_COLS = 2;
const MIN_ROWS = 1;
const MAX_DIM = 1000;

export function clampSize(cols: number, rows: number): { cols: number; rows: number } {
  const c = (v: number, min: number, fallback: number) => (Number.isFinite(v) ? Math.min(MAX_DIM, Math.max(min, Math.floor(v))) : fallback);
  return { cols: c(cols, MIN_COLS, 80), rows: c(rows, MIN_ROWS, 24) };
}

export class PtySession {
  private readonly pty: IPty;
  private exited = false;
  private readonly exitPromise: Promise<number>;

  constructor(cmd: PtyCommand, cols: number, rows: number) {
    const size = clampSize(cols, rows);
    this.pty = spawnPty(cmd.file, cmd.args, {
      name: 'xterm-256color',
      cols: size.cols,
      rows: size.rows,
      cwd: cmd.cwd,
      env: cmd.env,
      encoding: 'utf8',
    });
    this.exitPromise = new Promise((resolve) => {
      this.pty.onExit(({ exitCode, signal }) => {
        this.exited = true;
        resolve(signal ? 128 + signal : exitCode);
      });
    });
  }

  get pid(): number {
    return this.pty.pid;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  onData(listener: (data: string) => void): Disposable {
    return this.pty.onData(listener);
  }

  /** Resolves with the exit code (128 + signal when killed). */
  onExit(listener: (code: number) => void): Disposable {
    let active = true;
    void this.exitPromise.then((code) => active && listener(code));
    return { dispose: () => (active = false) };
  }

  write(data: string): void {
    if (!this.exited) this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    if (this.exited) return;
    const size = clampSize(cols, rows);
    try {
      this.pty.resize(size.cols, size.rows);
    } catch {
      // The process may exit between the check and the ioctl; nothing to resize then.
    }
  }

  pause(): void {
    if (!this.exited) this.pty.pause();
  }

  resume(): void {
    if (!this.exited) this.pty.resume();
  }

  /** SIGHUP like a closed terminal, then SIGKILL if the process ignores it. */
  async kill(graceMs = 1000): Promise<number> {
    if (!this.exited) {
      try {
        this.pty.kill(process.platform === 'win32' ? undefined : 'SIGHUP');
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (!this.exited) this.pty.kill(process.platform === 'win32' ? undefined : 'SIGKILL');
        } catch {
          // already gone
        }
      }, graceMs);
      await this.exitPromise;
      clearTimeout(timer);
    }
    return this.exitPromise;
  }
}
