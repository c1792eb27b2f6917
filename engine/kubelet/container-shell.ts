// `kubectl exec` inside a simulated container: the runtime's program lookup (runc's "executable
// file not found in $PATH"), then the program run by the shell library on the container's
// filesystem with the container's environment — `ls`, `cat`, `env`, `sh -c '...'` through the
// Interpreter, `-it -- sh`/`bash` as an interactive ShellSession with the image's prompt
// (`root@nginx:/# ` for Debian's bash, `# ` for dash, `/ # ` for busybox). The shell library
// speaks bash; the messages that differ in dash and busybox ash are reworded on the way out.
// Upstream: containerd pkg/cri/server/container_execsync.go, runc libcontainer/standard_init_linux.go (exec lookup)
import { createHash } from 'node:crypto';
import type { ExecIO, ExecProcess, ExecRequest } from '../api/exec-stream';
import type { Identity, Io, TerminalInfo } from '../shell/command-context';
import { CommandRegistry } from '../shell/command-registry';
import { STANDARD_COMMANDS } from '../shell/commands/index';
import { shellCommand } from '../shell/commands/shell-invocation';
import { Interpreter } from '../shell/interpreter';
import type { ShellClock } from '../shell/shell-clock';
import { ShellSession } from '../shell/shell-session';
import { isIncomplete } from '../shell/parser';
import { emptyInput, InputStream, type Chunk, type OutputStream } from '../shell/streams';
import { resolvePath } from '../shell/virtual-fs';
import { imageProgram } from './container-shell-programs';
import type { ShellFlavour, Userland } from './images/userland';
import type { ContainerStdio } from './container-stdio';
import type { RunningContainer } from './pod-worker';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash']);

/** An exec that the runtime refused; `message` is what kubectl prints after `error: `. */
export class ExecStartError extends Error {}

/** The commands of an image: its programs, from the shell library where it implements them. */
export function containerCommands(userland: Userland): CommandRegistry {
  const r = new CommandRegistry();
  for (const [name, path] of Object.entries(userland.programs)) {
    const run = SHELLS.has(name) ? shellCommand : (STANDARD_COMMANDS[name] ?? imageProgram(name));
    r.registerCommand(name, run, { path });
  }
  return r;
}

/** The environment an exec'd process gets: the container's, plus HOME as runc sets it. */
export function execEnvironment(c: RunningContainer, tty: boolean): Record<string, string> {
  const env: Record<string, string> = { ...c.env };
  if (tty) env.TERM = 'xterm';
  env.HOME ??= '/root';
  return env;
}

// The runtime's words when the program cannot start: containerd relays runc's error, the kubelet
// wraps it as an internal error, and the API server's WebSocket translator wraps it once more.
function ociError(c: RunningContainer, argv: string[], reason: string): ExecStartError {
  const execId = createHash('sha256').update(`${c.id}\0${argv.join('\0')}`).digest('hex');
  return new ExecStartError(
    `Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${execId}": OCI runtime exec failed: exec failed: unable to start container process: ${reason}: unknown`,
  );
}

/** Finds argv[0] as runc does (PATH lookup, or the path itself); throws the runtime's error. */
export function lookupProgram(c: RunningContainer, argv: string[], env: Record<string, string>): string {
  const name = argv[0] ?? '';
  const fs = c.fs;
  const cwd = c.userland?.workdir ?? '/';
  if (name.includes('/')) {
    const p = resolvePath(cwd, name);
    if (!fs.exists(p)) throw ociError(c, argv, `exec: "${name}": stat ${name}: no such file or directory`);
    const st = fs.stat(p);
    if (st.type !== 'file' || (st.mode & 0o111) === 0) throw ociError(c, argv, `exec: "${name}": permission denied`);
    return p;
  }
  for (const dir of (env.PATH ?? '').split(':')) {
    if (!dir) continue;
    const p = resolvePath(dir, name);
    if (fs.isFile(p) && (fs.stat(p).mode & 0o111) !== 0) return p;
  }
  throw ociError(c, argv, `exec: "${name}": executable file not found in $PATH`);
}

