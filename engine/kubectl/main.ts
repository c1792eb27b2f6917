// The process launcher for bin/kubectl: wires the real process (node fs, environment,
// stdio, terminal size, Ctrl-C) to run() and returns the exit code for the caller to exit with.
// This is the only file here that touches process.* or node:fs.

import type { KubectlIO } from './io';

export async function main(argv: string[]): Promise<number> {
  const [{ run }, fsp] = await Promise.all([import('./run'), import('node:fs/promises')]);
  const controller = new AbortController();
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
    fs: {
      readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
      writeFile: (p, d, o) => fsp.writeFile(p, d, { mode: o?.mode }),
      exists: (p) => fsp.access(p).then(() => true, () => false),
      readdir: (p) => fsp.readdir(p),
      stat: async (p) => {
        const s = await fsp.stat(p);
        return { isFile: s.isFile(), isDirectory: s.isDirectory(), mode: s.mode, size: s.size };
      },
      mkdir: async (p, o) => void (await fsp.mkdir(p, o)),
      remove: (p) => fsp.rm(p, { force: true }),
    },
    terminal: { isTTY: !!process.stdout.isTTY, columns: process.stdout.columns ?? 80, rows: process.stdout.rows ?? 24 },
    signal: controller.signal,
    now: () => Date.now(),
    platform: `${process.platform === 'win32' ? 'windows' : process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
    pid: process.pid,
    stdinStream: () => process.stdin as AsyncIterable<Uint8Array>,
    stdinIsTTY: !!process.stdin.isTTY,
    setRawMode: (raw) => {
      if (process.stdin.isTTY) process.stdin.setRawMode(raw);
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
    await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
    return code;
  } finally {
    process.off('SIGINT', onSigint);
  }
}
