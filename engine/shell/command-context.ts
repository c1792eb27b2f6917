// The contract between the shell and a command: everything a command may see of the world.
// A command is `(ctx, argv) => Promise<exitStatus>`; argv[0] is the name it was invoked as.
import type { ShellClock } from './shell-clock';
import type { InputStream, OutputStream } from './streams';
import type { VirtualFs } from './virtual-fs';

export type Command = (ctx: CommandContext, argv: string[]) => Promise<number>;

export interface Io {
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
}

/** Who is logged in, and where. */
export interface Identity {
  user: string;
  uid: number;
  gid: number;
  group: string;
  hostname: string;
  home: string;
}

/** The terminal the session is attached to (a fixed 80x24 non-terminal for scripts). */
export interface TerminalInfo {
  readonly cols: number;
  readonly rows: number;
  /**
   * Raw mode for full-screen programs (vi, top): keystrokes reach stdin unprocessed and
   * unechoed, and "\n" is no longer turned into "\r\n". Restored when the command ends.
   */
  setRawMode(raw: boolean): void;
  /** Called with the new size when the terminal is resized. Returns the unsubscribe. */
  onResize(listener: (cols: number, rows: number) => void): () => void;
}

export interface CommandContext extends Io {
  /** Exported variables, including `VAR=x cmd` assignments. */
  readonly env: Readonly<Record<string, string>>;
  /** Absolute working directory. */
  readonly cwd: string;
  readonly fs: VirtualFs;
  readonly clock: ShellClock;
  /** Aborts on Ctrl-C: stop, and let the shell report status 130. */
  readonly signal: AbortSignal;
  /** True when stdout is the terminal (ls columns, colours). */
  readonly isTTY: boolean;
  /** True when stdin is the terminal (interactive prompts). */
  readonly stdinIsTTY: boolean;
  readonly terminal: TerminalInfo;
  readonly identity: Identity;
  /** Absolute path of `path` relative to cwd, with `~` expanded. */
  resolvePath(path: string): string;
  /** Runs another command (function, builtin or registered command) with this context's I/O by default. */
  exec(argv: string[], io?: Partial<Io>): Promise<number>;
  /**
   * Runs shell source in a child shell (`sh -c`, `watch`), with `args` as $0 $1... A `signal`
   * stops it on its own (`timeout`); it stops on Ctrl-C either way.
   */
  runScript(source: string, io?: Partial<Io>, args?: string[], opts?: { signal?: AbortSignal }): Promise<number>;
}

/** GNU-style `prog: message` on stderr. */
export async function printError(ctx: Pick<CommandContext, 'stderr'>, prog: string, message: string): Promise<void> {
  await ctx.stderr.write(`${prog}: ${message}\n`);
}
