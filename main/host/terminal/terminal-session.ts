// One terminal tab on the host side: a process in a pty, the output pipeline
// (coalescing → scrollback → the attached renderer, with flow control), and the tab's lifecycle.
// A session outlives its WebSocket: a reloaded page re-attaches and gets the scrollback replayed.
// Node shells live inside the engine, so when the engine restarts the session starts a fresh
// `kubelab shell` on the new engine: that is the terminal "reconnecting".
import { randomBytes } from 'node:crypto';
import type { ServerMessage, SessionInfo, SessionProfile } from '../protocol';
import { FlowControl } from './flow-control';
import { OutputBuffer } from './output-buffer';
import type { Disposable } from './pty-session';
import { Scrollback } from './scrollback';

/** The part of PtySession a session uses (tests pass a fake). */
export interface PtyProcess {
  onData(listener: (data: string) => void): Disposable;
  onExit(listener: (code: number) => void): Disposable;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  pause(): void;
  resume(): void;
  kill(): Promise<number>;
}

/** The renderer end: one WebSocket. */
export interface SessionClient {
  send(msg: ServerMessage): void;
  close(code: number, reason: string): void;
}

export interface SessionDeps {
  spawn(profile: SessionProfile, cols: number, rows: number): PtyProcess;
  /** Whether the process can start now (node shells need a ready engine). */
  canStart(profile: SessionProfile): boolean;
  /** The engine's generation (EngineStatus.generation): tells a shell that lost its engine. */
  generation(): number;
  /** How long a node shell that exited is given to turn out to be an engine restart. */
  exitGraceMs?: number;
  /** How long before "waiting for the cluster" is printed (a cold start usually beats it). */
  waitNoticeMs?: number;
  scrollbackChars?: number;
  coalesceMs?: number;
  onInfoChange?(info: SessionInfo): void;
}

const DIM = (s: string) => `\r\n\x1b[2m${s}\x1b[0m\r\n`;

export class TerminalSession {
  readonly id = randomBytes(6).toString('hex');
  readonly createdAt = Date.now();
  private pty: PtyProcess | undefined;
  private ptySubs: Disposable[] = [];
  private client: SessionClient | undefined;
  private readonly scrollback: Scrollback;
  private readonly output: OutputBuffer;
  private readonly flow: FlowControl;
  private cols: number;
  private rows: number;
  private exitCode: number | undefined;
  private waitingForEngine = false;
  private spawnGeneration = 0;
  private timers = new Set<NodeJS.Timeout>();
  private disposed = false;

  constructor(
    readonly profile: SessionProfile,
    readonly title: string,
    cols: number,
    rows: number,
    private readonly deps: SessionDeps,
  ) {
    this.cols = cols;
    this.rows = rows;
    this.scrollback = new Scrollback(deps.scrollbackChars);
    this.output = new OutputBuffer((data) => this.emit(data), { delayMs: deps.coalesceMs });
    this.flow = new FlowControl({ pause: () => this.pty?.pause(), resume: () => this.pty?.resume() });
    this.start();
  }

  get info(): SessionInfo {
    return { id: this.id, profile: this.profile, title: this.title, running: this.exitCode === undefined, exitCode: this.exitCode, createdAt: this.createdAt };
  }

  get isProcessRunning(): boolean {
    return this.pty !== undefined;
  }

  /** Attaches a renderer, replacing any previous one, and replays the scrollback to it. */
  attach(client: SessionClient): Disposable {
    this.output.flush();
    const previous = this.client;
    this.client = client;
    previous?.close(4001, 'attached elsewhere');
    this.flow.reset();
    client.send({ type: 'replay', data: this.scrollback.text(), info: this.info });
    return {
      dispose: () => {
        if (this.client !== client) return;
        this.client = undefined;
        // Nobody is rendering: let the process run, its output only goes to the scrollback.
        this.flow.reset();
      },
    };
  }

  input(data: string): void {
    if (!this.pty) {
      // "Press Enter to restart" after the process ended on its own.
      if (this.exitCode !== undefined && /\r|\n/.test(data)) this.restart();
      return;
    }
    this.output.noteInput();
    this.pty.write(data);
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
    this.pty?.resize(cols, rows);
  }

