// cp and mv.
import type { Command, CommandContext } from '../command-context';
import { basename, isVfsError } from '../virtual-fs';
import { getOptions } from './options';

function copyTree(ctx: CommandContext, from: string, to: string, preserve: boolean): void {
  const st = ctx.fs.stat(from);
  if (st.type === 'dir') {
    if (!ctx.fs.exists(to)) ctx.fs.mkdir(to, { mode: st.mode });
    for (const n of ctx.fs.readdir(from)) copyTree(ctx, `${from}/${n}`, `${to}/${n}`, preserve);
  } else {
    ctx.fs.writeFile(to, ctx.fs.readFileBuffer(from), { mode: st.mode });
  }
  if (preserve) ctx.fs.utimes(to, st.mtime);
}

/** Resolves operands into (source, destination) pairs, or prints GNU's operand errors. */
async function plan(ctx: CommandContext, prog: string, operands: string[], targetDir: string | undefined): Promise<{ src: string; dst: string; srcName: string; dstName: string }[] | undefined> {
  if (!operands.length) {
    await ctx.stderr.write(`${prog}: missing file operand\nTry '${prog} --help' for more information.\n`);
    return undefined;
  }
  let dest = targetDir;
  let sources = operands;
  if (dest === undefined) {
    if (operands.length === 1) {
      await ctx.stderr.write(`${prog}: missing destination file operand after '${operands[0]}'\nTry '${prog} --help' for more information.\n`);
      return undefined;
    }
    dest = operands[operands.length - 1];
    sources = operands.slice(0, -1);
  }
  const destPath = ctx.resolvePath(dest);
  const destIsDir = ctx.fs.isDirectory(destPath);
  if ((sources.length > 1 || targetDir !== undefined) && !destIsDir) {
    await ctx.stderr.write(`${prog}: target '${dest}' is not a directory\n`);
    return undefined;
  }
  return sources.map((s) => {
    const name = basename(s);
    return destIsDir
      ? { src: ctx.resolvePath(s), dst: `${destPath === '/' ? '' : destPath}/${name}`, srcName: s, dstName: `${dest.replace(/\/+$/, '')}/${name}` }
      : { src: ctx.resolvePath(s), dst: destPath, srcName: s, dstName: dest };
  });
}

export const cp: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    flags: 'aRrfinpvuTdlsx',
    withValue: 't',
    long: { archive: 'a', recursive: 'r', force: 'f', interactive: 'i', 'no-clobber': 'n', preserve: 'p', verbose: 'v', 'target-directory=': 't', 'no-target-directory': 'T' },
  });
  if (typeof o === 'number') return o;
  const recursive = o.has('r') || o.has('R') || o.has('a');
  const pairs = await plan(ctx, 'cp', o.operands, o.value('t'));
  if (!pairs) return 1;
  let status = 0;
  for (const p of pairs) {
    if (!ctx.fs.exists(p.src)) {
      await ctx.stderr.write(`cp: cannot stat '${p.srcName}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const st = ctx.fs.stat(p.src);
    if (st.type === 'dir' && !recursive) {
      await ctx.stderr.write(`cp: -r not specified; omitting directory '${p.srcName}'\n`);
      status = 1;
      continue;
    }
    if (p.src === p.dst) {
      await ctx.stderr.write(`cp: '${p.srcName}' and '${p.dstName}' are the same file\n`);
      status = 1;
      continue;
    }
    if (st.type === 'dir' && (p.dst + '/').startsWith(p.src + '/')) {
      await ctx.stderr.write(`cp: cannot copy a directory, '${p.srcName}', into itself, '${p.dstName}'\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.exists(p.dst)) {
      if (o.has('n')) continue;
      if (ctx.fs.isDirectory(p.dst) && st.type !== 'dir') {
        await ctx.stderr.write(`cp: cannot overwrite directory '${p.dstName}' with non-directory\n`);
        status = 1;
        continue;
      }
      if (o.has('i') && !o.has('f')) {
        await ctx.stderr.write(`cp: overwrite '${p.dstName}'? `);
        const answer = await ctx.stdin.readLine();
        if (answer === null || !/^[yY]/.test(answer)) continue;
      }
    }
    try {
      copyTree(ctx, p.src, p.dst, o.has('p') || o.has('a'));
      if (o.has('v')) await ctx.stdout.write(`'${p.srcName}' -> '${p.dstName}'\n`);
    } catch (err) {
      await ctx.stderr.write(`cp: cannot create regular file '${p.dstName}': ${isVfsError(err) ? err.message : String(err)}\n`);
      status = 1;
    }
  }
  return status;
};

export const mv: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    flags: 'finvuT',
    withValue: 't',
    long: { force: 'f', interactive: 'i', 'no-clobber': 'n', verbose: 'v', 'target-directory=': 't' },
  });
  if (typeof o === 'number') return o;
  const pairs = await plan(ctx, 'mv', o.operands, o.value('t'));
  if (!pairs) return 1;
  let status = 0;
  for (const p of pairs) {
    if (!ctx.fs.exists(p.src)) {
      await ctx.stderr.write(`mv: cannot stat '${p.srcName}': No such file or directory\n`);
      status = 1;
      continue;
    }
    if (p.src === p.dst) {
      await ctx.stderr.write(`mv: '${p.srcName}' and '${p.dstName}' are the same file\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.isDirectory(p.src) && (p.dst + '/').startsWith(p.src + '/')) {
      await ctx.stderr.write(`mv: cannot move '${p.srcName}' to a subdirectory of itself, '${p.dstName}'\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.exists(p.dst)) {
      if (o.has('n')) continue;
      if (o.has('i') && !o.has('f')) {
        await ctx.stderr.write(`mv: overwrite '${p.dstName}'? `);
        const answer = await ctx.stdin.readLine();
        if (answer === null || !/^[yY]/.test(answer)) continue;
      }
    }
    try {
      ctx.fs.rename(p.src, p.dst);
      if (o.has('v')) await ctx.stdout.write(`renamed '${p.srcName}' -> '${p.dstName}'\n`);
    } catch (err) {
      const msg = isVfsError(err) ? err.message : String(err);
      if (isVfsError(err, 'EISDIR')) await ctx.stderr.write(`mv: cannot overwrite directory '${p.dstName}' with non-directory\n`);
      else if (isVfsError(err, 'ENOTDIR')) await ctx.stderr.write(`mv: cannot overwrite non-directory '${p.dstName}' with directory '${p.srcName}'\n`);
      else await ctx.stderr.write(`mv: cannot move '${p.srcName}' to '${p.dstName}': ${msg}\n`);
      status = 1;
    }
  }
  return status;
};
