// bash / sh: run `-c STRING`, a script file, or a script read from a pipe, in a child shell.
import type { Command } from '../command-context';

export const shellCommand: Command = async (ctx, argv) => {
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  let i = 1;
  let command: string | undefined;
  const setFlags: string[] = [];
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c') {
      command = argv[++i];
      if (command === undefined) {
        await ctx.stderr.write(`${prog}: -c: option requires an argument\n`);
        return 2;
      }
      i++;
      break;
    }
    if (a === '--') {
      i++;
      break;
    }
    if (/^-[exuv]+$/.test(a)) setFlags.push(a);
    else if (a === '-l' || a === '--login' || a === '-i' || a === '-s' || a === '--norc' || a === '--noprofile') continue;
    else if (a.startsWith('-') && a !== '-') {
      await ctx.stderr.write(`${prog}: ${a}: invalid option\n`);
      return 2;
    } else break;
  }
  const prelude = setFlags.length ? `set ${setFlags.join(' ')}\n` : '';
  if (command !== undefined) return ctx.runScript(prelude + command, undefined, argv.slice(i).length ? argv.slice(i) : [prog]);
  const file = argv[i];
  if (file !== undefined && file !== '-') {
    const path = ctx.resolvePath(file);
    if (!ctx.fs.isFile(path)) {
      await ctx.stderr.write(`${prog}: ${file}: ${ctx.fs.exists(path) ? 'Is a directory' : 'No such file or directory'}\n`);
      return 127;
    }
    return ctx.runScript(prelude + ctx.fs.readFile(path), undefined, [file, ...argv.slice(i + 1)]);
  }
  if (ctx.stdinIsTTY) {
    await ctx.stderr.write(`${prog}: starting another interactive shell is not supported here; use '${prog} -c' or '${prog} script.sh'\n`);
    return 1;
  }
  return ctx.runScript(prelude + (await ctx.stdin.readAll()), undefined, [prog]);
};
