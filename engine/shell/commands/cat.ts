// cat: concatenate files (or stdin) to stdout, with -n -b -s -E -T -A -v.
import type { Command } from '../command-context';
import { getOptions } from './options';

export const cat: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, {
    flags: 'AbeEnstTuv',
    long: { 'show-all': 'A', 'number-nonblank': 'b', 'show-ends': 'E', number: 'n', 'squeeze-blank': 's', 'show-tabs': 'T', 'show-nonprinting': 'v' },
  });
  if (typeof o === 'number') return o;
  const showEnds = o.has('E') || o.has('A') || o.has('e');
  const showTabs = o.has('T') || o.has('A') || o.has('t');
  const numberAll = o.has('n');
  const numberNonblank = o.has('b');
  const squeeze = o.has('s');
  const plain = !showEnds && !showTabs && !numberAll && !numberNonblank && !squeeze;
  const files = o.operands.length ? o.operands : ['-'];
  let status = 0;
  let lineNo = 0;
  let lastBlank = false;
  const decorate = (text: string): string => {
    let out = '';
    const lines = text.split('\n');
    const trailing = lines[lines.length - 1] === '';
    if (trailing) lines.pop();
    lines.forEach((line, i) => {
      const blank = line === '';
      if (squeeze && blank && lastBlank) return;
      lastBlank = blank;
      if (showTabs) line = line.replace(/\t/g, '^I');
      if (numberNonblank ? !blank : numberAll) out += `${String(++lineNo).padStart(6)}\t`;
      out += line;
      if (i < lines.length - 1 || trailing) out += showEnds ? '$\n' : '\n';
    });
    return out;
  };
  for (const name of files) {
    if (name === '-') {
      // Stream stdin so an interactive `cat` echoes each line as it is typed.
      for (;;) {
        const chunk = plain ? await ctx.stdin.read() : await ctx.stdin.readLine().then((l) => (l === null ? null : l + '\n'));
        if (chunk === null) break;
        await ctx.stdout.write(plain ? chunk : decorate(chunk));
        if (ctx.stdout.closed) return status;
      }
      continue;
    }
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      await ctx.stderr.write(`cat: ${name}: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.isDirectory(path)) {
      await ctx.stderr.write(`cat: ${name}: Is a directory\n`);
      status = 1;
      continue;
    }
    if (plain) await ctx.stdout.write(ctx.fs.readFileBuffer(path));
    else await ctx.stdout.write(decorate(ctx.fs.readFile(path)));
  }
  return status;
};
