// The shape most catalog images share: a long-running server that opens its ports after a short
// start-up, answers HTTP from its routes, logs a few start-up lines and stops on SIGTERM after a
// short shutdown. Commands other than the server itself (`sh -c ...`, `cat`, `echo`) run in the
// mini shell, as they would with the image's /bin/sh.
import type { ContainerContext, HttpRequest, HttpResponse, ImageFacts } from './image';
import { Image, programName, serveUntilStopped, sleep } from './image';
import { runCommand } from './mini-shell';
import type { Userland } from './userland';

export interface PortSpec {
  port: number;
  protocol?: 'TCP' | 'UDP';
  /** Answers HTTP on this port; undefined for non-HTTP servers (redis, mysql, dns). */
  http?: (req: HttpRequest, ctx: ContainerContext, tag: string) => HttpResponse;
}

export interface ServerSpec {
  family: string;
  facts: ImageFacts;
  entrypoint: string[];
  cmd: string[];
  /** Program names (argv[0] basenames) that start the server rather than a shell command. */
  serverPrograms: string[];
  ports: PortSpec[];
  /** Milliseconds from process start until the ports are open. */
  startupMs: number;
  /** Milliseconds from SIGTERM until exit (0 = immediate). */
  stopMs: number;
  /** Exit code after a graceful stop. */
  stopExitCode?: number;
  memoryBytes: number;
  /** Lines written to stdout at start (a function of the clock, e.g. nginx's dated notices). */
  startupLog?: (ctx: ContainerContext, tag: string) => string;
  files?: (tag: string) => Record<string, string>;
  env?: (tag: string) => Record<string, string>;
  /** The image's shell and programs (kubectl exec); undefined for distroless images. */
  userland?: (tag: string) => Userland | undefined;
  /** Checked before serving: a message on stderr and an exit code make the container crash. */
  preflight?: (ctx: ContainerContext, tag: string) => { stderr: string; exitCode: number } | undefined;
}

export class ServerImage extends Image {
  readonly family: string;
  readonly facts: ImageFacts;

  constructor(readonly spec: ServerSpec) {
    super();
    this.family = spec.family;
    this.facts = spec.facts;
  }

  entrypoint(): string[] {
    return this.spec.entrypoint;
  }

  cmd(): string[] {
    return this.spec.cmd;
  }

  override env(tag: string): Record<string, string> {
    return { ...super.env(tag), ...(this.spec.env?.(tag) ?? {}) };
  }

  override files(tag: string): Record<string, string> {
    return this.spec.files?.(tag) ?? {};
  }

  override userland(tag: string): Userland | undefined {
    return this.spec.userland?.(tag);
  }

  async exec(ctx: ContainerContext, argv: string[], tag: string): Promise<number> {
    const prog = programName(argv);
    if (!this.spec.serverPrograms.includes(prog)) return runCommand(ctx, argv);
    const failure = this.spec.preflight?.(ctx, tag);
    if (failure) {
      ctx.stderr(failure.stderr);
      return failure.exitCode;
    }
    ctx.useMemory(this.spec.memoryBytes);
    if (this.spec.startupMs > 0) await sleep(ctx, this.spec.startupMs);
    const closers = this.spec.ports.map((p) =>
      ctx.listen(p.port, { protocol: p.protocol ?? 'TCP', http: p.http ? (req) => p.http!(req, ctx, tag) : undefined }),
    );
    const log = this.spec.startupLog?.(ctx, tag);
    if (log) ctx.stdout(log);
    try {
      return await serveUntilStopped(ctx, { graceMs: this.spec.stopMs, exitCode: this.spec.stopExitCode ?? 0, onStop: () => closers.forEach((c) => c()) });
    } finally {
      for (const c of closers) c();
    }
  }
}

/** Static files from the container filesystem under `root`, with `index` for directories. */
export function serveFiles(req: HttpRequest, ctx: ContainerContext, root: string, notFound: () => HttpResponse): HttpResponse {
  const path = req.path.split('?')[0];
  const file = ctx.fs.read(root + (path.endsWith('/') ? path + 'index.html' : path));
  if (file === undefined) return notFound();
  return { status: 200, body: file, headers: { 'Content-Type': 'text/html' } };
}

/** `nginx`-style timestamp `2026/01/01 10:00:00`. */
export function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export const VERSION_TAG = /^(latest|stable|mainline|alpine|perl|bookworm|bullseye|buster|slim|musl|glibc|uclibc|v?\d+(\.\d+){0,3}([.+_-][a-z0-9._-]+)?)$/;
