// Login shells on the simulated nodes: each node keeps a persistent virtual disk (saved with the
// cluster), its own command set (kubectl works on the master, whose /root/.kube/config points
// at the engine; elsewhere it fails as on a real worker), and `ssh` between nodes.
import type { Clock } from '../clock';
import type { ExecIO, ExecProcess } from '../api/exec-stream';
import type { ObjectStore } from '../store/object-store';
import type { Topology } from '../topology/topology';
import { createCommandRegistry } from '../shell/commands/index';
import type { CommandRegistry } from '../shell/command-registry';
import { createNodeFs } from '../shell/node-filesystem';
import type { ShellClock } from '../shell/shell-clock';
import { ShellSession } from '../shell/shell-session';
import { VirtualFs } from '../shell/virtual-fs';
import { kubectlCommand } from './kubectl-command';
import { sshCommand } from './ssh-command';
import { opensslCommand } from './openssl-command';
import { kubectlCompleter } from './kubectl-completion';
import type { HttpTransport } from '../kubectl/io';
import { sandboxTransport } from './sandbox-transport';
import { KUBEADM_NAMES, kubeconfigYaml } from '../kubeconfig';

const SAVE_INTERVAL_MS = 2000;

export interface NodeShellsOptions {
  clock: Clock;
  store: ObjectStore;
  topology: Topology;
  /** The engine's real URL (https://127.0.0.1:PORT). */
  engineUrl: string;
  /** CA and token for the master's admin kubeconfig. */
  caPem: string;
  token: string;
}

interface NodeDisk {
  fs: VirtualFs;
  saved: string;
}

function hostsFile(t: Topology): string {
  const lines = ['127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4', '::1         localhost localhost.localdomain localhost6 localhost6.localdomain6'];
  for (const n of t.nodes) lines.push(`${n.internalIP} ${n.name}`);
  return lines.join('\n') + '\n';
}

export class NodeShells {
  private readonly disks = new Map<string, NodeDisk>();
  private readonly registries = new Map<string, CommandRegistry>();
  private readonly sessions = new Set<ShellSession>();
  private readonly shellClock: ShellClock;
  private cancelSave: (() => void) | undefined;

  private readonly apiServerAddress: string;
  private readonly adminKubeconfig: string;
  private readonly transport: HttpTransport;

  constructor(private readonly opts: NodeShellsOptions) {
    this.shellClock = { now: () => opts.clock.now(), sleep: (ms, signal) => opts.clock.sleep(ms, signal) };
    const master = opts.topology.nodes.find((n) => n.controlPlane) ?? opts.topology.nodes[0];
    this.apiServerAddress = `https://${master.internalIP}:6443`;
    this.adminKubeconfig = kubeconfigYaml(this.apiServerAddress, opts.token, opts.caPem, KUBEADM_NAMES);
    this.transport = sandboxTransport(this.apiServerAddress, opts.engineUrl);
  }

  nodeNames(): string[] {
    return this.opts.topology.nodes.map((n) => n.name);
  }

  /** The node's disk, loaded from the store or created on first use. */
  disk(node: string): VirtualFs {
    let d = this.disks.get(node);
    if (!d) {
      const saved = this.opts.store.getMeta(`node-fs/${node}`);
      let fs: VirtualFs | undefined;
      if (saved) {
        try {
          fs = VirtualFs.fromJSON(JSON.parse(saved), this.shellClock);
        } catch {
          fs = undefined; // an unreadable snapshot is replaced by a fresh disk rather than locking the node
        }
      }
      fs ??= createNodeFs({ hostname: node, clock: this.shellClock, hosts: hostsFile(this.opts.topology), resolvConf: 'nameserver 192.168.109.2\n' });
      d = { fs, saved: saved ?? '' };
      this.disks.set(node, d);
    }
    this.refreshKubeconfig(node, d.fs);
    return d.fs;
  }

  private refreshKubeconfig(node: string, fs: VirtualFs): void {
    const spec = this.opts.topology.nodes.find((n) => n.name === node);
    if (!spec?.controlPlane) return;
    // The engine's port and token can change between runs; the admin config follows them.
    fs.mkdir('/root/.kube', { recursive: true });
    fs.mkdir('/etc/kubernetes', { recursive: true });
    fs.writeFile('/root/.kube/config', this.adminKubeconfig, { mode: 0o600 });
    fs.writeFile('/etc/kubernetes/admin.conf', this.adminKubeconfig, { mode: 0o600 });
  }

  private commands(node: string): CommandRegistry {
    let r = this.registries.get(node);
    if (!r) {
      r = createCommandRegistry();
      r.registerCommand('kubectl', kubectlCommand(this.transport));
      r.registerCommand('ssh', sshCommand({ login: (n, c, rows) => this.session(n, c, rows), resolve: (h) => this.resolveHost(h) }));
      r.registerCommand('openssl', opensslCommand);
      this.registries.set(node, r);
    }
    return r;
  }

  private resolveHost(host: string): string | undefined {
    const n = this.opts.topology.nodes.find((x) => x.name === host || x.internalIP === host);
    return n?.name;
  }

  /** An interactive login shell on a node. */
  session(node: string, cols: number, rows: number): ShellSession {
    // kubectl completion wraps the shell's own; both are looked up when Tab is pressed.
    let s: ShellSession | undefined;
    const completer = kubectlCompleter({ interpreter: () => s!.interpreter, fallback: (line, cursor) => s!.defaultCompleter(line, cursor), transport: this.transport });
    s = new ShellSession({
      fs: this.disk(node),
      clock: this.shellClock,
      commands: this.commands(node),
      hostname: node,
      cols,
      rows,
      completer,
    });
    this.sessions.add(s);
    s.onExit(() => {
      this.sessions.delete(s);
      this.save();
    });
    this.scheduleSave();
    return s;
  }

  /** Adapts a session to the exec streaming protocol (kubelab shell, the app's terminal tabs). */
  start(node: string, cols: number, rows: number, io: ExecIO): ExecProcess {
    const s = this.session(node, cols, rows);
    const off = s.onOutput((d) => io.stdout(d));
    const exited = new Promise<{ code: number }>((resolve) =>
      s.onExit((code) => {
        off();
        resolve({ code });
      }),
    );
    return {
      input: (d) => s.feed(d.toString('utf8')),
      endInput: () => s.feed('\x04'),
      resize: (c, r) => s.resize(c, r),
      kill: () => void s.dispose(),
      exited,
    };
  }

  private scheduleSave(): void {
    if (this.cancelSave) return;
    this.cancelSave = this.opts.clock.setTimer(SAVE_INTERVAL_MS, () => {
      this.cancelSave = undefined;
      this.save();
      if (this.sessions.size) this.scheduleSave();
    });
  }

  /** Writes every node disk that changed since it was last saved. */
  save(): void {
    for (const [node, d] of this.disks) {
      const json = JSON.stringify(d.fs.toJSON());
      if (json !== d.saved) {
        this.opts.store.setMeta(`node-fs/${node}`, json);
        d.saved = json;
      }
    }
  }

  async dispose(): Promise<void> {
    this.cancelSave?.();
    await Promise.all([...this.sessions].map((s) => s.dispose()));
    this.save();
  }
}
