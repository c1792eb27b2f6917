// One interactive login: `[root@master ~]# `. Raw terminal input goes in through `feed`, terminal
// output comes out through `onOutput`. Between commands the line editor owns the keyboard; while a
// command runs, keystrokes go to its stdin (cooked: echoed and line-buffered; raw: as they are).
import { createDefaultCompleter } from './completion';
import type { Identity, Io, TerminalInfo } from './command-context';
import type { CommandRegistry } from './command-registry';
import { HistoryStore } from './history-store';
import { expandHistory } from './history-expansion';
import { Interpreter, loginEnvironment, ShellState } from './interpreter';
import { formatJob } from './job-table';
import { KeyDecoder, type Key } from './key-decoder';
import { LineEditor, type Completer, type Completion } from './line-editor';
import { IncompleteInputError, isIncomplete, parse } from './parser';
import { expandPrompt } from './prompt';
import type { ShellClock } from './shell-clock';
import { emptyInput, type Chunk, type InputStream, type OutputStream } from './streams';
import { TerminalInput } from './terminal-input';
import { textWidth } from './text-width';
import type { VirtualFs } from './virtual-fs';
import { StringDecoder } from 'node:string_decoder';

export interface ShellSessionOptions {
  fs: VirtualFs;
  clock: ShellClock;
  commands: CommandRegistry;
  /** Defaults to 'master'. */
  hostname?: string;
  /** Defaults to 'root'. */
  user?: string;
  /** Extra exported variables (KUBECONFIG, ...), added to the login environment. */
  env?: Record<string, string>;
  /** Starting directory; defaults to the home directory. */
  cwd?: string;
  cols?: number;
  rows?: number;
  /** Replaces the default completer (commands, variables, files). Use `defaultCompleter` as fallback. */
  completer?: Completer;
  /** Where history persists; defaults to ~/.bash_history. `null` keeps history in memory only. */
  historyFile?: string | null;
  /** Printed before the first prompt, e.g. `Last login: ...`. */
  banner?: string;
  /** Run ~/.bash_profile (or ~/.bashrc) before the first prompt. Defaults to true. */
  login?: boolean;
}

/** Where stdin/stdout/stderr go for `runScript`. */
export interface ScriptIo {
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
  signal?: AbortSignal;
  /** $0 $1 ... */
  args?: string[];
}

type Mode = 'starting' | 'editing' | 'running' | 'exited';

export class ShellSession {
  readonly interpreter: Interpreter;
  readonly history: HistoryStore;
  /** Resolves once the login scripts ran and the first prompt is shown. */
  readonly ready: Promise<void>;
  /** The built-in completer, for custom completers to fall back on. */
  readonly defaultCompleter: Completer;

  private mode: Mode = 'starting';
  private readonly editor: LineEditor;
  private readonly decoder = new KeyDecoder();
  private readonly input = new TerminalInput();
  private readonly outputListeners = new Set<(data: string) => void>();
  private readonly exitListeners = new Set<(code: number) => void>();
  private readonly resizeListeners = new Set<(cols: number, rows: number) => void>();
  private readonly promptWaiters: (() => void)[] = [];
  private readonly outputBacklog: string[] = [];
  private typeahead = '';
  private pending = '';
  private foreground: AbortController | undefined;
  private running: Promise<void> | undefined;
  private rawMode = false;
  private cols: number;
  private rows: number;
  private commandNumber = 1;
  private exitCode: number | undefined;
  private readonly ttyOut: OutputStream;
  private readonly ttyErr: OutputStream;

