// An in-memory POSIX-like filesystem: the persistent disk of a simulated node or container.
// Paths given to it are absolute (the shell resolves ., .., ~ and the working directory first;
// `resolvePath` below is the helper for that). Errors carry errno codes and strerror texts so a
// command can print GNU messages such as `cat: x: No such file or directory`.
import type { ShellClock } from './shell-clock';

export type FileContent = string | Buffer;

export type ErrnoCode = 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EACCES' | 'EINVAL' | 'EBUSY';

const STRERROR: Record<ErrnoCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  EBUSY: 'Device or resource busy',
};

/** A failed filesystem call. `message` is the C library's strerror text for `code`. */
export class VfsError extends Error {
  constructor(
    readonly code: ErrnoCode,
    readonly path: string,
  ) {
    super(STRERROR[code]);
    this.name = 'VfsError';
  }
}

export function isVfsError(err: unknown, code?: ErrnoCode): err is VfsError {
  return err instanceof VfsError && (code === undefined || err.code === code);
}

/** Character devices the shell needs: /dev/null and friends. */
export type DeviceKind = 'null' | 'zero' | 'tty';

interface NodeBase {
  mode: number; // permission bits only, e.g. 0o644
  mtime: number; // ms since the epoch, from the clock
}
interface FileNode extends NodeBase {
  type: 'file';
  content: FileContent;
}
interface DirNode extends NodeBase {
  type: 'dir';
  children: Map<string, VfsNode>;
}
interface DeviceNode extends NodeBase {
  type: 'device';
  device: DeviceKind;
}
type VfsNode = FileNode | DirNode | DeviceNode;

export interface VfsStat {
  type: 'file' | 'dir' | 'device';
  size: number;
  mode: number;
  mtime: number;
  /** Link count as `ls -l` shows it: 2 + subdirectories for a directory, 1 otherwise. */
  nlink: number;
  device?: DeviceKind;
}

/** The serialised form written by `toJSON` (content of binary files is base64). */
export interface VfsJson {
  version: 1;
  root: VfsNodeJson;
}
export type VfsNodeJson =
  | { type: 'file'; mode: number; mtime: number; text?: string; base64?: string }
  | { type: 'dir'; mode: number; mtime: number; children: Record<string, VfsNodeJson> }
  | { type: 'device'; mode: number; mtime: number; device: DeviceKind };

