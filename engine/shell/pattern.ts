// Shell patterns (`*`, `?`, `[...]`) for globbing, `case`, `[[ == ]]` and `${x#pat}`.
// In a pattern string a backslash quotes the next character: quoted text from the source word is
// escaped this way by expansion, so `"*"` never matches as a wildcard.
import { resolvePath, type VirtualFs } from './virtual-fs';

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f',
  word: 'a-zA-Z0-9_', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
};

export function escapePattern(text: string): string {
  return text.replace(/[\\*?[\]]/g, '\\$&');
}

/** True if the pattern has an unescaped wildcard. */
export function hasWildcards(pattern: string): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?') return true;
    else if (c === '[' && bracketEnd(pattern, i) > 0) return true;
  }
  return false;
}

/** Removes pattern escapes: the literal text a pattern stands for when nothing matched. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([\s\S])/g, '$1');
}

/** Index of the `]` closing a bracket expression opened at `i`, or -1. */
function bracketEnd(p: string, i: number): number {
  let j = i + 1;
  if (p[j] === '!' || p[j] === '^') j++;
  if (p[j] === ']') j++;
  for (; j < p.length; j++) {
    if (p[j] === '\\') j++;
    else if (p[j] === '[' && p[j + 1] === ':') {
      const close = p.indexOf(':]', j + 2);
      if (close > 0) j = close + 1;
    } else if (p[j] === ']') return j;
  }
  return -1;
}

/** The regular-expression source for a shell pattern (unanchored). */
export function patternSource(p: string, greedy = true): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      i++;
      if (i < p.length) out += escapeRegExp(p[i]);
      else out += '\\\\';
    } else if (c === '*') out += greedy ? '[\\s\\S]*' : '[\\s\\S]*?';
    else if (c === '?') out += '[\\s\\S]';
    else if (c === '[') {
      const end = bracketEnd(p, i);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let j = i + 1;
      let negate = false;
      if (p[j] === '!' || p[j] === '^') {
        negate = true;
        j++;
      }
      let set = '';
      for (; j < end; j++) {
        const d = p[j];
        if (d === '[' && p[j + 1] === ':') {
          const close = p.indexOf(':]', j + 2);
          set += CLASSES[p.slice(j + 2, close)] ?? '';
          j = close + 1;
        } else if (d === '\\') {
          j++;
          set += escapeClassChar(p[j] ?? '\\');
        } else if (d === '-' && set && j + 1 < end) set += '-';
        else set += escapeClassChar(d);
      }
      out += negate ? `[^${set}]` : `[${set}]`;
      i = end;
    } else out += escapeRegExp(c);
  }
  return out;
}

export function patternToRegExp(pattern: string, flags = ''): RegExp {
  return new RegExp(`^(?:${patternSource(pattern)})$`, flags);
}

export function matchPattern(pattern: string, text: string, ignoreCase = false): boolean {
  return patternToRegExp(pattern, ignoreCase ? 'i' : '').test(text);
}

function escapeRegExp(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeClassChar(c: string): string {
  return c.replace(/[\]\\^-]/g, '\\$&');
}

/**
 * Orders names the way `ls` and globbing do under en_US.UTF-8: punctuation is ignored first and
 * case only breaks ties (`.bashrc` sorts among the b's, `a` before `B`).
 */
export function collate(a: string, b: string): number {
  const ka = a.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  const kb = b.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase();
  if (ka !== kb) return ka < kb ? -1 : 1;
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  // Same letters: lower case first, as glibc does.
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * Expands a glob pattern against the filesystem. Returns matches sorted, in the form written
 * (relative patterns give relative paths), or [] when nothing matches.
 */
export function glob(fs: VirtualFs, cwd: string, pattern: string): string[] {
  const absolute = pattern.startsWith('/');
  const segs = pattern.split('/').filter((s, i) => s !== '' || i === 0);
  if (absolute) segs.shift();
  let results: string[] = [absolute ? '/' : ''];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const last = k === segs.length - 1;
    const next: string[] = [];
    for (const prefix of results) {
      const dirPath = resolvePath(cwd, prefix || '.');
      if (!hasWildcards(seg)) {
        const candidate = prefix + (prefix && !prefix.endsWith('/') ? '/' : '') + unescapePattern(seg);
        const full = resolvePath(cwd, candidate);
        if (last ? fs.exists(full) : fs.isDirectory(full)) next.push(candidate);
        continue;
      }
      if (!fs.isDirectory(dirPath)) continue;
      const re = patternToRegExp(seg);
      const showHidden = seg.startsWith('.') || seg.startsWith('\\.');
      for (const name of fs.readdir(dirPath)) {
        if (name.startsWith('.') && !showHidden) continue;
        if (!re.test(name)) continue;
        const candidate = prefix + (prefix && !prefix.endsWith('/') ? '/' : '') + name;
        if (!last && !fs.isDirectory(resolvePath(cwd, candidate))) continue;
        next.push(candidate);
      }
    }
    results = next;
    if (!results.length) return [];
  }
  if (pattern.endsWith('/')) results = results.filter((r) => fs.isDirectory(resolvePath(cwd, r))).map((r) => r + '/');
  return results.sort(collate);
}
