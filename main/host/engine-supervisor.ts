// Runs the engine as a child process on the app-data folder and keeps it running: it reads the
// engine's ready line, health-checks it, restarts it with backoff when it dies or stops answering
// (same data folder, so the cluster comes back as it was), and reports every state change.
// Model: VS Code platform/terminal/node/ptyHostService.ts (bounded restarts, "unresponsive").
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { EngineState, EngineStatus } from './protocol';
import { KubeClient, readKubeconfig } from './cluster/kube-client';
import { RestartPolicy } from './restart-policy';
import type { Disposable } from './terminal/pty-session';

export interface EngineSupervisorOptions {
  /** argv prefix of `kubelab engine`; `--data DIR` (and `--port N`) are appended. */
  command: string[];
  dataDir: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  policy?: RestartPolicy;
  startTimeoutMs?: number;
  healthIntervalMs?: number;
  healthTimeoutMs?: number;
  /**
   * Consecutive failed health checks before the engine is replaced. Generous by default: an engine
   * busy with a big lab must not be killed; only a hung one (about 20 s without an answer).
   */
  healthFailures?: number;
  log?: (line: string) => void;
}

const READY = /^kubelab engine ready: kubeconfig=(\S+) server=(\S+)/;
const STDERR_LINES = 20;

export class EngineSupervisor {
  private child: ChildProcess | undefined;
  private current: EngineStatus = { state: 'stopped', restarts: 0, generation: 0, since: Date.now() };
  private readonly listeners = new Set<(s: EngineStatus) => void>();
  private readonly policy: RestartPolicy;
  private stderrTail: string[] = [];
  private timers = new Set<NodeJS.Timeout>();
  private healthTimer: NodeJS.Timeout | undefined;
  private client: KubeClient | undefined;
  private kubeconfig: string;
  private stopping = false;
  private readonly killOnExit = () => this.child?.kill('SIGKILL');

  constructor(private readonly opts: EngineSupervisorOptions) {
    this.policy = opts.policy ?? new RestartPolicy();
    this.kubeconfig = join(opts.dataDir, 'kubeconfig');
  }

  get status(): EngineStatus {
    return this.current;
  }

  /** Where the engine writes its kubeconfig (known before it is ready). */
  get kubeconfigPath(): string {
    return this.kubeconfig;
  }

  /** A client for the running engine's API, or undefined when it is not ready. */
  get kube(): KubeClient | undefined {
    return this.current.state === 'ready' ? this.client : undefined;
  }

