// systemctl and journalctl for the services a kubeadm node runs (kubelet, docker, containerd,
// firewalld...). The simulated kubelet always runs; `systemctl restart kubelet` records a new
// start time on the node's disk (/run/systemd/units/<unit>.started) so `status` and `journalctl`
// show the restart. Stopping or disabling the cluster's own services is refused with a clear
// message rather than pretending: the simulated node cannot run without them.
// Upstream formats: systemd 219 (CentOS 7) systemctl.c print_status_info, journalctl short format.
import type { Command, CommandContext } from '../command-context';
import { strftime } from './date';
import { bootTime } from './system-status';

interface Unit {
  name: string;
  description: string;
  path: string;
  enabled: boolean;
  running: boolean;
  pid?: number;
  command?: string;
  docs?: string;
  dropIn?: string[];
  memory?: string;
  tasks?: number;
  /** Log lines after start: [offset ms, source, text]. */
  log: (node: string) => [number, string, string][];
}

const UNITS: Unit[] = [
  {
    name: 'kubelet',
    description: 'kubelet: The Kubernetes Node Agent',
    path: '/usr/lib/systemd/system/kubelet.service',
    enabled: true,
    running: true,
    pid: 1234,
    command: '/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --network-plugin=cni --pod-infra-container-image=registry.aliyuncs.com/google_containers/pause:3.10',
    docs: 'https://kubernetes.io/docs/',
    dropIn: ['/usr/lib/systemd/system/kubelet.service.d', '10-kubeadm.conf'],
    memory: '45.6M',
    tasks: 16,
    log: (node) => [
      [1000, 'kubelet[1234]', 'Flag --network-plugin has been deprecated, will be removed along with dockershim.'],
      [1210, 'kubelet[1234]', 'I%T    1234 server.go:484] "Kubelet version" kubeletVersion="v1.32.0"'],
      [1212, 'kubelet[1234]', 'I%T    1234 server.go:486] "Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'],
      [1530, 'kubelet[1234]', 'I%T    1234 server.go:954] "Client rotation is on, will bootstrap in background"'],
      [1805, 'kubelet[1234]', 'I%T    1234 kubelet_node_status.go:75] "Attempting to register node" node="' + node + '"'],
      [1933, 'kubelet[1234]', 'I%T    1234 kubelet_node_status.go:78] "Successfully registered node" node="' + node + '"'],
      [2410, 'kubelet[1234]', 'I%T    1234 reconciler_common.go:245] "operationExecutor.VerifyControllerAttachedVolume started for volume \\"kube-proxy\\""'],
    ],
  },
  {
    name: 'docker',
    description: 'Docker Application Container Engine',
    path: '/usr/lib/systemd/system/docker.service',
    enabled: true,
    running: true,
    pid: 1002,
    command: '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
    docs: 'https://docs.docker.com',
    memory: '96.1M',
    tasks: 23,
    log: () => [
      [800, 'dockerd[1002]', 'time="%I" level=info msg="Starting up"'],
      [1100, 'dockerd[1002]', 'time="%I" level=info msg="Loading containers: done."'],
      [1180, 'dockerd[1002]', 'time="%I" level=info msg="Daemon has completed initialization"'],
      [1190, 'systemd[1]', 'Started Docker Application Container Engine.'],
    ],
  },
  {
    name: 'containerd',
    description: 'containerd container runtime',
    path: '/usr/lib/systemd/system/containerd.service',
    enabled: true,
    running: true,
    pid: 991,
    command: '/usr/bin/containerd',
    docs: 'https://containerd.io',
    memory: '51.1M',
    tasks: 12,
    log: () => [[500, 'containerd[991]', 'time="%I" level=info msg="containerd successfully booted in 0.042s"']],
  },
  {
    name: 'sshd',
    description: 'OpenSSH server daemon',
    path: '/usr/lib/systemd/system/sshd.service',
    enabled: true,
    running: true,
    pid: 985,
    command: '/usr/sbin/sshd -D',
    docs: 'man:sshd(8) man:sshd_config(5)',
    memory: '4.2M',
    tasks: 1,
    log: () => [[300, 'sshd[985]', 'Server listening on 0.0.0.0 port 22.']],
  },
  // The course disables these while preparing the nodes.
  { name: 'firewalld', description: 'firewalld - dynamic firewall daemon', path: '/usr/lib/systemd/system/firewalld.service', enabled: false, running: false, docs: 'man:firewalld(1)', log: () => [] },
  { name: 'iptables', description: 'IPv4 firewall with iptables', path: '/usr/lib/systemd/system/iptables.service', enabled: false, running: false, log: () => [] },
];

function findUnit(name: string): Unit | undefined {
  const base = name.replace(/\.service$/, '');
  return UNITS.find((u) => u.name === base);
}

