// Word wrapping as kubectl's explain templates do it (the `wrap` template func → term.WordWrapWriter
// → go-wordwrap): break at whitespace once a line would exceed the limit, keep words longer than
// the limit whole, keep existing newlines. Widths count runes.
// Upstream: github.com/mitchellh/go-wordwrap wordwrap.go (WrapString).

const nbsp = '\u00a0';
const isSpace = (c: string) => c !== nbsp && /\s/u.test(c);

export function wrapString(s: string, lim: number): string {
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0;
        else {
          current += spaceLen;
          out += space;
        }
        space = '';
        spaceLen = 0;
      } else {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      out += ch;
      current = 0;
    } else if (isSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** sprig-style indent: every line, empty ones included, gets the pad. */
export const indent = (n: number, s: string): string => ' '.repeat(n) + s.replace(/\n/g, '\n' + ' '.repeat(n));
