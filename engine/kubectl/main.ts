// The process launcher for bin/kubectl: wires the real process (node fs, environment,
// stdio, terminal size, Ctrl-C) to run() and returns the exit code for the caller to exit with.
// This is the only file here that touches process.* (node-fs.ts is the filesystem).
//
// Start-up time counts (a student types kubectl hundreds of times): process.stdin is only created
// when a command reads it.

import { isatty } from 'node:tty';
import type { KubectlIO } from './io';
import { nodeFs } from './node-fs';

/** A reader or a pager that closed the pipe (`kubectl get pods | head -1`): Go dies of SIGPIPE, silently. */
function exitQuietlyOnBrokenPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}

export async function main(argv: string[]): Promise<number> {
  const { run } = await import('./run');
  exitQuietlyOnBrokenPipe(process.stdout);
  exitQuietlyOnBrokenPipe(process.stderr);
  const controller = new AbortController();
  let stdinStreamed = false;
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const io: KubectlIO = {
    stdin: async () => {
      const chunks: Buffer[] = [];
      for await (const c of process.stdin) chunks.push(c as Buffer);
      return new Uint8Array(Buffer.concat(chunks));
    },
    stdout: { write: (s) => void process.stdout.write(s) },
    stderr: { write: (s) => void process.stderr.write(s) },
    env: { ...process.env },
    cwd: process.cwd(),
    fs: nodeFs,
    terminal: { isTTY: !!process.stdout.isTTY, columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 },
    signal: controller.signal,
    diskCache: true,
    now: () => Date.now(),
    platform: `${process.platform === 'win32' ? 'windows' : process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
    pid: process.pid,
    stdinStream: () => {
      stdinStreamed = true;
      return process.stdin as AsyncIterable<Uint8Array>;
    },
    stdinIsTTY: isatty(0),
    setRawMode: (raw) => {
      if (!process.stdin.isTTY) return;
      process.stdin.setRawMode(raw);
      // Go's term.MakeRaw also turns off output processing, so the container's "\r\n" reaches
      // the screen as is; libuv's raw mode keeps it ("\r\r\n"). Leaving raw mode restores
      // the whole saved termios, this included.
      // (child_process is loaded here, not at start: a microtask, long before the first output.)
      if (raw && process.platform !== 'win32') {
        void import('node:child_process').then(({ spawnSync }) => spawnSync('stty', ['-opost'], { stdio: ['inherit', 'ignore', 'ignore'] }));
      }
    },
    launchEditor: async (argv) => {
      const { spawn } = await import('node:child_process');
      return new Promise((resolve) => {
        const child = spawn(argv[0], argv.slice(1), { stdio: 'inherit' });
        child.on('error', (e: NodeJS.ErrnoException) => resolve({ exitCode: 127, notFound: e.code === 'ENOENT' }));
        child.on('exit', (code) => resolve({ exitCode: code ?? 1 }));
      });
    },
    onResize: (listener) => {
      const h = () => listener({ columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 });
      process.stdout.on('resize', h);
      return () => void process.stdout.off('resize', h);
    },
  };
  try {
    const code = await run(argv, io);
    // An interactive command that ends while stdin is still open (the container's shell exited):
    // the open stdin would keep the process alive.
    if (stdinStreamed) process.stdin.destroy();
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    return code;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
