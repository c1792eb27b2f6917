// mkdir and rmdir.
import type { Command } from '../command-context';
import { isVfsError } from '../virtual-fs';
import { getOptions } from './options';
import { parseMode } from './chmod';

export const mkdir: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'pv', withValue: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' } });
  if (typeof o === 'number') return o;
  if (!o.operands.length) {
    await ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
    return 1;
  }
  let mode: number | undefined;
  if (o.has('m')) {
    mode = parseMode(o.value('m')!, 0o777);
    if (mode === undefined) {
      await ctx.stderr.write(`mkdir: invalid mode '${o.value('m')}'\n`);
      return 1;
    }
  }
  let status = 0;
  for (const name of o.operands) {
    const path = ctx.resolvePath(name);
    try {
      if (o.has('p')) {
        if (ctx.fs.isDirectory(path)) continue;
        // Report each directory created, as mkdir -pv does.
        const segs = path.split('/').filter(Boolean);
        let cur = '';
        for (const s of segs) {
          cur += '/' + s;
          if (!ctx.fs.exists(cur)) {
            ctx.fs.mkdir(cur, { mode });
            if (o.has('v')) await ctx.stdout.write(`mkdir: created directory '${relativeShown(name, path, cur)}'\n`);
          } else if (!ctx.fs.isDirectory(cur)) throw Object.assign(new Error(), { code: cur === path ? 'EEXIST' : 'ENOTDIR' });
        }
      } else {
        ctx.fs.mkdir(path, { mode });
        if (o.has('v')) await ctx.stdout.write(`mkdir: created directory '${name}'\n`);
      }
    } catch (err) {
      const code = (err as { code?: string }).code;
      const msg = code === 'EEXIST' ? 'File exists' : code === 'ENOTDIR' ? 'Not a directory' : isVfsError(err) ? err.message : 'No such file or directory';
      await ctx.stderr.write(`mkdir: cannot create directory '${name}': ${msg}\n`);
      status = 1;
    }
  }
  return status;
};

/** The operand-relative spelling of a parent directory being created (`a/b` for `a/b/c`). */
function relativeShown(operand: string, full: string, created: string): string {
  const rest = full.slice(created.length);
  let shown = operand.replace(/\/+$/, '');
  const depth = rest.split('/').filter(Boolean).length;
  for (let i = 0; i < depth; i++) shown = shown.slice(0, shown.lastIndexOf('/'));
  return shown || created;
}

export const rmdir: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'pv', long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'i' } });
  if (typeof o === 'number') return o;
  if (!o.operands.length) {
    await ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
    return 1;
  }
  let status = 0;
  for (const name of o.operands) {
    const targets = [name];
    if (o.has('p')) {
      let n = name.replace(/\/+$/, '');
      while (n.includes('/')) {
        n = n.slice(0, n.lastIndexOf('/'));
        if (n) targets.push(n);
      }
    }
    for (const t of targets) {
      try {
        ctx.fs.rmdir(ctx.resolvePath(t));
        if (o.has('v')) await ctx.stdout.write(`rmdir: removing directory, '${t}'\n`);
      } catch (err) {
        if (isVfsError(err, 'ENOTEMPTY') && o.has('i')) break;
        await ctx.stderr.write(`rmdir: failed to remove '${t}': ${isVfsError(err) ? err.message : String(err)}\n`);
        status = 1;
        break;
      }
    }
  }
  return status;
};
