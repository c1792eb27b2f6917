// uniq: collapse adjacent duplicate lines; -c -d -u -i -f -s -w.
import type { Command } from '../command-context';
import { getOptions, splitLines } from './options';

export const uniq: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'cdDiuz', withValue: 'fsw', long: { count: 'c', repeated: 'd', 'all-repeated': 'D', 'ignore-case': 'i', unique: 'u', 'skip-fields=': 'f', 'skip-chars=': 's', 'check-chars=': 'w' } });
  if (typeof o === 'number') return o;
  const [input, output] = o.operands;
  let text: string;
  if (input === undefined || input === '-') text = await ctx.stdin.readAll();
  else {
    const p = ctx.resolvePath(input);
    if (!ctx.fs.isFile(p)) {
      await ctx.stderr.write(`uniq: ${input}: ${ctx.fs.exists(p) ? 'Is a directory' : 'No such file or directory'}\n`);
      return 1;
    }
    text = ctx.fs.readFile(p);
  }
  const skipFields = Number(o.value('f') ?? 0);
  const skipChars = Number(o.value('s') ?? 0);
  const check = o.has('w') ? Number(o.value('w')) : undefined;
  const key = (l: string) => {
    let k = l;
    for (let i = 0; i < skipFields; i++) k = k.replace(/^\s*\S+/, '');
    k = k.slice(skipChars);
    if (check !== undefined) k = k.slice(0, check);
    return o.has('i') ? k.toLowerCase() : k;
  };
  const groups: { line: string; count: number; all: string[] }[] = [];
  for (const line of splitLines(text)) {
    const last = groups[groups.length - 1];
    if (last && key(last.line) === key(line)) {
      last.count++;
      last.all.push(line);
    } else groups.push({ line, count: 1, all: [line] });
  }
  let out = '';
  for (const g of groups) {
    if (o.has('d') && g.count < 2) continue;
    if (o.has('u') && g.count > 1) continue;
    if (o.has('D')) {
      if (g.count > 1) out += g.all.map((l) => l + '\n').join('');
      continue;
    }
    out += (o.has('c') ? `${String(g.count).padStart(7)} ` : '') + g.line + '\n';
  }
  if (output !== undefined) ctx.fs.writeFile(ctx.resolvePath(output), out);
  else await ctx.stdout.write(out);
  return 0;
};
