// less and more. On a terminal, with a file to show, they page it full screen (less: space/b/j/k/
// d/u/g/G, /search, n/N, q; more: space, Enter, q, `--More--(NN%)`). Off a terminal, or when the
// text comes from a pipe (the keyboard is then not this command's stdin), they print it as is,
// as real pagers do when their output is not a terminal.
// Upstream: less(1) prompts and keys; util-linux more.c.
import type { Command, CommandContext } from '../command-context';
import { charWidth } from '../text-width';
import { ViKeyReader } from '../vi/vi-keys';

async function readInputs(ctx: CommandContext, prog: string, files: string[]): Promise<{ name?: string; text: string }[] | number> {
  const out: { name?: string; text: string }[] = [];
  let status = 0;
  if (!files.length) return [{ text: await ctx.stdin.readAll() }];
  for (const f of files) {
    const p = ctx.resolvePath(f);
    if (!ctx.fs.exists(p)) {
      await ctx.stderr.write(prog === 'less' ? `${f}: No such file or directory\n` : `more: stat of ${f} failed: No such file or directory\n`);
      status = 1;
      continue;
    }
    if (ctx.fs.isDirectory(p)) {
      await ctx.stderr.write(prog === 'less' ? `${f} is a directory\n` : `\n*** ${f}: directory ***\n\n`);
      status = 1;
      continue;
    }
    out.push({ name: f, text: ctx.fs.readFile(p) });
  }
  return out.length ? out : status;
}

/** Splits text into screen rows of at most `cols` columns (less wraps long lines). */
export function screenRows(text: string, cols: number): string[] {
  const rows: string[] = [];
  const lines = text.replace(/\n$/, '').split('\n');
  for (const raw of lines) {
    const line = raw.replace(/\t/g, (_, off: number) => ' '.repeat(8 - (off % 8))).replace(/[\x00-\x08\x0b-\x1f]/g, (c) => '^' + String.fromCharCode(c.charCodeAt(0) + 64));
    let cur = '';
    let w = 0;
    for (const ch of line) {
      const cw = Math.max(1, charWidth(ch.codePointAt(0)!));
      if (w + cw > cols) {
        rows.push(cur);
        cur = '';
        w = 0;
      }
      cur += ch;
      w += cw;
    }
    rows.push(cur);
  }
  return rows;
}

export const less: Command = async (ctx, argv) => {
  const files = argv.slice(1).filter((a) => !a.startsWith('-') || a === '-');
  if (!files.length && ctx.stdinIsTTY) {
    await ctx.stderr.write('Missing filename ("less --help" for help)\n');
    return 1;
  }
  const inputs = await readInputs(ctx, 'less', files.filter((f) => f !== '-'));
  if (typeof inputs === 'number') return inputs;
  const text = inputs.map((i) => i.text).join('');
  if (!ctx.isTTY || !ctx.stdinIsTTY) {
    await ctx.stdout.write(text);
    return 0;
  }
  const name = inputs[0].name;
  ctx.terminal.setRawMode(true);
  const reader = new ViKeyReader();
  let top = 0;
  let search: RegExp | undefined;
  let message = name ?? '';
  let typing: string | undefined;
  try {
    await ctx.stdout.write('\x1b[?1049h');
    for (;;) {
      const cols = ctx.terminal.cols;
      const page = Math.max(1, ctx.terminal.rows - 1);
      const rows = screenRows(text, cols);
      const maxTop = Math.max(0, rows.length - page);
      top = Math.max(0, Math.min(top, maxTop));
      let screen = '\x1b[H\x1b[2J';
      for (let r = 0; r < page; r++) {
        const row = rows[top + r];
        screen += `\x1b[${r + 1};1H` + (row === undefined ? '~' : search ? row.replace(search, (m) => `\x1b[7m${m}\x1b[27m`) : row);
      }
      const atEnd = top >= maxTop;
      const prompt = typing !== undefined ? typing : message ? `\x1b[7m${message}${atEnd ? ' (END)' : ''}\x1b[27m` : atEnd ? '\x1b[7m(END)\x1b[27m' : ':';
      await ctx.stdout.write(screen + `\x1b[${page + 1};1H${prompt}\x1b[K`);
      message = '';
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      let quit = false;
      for (const key of reader.push(chunk)) {
        if (typing !== undefined) {
          if (key === '<CR>') {
            const pat = typing.slice(1);
            typing = undefined;
            try {
              search = new RegExp(pat, 'g');
            } catch {
              message = 'Invalid pattern';
              continue;
            }
            const found = rows.findIndex((r, i) => i > top && search!.test(r));
            search.lastIndex = 0;
            if (found < 0) message = 'Pattern not found';
            else top = found;
          } else if (key === '<Esc>' || key === '<C-c>') typing = undefined;
          else if (key === '<BS>') typing = typing.length > 1 ? typing.slice(0, -1) : undefined;
          else if (key.length === 1) typing += key;
          continue;
        }
        switch (key) {
          case 'q':
          case 'Q':
          case ':q':
            quit = true;
            break;
          case ' ':
          case 'f':
          case '<C-f>':
          case '<C-v>':
          case '<PageDown>':
            top += page;
            break;
          case 'b':
          case '<C-b>':
          case '<PageUp>':
            top -= page;
            break;
          case 'j':
          case 'e':
          case '<CR>':
          case '<Down>':
          case '<C-n>':
          case '<C-e>':
            top++;
            break;
          case 'k':
          case 'y':
          case '<Up>':
          case '<C-p>':
          case '<C-y>':
            top--;
            break;
          case 'd':
          case '<C-d>':
            top += Math.floor(page / 2);
            break;
          case 'u':
          case '<C-u>':
            top -= Math.floor(page / 2);
            break;
          case 'g':
          case '<':
          case '<Home>':
            top = 0;
            break;
          case 'G':
          case '>':
          case '<End>':
            top = maxTop;
            break;
          case '/':
            typing = '/';
            break;
          case 'n':
          case 'N': {
            if (!search) break;
            const s = search;
            const idx = key === 'n' ? rows.findIndex((r, i) => i > top && (s.lastIndex = 0, s.test(r))) : rows.map((r, i) => ((s.lastIndex = 0), s.test(r) ? i : -1)).filter((i) => i >= 0 && i < top).pop() ?? -1;
            if (idx < 0) message = 'Pattern not found';
            else top = idx;
            break;
          }
        }
        if (quit) break;
      }
      if (quit) break;
    }
  } finally {
    await ctx.stdout.write('\x1b[?1049l');
    ctx.terminal.setRawMode(false);
  }
  return 0;
};

