// xargs: build command lines from stdin (-n, -I, -d, -0, -t, -r).
import type { Command } from '../command-context';

export const xargs: Command = async (ctx, argv) => {
  let maxArgs = Infinity;
  let replace: string | undefined;
  let delimiter: string | undefined;
  let trace = false;
  let noRunIfEmpty = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    const val = (flag: string) => (a.length > flag.length ? a.slice(flag.length) : argv[++i]);
    if (a === '--') {
      i++;
      break;
    }
    if (a.startsWith('-n')) maxArgs = Number(val('-n'));
    else if (a.startsWith('-I')) replace = val('-I');
    else if (a === '-i') replace = '{}';
    else if (a.startsWith('-d')) delimiter = val('-d').replace(/^\\n$/, '\n').replace(/^\\t$/, '\t');
    else if (a === '-0' || a === '--null') delimiter = '\0';
    else if (a === '-t' || a === '--verbose') trace = true;
    else if (a === '-r' || a === '--no-run-if-empty') noRunIfEmpty = true;
    else if (a.startsWith('-P') || a.startsWith('-L') || a.startsWith('-s')) val(a.slice(0, 2));
    else if (a.startsWith('-')) {
      await ctx.stderr.write(`xargs: invalid option -- '${a.slice(1, 2)}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      return 1;
    } else break;
  }
  const command = argv.slice(i).length ? argv.slice(i) : ['echo'];
  const input = await ctx.stdin.readAll();
  let items: string[];
  if (replace !== undefined) items = input.split('\n').filter((l) => l.trim() !== '');
  else if (delimiter !== undefined) items = input.split(delimiter).filter((x, k, arr) => !(k === arr.length - 1 && (x === '' || x === '\n')));
  else items = splitArgs(input);
  if (!items.length && (noRunIfEmpty || replace !== undefined)) return 0;
  let status = 0;
  const run = async (args: string[]) => {
    if (trace) await ctx.stderr.write(args.join(' ') + '\n');
    const s = await ctx.exec(args);
    if (s === 127) {
      status = 127;
      return false;
    }
    if (s !== 0) status = 123;
    return true;
  };
  if (replace !== undefined) {
    for (const item of items) if (!(await run(command.map((c) => c.split(replace!).join(item))))) break;
    return status;
  }
  if (!items.length) {
    await run(command);
    return status;
  }
  const size = Number.isFinite(maxArgs) && maxArgs > 0 ? maxArgs : items.length;
  for (let k = 0; k < items.length; k += size) if (!(await run([...command, ...items.slice(k, k + size)]))) break;
  return status;
};

/** xargs' default input parsing: blanks separate, quotes and backslashes group. */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "'" || c === '"') {
      const end = s.indexOf(c, i + 1);
      cur += s.slice(i + 1, end < 0 ? undefined : end);
      has = true;
      i = end < 0 ? s.length : end;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}