/** Joins `path` onto `cwd` and normalises `.`, `..` and repeated slashes. `~` is the shell's job. */
export function resolvePath(cwd: string, path: string): string {
  const full = path.startsWith('/') ? path : `${cwd}/${path}`;
  const out: string[] = [];
  for (const seg of full.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path.startsWith('/') ? '/' : '';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function dirname(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  const i = trimmed.lastIndexOf('/');
  if (i < 0) return '.';
  if (i === 0) return '/';
  return trimmed.slice(0, i).replace(/\/+$/, '') || '/';
}

function contentSize(c: FileContent): number {
  return typeof c === 'string' ? Buffer.byteLength(c) : c.length;
}

export class VirtualFs {
  private root: DirNode;

  constructor(private readonly clock: ShellClock) {
    this.root = { type: 'dir', mode: 0o555, mtime: clock.now(), children: new Map() };
  }

  // ---- queries ----

  exists(path: string): boolean {
    return this.find(path) !== undefined;
  }

  isDirectory(path: string): boolean {
    return this.find(path)?.type === 'dir';
  }

  isFile(path: string): boolean {
    return this.find(path)?.type === 'file';
  }

  stat(path: string): VfsStat {
    const node = this.lookup(path);
    if (node.type === 'dir') {
      let subdirs = 0;
      for (const c of node.children.values()) if (c.type === 'dir') subdirs++;
      return { type: 'dir', size: 4096, mode: node.mode, mtime: node.mtime, nlink: 2 + subdirs };
    }
    if (node.type === 'device') return { type: 'device', size: 0, mode: node.mode, mtime: node.mtime, nlink: 1, device: node.device };
    return { type: 'file', size: contentSize(node.content), mode: node.mode, mtime: node.mtime, nlink: 1 };
  }

  /** Names in a directory, sorted by code point (callers sort for display). */
  readdir(path: string): string[] {
    const node = this.lookup(path);
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return [...node.children.keys()].sort();
  }

  readFile(path: string): string {
    const c = this.readContent(path);
    return typeof c === 'string' ? c : c.toString('utf8');
  }

  readFileBuffer(path: string): Buffer {
    const c = this.readContent(path);
    return typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
  }

  // ---- changes ----

  /** Creates or truncates a file. The parent directory must exist. */
  writeFile(path: string, data: FileContent, opts: { mode?: number } = {}): void {
    const existing = this.find(path);
    if (existing?.type === 'dir') throw new VfsError('EISDIR', path);
    if (existing?.type === 'device') return;
    if (existing) {
      existing.content = data;
      existing.mtime = this.clock.now();
      return;
    }
    const [parent, name] = this.parentOf(path);
    parent.children.set(name, { type: 'file', mode: opts.mode ?? 0o644, mtime: this.clock.now(), content: data });
    parent.mtime = this.clock.now();
  }

  appendFile(path: string, data: FileContent): void {
    const existing = this.find(path);
    if (!existing) return this.writeFile(path, data);
    if (existing.type === 'dir') throw new VfsError('EISDIR', path);
    if (existing.type === 'device') return;
    const old = existing.content;
    existing.content =
      typeof old === 'string' && typeof data === 'string' ? old + data : Buffer.concat([toBuffer(old), toBuffer(data)]);
    existing.mtime = this.clock.now();
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    if (opts.recursive) {
      let cur = this.root;
      const segs = segments(path);
      for (const [i, seg] of segs.entries()) {
        let next = cur.children.get(seg);
        if (!next) {
          next = { type: 'dir', mode: opts.mode ?? 0o755, mtime: this.clock.now(), children: new Map() };
          cur.children.set(seg, next);
          cur.mtime = this.clock.now();
        } else if (next.type !== 'dir') throw new VfsError(i === segs.length - 1 ? 'EEXIST' : 'ENOTDIR', path);
        cur = next;
      }
      return;
    }
    if (this.find(path)) throw new VfsError('EEXIST', path);
    const [parent, name] = this.parentOf(path);
    parent.children.set(name, { type: 'dir', mode: opts.mode ?? 0o755, mtime: this.clock.now(), children: new Map() });
    parent.mtime = this.clock.now();
  }

  /** Removes a file (not a directory). */
  unlink(path: string): void {
    const node = this.lookup(path);
    if (node.type === 'dir') throw new VfsError('EISDIR', path);
    this.detach(path);
  }

  /** Removes an empty directory. */
  rmdir(path: string): void {
    const node = this.lookup(path);
    if (node.type !== 'dir') throw new VfsError('ENOTDIR', path);
    if (node.children.size > 0) throw new VfsError('ENOTEMPTY', path);
    if (segments(path).length === 0) throw new VfsError('EBUSY', path);
    this.detach(path);
  }

  /** Removes a file or a whole tree. */
  removeTree(path: string): void {
    this.lookup(path);
    if (segments(path).length === 0) throw new VfsError('EBUSY', path);
    this.detach(path);
  }

  /** rename(2): moves a node; replaces a file or an empty directory at the destination. */
  rename(from: string, to: string): void {
    const node = this.lookup(from);
    const fromSegs = segments(from);
    const toSegs = segments(to);
    if (toSegs.length > fromSegs.length && fromSegs.every((s, i) => toSegs[i] === s)) throw new VfsError('EINVAL', to);
    const target = this.find(to);
    if (target === node) return;
    if (target) {
      if (target.type === 'dir' && node.type !== 'dir') throw new VfsError('EISDIR', to);
      if (target.type !== 'dir' && node.type === 'dir') throw new VfsError('ENOTDIR', to);
      if (target.type === 'dir' && target.children.size > 0) throw new VfsError('ENOTEMPTY', to);
    }
    const [parent, name] = this.parentOf(to);
    this.detach(from);
    parent.children.set(name, node);
    parent.mtime = this.clock.now();
  }

  chmod(path: string, mode: number): void {
    this.lookup(path).mode = mode & 0o7777;
  }

  /** Sets the modification time (`touch`); defaults to now. */
  utimes(path: string, mtime = this.clock.now()): void {
    this.lookup(path).mtime = mtime;
  }

  /** Creates a character device such as /dev/null. */
  mknod(path: string, device: DeviceKind, mode = 0o666): void {
    const [parent, name] = this.parentOf(path);
    parent.children.set(name, { type: 'device', device, mode, mtime: this.clock.now() });
  }

  // ---- persistence ----

  toJSON(): VfsJson {
    return { version: 1, root: nodeToJson(this.root) };
  }

  static fromJSON(json: VfsJson, clock: ShellClock): VirtualFs {
    if (json?.version !== 1 || json.root?.type !== 'dir') throw new Error('unsupported virtual filesystem snapshot');
    const fs = new VirtualFs(clock);
    fs.root = nodeFromJson(json.root) as DirNode;
    return fs;
  }

  // ---- internals ----

  private readContent(path: string): FileContent {
    const node = this.lookup(path);
    if (node.type === 'dir') throw new VfsError('EISDIR', path);
    if (node.type === 'device') return node.device === 'zero' ? Buffer.alloc(0) : '';
    return node.content;
  }

  private find(path: string): VfsNode | undefined {
    let cur: VfsNode = this.root;
    for (const seg of segments(path)) {
      if (cur.type !== 'dir') return undefined;
      const next: VfsNode | undefined = cur.children.get(seg);
      if (!next) return undefined;
      cur = next;
    }
    return cur;
  }

  /** Like find, but throws ENOENT / ENOTDIR as the kernel would. */
  private lookup(path: string): VfsNode {
    let cur: VfsNode = this.root;
    for (const seg of segments(path)) {
      if (cur.type !== 'dir') throw new VfsError('ENOTDIR', path);
      const next: VfsNode | undefined = cur.children.get(seg);
      if (!next) throw new VfsError('ENOENT', path);
      cur = next;
    }
    if (path.endsWith('/') && cur.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return cur;
  }

  private parentOf(path: string): [DirNode, string] {
    const segs = segments(path);
    const name = segs.pop();
    if (name === undefined) throw new VfsError('EEXIST', path);
    const parent = this.lookup('/' + segs.join('/'));
    if (parent.type !== 'dir') throw new VfsError('ENOTDIR', path);
    return [parent, name];
  }

  private detach(path: string): void {
    const [parent, name] = this.parentOf(path);
    parent.children.delete(name);
    parent.mtime = this.clock.now();
  }
}

function segments(path: string): string[] {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out;
}

function toBuffer(c: FileContent): Buffer {
  return typeof c === 'string' ? Buffer.from(c, 'utf8') : c;
}

function nodeToJson(node: VfsNode): VfsNodeJson {
  if (node.type === 'dir') {
    const children: Record<string, VfsNodeJson> = {};
    for (const [name, child] of node.children) children[name] = nodeToJson(child);
    return { type: 'dir', mode: node.mode, mtime: node.mtime, children };
  }
  if (node.type === 'device') return { type: 'device', mode: node.mode, mtime: node.mtime, device: node.device };
  return typeof node.content === 'string'
    ? { type: 'file', mode: node.mode, mtime: node.mtime, text: node.content }
    : { type: 'file', mode: node.mode, mtime: node.mtime, base64: node.content.toString('base64') };
}

function nodeFromJson(json: VfsNodeJson): VfsNode {
  if (json.type === 'dir') {
    const children = new Map<string, VfsNode>();
    for (const [name, child] of Object.entries(json.children)) children.set(name, nodeFromJson(child));
    return { type: 'dir', mode: json.mode, mtime: json.mtime, children };
  }
  if (json.type === 'device') return { type: 'device', mode: json.mode, mtime: json.mtime, device: json.device };
  const content = json.base64 !== undefined ? Buffer.from(json.base64, 'base64') : (json.text ?? '');
  return { type: 'file', mode: json.mode, mtime: json.mtime, content };
}
