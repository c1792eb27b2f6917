// What a student looks at on a node: ps, free, df, uptime. The node is a CentOS 7 VM of the
// course's kubeadm cluster; its processes are the ones such a node runs (systemd, sshd, docker,
// kubelet, and on the control-plane node the static pods). Boot time is when the node's disk was
// created (the root directory's mtime), so uptime grows with the cluster's clock.
// Upstream formats: procps-ng 3.3.10 ps/output.c, free.c, w.c; coreutils df.c.
import type { Command, CommandContext } from '../command-context';
import { strftime } from './date';

interface Proc {
  pid: number;
  ppid: number;
  cmd: string;
  comm: string;
  vsz: number;
  rss: number;
  stat: string;
  cpu: number;
  /** CPU seconds used. */
  time: number;
  tty?: string;
}

const CONTROL_PLANE = new Set(['master']);

function isControlPlane(ctx: CommandContext): boolean {
  return CONTROL_PLANE.has(ctx.identity.hostname) || ctx.fs.isFile('/etc/kubernetes/admin.conf');
}

/** The node booted a little before its disk was first written (the cluster was installed). */
export function bootTime(ctx: CommandContext): number {
  return ctx.fs.stat('/').mtime - 10 * 60_000;
}

/** The node's processes, ending with the login shell and the command itself. */
export function nodeProcesses(ctx: CommandContext, self: string): Proc[] {
  const up = Math.max(0, (ctx.clock.now() - bootTime(ctx)) / 1000);
  const t = (share: number) => Math.floor(up * share);
  const procs: Proc[] = [
    { pid: 1, ppid: 0, comm: 'systemd', cmd: '/usr/lib/systemd/systemd --switched-root --system --deserialize 22', vsz: 125692, rss: 4136, stat: 'Ss', cpu: 0, time: t(0.0004) },
    { pid: 2, ppid: 0, comm: 'kthreadd', cmd: '[kthreadd]', vsz: 0, rss: 0, stat: 'S', cpu: 0, time: 0 },
    { pid: 488, ppid: 1, comm: 'systemd-journal', cmd: '/usr/lib/systemd/systemd-journald', vsz: 39080, rss: 6172, stat: 'Ss', cpu: 0, time: t(0.0001) },
    { pid: 653, ppid: 1, comm: 'NetworkManager', cmd: '/usr/sbin/NetworkManager --no-daemon', vsz: 553176, rss: 9060, stat: 'Ssl', cpu: 0, time: t(0.0001) },
    { pid: 985, ppid: 1, comm: 'sshd', cmd: '/usr/sbin/sshd -D', vsz: 112920, rss: 4344, stat: 'Ss', cpu: 0, time: 0 },
    { pid: 991, ppid: 1, comm: 'containerd', cmd: '/usr/bin/containerd', vsz: 1284764, rss: 52340, stat: 'Ssl', cpu: 0.2, time: t(0.002) },
    { pid: 1002, ppid: 1, comm: 'dockerd', cmd: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock', vsz: 1459372, rss: 98204, stat: 'Ssl', cpu: 0.3, time: t(0.003) },
    { pid: 1234, ppid: 1, comm: 'kubelet', cmd: KUBELET_CMD, vsz: 1948392, rss: 96612, stat: 'Ssl', cpu: 1.2, time: t(0.012) },
  ];
  if (isControlPlane(ctx)) {
    procs.push(
      { pid: 1710, ppid: 1690, comm: 'etcd', cmd: 'etcd --advertise-client-urls=https://192.168.109.100:2379 --cert-file=/etc/kubernetes/pki/etcd/server.crt --data-dir=/var/lib/etcd --listen-client-urls=https://127.0.0.1:2379,https://192.168.109.100:2379 --name=master', vsz: 11214276, rss: 78880, stat: 'Ssl', cpu: 1.5, time: t(0.015) },
      { pid: 1725, ppid: 1695, comm: 'kube-apiserver', cmd: 'kube-apiserver --advertise-address=192.168.109.100 --allow-privileged=true --authorization-mode=Node,RBAC --client-ca-file=/etc/kubernetes/pki/ca.crt --enable-admission-plugins=NodeRestriction --etcd-servers=https://127.0.0.1:2379 --secure-port=6443 --service-cluster-ip-range=10.96.0.0/12', vsz: 1372160, rss: 352380, stat: 'Ssl', cpu: 3.1, time: t(0.031) },
      { pid: 1731, ppid: 1700, comm: 'kube-controller', cmd: 'kube-controller-manager --allocate-node-cidrs=true --authentication-kubeconfig=/etc/kubernetes/controller-manager.conf --cluster-cidr=10.244.0.0/16 --kubeconfig=/etc/kubernetes/controller-manager.conf --leader-elect=true --use-service-account-credentials=true', vsz: 826496, rss: 108440, stat: 'Ssl', cpu: 1.0, time: t(0.01) },
      { pid: 1738, ppid: 1705, comm: 'kube-scheduler', cmd: 'kube-scheduler --authentication-kubeconfig=/etc/kubernetes/scheduler.conf --bind-address=127.0.0.1 --kubeconfig=/etc/kubernetes/scheduler.conf --leader-elect=true', vsz: 759400, rss: 48716, stat: 'Ssl', cpu: 0.3, time: t(0.003) },
    );
  }
  procs.push(
    { pid: 2011, ppid: 1990, comm: 'kube-proxy', cmd: '/usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=' + ctx.identity.hostname, vsz: 749352, rss: 41988, stat: 'Ssl', cpu: 0.1, time: t(0.001) },
    { pid: 2290, ppid: 2270, comm: 'flanneld', cmd: '/opt/bin/flanneld --ip-masq --kube-subnet-mgr', vsz: 1260536, rss: 30784, stat: 'Ssl', cpu: 0.1, time: t(0.001) },
    { pid: 3456, ppid: 985, comm: 'sshd', cmd: 'sshd: root@pts/0', vsz: 158932, rss: 5640, stat: 'Ss', cpu: 0, time: 0 },
    { pid: 3460, ppid: 3456, comm: 'bash', cmd: '-bash', vsz: 116200, rss: 2904, stat: 'Ss', cpu: 0, time: 0, tty: 'pts/0' },
    { pid: 3987, ppid: 3460, comm: self.split(' ')[0].replace(/^.*\//, ''), cmd: self, vsz: 155448, rss: 1872, stat: 'R+', cpu: 0, time: 0, tty: 'pts/0' },
  );
  return procs;
}

const KUBELET_CMD =
  '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --network-plugin=cni --pod-infra-container-image=registry.aliyuncs.com/google_containers/pause:3.10';

function cpuTime(seconds: number, withHours: boolean): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return withHours ? `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}` : `${h * 60 + m}:${String(s).padStart(2, '0')}`;
}

function fit(line: string, ctx: CommandContext, wide: boolean): string {
  // ps cuts lines at the terminal width unless told otherwise (-ww, or output to a pipe).
  return ctx.isTTY && !wide ? line.slice(0, ctx.terminal.cols) : line;
}

export const ps: Command = async (ctx, argv) => {
  const args = argv.slice(1);
  const bsd = args.some((a) => /^[a-z]*[ax][a-z]*$/.test(a) && !a.startsWith('-'));
  const full = args.some((a) => /^-[a-zA-Z]*[f][a-zA-Z]*$/.test(a));
  const all = bsd || args.some((a) => /^-[a-zA-Z]*[eA][a-zA-Z]*$/.test(a));
  const wide = args.some((a) => /ww/.test(a));
  const bad = args.find((a) => a.startsWith('-') && !/^-[efAaxlwuH]+$/.test(a) && a !== '--help' && a !== '-p' && a !== '-C');
  if (bad) {
    await ctx.stderr.write(`error: unsupported SysV option\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n`);
    return 1;
  }
  const self = ['ps', ...args].join(' ');
  let procs = nodeProcesses(ctx, self);
  if (!all) procs = procs.filter((p) => p.tty === 'pts/0');
  const boot = bootTime(ctx);
  const now = ctx.clock.now();
  const started = (p: Proc) => (p.pid >= 3400 ? now - (p.pid === 3987 ? 0 : 60000) : boot + p.pid * 10);
  // procps shows HH:MM for processes started today, MonDD before.
  const stime = (p: Proc) => strftime(strftime('%Y%m%d', started(p)) === strftime('%Y%m%d', now) ? '%H:%M' : '%b%d', started(p));
  const lines: string[] = [];
  if (bsd) {
    lines.push('USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND');
    for (const p of procs) {
      lines.push(`root     ${String(p.pid).padStart(5)} ${p.cpu.toFixed(1).padStart(4)} ${((p.rss / 3861048) * 100).toFixed(1).padStart(4)} ${String(p.vsz).padStart(6)} ${String(p.rss).padStart(5)} ${(p.tty ?? '?').padEnd(8)} ${p.stat.padEnd(4)} ${stime(p)} ${cpuTime(p.time, false).padStart(6)} ${p.cmd}`);
    }
  } else if (full) {
    lines.push('UID        PID  PPID  C STIME TTY          TIME CMD');
    for (const p of procs) {
      lines.push(`root     ${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${String(Math.floor(p.cpu)).padStart(2)} ${stime(p)} ${(p.tty ?? '?').padEnd(8)} ${cpuTime(p.time, true)} ${p.cmd}`);
    }
  } else {
    lines.push('  PID TTY          TIME CMD');
    for (const p of procs) lines.push(`${String(p.pid).padStart(5)} ${(p.tty ?? '?').padEnd(8)} ${cpuTime(p.time, true)} ${p.comm}`);
  }
  await ctx.stdout.write(lines.map((l) => fit(l, ctx, wide)).join('\n') + '\n');
  return 0;
};

const MEM_KIB = { total: 3861048, used: 1150264, free: 1010692, shared: 12348, cache: 1700092, available: 2437584 };
const SWAP_KIB = { total: 0, used: 0, free: 0 };

function humanSize(kib: number, si = false): string {
  const base = si ? 1000 : 1024;
  const units = ['K', 'M', 'G', 'T'];
  let v = kib * (si ? 1.024 : 1);
  let u = 0;
  while (v >= base && u < units.length - 1) {
    v /= base;
    u++;
  }
  if (u === 0) return `${Math.round(v)}K`;
  return v < 10 ? `${v.toFixed(1)}${units[u]}` : `${Math.round(v)}${units[u]}`;
}

export const free: Command = async (ctx, argv) => {
  const flags = argv.slice(1).join(' ');
  const bad = argv.slice(1).find((a) => !/^(-[bkmgthlw]+|--(mega|giga|kilo|bytes|human|total|si|wide))$/.test(a));
  if (bad) {
    await ctx.stderr.write(`free: invalid option -- '${bad.replace(/^-+/, '')[0] ?? ''}'\n\nUsage:\n free [options]\n`);
    return 1;
  }
  const human = /(^|\s)-[a-z]*h|--human/.test(flags);
  const scale = /(^|\s)-[a-z]*m|--mega/.test(flags) ? 1024 : /(^|\s)-[a-z]*g|--giga/.test(flags) ? 1048576 : /(^|\s)-[a-z]*b|--bytes/.test(flags) ? 1 / 1024 : 1;
  const f = (kib: number) => (human ? humanSize(kib).replace(/K$/, 'K') : String(Math.floor(kib / scale)));
  const m = MEM_KIB;
  const lines = [
    '              total        used        free      shared  buff/cache   available',
    `Mem:    ${f(m.total).padStart(11)} ${f(m.used).padStart(11)} ${f(m.free).padStart(11)} ${f(m.shared).padStart(11)} ${f(m.cache).padStart(11)} ${f(m.available).padStart(11)}`,
    `Swap:   ${f(SWAP_KIB.total).padStart(11)} ${f(SWAP_KIB.used).padStart(11)} ${f(SWAP_KIB.free).padStart(11)}`,
  ];
  if (/(^|\s)-[a-z]*t|--total/.test(flags)) lines.push(`Total:  ${f(m.total).padStart(11)} ${f(m.used).padStart(11)} ${f(m.free).padStart(11)}`);
  await ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
};

interface Mount {
  fs: string;
  type: string;
  kib: number;
  used: number;
  mount: string;
}

function mounts(ctx: CommandContext): Mount[] {
  // What the node's own files take is added to the root filesystem.
  let disk = 0;
  const walk = (p: string) => {
    for (const n of ctx.fs.readdir(p)) {
      const c = p === '/' ? `/${n}` : `${p}/${n}`;
      const s = ctx.fs.stat(c);
      if (s.type === 'dir') walk(c);
      else disk += s.size;
    }
  };
  walk('/');
  return [
    { fs: '/dev/mapper/centos-root', type: 'xfs', kib: 17811456, used: 4406784 + Math.ceil(disk / 1024), mount: '/' },
    { fs: 'devtmpfs', type: 'devtmpfs', kib: 1920500, used: 0, mount: '/dev' },
    { fs: 'tmpfs', type: 'tmpfs', kib: 1930524, used: 0, mount: '/dev/shm' },
    { fs: 'tmpfs', type: 'tmpfs', kib: 1930524, used: 12044, mount: '/run' },
    { fs: 'tmpfs', type: 'tmpfs', kib: 1930524, used: 0, mount: '/sys/fs/cgroup' },
    { fs: '/dev/sda1', type: 'xfs', kib: 1038336, used: 149624, mount: '/boot' },
    { fs: 'tmpfs', type: 'tmpfs', kib: 386108, used: 0, mount: '/run/user/0' },
  ];
}

export const df: Command = async (ctx, argv) => {
  const args = argv.slice(1);
  const opts = args.filter((a) => a.startsWith('-'));
  const bad = opts.find((a) => !/^(-[hHTkmai]+|--(human-readable|si|print-type|all|inodes))$/.test(a));
  if (bad) {
    await ctx.stderr.write(`df: invalid option -- '${bad.replace(/^-+/, '')[0]}'\nTry 'df --help' for more information.\n`);
    return 1;
  }
  const flags = opts.join(' ');
  const human = /(^|\s)-[a-zA-Z]*h|--human/.test(flags);
  const si = /(^|\s)-[a-zA-Z]*H|--si/.test(flags);
  const showType = /(^|\s)-[a-zA-Z]*T|--print-type/.test(flags);
  const mb = /(^|\s)-[a-zA-Z]*m/.test(flags);
  let list = mounts(ctx);
  const targets = args.filter((a) => !a.startsWith('-'));
  let status = 0;
  if (targets.length) {
    const picked: Mount[] = [];
    for (const t of targets) {
      const p = ctx.resolvePath(t);
      if (!ctx.fs.exists(p)) {
        await ctx.stderr.write(`df: ‘${t}’: No such file or directory\n`);
        status = 1;
        continue;
      }
      const m = [...list].sort((a, b) => b.mount.length - a.mount.length).find((x) => p === x.mount || p.startsWith(x.mount === '/' ? '/' : x.mount + '/'))!;
      picked.push(m);
    }
    list = picked;
  }
  const size = (k: number) => (human || si ? (k === 0 ? '0' : humanSize(k, si)) : String(mb ? Math.ceil(k / 1024) : k));
  const sizeHead = human || si ? 'Size' : mb ? '1M-blocks' : '1K-blocks';
  const rows = list.map((m) => [m.fs, m.type, size(m.kib), size(m.used), size(m.kib - m.used), `${Math.ceil((m.used * 100) / m.kib)}%`, m.mount]);
  const head = ['Filesystem', 'Type', sizeHead, 'Used', human || si ? 'Avail' : 'Available', 'Use%', 'Mounted on'];
  const all = [head, ...rows];
  // GNU df gives the size columns at least 5 cells in human-readable mode ("Size  Used Avail").
  const w = head.map((_, i) => Math.max((human || si) && i >= 2 && i <= 4 ? 5 : 0, ...all.map((r) => r[i].length)));
  const lines = all.map((r) => {
    const cells = [r[0].padEnd(w[0])];
    if (showType) cells.push(r[1].padEnd(w[1]));
    cells.push(r[2].padStart(w[2]), r[3].padStart(w[3]), r[4].padStart(w[4]), r[5].padStart(4), r[6]);
    return cells.join(' ');
  });
  await ctx.stdout.write(lines.join('\n') + '\n');
  return status;
};

export const uptime: Command = async (ctx, argv) => {
  const now = ctx.clock.now();
  const secs = Math.max(0, Math.floor((now - bootTime(ctx)) / 1000));
  if (argv[1] === '-p' || argv[1] === '--pretty') {
    const d = Math.floor(secs / 86400);
    const h = Math.floor((secs % 86400) / 3600);
    const m = Math.floor((secs % 3600) / 60);
    const parts = [d && `${d} day${d === 1 ? '' : 's'}`, h && `${h} hour${h === 1 ? '' : 's'}`, `${m} minute${m === 1 ? '' : 's'}`].filter(Boolean);
    await ctx.stdout.write(`up ${parts.join(', ')}\n`);
    return 0;
  }
  if (argv[1] === '-s' || argv[1] === '--since') {
    await ctx.stdout.write(strftime('%Y-%m-%d %H:%M:%S', now - secs * 1000) + '\n');
    return 0;
  }
  await ctx.stdout.write(` ${strftime('%H:%M:%S', now)} up ${upText(secs)},  1 user,  load average: 0.15, 0.11, 0.09\n`);
  return 0;
};

// Upstream: procps-ng proc/whattime.c sprint_uptime.
function upText(secs: number): string {
  const days = Math.floor(secs / 86400);
  const mins = Math.floor(secs / 60) % 60;
  const hours = Math.floor(secs / 3600) % 24;
  let out = days ? `${days} day${days === 1 ? '' : 's'}, ` : '';
  out += hours ? `${String(hours).padStart(2)}:${String(mins).padStart(2, '0')}` : `${mins} min`;
  return out;
}
