// env and printenv: print the environment, or run a command with changes to it.
import type { Command } from '../command-context';

export const env: Command = async (ctx, argv) => {
  let vars: Record<string, string> = { ...ctx.env };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-i' || a === '-' || a === '--ignore-environment') vars = {};
    else if (a === '-u' || a === '--unset') delete vars[argv[++i]];
    else if (a === '--') {
      i++;
      break;
    } else if (a.startsWith('-') && !a.includes('=')) {
      await ctx.stderr.write(`env: invalid option -- '${a.slice(1, 2)}'\nTry 'env --help' for more information.\n`);
      return 125;
    } else break;
  }
  for (; i < argv.length && /^[^=]+=/.test(argv[i]); i++) {
    const eq = argv[i].indexOf('=');
    vars[argv[i].slice(0, eq)] = argv[i].slice(eq + 1);
  }
  if (i >= argv.length) {
    await ctx.stdout.write(Object.entries(vars).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  // Run the command in a child shell whose environment is exactly `vars`.
  const quoted = argv.slice(i).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const assigns = Object.entries(vars).filter(([k]) => /^[A-Za-z_]\w*$/.test(k)).map(([k, v]) => `${k}='${v.replace(/'/g, `'\\''`)}'`).join(' ');
  const unset = Object.keys(ctx.env).filter((k) => !(k in vars)).map((k) => `unset ${k}; `).join('');
  return ctx.runScript(`${unset}${assigns ? `export ${assigns}; ` : ''}exec ${quoted}`, undefined, ['env']);
};

export const printenv: Command = async (ctx, argv) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    await ctx.stdout.write(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
    return 0;
  }
  let status = 0;
  for (const n of names) {
    if (n in ctx.env) await ctx.stdout.write(ctx.env[n] + '\n');
    else status = 1;
  }
  return status;
};
