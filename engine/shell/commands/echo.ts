// echo (bash's builtin semantics): -n, -e, -E; options only when every letter is one of n, e, E.
import type { Command } from '../command-context';
import { decodeEscape } from '../lexer';

export const echo: Command = async (ctx, argv) => {
  let newline = true;
  let escapes = false;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (!/^-[neE]+$/.test(a)) break;
    for (const c of a.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = expandEchoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  await ctx.stdout.write(newline ? text + '\n' : text);
  return 0;
};

/** echo -e escapes; `\c` stops all further output. */
export function expandEchoEscapes(s: string): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] !== '\\' || i + 1 >= s.length) {
      out += s[i];
      continue;
    }
    if (s[i + 1] === 'c') return { text: out, stop: true };
    const [t, used] = decodeEscape(s, i + 1, false);
    out += t;
    i += used;
  }
  return { text: out, stop: false };
}
