// Starts the host (main/host, bundled as dist/host.js) as a child of the Electron main process,
// running on Electron's own Node (ELECTRON_RUN_AS_NODE), and reads the URL it serves. The host
// stops when our end of its stdin closes, so it never outlives the app.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HostEndpoint {
  url: string;
  origin: string;
}

export interface HostProcessOptions {
  entry: string;
  dataDir: string;
  binDir: string;
  port?: number;
  version: string;
  onExit(code: number | null): void;
}

export class HostProcess {
  private child: ChildProcess | undefined;

  start(opts: HostProcessOptions): Promise<HostEndpoint> {
    const args = [opts.entry, '--data', opts.dataDir, '--bin-dir', opts.binDir, '--version', opts.version, ...(opts.port ? ['--port', String(opts.port)] : [])];
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      stdio: ['pipe', 'pipe', 'inherit'],
      windowsHide: true,
    });
    this.child = child;
    child.on('exit', (code) => {
      if (this.child === child) this.child = undefined;
      opts.onExit(code);
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the Kubelab host did not start')), 30_000);
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`the Kubelab host exited with code ${code}`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        try {
          const m = JSON.parse(line) as { type?: string; url?: string; origin?: string };
          if (m.type === 'ready' && m.url && m.origin) {
            clearTimeout(timer);
            resolve({ url: m.url, origin: m.origin });
          }
        } catch {
          // not our line
        }
      });
    });
  }

  /** Closes the host's stdin (its signal to stop), then makes sure. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = undefined;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 8_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.stdin?.end();
    });
  }
}