/** The flavour of the shell program `prog` (`sh` is dash on Debian, ash on busybox...). */
function flavourOf(prog: string, userland: Userland | undefined): ShellFlavour {
  if (prog === 'bash') return 'bash';
  if (prog === 'dash') return 'dash';
  if (prog === 'ash') return 'ash';
  return userland?.sh ?? 'bash';
}

/**
 * Rewords the shell library's bash messages as `flavour` prints them: dash says
 * `sh: 1: foo: not found`, busybox ash `sh: foo: not found`, bash `bash: line 1: foo: command not found`.
 * `line` gives the line number an interactive dash reports.
 */
export function rewordShellErrors(text: string, flavour: ShellFlavour, name: string, line: () => number = () => 1): string {
  if (flavour === 'bash') return text.replace(/^-bash: /gm, `${name}: `);
  return text
    .replace(/^(\S+): line (\d+): (.+): command not found(\r?)$/gm, (_m, sh, n, cmd, cr) => (flavour === 'dash' ? `${sh}: ${n}: ${cmd}: not found${cr}` : `${sh}: ${cmd}: not found${cr}`))
    .replace(/^-bash: (.+): command not found(\r?)$/gm, (_m, cmd, cr) => (flavour === 'dash' ? `${name}: ${line()}: ${cmd}: not found${cr}` : `${name}: ${cmd}: not found${cr}`))
    .replace(/^-bash: /gm, flavour === 'dash' ? `${name}: ${line()}: ` : `${name}: `);
}

const IDENTITY = (hostname: string): Identity => ({ user: 'root', uid: 0, gid: 0, group: 'root', hostname, home: '/root' });