function startedFile(unit: Unit): string {
  return `/run/systemd/units/${unit.name}.started`;
}

/** When the unit last started: a restart recorded on the node, else shortly after boot. */
function startedAt(ctx: CommandContext, unit: Unit): number {
  const f = startedFile(unit);
  if (ctx.fs.isFile(f)) {
    const t = Number(ctx.fs.readFile(f).trim());
    if (Number.isFinite(t)) return t;
  }
  return Math.min(ctx.clock.now(), bootTime(ctx) + 9000 + (unit.pid ?? 0) * 3);
}

function since(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d) return `${d} day${d === 1 ? '' : 's'} ${h}h ago`;
  if (h) return `${h}h ${m}min ago`;
  if (m) return `${m}min ${sec}s ago`;
  return `${sec}s ago`;
}

function journalLines(ctx: CommandContext, unit: Unit): string[] {
  const start = startedAt(ctx, unit);
  const node = ctx.identity.hostname;
  const stamp = (t: number) => strftime('%b %d %H:%M:%S', t);
  const lines = [`${stamp(start)} ${node} systemd[1]: Started ${unit.description}.`];
  for (const [off, src, text] of unit.log(node)) {
    const t = start + off;
    if (t > ctx.clock.now()) break; // what has not happened yet is not in the journal
    const klog = strftime('%m%d %H:%M:%S', t) + '.' + String(t % 1000).padStart(3, '0') + '123';
    const iso = strftime('%Y-%m-%dT%H:%M:%S', t) + '.' + String(t % 1000).padStart(3, '0') + '000000Z';
    lines.push(`${stamp(t)} ${node} ${src}: ${text.replace('%T', klog).replace('%I', iso)}`);
  }
  return lines;
}

