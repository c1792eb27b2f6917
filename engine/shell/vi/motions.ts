// Cursor motions over a list of lines, as pure functions: words (w b e, W B E), first non-blank,
// character finds (f t F T). Positions are { l: line index, c: UTF-16 index }.
// Upstream: vim src/textobject.c (fwd_word, bck_word, end_word, cls).

export interface Pos {
  l: number;
  c: number;
}

/** Vim's character classes: 0 blank, 1 punctuation, 2 word character (`bigword`: any non-blank is 1). */
export function charClass(ch: string | undefined, bigword: boolean): number {
  if (ch === undefined || ch === ' ' || ch === '\t' || ch === '') return 0;
  if (bigword) return 1;
  // Letters of any script (CJK included) count as word characters, as vim's iskeyword does for them.
  return /[\p{L}\p{N}_]/u.test(ch) ? 2 : 1;
}

export function firstNonBlank(line: string): number {
  const m = /^[ \t]*/.exec(line)!;
  return m[0].length < line.length ? m[0].length : Math.max(0, line.length - 1);
}

export function leadingWhitespace(line: string): string {
  return /^[ \t]*/.exec(line)![0];
}

/** `w`: start of the next word; an empty line counts as a word. `hitEnd` when no next word exists. */
export function nextWordStart(lines: string[], p: Pos, bigword: boolean): Pos & { hitEnd?: boolean } {
  let { l, c } = p;
  let line = lines[l];
  const cls0 = charClass(line[c], bigword);
  if (cls0 !== 0) while (c < line.length && charClass(line[c], bigword) === cls0) c++;
  for (;;) {
    while (c < line.length && charClass(line[c], bigword) === 0) c++;
    if (c < line.length) return { l, c };
    if (l >= lines.length - 1) return { l, c: line.length, hitEnd: true };
    l++;
    c = 0;
    line = lines[l];
    if (line === '') return { l, c: 0 };
  }
}

/** `e`: end of this or the next word. */
export function nextWordEnd(lines: string[], p: Pos, bigword: boolean): Pos {
  let { l, c } = p;
  let line = lines[l];
  c++;
  for (;;) {
    while (c < line.length && charClass(line[c], bigword) === 0) c++;
    if (c < line.length) break;
    if (l >= lines.length - 1) return { l, c: Math.max(0, line.length - 1) };
    l++;
    c = 0;
    line = lines[l];
  }
  const cls = charClass(line[c], bigword);
  while (c + 1 < line.length && charClass(line[c + 1], bigword) === cls) c++;
  return { l, c };
}

/** `b`: start of this or the previous word; empty lines stop it. */
export function prevWordStart(lines: string[], p: Pos, bigword: boolean): Pos {
  let { l, c } = p;
  let line = lines[l];
  // Step back one character, to the end of the previous line at the start of a line.
  const back = (): boolean => {
    if (c > 0) {
      c--;
      return true;
    }
    if (l === 0) return false;
    l--;
    line = lines[l];
    c = line.length; // one past the end: treated as a blank, so an empty line stops us
    return true;
  };
  if (!back()) return { l, c };
  for (;;) {
    if (line === '' ) return { l, c: 0 };
    if (c < line.length && charClass(line[c], bigword) !== 0) break;
    if (!back()) return { l, c: 0 };
  }
  const cls = charClass(line[c], bigword);
  while (c > 0 && charClass(line[c - 1], bigword) === cls) c--;
  return { l, c };
}

/** `f` `F` `t` `T`: the count-th occurrence of `ch` on the line, or undefined. */
export function findInLine(line: string, c: number, cmd: string, ch: string, count: number): number | undefined {
  const forward = cmd === 'f' || cmd === 't';
  let pos = c;
  for (let n = 0; n < count; n++) {
    const i = forward ? line.indexOf(ch, pos + 1) : pos <= 0 ? -1 : line.lastIndexOf(ch, pos - 1);
    if (i < 0) return undefined;
    pos = i;
  }
  if (cmd === 't') return pos - 1;
  if (cmd === 'T') return pos + 1;
  return pos;
}

/** `iw` / `aw`: the word (or run of blanks) under the cursor, plus trailing blanks for `aw`. */
export function wordObject(line: string, c: number, around: boolean, bigword: boolean): { start: number; end: number } | undefined {
  if (line === '') return undefined;
  const cls = charClass(line[c], bigword);
  let start = c;
  let end = c;
  while (start > 0 && charClass(line[start - 1], bigword) === cls) start--;
  while (end + 1 < line.length && charClass(line[end + 1], bigword) === cls) end++;
  if (around && cls !== 0) {
    let e = end;
    while (e + 1 < line.length && charClass(line[e + 1], bigword) === 0) e++;
    if (e > end) end = e;
    else while (start > 0 && charClass(line[start - 1], bigword) === 0) start--;
  }
  return { start, end: end + 1 };
}
