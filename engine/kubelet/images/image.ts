// What a container image is to the simulated runtime: a class with one entry point,
// `exec(ctx, argv)`, that runs a process (the container's main process, an exec probe, later
// `kubectl exec`). The process sees the world only through its ContainerContext: files, env,
// its pod's network (listeners), the clock, stdout/stderr and signals. It resolves with the exit
// code; a server never resolves until it is signalled.
import type { Clock } from '../../clock';
import type { Userland } from './userland';

export interface HttpRequest {
  method: string;
  path: string;
  host: string;
  headers: Record<string, string>;
  /** The client's address as the server sees it (access logs); the network fills it in. */
  remoteAddr?: string;
}

export interface HttpResponse {
  status: number;
  body: string;
  headers?: Record<string, string>;
}

/** Something listening on a port of the pod's network namespace. */
export interface Listener {
  protocol: 'TCP' | 'UDP';
  /** HTTP servers answer requests; a bare TCP listener only accepts connections. */
  http?: (req: HttpRequest) => HttpResponse;
  /** Which container opened it. */
  container: string;
}

/** A tiny per-container filesystem (the exec shell replaces it with the full virtual fs). */
export interface ContainerFs {
  read(path: string): string | undefined;
  write(path: string, content: string): void;
  remove(path: string): boolean;
  exists(path: string): boolean;
  list(dir: string): string[];
}

export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGQUIT';

export interface ContainerContext {
  readonly clock: Clock;
  /** Aborts when the process is killed (SIGKILL): stop at once. */
  readonly signal: AbortSignal;
  readonly env: Readonly<Record<string, string>>;
  readonly hostname: string;
  readonly podIP: string;
  readonly fs: ContainerFs;
  /** True for the container's main process (PID 1), false for exec'd commands and probes. */
  readonly pid1: boolean;
  /**
   * Runs a program of the image (`sh -c ...`, `cat`, `sleep`) with the shell library on the
   * container's filesystem, as the runtime would start it. Absent in contexts without a full
   * container (tests of images alone), where the mini shell runs it.
   */
  readonly run?: (argv: string[]) => Promise<number>;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Opens a port in the pod's network namespace; returns the close function. */
  listen(port: number, listener: Omit<Listener, 'container'>): () => void;
  /** Registers a handler for a catchable signal. A PID 1 without one ignores SIGTERM. */
  onSignal(handler: (sig: Signal) => void): void;
  /** Reports resident memory; above the container's limit the process is OOM-killed. */
  useMemory(bytes: number): void;
}

/** Catalog facts about one image repository (data other engines extend). */
export interface ImageFacts {
  /** Normalised repositories served by this entry, e.g. docker.io/library/nginx. */
  repositories: string[];
  /** Tags that exist; anything else is "not found". */
  tags: RegExp;
  /** Compressed size in bytes, as the Pulled event reports it (per tag when it varies). */
  sizeBytes: (tag: string) => number;
}

export abstract class Image {
  /** The family name, e.g. `nginx`. */
  abstract readonly family: string;
  abstract readonly facts: ImageFacts;
  /** ENTRYPOINT and CMD of the image (used when the container sets no command/args). */
  abstract entrypoint(tag: string): string[];
  abstract cmd(tag: string): string[];
  /** Extra environment the image sets (PATH...). */
  env(_tag: string): Record<string, string> {
    return { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };
  }
  /** Files the image ships, written into a new container's filesystem. */
  files(_tag: string): Record<string, string> {
    return {};
  }
  /** The shell and programs the image ships (undefined: distroless, no shell). */
  userland(_tag: string): Userland | undefined {
    return undefined;
  }
  /** Runs a process. argv[0] is the program. Resolves with the exit code. */
  abstract exec(ctx: ContainerContext, argv: string[], tag: string): Promise<number>;
}

/** Resolves after ms of cluster time; rejects when the process is killed. */
export function sleep(ctx: ContainerContext, ms: number): Promise<void> {
  return ctx.clock.sleep(ms, ctx.signal);
}

/** Waits until the process is killed or `handler` calls `exit`; used by servers. */
export function serveUntilStopped(ctx: ContainerContext, stop: { graceMs: number; exitCode: number; onStop?: () => void }): Promise<number> {
  return new Promise((resolve, reject) => {
    if (ctx.signal.aborted) return reject(new Error('killed'));
    ctx.signal.addEventListener('abort', () => reject(new Error('killed')), { once: true });
    ctx.onSignal((sig) => {
      if (sig === 'SIGKILL') return;
      stop.onStop?.();
      ctx.clock.sleep(stop.graceMs, ctx.signal).then(
        () => resolve(stop.exitCode),
        () => undefined,
      );
    });
  });
}

/** Splits a probe/exec command the way `sh -c` users expect when argv is a single string. */
export function programName(argv: string[]): string {
  const p = argv[0] ?? '';
  return p.slice(p.lastIndexOf('/') + 1);
}