  constructor(private readonly opts: ShellSessionOptions) {
    this.cols = opts.cols ?? 80;
    this.rows = opts.rows ?? 24;
    const user = opts.user ?? 'root';
    const identity: Identity = user === 'root'
      ? { user, uid: 0, gid: 0, group: 'root', hostname: opts.hostname ?? 'master', home: '/root' }
      : { user, uid: 1000, gid: 1000, group: user, hostname: opts.hostname ?? 'master', home: `/home/${user}` };
    const historyFile = opts.historyFile === undefined ? `${identity.home}/.bash_history` : opts.historyFile ?? undefined;
    this.history = new HistoryStore(opts.fs, historyFile);
    const session = this;
    const terminal: TerminalInfo = {
      get cols() {
        return session.cols;
      },
      get rows() {
        return session.rows;
      },
      setRawMode: (raw) => {
        this.rawMode = raw;
      },
      onResize: (listener) => {
        this.resizeListeners.add(listener);
        return () => this.resizeListeners.delete(listener);
      },
    };
    this.ttyOut = this.terminalStream();
    this.ttyErr = this.terminalStream();
    const cwd = opts.cwd ?? identity.home;
    const env = loginEnvironment(identity, cwd);
    // .bash_profile appends ~/bin, as on CentOS.
    env.PATH = identity.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin' : env.PATH;
    Object.assign(env, opts.env ?? {});
    this.interpreter = Interpreter.create({
      fs: opts.fs,
      clock: opts.clock,
      commands: opts.commands,
      identity,
      terminal,
      interactive: true,
      history: this.history,
      env,
      cwd: opts.fs.isDirectory(cwd) ? cwd : '/',
      tty: { stdout: this.ttyOut },
    });
    this.defaultCompleter = createDefaultCompleter(() => this.interpreter);
    const completer = opts.completer ?? this.defaultCompleter;
    this.editor = new LineEditor(
      {
        write: (d) => this.emit(d),
        cols: () => this.cols,
        history: () => this.history.entries(),
        complete: (line, cursor) => completer(line, cursor).catch((): Completion => ({ candidates: [], replaceFrom: cursor })),
      },
      (e) => {
        if (e.type === 'submit') this.onSubmit(e.line);
        else if (e.type === 'interrupt') this.onInterrupt();
        else this.onEof();
      },
    );
    this.ready = this.login();
  }

  // ---- public API ----

  /** Raw terminal input: typed text, control characters, escape sequences, pastes. */
  feed(data: string): void {
    try {
      if (this.mode === 'exited') return;
      if (this.mode === 'starting') {
        this.typeahead += data;
        return;
      }
      if (this.mode === 'running') {
        if (this.rawMode) this.input.deliver(data);
        else for (const key of this.decoder.decode(data)) this.cookedKey(key);
        return;
      }
      const keys = this.decoder.decode(data);
      for (let i = 0; i < keys.length; i++) {
        if (this.mode === 'editing') this.editor.handle(keys[i]);
        else if (this.mode === 'running') {
          // Keys typed after Enter belong to the command now running.
          if (this.rawMode) this.input.deliver(keys.slice(i).map(encodeKey).join(''));
          else for (const k of keys.slice(i)) this.cookedKey(k);
          return;
        } else return;
      }
    } catch (err) {
      this.emit(`\r\n-bash: internal error: ${err instanceof Error ? err.message : String(err)}\r\n`);
    }
  }

  /** Subscribes to terminal output. Output produced before the first subscriber is replayed to it. */
  onOutput(listener: (data: string) => void): () => void {
    this.outputListeners.add(listener);
    if (this.outputBacklog.length) {
      const backlog = this.outputBacklog.splice(0).join('');
      listener(backlog);
    }
    return () => this.outputListeners.delete(listener);
  }

  /** Called once when the shell exits (`exit`, `logout`, Ctrl-D), with the exit status. */
  onExit(listener: (code: number) => void): () => void {
    if (this.exitCode !== undefined) {
      listener(this.exitCode);
      return () => {};
    }
    this.exitListeners.add(listener);
    return () => this.exitListeners.delete(listener);
  }

  /** Redraws the prompt and the line being edited (what a line-editing shell does on SIGWINCH). */
  redraw(): void {
    if (this.mode === 'editing' && this.editor.isActive) this.editor.redraw();
  }

  resize(cols: number, rows: number): void {
    if (!(cols > 0 && rows > 0)) return;
    this.cols = Math.floor(cols);
    this.rows = Math.floor(rows);
    for (const l of this.resizeListeners) {
      try {
        l(this.cols, this.rows);
      } catch {
        // a command's resize handler failing must not break the terminal
      }
    }
  }

