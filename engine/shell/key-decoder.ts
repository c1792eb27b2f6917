// Splits raw terminal input into keys: runs of printable text, control keys, and the escape
// sequences xterm sends (arrows, Home/End, Delete, Alt+letter, bracketed paste). A sequence cut
// between two chunks is kept until the rest arrives.

export type PlainKey =
  | 'enter' | 'tab' | 'backspace' | 'delete' | 'escape'
  | 'up' | 'down' | 'left' | 'right' | 'home' | 'end' | 'page-up' | 'page-down' | 'insert'
  | 'ctrl-left' | 'ctrl-right' | 'shift-tab' | 'unknown';

export type Key =
  | { type: 'text'; text: string }
  | { type: 'paste'; text: string }
  | { type: 'ctrl'; key: string } // 'a'..'z', '[' ... e.g. ctrl a = Ctrl-A
  | { type: 'alt'; key: string }
  | { type: PlainKey };

const CSI_FINAL: Record<string, PlainKey> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end', Z: 'shift-tab' };
const TILDE: Record<string, PlainKey> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete', '2': 'insert', '5': 'page-up', '6': 'page-down' };

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';

export class KeyDecoder {
  private pending = '';
  private pasting: string | undefined;

  /** Decodes a chunk; incomplete escape sequences wait for the next chunk. */
  decode(data: string): Key[] {
    let s = this.pending + data;
    this.pending = '';
    const keys: Key[] = [];
    let text = '';
    const flushText = () => {
      if (text) keys.push({ type: 'text', text });
      text = '';
    };
    let i = 0;
    while (i < s.length) {
      if (this.pasting !== undefined) {
        const end = s.indexOf(PASTE_END, i);
        if (end < 0) {
          // Keep a possible partial end marker for the next chunk.
          const keep = partialSuffix(s.slice(i), PASTE_END);
          this.pasting += s.slice(i, s.length - keep);
          this.pending = s.slice(s.length - keep);
          return keys;
        }
        this.pasting += s.slice(i, end);
        keys.push({ type: 'paste', text: this.pasting });
        this.pasting = undefined;
        i = end + PASTE_END.length;
        continue;
      }
      const c = s[i];
      const code = c.charCodeAt(0);
      if (c === '\x1b') {
        flushText();
        if (s.startsWith(PASTE_START, i)) {
          this.pasting = '';
          i += PASTE_START.length;
          continue;
        }
        const r = this.escape(s, i);
        if (r === undefined) {
          this.pending = s.slice(i);
          return keys;
        }
        keys.push(r.key);
        i = r.next;
        continue;
      }
      if (code < 0x20 || code === 0x7f) {
        flushText();
        i++;
        if (c === '\r') {
          keys.push({ type: 'enter' });
          if (s[i] === '\n') i++;
        } else if (c === '\n') keys.push({ type: 'enter' });
        else if (c === '\t') keys.push({ type: 'tab' });
        else if (c === '\x7f' || c === '\b') keys.push({ type: 'backspace' });
        else if (code === 0) keys.push({ type: 'ctrl', key: '@' });
        else keys.push({ type: 'ctrl', key: String.fromCharCode(code + 96) });
        continue;
      }
      if (code >= 0x80 && code < 0xa0) {
        // C1 controls and stray bytes from binary input are dropped.
        i++;
        continue;
      }
      text += c;
      i++;
    }
    flushText();
    return keys;
  }

  /** Whether a lone ESC is waiting for the rest of its sequence. */
  get hasPending(): boolean {
    return this.pending !== '';
  }

  /** Treats what is pending as complete (a lone ESC press). */
  flush(): Key[] {
    if (!this.pending) return [];
    const p = this.pending;
    this.pending = '';
    if (p === '\x1b') return [{ type: 'escape' }];
    return [{ type: 'unknown' }];
  }

  private escape(s: string, i: number): { key: Key; next: number } | undefined {
    const n = s[i + 1];
    if (n === undefined) return undefined;
    if (n === '[') {
      // CSI: parameters then a final byte in @..~
      let j = i + 2;
      while (j < s.length && /[0-9;?]/.test(s[j])) j++;
      if (j >= s.length) return s.length - i > 32 ? { key: { type: 'unknown' }, next: s.length } : undefined;
      const params = s.slice(i + 2, j);
      const final = s[j];
      const next = j + 1;
      if (final === '~') return { key: { type: TILDE[params.split(';')[0]] ?? 'unknown' }, next };
      const mod = params.split(';')[1];
      if (mod === '5' && (final === 'C' || final === 'D')) return { key: { type: final === 'C' ? 'ctrl-right' : 'ctrl-left' }, next };
      if ((mod === '3' || mod === '9') && (final === 'C' || final === 'D')) return { key: { type: 'alt', key: final === 'C' ? 'f' : 'b' }, next };
      return { key: { type: CSI_FINAL[final] ?? 'unknown' }, next };
    }
    if (n === 'O') {
      const f = s[i + 2];
      if (f === undefined) return undefined;
      return { key: { type: CSI_FINAL[f] ?? 'unknown' }, next: i + 3 };
    }
    if (n === '\x1b') return { key: { type: 'escape' }, next: i + 1 };
    if (n === '\x7f' || n === '\b') return { key: { type: 'alt', key: 'backspace' }, next: i + 2 };
    if (n.charCodeAt(0) < 0x20) return { key: { type: 'escape' }, next: i + 1 };
    return { key: { type: 'alt', key: n.toLowerCase() === n ? n : n.toLowerCase() }, next: i + 2 };
  }
}

/** Length of the longest suffix of `s` that is a prefix of `marker`. */
function partialSuffix(s: string, marker: string): number {
  for (let k = Math.min(s.length, marker.length - 1); k > 0; k--) if (marker.startsWith(s.slice(-k))) return k;
  return 0;
}
