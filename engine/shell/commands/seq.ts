// seq [FIRST [INCREMENT]] LAST with -s, -w and -f.
import type { Command } from '../command-context';
import { formatOnce } from './printf-format';

export const seq: Command = async (ctx, argv) => {
  let sep = '\n';
  let equalWidth = false;
  let format: string | undefined;
  const nums: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (nums.length === 0 && /^-[swf]/.test(a) && !/^-\d/.test(a)) {
      const flag = a[1];
      const val = a.length > 2 ? a.slice(2) : flag === 'w' ? '' : argv[++i];
      if (flag === 'w') {
        equalWidth = true;
        if (a.length > 2) i--;
        continue;
      }
      if (val === undefined) {
        await ctx.stderr.write(`seq: option requires an argument -- '${flag}'\nTry 'seq --help' for more information.\n`);
        return 1;
      }
      if (flag === 's') sep = val;
      else format = val;
      continue;
    }
    if (a.startsWith('--separator=')) sep = a.slice(12);
    else if (a === '--equal-width') equalWidth = true;
    else if (a.startsWith('--format=')) format = a.slice(9);
    else nums.push(a);
  }
  if (!nums.length) {
    await ctx.stderr.write("seq: missing operand\nTry 'seq --help' for more information.\n");
    return 1;
  }
  if (nums.length > 3) {
    await ctx.stderr.write(`seq: extra operand '${nums[3]}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  for (const n of nums) {
    if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(n)) {
      await ctx.stderr.write(`seq: invalid floating point argument: '${n}'\nTry 'seq --help' for more information.\n`);
      return 1;
    }
  }
  const [first, inc, last] = nums.length === 1 ? ['1', '1', nums[0]] : nums.length === 2 ? [nums[0], '1', nums[1]] : nums;
  const step = Number(inc);
  if (step === 0) {
    await ctx.stderr.write(`seq: invalid Zero increment value: '${inc}'\nTry 'seq --help' for more information.\n`);
    return 1;
  }
  const decimals = Math.max(...[first, inc].map((s) => (s.includes('.') ? s.split('.')[1].replace(/e.*/i, '').length : 0)));
  const a = Number(first);
  const b = Number(last);
  const fmt = (v: number) => (format ? formatOnce(format, [v], 0, true).output : v.toFixed(decimals));
  const width = equalWidth ? Math.max(fmt(a).length, fmt(b).length) : 0;
  let out = '';
  let count = 0;
  for (let i = 0; ; i++) {
    const v = a + i * step;
    if (step > 0 ? v > b + 1e-12 : v < b - 1e-12) break;
    let s = fmt(v);
    if (width) s = s.startsWith('-') ? '-' + s.slice(1).padStart(width - 1, '0') : s.padStart(width, '0');
    out += (count++ ? sep : '') + s;
    if (out.length > 8192) {
      await ctx.stdout.write(out);
      out = '';
      if (ctx.stdout.closed || ctx.signal.aborted) return 0;
    }
  }
  if (count) out += '\n';
  await ctx.stdout.write(out);
  return 0;
};