  /** Resolves when the shell waits at a prompt (after the current command, if any). */
  waitForPrompt(): Promise<void> {
    if (this.mode === 'editing' && this.editor.isActive) return Promise.resolve();
    if (this.mode === 'exited') return Promise.resolve();
    return new Promise((resolve) => this.promptWaiters.push(resolve));
  }

  get exited(): boolean {
    return this.mode === 'exited';
  }

  /**
   * Runs source non-interactively in a child shell with this session's environment and
   * directory (for `sh -c`, lab checks, tests). Returns the exit status.
   */
  async runScript(source: string, io: ScriptIo = {}): Promise<number> {
    const sh = this.interpreter;
    const child = new Interpreter({ ...sh.shared, interactive: false, errorName: 'bash' }, cloneForScript(sh.state, io.args), io.signal ?? new AbortController().signal);
    const program = (() => {
      try {
        return parse(source, { eofEndsHeredoc: true });
      } catch (err) {
        return err as Error;
      }
    })();
    const realIo: Io = { stdin: io.stdin ?? emptyInput(), stdout: io.stdout ?? { write: async () => {}, closed: false }, stderr: io.stderr ?? { write: async () => {}, closed: false } };
    if (program instanceof Error) {
      await realIo.stderr.write(`bash: ${program.message}\n`);
      return 2;
    }
    return child.run(program, realIo, io.signal);
  }

  /** Stops everything: the foreground command, background jobs, pending waits. */
  async dispose(): Promise<void> {
    const wasExited = this.mode === 'exited';
    this.mode = 'exited';
    this.editor.stop();
    this.foreground?.abort();
    this.interpreter.shared.jobs.abortAll();
    try {
      await this.ready;
      await this.running;
      await this.interpreter.shared.jobs.waitAll();
    } catch {
      // everything was aborted; errors no longer matter
    }
    for (const w of this.promptWaiters.splice(0)) w();
    this.outputListeners.clear();
    this.resizeListeners.clear();
    if (!wasExited) this.exitListeners.clear();
  }

  // ---- login and prompts ----

  private async login(): Promise<void> {
    if (this.opts.banner) this.emit(this.opts.banner.replace(/\r?\n/g, '\r\n'));
    if (this.opts.login !== false) {
      const home = this.interpreter.shared.identity.home;
      const fs = this.opts.fs;
      const script = fs.isFile(`${home}/.bash_profile`) ? `${home}/.bash_profile` : fs.isFile(`${home}/.bashrc`) ? `${home}/.bashrc` : undefined;
      if (script) {
        const controller = new AbortController();
        this.foreground = controller;
        this.mode = 'running';
        await this.interpreter.runSource(`. ${script}`, { stdin: emptyInput(), stdout: this.ttyOut, stderr: this.ttyErr }, controller.signal);
        this.foreground = undefined;
        if ((this.mode as Mode) === 'exited') return;
        if (this.interpreter.exitStatus !== undefined) return this.exit(this.interpreter.exitStatus);
      }
    }
    this.interpreter.state.lastStatus = 0;
    this.mode = 'editing';
    this.showPrompt();
    const ahead = this.typeahead;
    this.typeahead = '';
    if (ahead) this.feed(ahead);
  }

  private promptString(ps: 'PS1' | 'PS2'): string {
    const sh = this.interpreter;
    const id = sh.shared.identity;
    return expandPrompt(sh.get(ps) ?? (ps === 'PS1' ? '[\\u@\\h \\W]\\$ ' : '> '), {
      user: id.user,
      uid: id.uid,
      hostname: id.hostname,
      cwd: sh.state.cwd,
      home: sh.get('HOME') ?? id.home,
      now: this.opts.clock.now(),
      historyNumber: this.history.base + this.history.length,
      commandNumber: this.commandNumber,
      jobs: sh.shared.jobs.list().length,
    });
  }

