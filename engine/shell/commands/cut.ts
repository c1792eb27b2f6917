// cut: -f fields (with -d, -s), -c characters, -b bytes; LIST is N, N-, N-M, -M, comma separated.
import type { Command } from '../command-context';
import { getOptions, inputFiles, splitLines } from './options';

type Range = [number, number];

function parseList(list: string): Range[] | string {
  const out: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (!m[1] && !m[3]) || (!m[2] && !m[1])) return `invalid byte, character or field list`;
    const a = m[1] ? Number(m[1]) : 1;
    const b = m[2] ? (m[3] ? Number(m[3]) : Infinity) : a;
    if (a === 0 || b === 0) return 'fields and positions are numbered from 1';
    if (b < a) return 'invalid decreasing range';
    out.push([a, b]);
  }
  return out;
}

const inRanges = (i: number, ranges: Range[]) => ranges.some(([a, b]) => i >= a && i <= b);

export const cut: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'nsz', withValue: 'bcdf', long: { 'bytes=': 'b', 'characters=': 'c', 'delimiter=': 'd', 'fields=': 'f', 'only-delimited': 's', complement: 'complement', 'output-delimiter=': 'od' } });
  if (typeof o === 'number') return o;
  const modes = ['b', 'c', 'f'].filter((k) => o.has(k));
  if (modes.length === 0) {
    await ctx.stderr.write("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  if (modes.length > 1) {
    await ctx.stderr.write("cut: only one type of list may be specified\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const mode = modes[0];
  const ranges = parseList(o.value(mode)!);
  if (typeof ranges === 'string') {
    await ctx.stderr.write(`cut: ${ranges}\nTry 'cut --help' for more information.\n`);
    return 1;
  }
  const delim = o.value('d') ?? '\t';
  if (o.has('d') && mode !== 'f') {
    await ctx.stderr.write("cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n");
    return 1;
  }
  if ([...delim].length !== 1) {
    await ctx.stderr.write("cut: the delimiter must be a single character\nTry 'cut --help' for more information.\n");
    return 1;
  }
  const outDelim = o.value('od') ?? delim;
  const complement = o.has('complement');
  const pick = (i: number) => inRanges(i, ranges) !== complement;
  let out = '';
  let status = 0;
  for await (const f of inputFiles(ctx, 'cut', o.operands)) {
    if ('error' in f) {
      await ctx.stderr.write(f.error + '\n');
      status = 1;
      continue;
    }
    for (const line of splitLines(f.text)) {
      if (mode === 'f') {
        if (!line.includes(delim)) {
          if (!o.has('s')) out += line + '\n';
          continue;
        }
        out += line.split(delim).filter((_, i) => pick(i + 1)).join(outDelim) + '\n';
      } else {
        const units = mode === 'c' ? [...line] : [...Buffer.from(line)].map((b) => String.fromCharCode(b));
        const kept = units.filter((_, i) => pick(i + 1)).join('');
        out += (mode === 'b' ? Buffer.from(kept, 'latin1').toString('utf8') : kept) + '\n';
      }
    }
  }
  await ctx.stdout.write(out);
  return status;
};
