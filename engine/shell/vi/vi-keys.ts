// Keys for the editor, written in vim's own notation: a printable character is itself, anything
// else is `<Esc>`, `<CR>`, `<BS>`, `<Up>`, `<C-r>`... Raw terminal bytes are turned into these by
// `ViKeyReader`; tests write them with `parseKeyNotation('ihello<Esc>:wq<CR>')`.

const CSI_FINAL: Record<string, string> = { A: '<Up>', B: '<Down>', C: '<Right>', D: '<Left>', H: '<Home>', F: '<End>' };
const TILDE: Record<string, string> = { '1': '<Home>', '7': '<Home>', '4': '<End>', '8': '<End>', '3': '<Del>', '2': '<Insert>', '5': '<PageUp>', '6': '<PageDown>' };

/** Turns raw terminal input into editor keys, keeping an escape sequence cut between chunks. */
export class ViKeyReader {
  private pending = '';

  push(data: string): string[] {
    const s = this.pending + data;
    this.pending = '';
    const keys: string[] = [];
    let i = 0;
    while (i < s.length) {
      const c = s[i];
      if (c === '\x1b') {
        const n = s[i + 1];
        if (n === '[') {
          let j = i + 2;
          while (j < s.length && /[0-9;?]/.test(s[j])) j++;
          if (j >= s.length) {
            // A terminal writes a whole sequence at once; only a very long tail is garbage.
            if (s.length - i < 16) {
              this.pending = s.slice(i);
              break;
            }
            keys.push('<Esc>');
            i++;
            continue;
          }
          const params = s.slice(i + 2, j);
          const final = s[j];
          if (final === '~') keys.push(TILDE[params.split(';')[0]] ?? '<Nop>');
          else keys.push(CSI_FINAL[final] ?? '<Nop>');
          i = j + 1;
          continue;
        }
        if (n === 'O' && s[i + 2] !== undefined && /[ABCDHF]/.test(s[i + 2])) {
          keys.push(CSI_FINAL[s[i + 2]]);
          i += 3;
          continue;
        }
        // A lone ESC (or ESC followed by an ordinary key typed quickly) is the Escape key: terminals
        // send real sequences in one write, so there is no need for vim's esckeys timeout.
        keys.push('<Esc>');
        i++;
        continue;
      }
      const code = c.charCodeAt(0);
      if (c === '\r') {
        keys.push('<CR>');
        i += s[i + 1] === '\n' ? 2 : 1;
        continue;
      }
      if (c === '\n') keys.push('<CR>');
      else if (c === '\t') keys.push('<Tab>');
      else if (c === '\x7f' || c === '\b') keys.push('<BS>');
      else if (code === 0) keys.push('<Nop>');
      else if (code < 0x20) keys.push(`<C-${String.fromCharCode(code + 96)}>`);
      else if (code >= 0xd800 && code < 0xdc00 && i + 1 < s.length) {
        keys.push(s.slice(i, i + 2));
        i += 2;
        continue;
      } else keys.push(c);
      i++;
    }
    return keys;
  }
}

/** `'dd<Esc>:wq<CR>'` → `['d', 'd', '<Esc>', ':', 'w', 'q', '<CR>']` (`<lt>` is a literal `<`). */
export function parseKeyNotation(text: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < text.length; ) {
    if (text[i] === '<') {
      const m = /^<(?:[A-Za-z]+|C-.)>/.exec(text.slice(i));
      if (m) {
        keys.push(m[0] === '<lt>' ? '<' : m[0]);
        i += m[0].length;
        continue;
      }
    }
    const cp = text.codePointAt(i)!;
    const ch = String.fromCodePoint(cp);
    keys.push(ch === '\n' ? '<CR>' : ch);
    i += ch.length;
  }
  return keys;
}

/** True for a key that inserts itself as text. */
export function isPrintable(key: string): boolean {
  return !(key.length > 1 && key.startsWith('<') && key.endsWith('>')) || key === '<';
}
