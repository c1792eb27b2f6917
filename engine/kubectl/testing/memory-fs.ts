// An in-memory KubectlFS and KubectlIO for tests (and a model for the node shell's wiring).

import type { FileStat, KubectlFS, KubectlIO } from '../io';

export class MemoryFS implements KubectlFS {
  readonly files = new Map<string, Uint8Array>();
  readonly dirs = new Set<string>(['/']);
  readonly mtimes = new Map<string, number>();
  /** The clock files are stamped with (tests move it to age caches). */
  now: () => number = () => Date.now();

  constructor(initial: Record<string, string> = {}) {
    for (const [p, c] of Object.entries(initial)) this.put(p, c);
  }

  put(path: string, content: string | Uint8Array): void {
    this.files.set(path, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    this.mtimes.set(path, this.now());
    for (let d = parent(path); d !== '/'; d = parent(d)) this.dirs.add(d);
  }

  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f && new TextDecoder().decode(f);
  }

  async readFile(path: string): Promise<Uint8Array> {
    const f = this.files.get(path);
    if (!f) throw Object.assign(new Error(`open ${path}: no such file or directory`), { code: 'ENOENT' });
    return f;
  }
  async writeFile(path: string, data: string | Uint8Array): Promise<void> {
    this.put(path, data);
  }
  async exists(path: string): Promise<boolean> {
    return this.files.has(path) || this.dirs.has(path);
  }
  async readdir(path: string): Promise<string[]> {
    const prefix = path.endsWith('/') ? path : path + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) if (p.startsWith(prefix) && p !== prefix) names.add(p.slice(prefix.length).split('/')[0]);
    return [...names].sort();
  }
  async stat(path: string): Promise<FileStat> {
    if (this.files.has(path)) return { isFile: true, isDirectory: false, size: this.files.get(path)!.length, mtimeMs: this.mtimes.get(path) };
    if (this.dirs.has(path)) return { isFile: false, isDirectory: true };
    throw Object.assign(new Error(`stat ${path}: no such file or directory`), { code: 'ENOENT' });
  }
  async mkdir(path: string): Promise<void> {
    for (let d = path; d !== '/'; d = parent(d)) this.dirs.add(d);
  }
}

function parent(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export interface CapturedIO extends KubectlIO {
  out: () => string;
  err: () => string;
}

export function memoryIO(opts: { fs?: MemoryFS; env?: Record<string, string>; cwd?: string; stdin?: string } = {}): CapturedIO {
  let out = '';
  let err = '';
  return {
    stdin: async () => new TextEncoder().encode(opts.stdin ?? ''),
    stdout: { write: (s) => void (out += s) },
    stderr: { write: (s) => void (err += s) },
    env: opts.env ?? {},
    cwd: opts.cwd ?? '/',
    fs: opts.fs ?? new MemoryFS(),
    now: () => Date.parse('2025-01-01T00:00:00Z'),
    platform: 'linux/amd64',
    pid: 4242,
    out: () => out,
    err: () => err,
  };
}