function status(ctx: CommandContext, unit: Unit): string {
  const now = ctx.clock.now();
  const dot = unit.running ? '\x1b[1;32m●\x1b[0m' : '●';
  const out = [
    `${ctx.isTTY ? dot : '●'} ${unit.name}.service - ${unit.description}`,
    `   Loaded: loaded (${unit.path}; ${unit.enabled ? 'enabled' : 'disabled'}; vendor preset: disabled)`,
  ];
  if (unit.dropIn) out.push(`  Drop-In: ${unit.dropIn[0]}`, `           └─${unit.dropIn[1]}`);
  if (!unit.running) {
    out.push('   Active: inactive (dead)');
    if (unit.docs) out.push(`     Docs: ${unit.docs}`);
    return out.join('\n') + '\n';
  }
  const start = startedAt(ctx, unit);
  const active = `active (running) since ${strftime('%a %Y-%m-%d %H:%M:%S %Z', start)}; ${since(now - start)}`;
  out.push(`   Active: ${ctx.isTTY ? `\x1b[1;32m${active}\x1b[0m` : active}`);
  if (unit.docs) out.push(`     Docs: ${unit.docs}`);
  out.push(` Main PID: ${unit.pid} (${unit.command!.split(' ')[0].replace(/^.*\//, '')})`);
  if (unit.tasks) out.push(`    Tasks: ${unit.tasks}`);
  if (unit.memory) out.push(`   Memory: ${unit.memory}`);
  out.push(`   CGroup: /system.slice/${unit.name}.service`, `           └─${unit.pid} ${unit.command}`, '');
  const logs = journalLines(ctx, unit).slice(-10);
  out.push(...logs);
  // systemctl cuts lines at the terminal width (-l shows them in full).
  return out.map((l) => (ctx.isTTY && !ctx.env.SYSTEMD_FULL ? ellipsize(l, ctx.terminal.cols) : l)).join('\n') + '\n';
}

function ellipsize(line: string, cols: number): string {
  const visible = line.replace(/\x1b\[[0-9;]*m/g, '');
  if (visible.length <= cols) return line;
  return visible.slice(0, cols - 3) + '...';
}

const PROTECTED = 'is part of the simulated cluster; stopping or disabling it is not supported in this lab';

export const systemctl: Command = async (ctx, argv) => {
  const args = argv.slice(1).filter((a) => !a.startsWith('-'));
  const full = argv.includes('-l') || argv.includes('--full') || argv.includes('--no-pager');
  const verb = args[0] ?? 'list-units';
  const names = args.slice(1);
  if (verb === 'daemon-reload' || verb === 'daemon-reexec') return 0;
  if (verb === 'list-units' || verb === 'list-unit-files') {
    const lines = verb === 'list-units' ? ['UNIT                     LOAD   ACTIVE SUB     DESCRIPTION'] : ['UNIT FILE                  STATE'];
    for (const u of UNITS) {
      if (verb === 'list-units' && !u.running) continue;
      lines.push(verb === 'list-units' ? `${(u.name + '.service').padEnd(24)} loaded active running ${u.description}` : `${(u.name + '.service').padEnd(26)} ${u.enabled ? 'enabled' : 'disabled'}`);
    }
    await ctx.stdout.write(lines.join('\n') + '\n');
    return 0;
  }
  if (!names.length) {
    await ctx.stderr.write(`Too few arguments.\n`);
    return 1;
  }
  let code = 0;
  for (const n of names) {
    const unit = findUnit(n);
    if (!unit) {
      if (verb === 'status') await ctx.stderr.write(`Unit ${n.replace(/\.service$/, '')}.service could not be found.\n`);
      else if (verb === 'is-active' || verb === 'is-enabled') await ctx.stdout.write(verb === 'is-active' ? 'unknown\n' : `Failed to get unit file state for ${n}.service: No such file or directory\n`);
      else await ctx.stderr.write(`Failed to ${verb} ${n.replace(/\.service$/, '')}.service: Unit not found.\n`);
      code = verb === 'status' ? 4 : verb === 'is-active' ? 3 : 5;
      continue;
    }
    switch (verb) {
      case 'status':
        await ctx.stdout.write(full ? status({ ...ctx, env: { ...ctx.env, SYSTEMD_FULL: '1' } }, unit) : status(ctx, unit));
        if (!unit.running) code = 3;
        break;
      case 'is-active':
        await ctx.stdout.write(unit.running ? 'active\n' : 'inactive\n');
        if (!unit.running) code = 3;
        break;
      case 'is-enabled':
        await ctx.stdout.write(unit.enabled ? 'enabled\n' : 'disabled\n');
        if (!unit.enabled) code = 1;
        break;
      case 'restart':
      case 'reload':
      case 'reload-or-restart':
      case 'try-restart':
      case 'start':
      case 'enable':
        if (!unit.running) {
          // Services the course turns off stay off: starting them would change nothing here.
          if (verb === 'enable') {
            await ctx.stderr.write(`systemctl: ${unit.name}.service is not used by the simulated cluster; it stays disabled\n`);
            code = 1;
          }
          break;
        }
        if (verb !== 'enable' && verb !== 'start') {
          ctx.fs.mkdir('/run/systemd/units', { recursive: true });
          ctx.fs.writeFile(startedFile(unit), String(ctx.clock.now()));
        }
        break;
      case 'stop':
      case 'disable':
      case 'mask':
      case 'kill':
        if (!unit.running) break;
        await ctx.stderr.write(`systemctl: ${unit.name}.service ${PROTECTED}\n`);
        code = 1;
        break;
      default:
        await ctx.stderr.write(`Unknown operation '${verb}'.\n`);
        return 1;
    }
  }
  return code;
};

export const journalctl: Command = async (ctx, argv) => {
  let unitName: string | undefined;
  let lines: number | undefined;
  let follow = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-u' || a === '--unit') unitName = argv[++i];
    else if (a.startsWith('--unit=')) unitName = a.slice(7);
    else if (a.startsWith('-u') && a.length > 2) unitName = a.slice(2);
    else if (a === '-n' || a === '--lines') lines = Number(argv[++i]);
    else if (a.startsWith('-n') && a.length > 2) lines = Number(a.slice(2));
    else if (a.startsWith('--lines=')) lines = Number(a.slice(8));
    else if (a === '-f' || a === '--follow') follow = true;
    else if (a === '-e' || a === '--pager-end') lines ??= 1000;
    else if (a === '--no-pager' || a === '-l' || a === '--full' || a === '-x' || a === '-xe' || a === '-ex') continue;
    else if (a.startsWith('-')) {
      await ctx.stderr.write(`journalctl: invalid option -- '${a.replace(/^-+/, '')[0]}'\n`);
      return 1;
    }
  }
  const units = unitName ? [findUnit(unitName)].filter((u): u is Unit => !!u) : UNITS.filter((u) => u.running);
  const entries = units.flatMap((u) => journalLines(ctx, u).map((text) => ({ text, t: startedAt(ctx, u) })));
  let out = entries.map((e) => e.text);
  if (unitName && !units.length) out = [];
  if (lines !== undefined && Number.isFinite(lines)) out = out.slice(-lines);
  const now = ctx.clock.now();
  const boot = bootTime(ctx);
  const header = out.length
    ? `-- Logs begin at ${strftime('%a %Y-%m-%d %H:%M:%S %Z', boot)}, end at ${strftime('%a %Y-%m-%d %H:%M:%S %Z', now)}. --`
    : `-- No entries --`;
  await ctx.stdout.write([header, ...out].join('\n') + '\n');
  // -f: nothing new is logged while the student watches; wait for Ctrl-C.
  while (follow) await ctx.clock.sleep(60_000, ctx.signal);
  return 0;
};
