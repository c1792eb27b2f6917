// Package managers and git: the lab is offline, so they explain that and fail.
import type { Command } from '../command-context';

const NOTE = 'this lab is offline; packages cannot be installed or downloaded. Everything the course needs is already here.';

export const offlinePackageManager: Command = async (ctx, argv) => {
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const sub = argv.slice(1).find((a) => !a.startsWith('-'));
  if (prog === 'git') {
    if (sub === 'clone') {
      const url = argv.slice(2).find((a) => !a.startsWith('-')) ?? '';
      const dir = url.replace(/\/+$/, '').replace(/\.git$/, '').split('/').pop() || 'repository';
      await ctx.stderr.write(`Cloning into '${dir}'...\nfatal: unable to access '${url}': Could not resolve host: ${hostOf(url)}\ngit: ${NOTE}\n`);
      return 128;
    }
    await ctx.stderr.write(`git: ${NOTE}\n`);
    return 1;
  }
  if (prog === 'yum' || prog === 'dnf') {
    if (sub === undefined || sub === 'help') {
      await ctx.stderr.write(`${prog}: ${NOTE}\n`);
      return 1;
    }
    await ctx.stdout.write('Loaded plugins: fastestmirror\nLoading mirror speeds from cached hostfile\n');
    await ctx.stderr.write(` One of the configured repositories failed (Unknown),\n and yum doesn't have enough cached data to continue.\n${prog}: ${NOTE}\n`);
    return 1;
  }
  await ctx.stderr.write(`${prog}: ${NOTE}\n`);
  return prog === 'apt' || prog === 'apt-get' ? 100 : 1;
};

function hostOf(url: string): string {
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?([^/:]+)/i.exec(url);
  return m ? m[1] : url;
}
