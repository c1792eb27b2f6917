// A container's filesystem: the shell library's VirtualFs for the container's own (writable,
// thrown away on restart) root, with the pod's volumes mounted on it. Volumes are VirtualFs
// instances the pod worker keeps for the pod's lifetime, so an emptyDir is shared by the pod's
// containers and survives a container restart, as on a node. Images see the same files through
// the small ContainerFs interface (ContainerFsView), so nginx serves what a student writes into
// /usr/share/nginx/html/index.html with `kubectl exec`.
import type { ContainerFs } from './images/image';
import type { Userland } from './images/userland';
import type { ShellClock } from '../shell/shell-clock';
import { resolvePath, VfsError, VirtualFs, type DeviceKind, type FileContent, type VfsStat } from '../shell/virtual-fs';

interface Mount {
  path: string;
  fs: VirtualFs;
  /** Directory inside the volume that appears at `path` (subPath). */
  base: string;
}

/**
 * A VirtualFs whose paths under a mount point are served by another VirtualFs (a volume).
 * Every public call is routed by the longest matching mount; errors keep the caller's path.
 */
export class ContainerRootFs extends VirtualFs {
  private readonly mounts: Mount[] = [];
  private readonly phantoms = new Map<string, string>();

  /**
   * A file only lookups by exact path see (not listings), until the returned release is called:
   * a start-up file an interactive shell reads without it appearing on the container's disk.
   */
  addPhantom(path: string, content: string): () => void {
    const p = resolvePath('/', path);
    this.phantoms.set(p, content);
    return () => {
      if (this.phantoms.get(p) === content) this.phantoms.delete(p);
    };
  }

  private phantom(path: string): string | undefined {
    return this.phantoms.size ? this.phantoms.get(resolvePath('/', path)) : undefined;
  }

  /** Mounts `fs` (its directory `base`) at `path`, creating the mount point. */
  mount(path: string, fs: VirtualFs, base = '/'): void {
    const p = resolvePath('/', path);
    if (!super.isDirectory(p)) {
      if (super.exists(p)) super.removeTree(p);
      super.mkdir(p, { recursive: true });
    }
    if (!fs.isDirectory(base)) fs.mkdir(base, { recursive: true });
    this.mounts.push({ path: p, fs, base: resolvePath('/', base) });
    this.mounts.sort((a, b) => b.path.length - a.path.length);
  }

  /** Mount points, for `df` and tests. */
  mountPoints(): string[] {
    return this.mounts.map((m) => m.path);
  }

  private route(path: string): { fs: VirtualFs | undefined; inner: string; at?: Mount } {
    const p = resolvePath('/', path);
    for (const m of this.mounts) {
      if (p === m.path || p.startsWith(m.path === '/' ? '/' : m.path + '/')) {
        const rest = p.slice(m.path.length);
        return { fs: m.fs, inner: resolvePath(m.base, '.' + (rest || '/')), at: m };
      }
    }
    return { fs: undefined, inner: p };
  }

  /** Runs `own` on this filesystem or `other` on the volume, reporting errors with `path`. */
  private on<T>(path: string, own: (p: string) => T, other: (fs: VirtualFs, p: string) => T): T {
    const r = this.route(path);
    if (!r.fs) return own(r.inner);
    try {
      return other(r.fs, r.inner);
    } catch (err) {
      if (err instanceof VfsError) throw new VfsError(err.code, path);
      throw err;
    }
  }

