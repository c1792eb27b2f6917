// Who and where: pwd, hostname, whoami, id, uname, clear, yes, true, false.
import type { Command } from '../command-context';

export const pwd: Command = async (ctx, argv) => {
  const bad = argv.slice(1).find((a) => a.startsWith('-') && a !== '-L' && a !== '-P');
  if (bad) {
    await ctx.stderr.write(`-bash: pwd: ${bad.slice(0, 2)}: invalid option\npwd: usage: pwd [-LP]\n`);
    return 2;
  }
  await ctx.stdout.write(ctx.cwd + '\n');
  return 0;
};

export const hostname: Command = async (ctx, argv) => {
  const name = ctx.identity.hostname;
  const flag = argv[1];
  if (flag === '-s' || flag === '--short') await ctx.stdout.write(name.split('.')[0] + '\n');
  else if (flag === '-i' || flag === '-I' || flag === '--ip-address') {
    // The node's address as /etc/hosts lists it, if it does.
    const hosts = ctx.fs.isFile('/etc/hosts') ? ctx.fs.readFile('/etc/hosts') : '';
    const line = hosts.split('\n').find((l) => l.split(/\s+/).slice(1).includes(name));
    await ctx.stdout.write((line ? line.split(/\s+/)[0] : '127.0.0.1') + (flag === '-I' ? ' ' : '') + '\n');
  } else if (flag !== undefined && !flag.startsWith('-')) {
    await ctx.stderr.write('hostname: you must be root to change the host name\n');
    return 1;
  } else await ctx.stdout.write(name + '\n');
  return 0;
};

export const whoami: Command = async (ctx) => {
  await ctx.stdout.write(ctx.identity.user + '\n');
  return 0;
};

export const id: Command = async (ctx, argv) => {
  const { user, uid, gid, group } = ctx.identity;
  const flag = argv[1];
  if (flag === '-u') await ctx.stdout.write(`${uid}\n`);
  else if (flag === '-g') await ctx.stdout.write(`${gid}\n`);
  else if (flag === '-un' || flag === '-nu') await ctx.stdout.write(`${user}\n`);
  else if (flag === '-gn' || flag === '-ng') await ctx.stdout.write(`${group}\n`);
  else if (flag === '-G') await ctx.stdout.write(`${gid}\n`);
  else await ctx.stdout.write(`uid=${uid}(${user}) gid=${gid}(${group}) groups=${gid}(${group})\n`);
  return 0;
};

export const uname: Command = async (ctx, argv) => {
  const info = { s: 'Linux', n: ctx.identity.hostname, r: '3.10.0-1160.el7.x86_64', v: '#1 SMP Mon Oct 19 16:18:59 UTC 2020', m: 'x86_64', p: 'x86_64', i: 'x86_64', o: 'GNU/Linux' };
  const flags = argv.slice(1).join('').replace(/-/g, '');
  if (flags.includes('a')) {
    await ctx.stdout.write(`${info.s} ${info.n} ${info.r} ${info.v} ${info.m} ${info.p} ${info.i} ${info.o}\n`);
    return 0;
  }
  const order = 'snrvmpio';
  const picked = [...order].filter((c) => flags.includes(c));
  await ctx.stdout.write((picked.length ? picked : ['s']).map((c) => info[c as keyof typeof info]).join(' ') + '\n');
  return 0;
};

export const clear: Command = async (ctx) => {
  await ctx.stdout.write('\x1b[H\x1b[2J\x1b[3J');
  return 0;
};

export const yes: Command = async (ctx, argv) => {
  const line = (argv.length > 1 ? argv.slice(1).join(' ') : 'y') + '\n';
  const chunk = line.repeat(Math.max(1, Math.floor(4096 / line.length)));
  while (!ctx.stdout.closed && !ctx.signal.aborted) {
    await ctx.stdout.write(chunk);
    // A terminal never pushes back: give the event loop a turn so Ctrl-C can land.
    if (ctx.isTTY) await ctx.clock.sleep(0, ctx.signal);
  }
  return 0;
};

export const trueCommand: Command = async () => 0;
export const falseCommand: Command = async () => 1;