  private showPrompt(continuation = false): void {
    if (this.mode === 'exited') return;
    this.mode = 'editing';
    if (!continuation) {
      const jobs = this.interpreter.shared.jobs;
      for (const job of jobs.takeFinished()) this.emit(formatJob(job, jobs.mark(job)).replace(/\s*$/, '') + '\r\n');
    }
    this.editor.start(this.promptString(continuation ? 'PS2' : 'PS1'));
    for (const w of this.promptWaiters.splice(0)) w();
  }

  // ---- editor events ----

  private onSubmit(line: string): void {
    const expanded = expandHistory(line, this.history.entries());
    if ('error' in expanded) {
      this.emit(`-bash: ${expanded.error}\r\n`);
      this.interpreter.state.lastStatus = 1;
      this.pending = '';
      return this.showPrompt();
    }
    if (expanded.changed) this.emit(expanded.line.replace(/\n/g, '\r\n') + '\r\n');
    const source = this.pending ? `${this.pending}\n${expanded.line}` : expanded.line;
    let incomplete = false;
    try {
      incomplete = isIncomplete(source);
    } catch {
      incomplete = false;
    }
    if (incomplete) {
      this.pending = source;
      return this.showPrompt(true);
    }
    this.pending = '';
    this.history.add(historyEntry(source));
    if (!source.trim()) return this.showPrompt();
    this.running = this.execute(source);
  }

  private onInterrupt(): void {
    this.pending = '';
    this.interpreter.state.lastStatus = 130;
    this.showPrompt();
  }

  private onEof(): void {
    if (this.pending) {
      this.emit('-bash: syntax error: unexpected end of file\r\n');
      this.pending = '';
      this.interpreter.state.lastStatus = 2;
      return this.showPrompt();
    }
    this.emit('logout\r\n');
    this.exit(this.interpreter.state.lastStatus);
  }

  // ---- running commands ----

  private async execute(source: string): Promise<void> {
    this.mode = 'running';
    const controller = new AbortController();
    this.foreground = controller;
    const stdin = this.input.stream(controller.signal);
    const sh = this.interpreter;
    sh.shared.tty = { stdin, stdout: this.ttyOut };
    try {
      await sh.runSource(source, { stdin, stdout: this.ttyOut, stderr: this.ttyErr }, controller.signal);
    } catch (err) {
      this.emit(`-bash: internal error: ${err instanceof Error ? err.message : String(err)}\r\n`);
    }
    this.commandNumber++;
    this.foreground = undefined;
    this.rawMode = false;
    if (controller.signal.aborted) this.emit('\r\n');
    if ((this.mode as Mode) === 'exited') return;
    if (sh.exitStatus !== undefined) {
      this.emit('logout\r\n');
      return this.exit(sh.exitStatus);
    }
    const leftover = this.input.takeLeftover();
    this.showPrompt();
    if (leftover) this.feed(leftover);
  }

  /** Cooked-mode line discipline while a command runs: echo, erase, Enter, Ctrl-C, Ctrl-D. */
  private cookedKey(key: Key): void {
    const input = this.input;
    switch (key.type) {
      case 'text':
        input.partial += key.text;
        this.emit(key.text);
        return;
      case 'paste': {
        const parts = key.text.replace(/\r\n?/g, '\n').split('\n');
        parts.forEach((p, i) => {
          if (i > 0) this.cookedKey({ type: 'enter' });
          if (p) this.cookedKey({ type: 'text', text: p });
        });
        return;
      }
      case 'enter':
        this.emit('\r\n');
        input.deliver(input.partial + '\n');
        input.partial = '';
        return;
      case 'tab':
        input.partial += '\t';
        this.emit('\t');
        return;
      case 'backspace': {
        if (!input.partial) return;
        const chars = [...input.partial];
        const last = chars.pop()!;
        input.partial = chars.join('');
        const w = Math.max(1, textWidth(last));
        this.emit('\b'.repeat(w) + ' '.repeat(w) + '\b'.repeat(w));
        return;
      }
      case 'ctrl':
        if (key.key === 'c') {
          this.emit('^C');
          input.partial = '';
          this.foreground?.abort();
        } else if (key.key === 'd') {
          if (input.partial) {
            input.deliver(input.partial);
            input.partial = '';
          } else input.deliverEof();
        } else if (key.key === 'u') {
          const w = textWidth(input.partial);
          this.emit('\b'.repeat(w) + ' '.repeat(w) + '\b'.repeat(w));
          input.partial = '';
        } else if (key.key === 'z') this.emit('^Z');
        else if (key.key === '\\') {
          this.emit('^\\');
          this.foreground?.abort();
        }
        return;
      default:
        return;
    }
  }

