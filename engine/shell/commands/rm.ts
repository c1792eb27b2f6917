// rm: remove files and (with -r) directories; -f ignores missing files; -i asks.
import type { Command } from '../command-context';
import { getOptions } from './options';

export const rm: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    flags: 'fiIrRdv',
    long: { force: 'f', interactive: 'i', recursive: 'r', dir: 'd', verbose: 'v', 'no-preserve-root': 'npr', 'preserve-root': 'pr' },
  });
  if (typeof o === 'number') return o;
  const force = o.list.reduce((f, [k]) => (k === 'f' ? true : k === 'i' ? false : f), false);
  const interactive = !force && o.has('i');
  const recursive = o.has('r') || o.has('R');
  if (!o.operands.length) {
    if (force) return 0;
    await ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n");
    return 1;
  }
  let status = 0;
  const ask = async (question: string): Promise<boolean> => {
    await ctx.stderr.write(question);
    const answer = await ctx.stdin.readLine();
    return answer !== null && /^[yY]/.test(answer);
  };
  for (const name of o.operands) {
    const path = ctx.resolvePath(name);
    if (path === '/' && recursive && !o.has('npr')) {
      await ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
      status = 1;
      continue;
    }
    if (/(^|\/)\.\.?\/*$/.test(name)) {
      await ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${name}'\n`);
      status = 1;
      continue;
    }
    if (!ctx.fs.exists(path)) {
      if (!force) {
        await ctx.stderr.write(`rm: cannot remove '${name}': No such file or directory\n`);
        status = 1;
      }
      continue;
    }
    const st = ctx.fs.stat(path);
    if (st.type === 'dir') {
      if (!recursive) {
        if (o.has('d') && ctx.fs.readdir(path).length === 0) {
          ctx.fs.rmdir(path);
          continue;
        }
        await ctx.stderr.write(`rm: cannot remove '${name}': Is a directory\n`);
        status = 1;
        continue;
      }
      if (interactive && !(await ask(`rm: descend into directory '${name}'? `))) continue;
      if (o.has('v')) await reportTree(ctx, path, name);
      ctx.fs.removeTree(path);
      continue;
    }
    if (interactive && !(await ask(`rm: remove ${st.size === 0 ? 'regular empty file' : 'regular file'} '${name}'? `))) continue;
    ctx.fs.unlink(path);
    if (o.has('v')) await ctx.stdout.write(`removed '${name}'\n`);
  }
  return status;
};

async function reportTree(ctx: Parameters<Command>[0], path: string, shown: string): Promise<void> {
  for (const n of ctx.fs.readdir(path)) {
    const p = `${path}/${n}`;
    if (ctx.fs.isDirectory(p)) await reportTree(ctx, p, `${shown}/${n}`);
    else await ctx.stdout.write(`removed '${shown}/${n}'\n`);
  }
  await ctx.stdout.write(`removed directory '${shown}'\n`);
}
