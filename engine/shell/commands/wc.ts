// wc: lines, words, bytes (chars, max line length), padded the way GNU wc pads them.
import type { Command } from '../command-context';
import { textWidth } from '../text-width';
import { getOptions } from './options';

interface Counts {
  lines: number;
  words: number;
  chars: number;
  bytes: number;
  maxLine: number;
}

function count(buf: Buffer): Counts {
  const text = buf.toString('utf8');
  let lines = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) lines++;
  const words = (text.match(/\S+/g) ?? []).length;
  let maxLine = 0;
  for (const line of text.split('\n')) {
    let w = 0;
    for (const ch of line) w = ch === '\t' ? w + 8 - (w % 8) : w + textWidth(ch);
    maxLine = Math.max(maxLine, w);
  }
  return { lines, words, chars: [...text].length, bytes: buf.length, maxLine };
}

export const wc: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'clLmw', long: { bytes: 'c', chars: 'm', lines: 'l', words: 'w', 'max-line-length': 'L' } });
  if (typeof o === 'number') return o;
  let show = { l: o.has('l'), w: o.has('w'), m: o.has('m'), c: o.has('c'), L: o.has('L') };
  if (!Object.values(show).some(Boolean)) show = { l: true, w: true, m: false, c: true, L: false };
  const nShown = Object.values(show).filter(Boolean).length;
  const files = o.operands.length ? o.operands : ['-'];
  // Upstream: coreutils src/wc.c, compute_number_width(): width from the total size of regular
  // files, at least 7 when reading a pipe, and 1 for a single count of a single input.
  let width = 1;
  if (!(files.length === 1 && nShown === 1)) {
    let total = 0;
    let min = 1;
    for (const f of files) {
      if (f === '-') min = 7;
      else {
        const p = ctx.resolvePath(f);
        if (ctx.fs.isFile(p)) total += ctx.fs.stat(p).size;
      }
    }
    width = Math.max(min, String(total).length);
  }
  const fmt = (c: Counts, name?: string) => {
    const cols: number[] = [];
    if (show.l) cols.push(c.lines);
    if (show.w) cols.push(c.words);
    if (show.m) cols.push(c.chars);
    if (show.c) cols.push(c.bytes);
    if (show.L) cols.push(c.maxLine);
    return cols.map((v) => String(v).padStart(width)).join(' ') + (name !== undefined ? ` ${name}` : '') + '\n';
  };
  const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 };
  let status = 0;
  let out = '';
  for (const f of files) {
    let buf: Buffer;
    if (f === '-') buf = await ctx.stdin.readAllBytes();
    else {
      const p = ctx.resolvePath(f);
      if (!ctx.fs.exists(p)) {
        await ctx.stderr.write(`wc: ${f}: No such file or directory\n`);
        status = 1;
        continue;
      }
      if (ctx.fs.isDirectory(p)) {
        await ctx.stderr.write(`wc: ${f}: Is a directory\n`);
        out += fmt({ lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 }, f);
        status = 1;
        continue;
      }
      buf = ctx.fs.readFileBuffer(p);
    }
    const c = count(buf);
    total.lines += c.lines;
    total.words += c.words;
    total.chars += c.chars;
    total.bytes += c.bytes;
    total.maxLine = Math.max(total.maxLine, c.maxLine);
    out += fmt(c, o.operands.length ? f : undefined);
  }
  if (files.length > 1) out += fmt(total, 'total');
  await ctx.stdout.write(out);
  return status;
};