/** A stdin fed by the exec stream: chunks as they arrive, end of input on close. */
class StreamInput {
  private readonly queue: (Buffer | null)[] = [];
  private waiter: (() => void) | undefined;
  readonly stream = new InputStream(async () => {
    for (;;) {
      const next = this.queue.shift();
      if (next !== undefined) return next;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  });

  push(chunk: Buffer | null): void {
    this.queue.push(chunk);
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}

function output(write: (d: string | Buffer) => void, transform?: (s: string) => string): OutputStream {
  return {
    closed: false,
    write(data: Chunk) {
      if (transform) write(transform(typeof data === 'string' ? data : Buffer.from(data).toString('utf8')));
      else write(typeof data === 'string' ? data : Buffer.from(data));
      return Promise.resolve();
    },
  };
}

/** An interactive shell asked for without a script: `sh`, `bash -i`, `/bin/sh -l`. */
function isInteractiveShell(prog: string, args: string[]): boolean {
  return SHELLS.has(prog) && args.every((a) => /^-[ilsm]+$/.test(a) || a === '--login');
}

export interface ExecOptions {
  clock: ShellClock;
  cols?: number;
  rows?: number;
  /**
   * The process is a container's main process with its stdin open (runMainProcess). A shell on a
   * pipe runs each command as it arrives (`kubectl run -i`); on the container's terminal, a
   * line-editing shell (busybox ash, bash) redraws its prompt when the terminal's size changes
   * (SIGWINCH), which is how `kubectl attach -it` shows the prompt printed before it connected.
   */
  mainProcess?: boolean;
}

/** Starts `req.command` in the running container `c`; throws ExecStartError as the runtime refuses. */
export function startContainerExec(c: RunningContainer, req: Pick<ExecRequest, 'command' | 'tty' | 'stdin'>, io: ExecIO, opts: ExecOptions): ExecProcess {
  const env = execEnvironment(c, req.tty);
  const path = lookupProgram(c, req.command, env);
  const userland = c.userland;
  const commands = userland ? containerCommands(userland) : new CommandRegistry();
  const prog = path.slice(path.lastIndexOf('/') + 1);
  const args = req.command.slice(1);
  if (req.tty && userland && isInteractiveShell(prog, args)) return interactiveShell(c, prog, env, commands, io, opts);
  if (req.stdin && !req.tty && isInteractiveShell(prog, args)) return pipedShell(c, prog, env, commands, io, opts);
  // A program given by the path it is registered at runs by name; anything else (a script the
  // student wrote) runs as a file.
  const entry = commands.get(prog);
  const known = entry && (entry.path === path || commands.byPath(path) === entry || path.replace(/^\/usr\//, '/') === entry.path.replace(/^\/usr\//, '/'));
  const argv = [known ? prog : path, ...args];
  return runProgram(c, argv, flavourOf(prog, userland), env, commands, io, req, opts);
}

function runProgram(c: RunningContainer, argv: string[], flavour: ShellFlavour, env: Record<string, string>, commands: CommandRegistry, io: ExecIO, req: Pick<ExecRequest, 'tty' | 'stdin'>, opts: ExecOptions): ExecProcess {
  const abort = new AbortController();
  const input = new StreamInput();
  let cols = opts.cols ?? 80;
  let rows = opts.rows ?? 24;
  let raw = false;
  const resizeListeners = new Set<(cols: number, rows: number) => void>();
  const terminal: TerminalInfo = {
    get cols() {
      return cols;
    },
    get rows() {
      return rows;
    },
    setRawMode: (r) => (raw = r),
    onResize: (l) => {
      resizeListeners.add(l);
      return () => resizeListeners.delete(l);
    },
  };
  const name = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const reword = (s: string) => rewordForDistro(rewordShellErrors(s, flavour, SHELLS.has(name) ? name : 'sh'), c.userland);
  // A terminal turns "\n" into "\r\n" (onlcr) and carries stderr with stdout.
  const tty = (s: string) => (raw ? s : s.replace(/\r?\n/g, '\r\n'));
  const stdout = output(io.stdout, req.tty ? tty : undefined);
  const stderr = output(req.tty ? io.stdout : io.stderr, req.tty ? (s) => tty(reword(s)) : reword);
  const stdin = req.stdin ? input.stream : emptyInput();
  const sh = Interpreter.create({
    fs: c.fs,
    clock: opts.clock,
    commands,
    identity: IDENTITY(c.hostname),
    terminal: req.tty ? terminal : undefined,
    interactive: false,
    errorName: 'sh',
    env,
    cwd: c.userland?.workdir ?? '/',
    tty: req.tty ? { stdout, stdin } : {},
  });
  // A process started by the runtime has no PWD of its own (a shell sets one).
  sh.state.vars.delete('PWD');
  sh.signal = abort.signal;
  const stop = () => abort.abort();
  c.stopped.addEventListener('abort', stop, { once: true });
  const streams: Io = { stdin, stdout, stderr };
  const exited = (async () => {
    try {
      const code = await sh.invoke(argv, streams);
      return { code: abort.signal.aborted ? 137 : code };
    } catch {
      return { code: abort.signal.aborted ? 137 : 1 };
    } finally {
      c.stopped.removeEventListener('abort', stop);
    }
  })();
  // Cooked terminal input for a program under a tty: echo, line editing, ^C, ^D.
  let line = '';
  const cooked = (d: Buffer) => {
    for (const ch of d.toString('utf8')) {
      if (ch === '\x03') {
        io.stdout('^C\r\n');
        abort.abort();
      } else if (ch === '\x04') {
        if (line) input.push(Buffer.from(line));
        line = '';
        input.push(null);
      } else if (ch === '\r' || ch === '\n') {
        io.stdout('\r\n');
        input.push(Buffer.from(line + '\n'));
        line = '';
      } else if (ch === '\x7f' || ch === '\b') {
        if (line) {
          line = line.slice(0, -1);
          io.stdout('\b \b');
        }
      } else {
        line += ch;
        io.stdout(ch);
      }
    }
  };
  return {
    input: (d) => (req.tty && !raw ? cooked(d) : input.push(d)),
    endInput: () => input.push(null),
    resize: (w, h) => {
      cols = w;
      rows = h;
      for (const l of resizeListeners) l(w, h);
    },
    kill: stop,
    exited,
  };
}

/**
 * A shell reading its commands from a pipe (`kubectl run -i ... -- sh` without a terminal): each
 * command runs as soon as its last line arrives, as sh does, and end of input ends the shell with
 * the status of its last command.
 */
function pipedShell(c: RunningContainer, prog: string, env: Record<string, string>, commands: CommandRegistry, io: ExecIO, opts: ExecOptions): ExecProcess {
  const abort = new AbortController();
  const input = new StreamInput();
  const flavour = flavourOf(prog, c.userland);
  const reword = (s: string) => rewordForDistro(rewordShellErrors(s, flavour, prog), c.userland);
  const sh = Interpreter.create({ fs: c.fs, clock: opts.clock, commands, identity: IDENTITY(c.hostname), interactive: false, errorName: 'sh', env, cwd: c.userland?.workdir ?? '/' });
  sh.state.vars.delete('PWD');
  // $0, and the `sh: line N:` prefix of errors that dash and ash reword.
  sh.state.scriptName = prog;
  sh.signal = abort.signal;
  const streams: Io = { stdin: input.stream, stdout: output(io.stdout), stderr: output(io.stderr, reword) };
  const stop = () => {
    abort.abort();
    input.push(null);
  };
  c.stopped.addEventListener('abort', stop, { once: true });
  const complete = (source: string) => {
    try {
      return !isIncomplete(source);
    } catch {
      return true; // a syntax error: running it reports it
    }
  };
  const exited = (async () => {
    let source: string | undefined;
    let status = 0;
    // Lines read before the command being collected: blank lines in front of it keep the line
    // numbers in error messages counting from the start of the input.
    let linesBefore = 0;
    let linesRead = 0;
    try {
      for (;;) {
        const line = await input.stream.readLine();
        if (abort.signal.aborted) break;
        if (line === null) {
          if (source?.trim()) status = await sh.runSource('\n'.repeat(linesBefore) + source, streams, abort.signal, { script: true });
          break;
        }
        linesRead++;
        source = source === undefined ? line : `${source}\n${line}`;
        if (!complete(source)) continue;
        status = await sh.runSource('\n'.repeat(linesBefore) + source, streams, abort.signal);
        linesBefore = linesRead;
        source = undefined;
        if (sh.exitStatus !== undefined || abort.signal.aborted) break;
      }
    } catch {
      status = 1;
    } finally {
      c.stopped.removeEventListener('abort', stop);
    }
    return { code: abort.signal.aborted ? 137 : (sh.exitStatus ?? status) };
  })();
  return {
    input: (d) => input.push(d),
    endInput: () => input.push(null),
    resize: () => undefined,
    kill: stop,
    exited,
  };
}

/** PS1 of an interactive shell of this flavour on this distro. */
function promptFor(prog: string, flavour: ShellFlavour, userland: Userland): string {
  if (flavour === 'dash') return '# ';
  if (flavour === 'ash') return '\\w \\$ ';
  if (userland.distro === 'debian' || userland.distro === 'ubuntu') return '\\u@\\h:\\w\\$ ';
  if (userland.distro === 'centos' || userland.distro === 'oracle') return '[\\u@\\h \\W]\\$ ';
  return prog === 'bash' ? '\\s-\\v\\$ ' : '\\w \\$ ';
}

const LOGIN_ONLY_VARS = ['USER', 'LOGNAME', 'SHELL', 'MAIL', 'LANG', 'HISTSIZE'];

function interactiveShell(c: RunningContainer, prog: string, env: Record<string, string>, commands: CommandRegistry, io: ExecIO, opts: ExecOptions): ExecProcess {
  const userland = c.userland!;
  const flavour = flavourOf(prog, userland);
  // The session reads a start-up file before its first prompt; a file seen only by this start-up
  // gives the window to set the image's prompt and environment (bash also reads ~/.bashrc).
  const rc = '/root/.bash_profile';
  const release = c.fs.isFile(rc) ? () => undefined : c.fs.addPhantom(rc, flavour === 'bash' ? 'if [ -f ~/.bashrc ]; then . ~/.bashrc; fi\n' : '');
  const session = new ShellSession({
    fs: c.fs,
    clock: opts.clock,
    commands,
    hostname: c.hostname,
    cwd: userland.workdir,
    cols: opts.cols,
    rows: opts.rows,
    env,
    historyFile: null,
  });
  const vars = session.interpreter.state.vars;
  for (const k of LOGIN_ONLY_VARS) if (!(k in env)) vars.delete(k);
  vars.set('PS1', { value: promptFor(prog, flavour, userland), exported: false, readonly: false });
  void session.ready.finally(release);
  let lines = 0;
  const reword = (s: string) => rewordShellErrors(s.replace(/^logout\r\n/m, flavour === 'bash' ? 'exit\r\n' : ''), flavour, prog, () => lines);
  const off = session.onOutput((d) => io.stdout(reword(d)));
  let finish!: (r: { code: number }) => void;
  const exited = new Promise<{ code: number }>((resolve) => (finish = resolve));
  const stop = () => {
    off();
    void session.dispose();
    finish({ code: 137 });
  };
  c.stopped.addEventListener('abort', stop, { once: true });
  session.onExit((code) => {
    off();
    c.stopped.removeEventListener('abort', stop);
    finish({ code });
  });
  // The container's own terminal starts without a size; a line-editing shell redraws its prompt
  // and line when the size changes (dash has no line editing and does not).
  let size = opts.mainProcess ? '' : `${opts.cols ?? 80}x${opts.rows ?? 24}`;
  const redraws = opts.mainProcess && flavour !== 'dash';
  return {
    input: (d) => {
      const text = d.toString('utf8');
      lines += (text.match(/\r/g) ?? []).length;
      session.feed(text);
    },
    endInput: () => session.feed('\x04'),
    resize: (cols, rows) => {
      const changed = `${cols}x${rows}` !== size;
      size = `${cols}x${rows}`;
      session.resize(cols, rows);
      if (changed && redraws) session.redraw();
    },
    kill: stop,
    exited,
  };
}

/**
 * `kubectl attach`: the main process's output from now on (stdout and stderr, or both on the
 * terminal with a tty) until the container stops, for a container without stdin: its main
 * process's stdin is at end of input, so the client's input goes nowhere. A container with
 * `stdin: true` is attached through its ContainerStdio instead.
 */
export function attachContainer(c: RunningContainer, req: Pick<ExecRequest, 'tty'>, io: ExecIO): ExecProcess {
  let finish!: (r: { code: number }) => void;
  const exited = new Promise<{ code: number }>((resolve) => (finish = resolve));
  const off = c.onOutput((line) => {
    const text = line.text + (req.tty ? '\r\n' : '\n');
    if (line.stream === 'stderr' && !req.tty) io.stderr(text);
    else io.stdout(text);
  });
  const end = () => {
    off();
    finish({ code: 0 });
  };
  if (c.stopped.aborted) end();
  else c.stopped.addEventListener('abort', end, { once: true });
  return {
    input: () => undefined,
    endInput: () => undefined,
    resize: () => undefined,
    kill: () => {
      c.stopped.removeEventListener('abort', end);
      end();
    },
    exited,
  };
}

/**
 * Busybox words some errors its own way; the liveness-probe walkthrough shows
 * `cat: can't open '/tmp/healthy': No such file or directory` in the pod's events.
 */
export function rewordForDistro(text: string, userland: Userland | undefined): string {
  if (userland?.distro !== 'busybox' && userland?.distro !== 'alpine') return text;
  return text
    .replace(/^cat: (.+): No such file or directory$/gm, "cat: can't open '$1': No such file or directory")
    .replace(/^ls: cannot access '(.+)': No such file or directory$/gm, 'ls: $1: No such file or directory')
    .replace(/^rm: cannot remove '(.+)': No such file or directory$/gm, "rm: can't remove '$1': No such file or directory");
}

/**
 * Runs a container process that is not an exec session — the main process (`sh -c 'while true;
 * do echo hello; sleep 1; done'`) and exec probes — with the shell library on the container's
 * filesystem. Output goes to the callbacks (the container log, or the probe's output).
 */
export async function runContainerCommand(
  c: RunningContainer,
  argv: string[],
  out: { stdout(text: string): void; stderr(text: string): void },
  signal: AbortSignal,
  clock: ShellClock,
): Promise<number> {
  const env = execEnvironment(c, false);
  let path: string;
  try {
    path = lookupProgram(c, argv, env);
  } catch {
    out.stderr(`sh: ${argv[0]}: not found\n`);
    return 127;
  }
  const userland = c.userland;
  const commands = userland ? containerCommands(userland) : new CommandRegistry();
  const prog = path.slice(path.lastIndexOf('/') + 1);
  const entry = commands.get(prog);
  const flavour = flavourOf(prog, userland);
  const name = SHELLS.has(prog) ? prog : 'sh';
  const reword = (s: string) => rewordForDistro(rewordShellErrors(s, flavour, name), userland);
  const sh = Interpreter.create({ fs: c.fs, clock, commands, identity: IDENTITY(c.hostname), interactive: false, errorName: 'sh', env, cwd: userland?.workdir ?? '/' });
  sh.state.vars.delete('PWD');
  sh.signal = signal;
  const text = (d: Chunk) => (typeof d === 'string' ? d : Buffer.from(d).toString('utf8'));
  const io: Io = {
    stdin: emptyInput(),
    stdout: { closed: false, write: (d) => Promise.resolve(out.stdout(text(d))) },
    stderr: { closed: false, write: (d) => Promise.resolve(out.stderr(reword(text(d)))) },
  };
  try {
    const code = await sh.invoke([entry ? prog : path, ...argv.slice(1)], io);
    if (signal.aborted) throw new Error('killed');
    return code;
  } catch (e) {
    if (signal.aborted) throw e instanceof Error ? e : new Error('killed');
    return 1;
  }
}

/**
 * The main process of a container whose stdin the runtime keeps open (`stdin: true`), run as an
 * exec would be but with the container's `stdio` as its streams: with `tty: true` a terminal (a
 * shell is interactive: prompt, echo, line editing), else a pipe (a shell runs each command as it
 * arrives). Resolves with the exit status; rejects once `signal` killed it.
 */
export async function runMainProcess(c: RunningContainer, argv: string[], stdio: ContainerStdio, signal: AbortSignal, clock: ShellClock): Promise<number> {
  const text = (d: string | Buffer) => (typeof d === 'string' ? d : d.toString('utf8'));
  const io: ExecIO = { stdout: (d) => stdio.write('stdout', text(d)), stderr: (d) => stdio.write('stderr', text(d)) };
  let proc: ExecProcess;
  try {
    proc = startContainerExec(c, { command: argv, tty: stdio.tty, stdin: true }, io, { clock, mainProcess: true });
  } catch (e) {
    if (!(e instanceof ExecStartError)) throw e;
    // As for a main process without stdin (runContainerCommand).
    stdio.write('stderr', `sh: ${argv[0]}: not found${stdio.tty ? '\r\n' : '\n'}`);
    return 127;
  }
  stdio.connect(proc);
  const kill = () => proc.kill();
  if (signal.aborted) kill();
  else signal.addEventListener('abort', kill, { once: true });
  try {
    const { code } = await proc.exited;
    if (signal.aborted) throw new Error('killed');
    return code;
  } finally {
    signal.removeEventListener('abort', kill);
  }
}

/**
 * Holds a session's output until the client can receive it. client-go's WebSocket executor
 * creates its stream readers after the handshake and drops frames that arrive earlier ("Unknown
 * stream id 1, discarding message"); a real exec's first bytes come later than that, ours can come
 * at once (a shell's prompt). The first message from the client (kubectl sends the terminal size
 * as soon as its streams exist) opens the gate, or `fallbackMs` of clock time.
 */
export function gateOutput(io: ExecIO, proc: (io: ExecIO) => ExecProcess, setTimer: (ms: number, fn: () => void) => () => void, fallbackMs: number): ExecProcess {
  const pending: [keyof ExecIO, string | Buffer][] = [];
  let open = false;
  let opened!: () => void;
  const ready = new Promise<void>((resolve) => (opened = resolve));
  const openGate = () => {
    if (open) return;
    open = true;
    cancel();
    for (const [stream, data] of pending.splice(0)) io[stream](data);
    opened();
  };
  let cancel = () => {};
  const gated: ExecIO = {
    stdout: (d) => (open ? io.stdout(d) : void pending.push(['stdout', d])),
    stderr: (d) => (open ? io.stderr(d) : void pending.push(['stderr', d])),
  };
  const p = proc(gated); // may throw: the runtime refused to start it
  cancel = setTimer(fallbackMs, openGate);
  return {
    input: (d) => {
      openGate();
      p.input(d);
    },
    endInput: () => {
      openGate();
      p.endInput();
    },
    resize: (cols, rows) => {
      openGate();
      p.resize(cols, rows);
    },
    kill: () => {
      cancel();
      p.kill();
    },
    // The exit status must not overtake output still held here.
    exited: p.exited.then(async (r) => {
      await ready;
      return r;
    }),
  };
}