  ack(chars: number): void {
    this.flow.acked(chars);
  }

  /** Starts the process again (after exit, or by request). */
  restart(): void {
    if (this.disposed) return;
    void this.stopProcess().then(() => {
      this.exitCode = undefined;
      this.start();
      this.changed();
    });
  }

  /**
   * The engine became ready (generation is new when it was restarted). Node shells waiting for it
   * start; node shells connected to the previous engine are replaced by fresh ones.
   */
  engineReady(restarted: boolean): void {
    if (this.disposed || this.profile.kind !== 'node') return;
    if (this.waitingForEngine) {
      this.start();
      return;
    }
    if (restarted && this.pty && this.spawnGeneration !== this.deps.generation()) {
      this.appendLocal(DIM('[kubelab] the cluster restarted: reconnecting…'));
      this.restart();
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    this.client?.close(1000, 'session closed');
    this.client = undefined;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.stopProcess();
    this.output.dispose();
  }

  private start(): void {
    if (this.disposed || this.pty) return;
    if (!this.deps.canStart(this.profile)) {
      if (!this.waitingForEngine) {
        this.waitingForEngine = true;
        this.later(this.deps.waitNoticeMs ?? 2500, () => {
          if (this.waitingForEngine) this.appendLocal(DIM('[kubelab] waiting for the cluster to start…').slice(this.scrollback.length === 0 ? 2 : 0));
        });
      }
      return;
    }
    this.waitingForEngine = false;
    this.spawnGeneration = this.deps.generation();
    let pty: PtyProcess;
    try {
      pty = this.deps.spawn(this.profile, this.cols, this.rows);
    } catch (e) {
      this.appendLocal(DIM(`[kubelab] cannot start ${this.title}: ${e instanceof Error ? e.message : String(e)}`));
      this.exitCode = 127;
      this.changed();
      return;
    }
    this.pty = pty;
    this.ptySubs = [
      pty.onData((data) => {
        if (this.client) this.flow.sent(data.length);
        this.output.push(data);
      }),
      pty.onExit((code) => this.processExited(pty, code)),
    ];
  }

  private processExited(pty: PtyProcess, code: number): void {
    if (this.pty !== pty) return;
    this.output.flush();
    this.detachPty();
    if (this.profile.kind !== 'node') return this.ended(code);
    // A node shell usually notices a dead engine before the supervisor does (and may exit with 0,
    // as on a closed connection): give the supervisor a moment, then decide between "reconnect
    // with the engine" and "the shell really exited" (`exit`).
    this.later(this.deps.exitGraceMs ?? 1000, () => {
      const lostEngine = !this.deps.canStart(this.profile) || this.deps.generation() !== this.spawnGeneration;
      if (!lostEngine) return this.ended(code);
      this.appendLocal(DIM('[kubelab] lost the cluster: reconnecting…'));
      this.client?.send({ type: 'exit', code, willRestart: true });
      this.start();
    });
  }

  private ended(code: number): void {
    this.exitCode = code;
    this.appendLocal(DIM(`[kubelab] process exited with code ${code} — press Enter to restart`));
    this.client?.send({ type: 'exit', code, willRestart: false });
    this.changed();
  }

  private later(ms: number, fn: () => void): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      if (!this.disposed) fn();
    }, ms);
    this.timers.add(t);
  }

  private async stopProcess(): Promise<void> {
    const pty = this.pty;
    if (!pty) return;
    this.output.flush();
    this.detachPty();
    await pty.kill();
  }

  private detachPty(): void {
    for (const s of this.ptySubs) s.dispose();
    this.ptySubs = [];
    this.pty = undefined;
    this.flow.reset();
  }

  /** Host-written text (status lines): goes to the scrollback and the renderer like output. */
  private appendLocal(text: string): void {
    this.output.push(text);
    this.output.flush();
  }

  private emit(data: string): void {
    this.scrollback.append(data);
    this.client?.send({ type: 'output', data });
  }

  private changed(): void {
    this.deps.onInfoChange?.(this.info);
    this.client?.send({ type: 'info', info: this.info });
  }
}
