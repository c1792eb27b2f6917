// nl: number lines (-b a|t|n, -n ln|rn|rz, -w, -s, -v, -i), body section only.
// Upstream: coreutils src/nl.c.
import type { Command } from '../command-context';
import { getOptions, inputFiles, LineWriter, splitLines } from './options';

export const nl: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    withValue: 'bnwsvihfd',
    flags: 'p',
    long: { 'body-numbering=': 'b', 'number-format=': 'n', 'number-width=': 'w', 'number-separator=': 's', 'starting-line-number=': 'v', 'line-increment=': 'i' },
  });
  if (typeof o === 'number') return o;
  const style = o.value('b') ?? 't';
  const format = o.value('n') ?? 'rn';
  const width = Number(o.value('w') ?? '6');
  const sep = o.value('s') ?? '\t';
  let n = Number(o.value('v') ?? '1');
  const inc = Number(o.value('i') ?? '1');
  if (!/^(a|t|n|p.*)$/.test(style)) {
    await ctx.stderr.write(`nl: invalid body numbering style: '${style}'\nTry 'nl --help' for more information.\n`);
    return 1;
  }
  if (!['ln', 'rn', 'rz'].includes(format)) {
    await ctx.stderr.write(`nl: invalid line numbering format: '${format}'\nTry 'nl --help' for more information.\n`);
    return 1;
  }
  if (!(width > 0)) {
    await ctx.stderr.write(`nl: invalid line number field width: '${o.value('w')}': Numerical result out of range\n`);
    return 1;
  }
  const re = style.startsWith('p') ? new RegExp(style.slice(1)) : undefined;
  const out = new LineWriter(ctx);
  let status = 0;
  for await (const f of inputFiles(ctx, 'nl', o.operands)) {
    if ('error' in f) {
      await out.flush();
      await ctx.stderr.write(f.error + '\n');
      status = 1;
      continue;
    }
    for (const line of splitLines(f.text)) {
      const numbered = style === 'a' || (style === 't' && line.trim() !== '') || (re !== undefined && re.test(line));
      if (!numbered) {
        // GNU pads unnumbered lines with as many spaces as the number and separator take.
        await out.line(' '.repeat(width + sep.length) + line);
        continue;
      }
      const num = String(n);
      const field = format === 'ln' ? num.padEnd(width) : format === 'rz' ? num.padStart(width, '0') : num.padStart(width);
      await out.line(field + sep + line);
      n += inc;
    }
  }
  await out.flush();
  return status;
};
