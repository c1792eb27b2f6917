// chmod: octal (755) and symbolic (u+x, go-w, a=r, +x) modes, -R.
import type { Command, CommandContext } from '../command-context';
import { getOptions } from './options';

/** Applies a mode expression to `current`; undefined when the expression is invalid. */
export function parseMode(expr: string, current: number): number | undefined {
  if (/^[0-7]{1,4}$/.test(expr)) return parseInt(expr, 8);
  let mode = current;
  for (const clause of expr.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*|[ugo])$/.exec(clause);
    if (!m) return undefined;
    const who = m[1] || 'a';
    const masks = { u: 0o4700, g: 0o2070, o: 0o1007 } as const;
    let whoMask = 0;
    for (const w of who === 'a' ? 'ugo' : who) whoMask |= masks[w as 'u' | 'g' | 'o'];
    let perm = 0;
    if (/^[ugo]$/.test(m[3])) {
      const shift = { u: 6, g: 3, o: 0 }[m[3] as 'u' | 'g' | 'o'];
      const bits = (current >> shift) & 7;
      perm = (bits << 6) | (bits << 3) | bits;
    } else {
      for (const p of m[3]) {
        if (p === 'r') perm |= 0o444;
        if (p === 'w') perm |= 0o222;
        if (p === 'x' || (p === 'X' && current & 0o111)) perm |= 0o111;
        if (p === 's') perm |= 0o6000;
        if (p === 't') perm |= 0o1000;
      }
    }
    perm &= whoMask;
    if (m[2] === '+') mode |= perm;
    else if (m[2] === '-') mode &= ~perm;
    else mode = (mode & ~whoMask) | perm;
  }
  return mode & 0o7777;
}

export const chmod: Command = async (ctx, argv) => {
  // Symbolic modes like -x look like options: take the first non-option-looking mode word.
  const args = argv.slice(1);
  const recursive = args.some((a) => a === '-R' || a === '--recursive');
  const verbose = args.some((a) => a === '-v' || a === '--verbose');
  const rest = args.filter((a) => !['-R', '--recursive', '-v', '--verbose', '-f', '--silent', '-c'].includes(a));
  if (rest.some((a) => /^--./.test(a))) {
    const o = await getOptions(ctx, ['chmod', ...rest.filter((a) => a.startsWith('--'))], { flags: '' });
    if (typeof o === 'number') return o;
  }
  const [modeExpr, ...files] = rest;
  if (modeExpr === undefined) {
    await ctx.stderr.write("chmod: missing operand\nTry 'chmod --help' for more information.\n");
    return 1;
  }
  if (!files.length) {
    await ctx.stderr.write(`chmod: missing operand after '${modeExpr}'\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  if (parseMode(modeExpr, 0o644) === undefined) {
    await ctx.stderr.write(`chmod: invalid mode: '${modeExpr}'\nTry 'chmod --help' for more information.\n`);
    return 1;
  }
  let status = 0;
  const apply = async (path: string, shown: string, c: CommandContext) => {
    const st = c.fs.stat(path);
    const mode = parseMode(modeExpr, st.mode)!;
    c.fs.chmod(path, mode);
    if (verbose) await c.stdout.write(`mode of '${shown}' changed from ${st.mode.toString(8).padStart(4, '0')} to ${mode.toString(8).padStart(4, '0')}\n`);
    if (recursive && st.type === 'dir') for (const n of c.fs.readdir(path)) await apply(`${path}/${n}`, `${shown}/${n}`, c);
  };
  for (const name of files) {
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      await ctx.stderr.write(`chmod: cannot access '${name}': No such file or directory\n`);
      status = 1;
      continue;
    }
    await apply(path, name, ctx);
  }
  return status;
};
