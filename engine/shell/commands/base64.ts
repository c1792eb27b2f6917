// base64: encode (wrapped at 76 columns) or decode (-d) files or stdin.
import type { Command } from '../command-context';
import { getOptions } from './options';

export const base64: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'diD', withValue: 'w', long: { decode: 'd', 'ignore-garbage': 'i', 'wrap=': 'w' } });
  if (typeof o === 'number') return o;
  if (o.operands.length > 1) {
    await ctx.stderr.write(`base64: extra operand '${o.operands[1]}'\nTry 'base64 --help' for more information.\n`);
    return 1;
  }
  const name = o.operands[0] ?? '-';
  let input: Buffer;
  if (name === '-') input = await ctx.stdin.readAllBytes();
  else {
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      await ctx.stderr.write(`base64: ${name}: No such file or directory\n`);
      return 1;
    }
    if (ctx.fs.isDirectory(path)) {
      await ctx.stderr.write(`base64: read error: Is a directory\n`);
      return 1;
    }
    input = ctx.fs.readFileBuffer(path);
  }
  if (o.has('d') || o.has('D')) {
    let text = input.toString('latin1');
    if (o.has('i')) text = text.replace(/[^A-Za-z0-9+/=]/g, '');
    else text = text.replace(/\n/g, '');
    const valid = /^[A-Za-z0-9+/]*={0,2}$/.test(text) && (text.length % 4 === 0 || !text.includes('='));
    const decoded = Buffer.from(text.replace(/=+$/, ''), 'base64');
    await ctx.stdout.write(decoded);
    if (!valid) {
      await ctx.stderr.write('base64: invalid input\n');
      return 1;
    }
    return 0;
  }
  const wrap = Number(o.value('w') ?? 76);
  if (!Number.isInteger(wrap) || wrap < 0) {
    await ctx.stderr.write(`base64: invalid wrap size: '${o.value('w')}'\n`);
    return 1;
  }
  const encoded = input.toString('base64');
  let out = '';
  if (wrap === 0) out = encoded;
  else for (let i = 0; i < encoded.length; i += wrap) out += encoded.slice(i, i + wrap) + '\n';
  await ctx.stdout.write(out);
  return 0;
};
