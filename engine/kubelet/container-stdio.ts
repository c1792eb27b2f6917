// The standard streams of a container created with `stdin: true` (what `kubectl run -i/-it`
// creates): the runtime keeps the main process's stdin open — a pipe, or a terminal with `tty:
// true` — and `kubectl attach` sessions write into it and read the process's output. The output
// also goes to the container log, split into lines as the runtime's logger does. `stdinOnce`
// closes stdin for good when the first attach session that used it lets go.
// Upstream: containerd internal/cri/io/container_io.go (Attach), internal/cri/io/logger.go
// (redirectLogs: lines cut at "\n", a "\r\n" ending dropped), core/v1 Container.stdinOnce
import type { ExecIO, ExecProcess } from '../api/exec-stream';

export type OutputStreamName = 'stdout' | 'stderr';

/**
 * Cuts output into log lines as the runtime's logger does: a line ends at "\n", and a "\r\n"
 * ending (a terminal's) is dropped whole; text without a newline waits for more.
 */
export class LogLineSplitter {
  private partial = '';

  /** The lines completed by `text`. */
  push(text: string): string[] {
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop()!;
    return parts.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  }

  /** What is left when the stream ends (the logger writes it as a partial line). */
  flush(): string | undefined {
    const rest = this.partial;
    this.partial = '';
    return rest ? rest : undefined;
  }
}

/** The main process as its stdio sees it: where stdin data, end of input and resizes go. */
export interface StdinProcess {
  input(data: Buffer): void;
  endInput(): void;
  resize(cols: number, rows: number): void;
}

export interface AttachRequest {
  stdin: boolean;
  tty: boolean;
}

export class ContainerStdio {
  private process: StdinProcess | undefined;
  private stdinClosed = false;
  private ended = false;
  private readonly listeners = new Set<(stream: OutputStreamName, data: string) => void>();
  private readonly splitters = { stdout: new LogLineSplitter(), stderr: new LogLineSplitter() };

  /**
   * @param tty the container has a terminal (stdout and stderr share it)
   * @param stdinOnce close stdin once the first attach session with stdin ends
   * @param logLine appends one line to the container log
   */
  constructor(
    readonly tty: boolean,
    readonly stdinOnce: boolean,
    private readonly logLine: (stream: OutputStreamName, text: string) => void,
  ) {}

  /** The main process started: stdin and resizes go to it from now on. */
  connect(process: StdinProcess): void {
    this.process = process;
    if (this.stdinClosed) process.endInput();
  }

  get stdinOpen(): boolean {
    return !this.stdinClosed;
  }

  /** Output of the main process: to every attached session, and to the log. */
  write(stream: OutputStreamName, data: string): void {
    if (!data) return;
    // A terminal has one output stream; the runtime logs it as stdout.
    const logged = this.tty ? 'stdout' : stream;
    for (const l of [...this.listeners]) l(stream, data);
    for (const line of this.splitters[logged].push(data)) this.logLine(logged, line);
  }

  /** The process is gone: the logger writes what is left, attached sessions end. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const stream of ['stdout', 'stderr'] as const) {
      const rest = this.splitters[stream].flush();
      if (rest !== undefined) this.logLine(stream, rest);
    }
    this.process = undefined;
  }

  private closeStdin(): void {
    if (this.stdinClosed) return;
    this.stdinClosed = true;
    this.process?.endInput();
  }

  /**
   * `kubectl attach`: the process's output from now on, and with `req.stdin` the client's input
   * into the process's stdin. The session ends when the container stops (`stopped`), when the
   * client goes (`kill`), or when the client's stdin ends — except with stdinOnce and no tty,
   * where the end of the client's input closes the process's stdin and the session stays for the
   * output until the process exits.
   */
  attach(req: AttachRequest, io: ExecIO, stopped: AbortSignal): ExecProcess {
    let finish!: (r: { code: number }) => void;
    const exited = new Promise<{ code: number }>((resolve) => (finish = resolve));
    const feedsStdin = req.stdin && !this.stdinClosed;
    const listener = (stream: OutputStreamName, data: string) => (stream === 'stderr' && !req.tty ? io.stderr(data) : io.stdout(data));
    this.listeners.add(listener);
    let done = false;
    const end = () => {
      if (done) return;
      done = true;
      this.listeners.delete(listener);
      stopped.removeEventListener('abort', end);
      finish({ code: 0 });
    };
    const detach = () => {
      if (feedsStdin && this.stdinOnce) this.closeStdin();
      end();
    };
    if (stopped.aborted || this.ended) end();
    else stopped.addEventListener('abort', end, { once: true });
    return {
      input: (data) => {
        if (feedsStdin && !done && !this.stdinClosed) this.process?.input(data);
      },
      endInput: () => {
        if (!feedsStdin || done) return;
        if (this.stdinOnce && !this.tty) this.closeStdin();
        else detach();
      },
      resize: (cols, rows) => {
        if (this.tty && req.tty && !done) this.process?.resize(cols, rows);
      },
      kill: detach,
      exited,
    };
  }
}