  override exists(path: string): boolean {
    if (this.phantom(path) !== undefined) return true;
    return this.on(path, (p) => super.exists(p), (fs, p) => fs.exists(p));
  }
  override isDirectory(path: string): boolean {
    return this.on(path, (p) => super.isDirectory(p), (fs, p) => fs.isDirectory(p));
  }
  override isFile(path: string): boolean {
    if (this.phantom(path) !== undefined) return true;
    return this.on(path, (p) => super.isFile(p), (fs, p) => fs.isFile(p));
  }
  override stat(path: string): VfsStat {
    const ph = this.phantom(path);
    if (ph !== undefined) return { type: 'file', size: Buffer.byteLength(ph), mode: 0o644, mtime: 0, nlink: 1 };
    return this.on(path, (p) => super.stat(p), (fs, p) => fs.stat(p));
  }
  override readdir(path: string): string[] {
    return this.on(path, (p) => super.readdir(p), (fs, p) => fs.readdir(p));
  }
  override readFile(path: string): string {
    const ph = this.phantom(path);
    if (ph !== undefined) return ph;
    return this.on(path, (p) => super.readFile(p), (fs, p) => fs.readFile(p));
  }
  override readFileBuffer(path: string): Buffer {
    const ph = this.phantom(path);
    if (ph !== undefined) return Buffer.from(ph);
    return this.on(path, (p) => super.readFileBuffer(p), (fs, p) => fs.readFileBuffer(p));
  }
  override writeFile(path: string, data: FileContent, opts: { mode?: number } = {}): void {
    this.on(path, (p) => super.writeFile(p, data, opts), (fs, p) => fs.writeFile(p, data, opts));
  }
  override appendFile(path: string, data: FileContent): void {
    this.on(path, (p) => super.appendFile(p, data), (fs, p) => fs.appendFile(p, data));
  }
  override mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    this.on(path, (p) => super.mkdir(p, opts), (fs, p) => (opts.recursive && fs.isDirectory(p) ? undefined : fs.mkdir(p, opts)));
  }
  override unlink(path: string): void {
    this.on(path, (p) => super.unlink(p), (fs, p) => fs.unlink(p));
  }
  override rmdir(path: string): void {
    this.busyIfMountPoint(path);
    this.on(path, (p) => super.rmdir(p), (fs, p) => fs.rmdir(p));
  }
  override removeTree(path: string): void {
    this.busyIfMountPoint(path);
    this.on(path, (p) => super.removeTree(p), (fs, p) => fs.removeTree(p));
  }
  override rename(from: string, to: string): void {
    const a = this.route(from);
    const b = this.route(to);
    if (a.fs === b.fs) {
      this.on(from, (p) => super.rename(p, b.inner), (fs, p) => fs.rename(p, b.inner));
      return;
    }
    // Across filesystems (mv does copy + unlink there): files only.
    if (!this.isFile(from)) throw new VfsError('EINVAL', to);
    const content = this.readFileBuffer(from);
    const mode = this.stat(from).mode;
    this.writeFile(to, content, { mode });
    this.unlink(from);
  }
  override chmod(path: string, mode: number): void {
    this.on(path, (p) => super.chmod(p, mode), (fs, p) => fs.chmod(p, mode));
  }
  override utimes(path: string, mtime?: number): void {
    this.on(path, (p) => super.utimes(p, mtime), (fs, p) => fs.utimes(p, mtime));
  }
  override mknod(path: string, device: DeviceKind, mode?: number): void {
    this.on(path, (p) => super.mknod(p, device, mode), (fs, p) => fs.mknod(p, device, mode));
  }

  /** A mount point, or a directory holding one, cannot be removed while mounted. */
  private busyIfMountPoint(path: string): void {
    const p = resolvePath('/', path);
    for (const m of this.mounts) {
      if (m.path === p || m.path.startsWith(p === '/' ? '/' : p + '/')) throw new VfsError('EBUSY', path);
    }
  }
}

/** The images' view of a container filesystem (read/write/list by absolute path). */
export class ContainerFsView implements ContainerFs {
  constructor(readonly vfs: VirtualFs) {}

  read(path: string): string | undefined {
    try {
      return this.vfs.isFile(path) || this.vfs.stat(path).type === 'device' ? this.vfs.readFile(path) : undefined;
    } catch {
      return undefined;
    }
  }

  write(path: string, content: string): void {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/';
    if (!this.vfs.isDirectory(dir)) this.vfs.mkdir(dir, { recursive: true });
    this.vfs.writeFile(path, content);
  }

  remove(path: string): boolean {
    try {
      if (!this.vfs.exists(path)) return false;
      if (this.vfs.isDirectory(path)) this.vfs.removeTree(path);
      else this.vfs.unlink(path);
      return true;
    } catch {
      return false;
    }
  }

  exists(path: string): boolean {
    return this.vfs.exists(path);
  }

  list(dir: string): string[] {
    try {
      return this.vfs.isDirectory(dir) ? this.vfs.readdir(dir) : [];
    } catch {
      return [];
    }
  }
}