  onStatus(listener: (s: EngineStatus) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  start(): void {
    this.stopping = false;
    mkdirSync(this.opts.dataDir, { recursive: true });
    process.on('exit', this.killOnExit);
    this.spawnEngine('starting');
  }

  /** The UI's "restart the cluster": a fresh restart budget and a new process. */
  async restartNow(): Promise<void> {
    this.policy.reset();
    this.clearTimers();
    if (this.child) {
      await this.killChild('SIGTERM');
    } else {
      this.spawnEngine('restarting');
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.clearTimers();
    process.off('exit', this.killOnExit);
    await this.killChild('SIGTERM');
    this.client?.close();
    this.client = undefined;
    this.setStatus({ state: 'stopped', pid: undefined });
  }

  private spawnEngine(state: EngineState): void {
    if (this.stopping) return;
    this.stopStaleEngine();
    const [file, ...args] = this.opts.command;
    const argv = [...args, '--data', this.opts.dataDir, ...(this.opts.port ? ['--port', String(this.opts.port)] : [])];
    const child = spawn(file, argv, { env: this.opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    this.child = child;
    this.stderrTail = [];
    this.setStatus({ state, pid: child.pid, server: undefined, message: undefined });
    if (child.pid) this.writePidFile(child.pid);

    const startTimer = this.later(this.opts.startTimeoutMs ?? 30_000, () => {
      this.setStatus({ state: 'unresponsive', message: 'the engine did not start in time' });
      child.kill('SIGKILL');
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = READY.exec(line);
      if (!m || this.child !== child) return;
      this.clearTimer(startTimer);
      this.kubeconfig = m[1];
      this.client?.close();
      try {
        this.client = new KubeClient(readKubeconfig(this.kubeconfig));
      } catch (e) {
        this.opts.log?.(`engine kubeconfig unreadable: ${String(e)}`);
      }
      this.setStatus({ state: 'ready', server: m[2], generation: this.current.generation + 1, message: undefined });
      this.startHealthChecks(child);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      this.stderrTail.push(line);
      if (this.stderrTail.length > STDERR_LINES) this.stderrTail.shift();
      this.opts.log?.(`engine: ${line}`);
    });
    child.on('error', (e) => this.stderrTail.push(String(e)));
    child.on('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      this.clearTimer(startTimer);
      this.stopHealthChecks();
      if (this.stopping) return;
      const why = signal ? `killed by ${signal}` : `exited with code ${code}`;
      const message = [`engine ${why}`, ...this.stderrTail.slice(-5)].join('\n');
      const delay = this.policy.next(Date.now());
      if (delay === undefined) {
        this.setStatus({ state: 'failed', pid: undefined, message });
        return;
      }
      this.setStatus({ state: 'restarting', pid: undefined, restarts: this.current.restarts + 1, message });
      this.later(delay, () => this.spawnEngine('restarting'));
    });
  }

  private startHealthChecks(child: ChildProcess): void {
    this.stopHealthChecks();
    let failures = 0;
    const every = this.opts.healthIntervalMs ?? 2_000;
    const check = async () => {
      if (this.child !== child || !this.client) return;
      let ok = false;
      try {
        ok = (await this.client.ping('/readyz', this.opts.healthTimeoutMs ?? 5_000)) === 200;
      } catch {
        ok = false;
      }
      if (this.child !== child) return;
      if (ok) {
        failures = 0;
        if (this.current.state === 'unresponsive') this.setStatus({ state: 'ready', message: undefined });
      } else if (++failures >= (this.opts.healthFailures ?? 3)) {
        this.setStatus({ state: 'unresponsive', message: `no answer to ${failures} health checks` });
        child.kill('SIGKILL');
        return;
      } else if (failures === 1) {
        // Say so at once; the UI shows it while the supervisor decides.
        this.setStatus({ state: 'unresponsive', message: 'the engine is not answering' });
      }
      if (this.child === child) this.healthTimer = setTimeout(check, every);
    };
    this.healthTimer = setTimeout(check, every);
  }

  private stopHealthChecks(): void {
    if (this.healthTimer) clearTimeout(this.healthTimer);
    this.healthTimer = undefined;
  }

  private killChild(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill(signal);
    });
  }

  /** An engine left running by a host that was killed would hold the database: stop it first. */
  private stopStaleEngine(): void {
    const file = join(this.opts.dataDir, 'engine.pid');
    if (!existsSync(file)) return;
    const pid = Number(readFileSync(file, 'utf8'));
    rmSync(file, { force: true });
    if (!Number.isInteger(pid) || pid <= 0 || pid === this.child?.pid) return;
    try {
      // Only a process we recognise as an engine on this folder (pids get reused).
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (cmdline.includes('engine') && cmdline.includes(this.opts.dataDir)) process.kill(pid, 'SIGKILL');
    } catch {
      // not running, or no /proc (macOS, Windows): nothing we can safely identify
    }
  }

  private writePidFile(pid: number): void {
    try {
      writeFileSync(join(this.opts.dataDir, 'engine.pid'), String(pid));
    } catch {
      // the data folder may not exist until the engine creates it; the pid file is best effort
    }
  }

  private setStatus(patch: Partial<EngineStatus>): void {
    const next = { ...this.current, ...patch };
    if (patch.state && patch.state !== this.current.state) next.since = Date.now();
    this.current = next;
    for (const l of this.listeners) l(next);
  }

  private later(ms: number, fn: () => void): NodeJS.Timeout {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
    return t;
  }

  private clearTimer(t: NodeJS.Timeout): void {
    clearTimeout(t);
    this.timers.delete(t);
  }

  private clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.stopHealthChecks();
  }
}
