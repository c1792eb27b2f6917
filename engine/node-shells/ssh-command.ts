// `ssh node1`: a nested login on another node of the cluster, in the same terminal, as the
// course does it. Unknown hosts fail like OpenSSH does offline.
import type { Command } from '../shell/command-context';

export interface SshTarget {
  /** Starts an interactive login on the node; returns its feed/output/exit hooks. */
  login(node: string, cols: number, rows: number): {
    feed(data: string): void;
    resize(cols: number, rows: number): void;
    onOutput(cb: (data: string) => void): () => void;
    onExit(cb: (code: number) => void): () => void;
    dispose(): Promise<void>;
  };
  /** Node names and addresses that resolve (node1, 192.168.109.101, ...). */
  resolve(host: string): string | undefined;
}

export function sshCommand(target: SshTarget): Command {
  return async (ctx, argv) => {
    const args = argv.slice(1).filter((a) => !a.startsWith('-'));
    if (args.length === 0) {
      await ctx.stderr.write(
        'usage: ssh [-46AaCfGgKkMNnqsTtVvXxYy] [-B bind_interface]\n           [-b bind_address] [-c cipher_spec] [-D [bind_address:]port]\n           [-E log_file] [-e escape_char] [-F configfile] [-I pkcs11]\n           [-i identity_file] [-J [user@]host[:port]] [-L address]\n           [-l login_name] [-m mac_spec] [-O ctl_cmd] [-o option] [-p port]\n           [-Q query_option] [-R address] [-S ctl_path] [-W host:port]\n           [-w local_tun[:remote_tun]] destination [command [argument ...]]\n',
      );
      return 255;
    }
    const host = args[0].includes('@') ? args[0].split('@')[1] : args[0];
    const node = target.resolve(host);
    if (!node) {
      await ctx.stderr.write(`ssh: Could not resolve hostname ${host}: Name or service not known\n`);
      return 255;
    }
    const remote = args.slice(1);
    if (remote.length) {
      await ctx.stderr.write('ssh: running a remote command is not supported here; log in with `ssh ' + host + '` and type it there\n');
      return 255;
    }
    ctx.terminal.setRawMode(true);
    const session = target.login(node, ctx.terminal.cols, ctx.terminal.rows);
    const offResize = ctx.terminal.onResize((c, r) => session.resize(c, r));
    const offOut = session.onOutput((d) => void ctx.stdout.write(d));
    const exited = new Promise<number>((resolve) => session.onExit(resolve));
    let done = false;
    void exited.then(() => (done = true));
    // Keystrokes go to the remote shell until it logs out.
    const pump = (async () => {
      while (!done) {
        const chunk = await Promise.race([ctx.stdin.read().catch(() => null), exited.then(() => null)]);
        if (chunk === null) break;
        session.feed(chunk);
      }
    })();
    const code = await exited;
    offOut();
    offResize();
    await session.dispose();
    await pump.catch(() => undefined);
    await ctx.stdout.write(`Connection to ${host} closed.\r\n`);
    return code;
  };
}