/** A volume's own filesystem, seeded with files at paths relative to its root. */
export function volumeFs(clock: ShellClock, files: Record<string, string> = {}, mode = 0o644): VirtualFs {
  const fs = new VirtualFs(clock);
  fs.chmod('/', 0o777);
  for (const [rel, content] of Object.entries(files)) writeWithParents(fs, resolvePath('/', rel), content, mode);
  return fs;
}

export interface VolumeMountSpec {
  /** Where the volume appears in the container. */
  mountPath: string;
  fs: VirtualFs;
  subPath?: string;
}

export interface ContainerFsOptions {
  clock: ShellClock;
  /** The image's shell and programs; undefined for distroless images. */
  userland?: Userland;
  /** Files the image ships (nginx's html and config...). */
  imageFiles: Record<string, string>;
  hostname: string;
  /** /etc/hosts and /etc/resolv.conf as the kubelet writes them. */
  hosts: string;
  resolvConf: string;
  mounts: VolumeMountSpec[];
}

/** The top-level tree of each distribution's base image (what `ls /` shows). */
const BASE_DIRS: Record<string, string[]> = {
  debian: ['/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local/bin', '/usr/local/sbin', '/usr/share', '/var/cache', '/var/lib', '/var/log', '/var/tmp'],
  busybox: ['/bin', '/dev', '/etc', '/home', '/lib', '/lib64', '/proc', '/sys', '/usr/sbin', '/var/spool', '/var/www'],
  alpine: ['/bin', '/dev', '/etc', '/home', '/lib', '/media', '/mnt', '/opt', '/proc', '/run', '/sbin', '/srv', '/sys', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/local/bin', '/usr/share', '/var/cache', '/var/lib', '/var/log', '/var/tmp'],
  distroless: ['/dev', '/etc', '/proc', '/sys', '/var/run'],
};

/** Builds a new container's root: base dirs, programs, image files, kubelet files, volumes. */
export function buildContainerFs(opts: ContainerFsOptions): ContainerRootFs {
  const fs = new ContainerRootFs(opts.clock);
  const distro = opts.userland?.distro;
  const dirs = BASE_DIRS[!distro ? 'distroless' : distro === 'busybox' || distro === 'alpine' ? distro : 'debian'];
  for (const d of dirs) fs.mkdir(d, { recursive: true });
  if (distro) fs.mkdir('/root', { mode: 0o700 });
  fs.mkdir('/tmp', { mode: 0o1777 });
  fs.mknod('/dev/null', 'null');
  fs.mknod('/dev/zero', 'zero');
  fs.mknod('/dev/tty', 'tty');
  fs.writeFile('/dev/termination-log', '');
  const ul = opts.userland;
  if (ul) {
    // Debian and RHEL images have a merged /usr: /bin is /usr/bin, so a program is found at both.
    const merged = ul.distro !== 'busybox' && ul.distro !== 'alpine';
    for (const path of Object.values(ul.programs)) {
      writeWithParents(fs, path, '', 0o755);
      if (merged && /^\/(usr\/)?bin\//.test(path)) writeWithParents(fs, path.startsWith('/usr/') ? path.slice(4) : `/usr${path}`, '', 0o755);
    }
    for (const [path, content] of Object.entries(ul.files)) writeWithParents(fs, path, content);
    if (ul.workdir !== '/') fs.mkdir(ul.workdir, { recursive: true });
  }
  for (const [path, content] of Object.entries(opts.imageFiles)) writeWithParents(fs, path, content);
  fs.writeFile('/etc/hostname', `${opts.hostname}\n`);
  fs.writeFile('/etc/hosts', opts.hosts);
  fs.writeFile('/etc/resolv.conf', opts.resolvConf);
  for (const m of opts.mounts) {
    if (!m.subPath) {
      fs.mount(m.mountPath, m.fs);
      continue;
    }
    const sub = resolvePath('/', m.subPath);
    if (m.fs.isFile(sub)) {
      // A single file from the volume (configMap key with subPath): a copy, as its updates never
      // reach a subPath mount either.
      writeWithParents(fs, resolvePath('/', m.mountPath), m.fs.readFile(sub));
    } else fs.mount(m.mountPath, m.fs, sub);
  }
  return fs;
}

function writeWithParents(fs: VirtualFs, path: string, content: string, mode?: number): void {
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!fs.isDirectory(dir)) fs.mkdir(dir, { recursive: true });
  if (fs.isDirectory(path)) return;
  fs.writeFile(path, content, mode === undefined ? {} : { mode });
}