export const more: Command = async (ctx, argv) => {
  const files = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!files.length && ctx.stdinIsTTY) {
    await ctx.stderr.write('Usage: more [options] file...\n\nOptions:\n  -d        display help instead of ring bell\n  -f        count logical rather than screen lines\n  -l        suppress pause after form feed\n  -p        suppress scroll, clean screen and disblay text\n  -c        suppress scroll, display text and clean line ends\n  -u        suppress underlining\n  -s        squeeze multiple blank lines into one\n  -NUM      specify the number of lines per screenful\n  +NUM      display file beginning from line number NUM\n  +/STRING  display file beginning from search string match\n  -V        output version information and exit\n');
    return 1;
  }
  const inputs = await readInputs(ctx, 'more', files);
  if (typeof inputs === 'number') return inputs;
  const text = inputs.map((i) => (inputs.length > 1 ? `::::::::::::::\n${i.name}\n::::::::::::::\n` : '') + i.text).join('');
  if (!ctx.isTTY || !ctx.stdinIsTTY) {
    await ctx.stdout.write(text);
    return 0;
  }
  const rows = screenRows(text, ctx.terminal.cols);
  const total = Buffer.byteLength(text);
  let shown = Math.min(rows.length, Math.max(1, ctx.terminal.rows - 1));
  await ctx.stdout.write(rows.slice(0, shown).join('\r\n') + (shown < rows.length ? '\r\n' : ''));
  if (shown >= rows.length) {
    await ctx.stdout.write('\r\n');
    return 0;
  }
  ctx.terminal.setRawMode(true);
  const reader = new ViKeyReader();
  try {
    while (shown < rows.length) {
      const bytes = Buffer.byteLength(rows.slice(0, shown).join('\n'));
      await ctx.stdout.write(`\x1b[7m--More--(${Math.floor((bytes * 100) / total)}%)\x1b[27m`);
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      let step = 0;
      let quit = false;
      for (const key of reader.push(chunk)) {
        if (key === 'q' || key === 'Q' || key === '<C-c>') quit = true;
        else if (key === ' ' || key === 'f') step += Math.max(1, ctx.terminal.rows - 1);
        else if (key === '<CR>' || key === 'j') step += 1;
        else if (key === 'd') step += Math.floor(ctx.terminal.rows / 2);
      }
      await ctx.stdout.write('\r\x1b[K');
      if (quit) break;
      const next = Math.min(rows.length, shown + step);
      if (next > shown) await ctx.stdout.write(rows.slice(shown, next).join('\r\n') + '\r\n');
      shown = next;
    }
  } finally {
    ctx.terminal.setRawMode(false);
  }
  return 0;
};