  private exit(code: number): void {
    if (this.mode === 'exited' && this.exitCode !== undefined) return;
    this.mode = 'exited';
    this.exitCode = code & 255;
    this.editor.stop();
    this.interpreter.shared.jobs.abortAll();
    for (const w of this.promptWaiters.splice(0)) w();
    for (const l of [...this.exitListeners]) {
      try {
        l(this.exitCode);
      } catch {
        // a listener's failure does not concern the shell
      }
    }
  }

  // ---- output ----

  private emit(data: string): void {
    if (!data) return;
    if (!this.outputListeners.size) {
      this.outputBacklog.push(data);
      return;
    }
    for (const l of this.outputListeners) {
      try {
        l(data);
      } catch {
        // a failing listener must not stop the shell
      }
    }
  }

  /** Command output to the terminal: "\n" becomes "\r\n" unless a program asked for raw mode. */
  private terminalStream(): OutputStream {
    const decoder = new StringDecoder('utf8');
    return {
      closed: false,
      write: (data: Chunk) => {
        const text = typeof data === 'string' ? data : decoder.write(Buffer.from(data));
        this.emit(this.rawMode ? text : text.replace(/\r?\n/g, '\r\n'));
        return Promise.resolve();
      },
    };
  }
}

/** A fresh non-interactive shell state carrying the exported environment and directory. */
function cloneForScript(state: ShellState, args?: string[]): ShellState {
  const s = new ShellState();
  for (const [k, v] of state.vars) if (v.exported) s.vars.set(k, { ...v });
  s.cwd = state.cwd;
  s.scriptName = args?.[0] ?? 'bash';
  s.positional = args?.slice(1) ?? [];
  return s;
}

/** A multi-line command stored as one history line, the way bash's cmdhist joins it. */
export function historyEntry(source: string): string {
  const lines = source.split('\n');
  if (lines.length === 1) return source;
  // A line break inside quotes or a here-document is part of the text: keep the lines as typed.
  for (let k = 1; k < lines.length; k++) {
    try {
      parse(lines.slice(0, k).join('\n'));
    } catch (err) {
      if (err instanceof IncompleteInputError && err.detail !== undefined && !['backslash', '$(', '(('].includes(err.detail)) return source;
    }
  }
  let joined = lines[0];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const prev = joined.trimEnd();
    if (prev.endsWith('\\')) {
      joined = prev.slice(0, -1) + line;
      continue;
    }
    const sep = /(\|\||&&|;;|[|;&({]|\b(then|do|else|in|elif))$/.test(prev) ? ' ' : '; ';
    joined = prev + sep + line.trim();
  }
  try {
    parse(joined);
    return joined;
  } catch {
    return source;
  }
}

/** Turns a decoded key back into the bytes a terminal sends (for raw-mode typeahead). */
function encodeKey(key: Key): string {
  switch (key.type) {
    case 'text':
    case 'paste': return key.text;
    case 'enter': return '\r';
    case 'tab': return '\t';
    case 'backspace': return '\x7f';
    case 'escape': return '\x1b';
    case 'ctrl': return String.fromCharCode(key.key.charCodeAt(0) & 0x1f);
    case 'alt': return '\x1b' + key.key;
    case 'up': return '\x1b[A';
    case 'down': return '\x1b[B';
    case 'right': return '\x1b[C';
    case 'left': return '\x1b[D';
    case 'home': return '\x1b[H';
    case 'end': return '\x1b[F';
    case 'delete': return '\x1b[3~';
    default: return '';
  }
}
