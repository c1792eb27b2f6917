// `kubectl` inside a node shell: the bundled kubectl library, run in-process (no process start),
// reading the node's virtual filesystem and writing to the shell's streams.
import type { Command, CommandContext } from '../shell/command-context';
import { isVfsError } from '../shell/virtual-fs';
import type { HttpTransport, KubectlFS, KubectlIO } from '../kubectl/io';

function vfsAdapter(ctx: CommandContext): KubectlFS {
  const abs = (p: string) => ctx.resolvePath(p);
  const wrap = async <T>(fn: () => T): Promise<T> => {
    try {
      return fn();
    } catch (e) {
      // kubectl's error texts expect Go's os errors: `open x: no such file or directory`.
      if (isVfsError(e)) {
        const err = new Error(e.message) as Error & { code?: string };
        err.code = (e as { code?: string }).code;
        throw err;
      }
      throw e;
    }
  };
  return {
    readFile: (p) => wrap(() => new Uint8Array(ctx.fs.readFileBuffer(abs(p)))),
    writeFile: (p, d, o) => wrap(() => ctx.fs.writeFile(abs(p), typeof d === 'string' ? d : Buffer.from(d), { mode: o?.mode })),
    exists: async (p) => ctx.fs.exists(abs(p)),
    readdir: (p) => wrap(() => ctx.fs.readdir(abs(p))),
    stat: (p) =>
      wrap(() => {
        const s = ctx.fs.stat(abs(p));
        return { isFile: s.type === 'file', isDirectory: s.type === 'dir', mode: s.mode, size: s.size };
      }),
    mkdir: (p, o) => wrap(() => ctx.fs.mkdir(abs(p), o)),
    remove: (p) => wrap(() => ctx.fs.unlink(abs(p))),
  };
}

export function kubectlCommand(transport: HttpTransport): Command {
  return async (ctx, argv) => {
    const { run } = await import('../kubectl/run');
    let pending: Promise<void> = Promise.resolve();
    const sink = (stream: CommandContext['stdout']) => ({
      write: (s: string) => {
        pending = pending.then(() => stream.write(s));
      },
    });
    const io: KubectlIO = {
      stdin: async () => new Uint8Array(await ctx.stdin.readAllBytes()),
      stdout: sink(ctx.stdout),
      stderr: sink(ctx.stderr),
      env: { ...ctx.env },
      cwd: ctx.cwd,
      fs: vfsAdapter(ctx),
      terminal: { isTTY: ctx.isTTY, columns: ctx.terminal.cols, rows: ctx.terminal.rows },
      signal: ctx.signal,
      now: () => ctx.clock.now(),
      transport,
      platform: 'linux/amd64',
      pid: 1,
      // `kubectl edit` runs the editor (our vi, in-process) in this shell on this terminal; what
      // kubectl printed so far reaches the screen before the editor takes it over. 127 is the
      // shell's "command not found", which kubectl reports as an editor it cannot launch.
      launchEditor: async (editorArgv) => {
        await pending;
        const exitCode = await ctx.exec(editorArgv, { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr });
        return { exitCode, notFound: exitCode === 127 };
      },
    };
    const code = await run(argv.slice(1), io);
    await pending;
    return code;
  };
}
