// Programs an image ships that the shell library does not implement (nginx, httpd, redis-cli,
// java...). Run from `kubectl exec`, they answer the few invocations a course uses — `nginx -v`,
// `nginx -t`, `nginx -s reload` — and otherwise end quietly, as a program run for its side
// effects would. Their servers only ever run as the container's main process (the image's exec).
import type { Command } from '../shell/command-context';

function nginxVersionOf(env: Readonly<Record<string, string>>): string {
  return env.NGINX_VERSION ?? '1.27.3';
}

function logTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const nginx: Command = async (ctx, argv) => {
  const args = argv.slice(1);
  const v = nginxVersionOf(ctx.env);
  if (args.includes('-v')) {
    await ctx.stderr.write(`nginx version: nginx/${v}\n`);
    return 0;
  }
  if (args.includes('-V')) {
    await ctx.stderr.write(`nginx version: nginx/${v}\nbuilt by gcc 12.2.0 (Debian 12.2.0-14)\nbuilt with OpenSSL 3.0.11 19 Sep 2023\nTLS SNI support enabled\nconfigure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --conf-path=/etc/nginx/nginx.conf --error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/var/run/nginx.pid --user=nginx --group=nginx\n`);
    return 0;
  }
  if (args.includes('-t') || args.includes('-T')) {
    const conf = '/etc/nginx/nginx.conf';
    if (!ctx.fs.isFile(conf)) {
      await ctx.stderr.write(`nginx: [emerg] open() "${conf}" failed (2: No such file or directory)\nnginx: configuration file ${conf} test failed\n`);
      return 1;
    }
    await ctx.stderr.write(`nginx: the configuration file ${conf} syntax is ok\nnginx: configuration file ${conf} test is successful\n`);
    return 0;
  }
  const s = args.indexOf('-s');
  if (s >= 0) {
    const sig = args[s + 1];
    if (!['stop', 'quit', 'reopen', 'reload'].includes(sig ?? '')) {
      await ctx.stderr.write(`nginx: invalid option: "-s ${sig ?? ''}"\n`);
      return 1;
    }
    await ctx.stderr.write(`${logTime(ctx.clock.now())} [notice] ${40 + (ctx.clock.now() % 50)}#${40 + (ctx.clock.now() % 50)}: signal process started\n`);
    return 0;
  }
  // A second master: the container's own nginx already holds port 80.
  const t = logTime(ctx.clock.now());
  await ctx.stderr.write(
    `${t} [emerg] 1#1: bind() to 0.0.0.0:80 failed (98: Address already in use)\nnginx: [emerg] bind() to 0.0.0.0:80 failed (98: Address already in use)\n` +
      `${t} [emerg] 1#1: still could not bind()\nnginx: [emerg] still could not bind()\n`,
  );
  return 1;
};

const quiet: Command = async () => 0;

const PROGRAMS: Record<string, Command> = { nginx };

/** The command behind an image program `name`. */
export function imageProgram(name: string): Command {
  return PROGRAMS[name] ?? quiet;
}
