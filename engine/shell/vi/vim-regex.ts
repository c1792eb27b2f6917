// Vim's default ("magic") pattern syntax translated to a JavaScript RegExp, for `/search` and
// `:s`. In magic mode `. * [] ^ $ ~` are special but `( ) | + ? {` are literal unless escaped:
// `\(a\|b\)\+` is a group. `\<` `\>` are word boundaries, `\c` makes the search ignore case.
// Upstream: vim src/regexp.c (the magic table in peekchr).

export function vimPatternToRegExp(pattern: string, flags = ''): RegExp {
  let out = '';
  let ignoreCase = flags.includes('i');
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      const n = pattern[i + 1];
      i++;
      if (n === undefined) out += '\\\\';
      else if ('()|+?{}'.includes(n)) out += n === '}' ? '}' : n;
      else if (n === '<' || n === '>') out += '\\b';
      else if (n === 'c') ignoreCase = true;
      else if (n === 'C') ignoreCase = false;
      else if ('sSdDwWnt'.includes(n)) out += n === 'n' ? '\\n' : '\\' + n;
      else if (n === 'e') out += '\\x1b';
      else if (n === 'r') out += '\\r';
      else if (n === 'a') out += '[A-Za-z]';
      else if (n === 'l') out += '[a-z]';
      else if (n === 'u') out += '[A-Z]';
      else if (n === 'x') out += '[0-9A-Fa-f]';
      else if (/[0-9]/.test(n)) out += '\\' + n;
      else out += /[A-Za-z]/.test(n) ? n : '\\' + n;
      continue;
    }
    if (c === '[') {
      // A bracket expression is copied as it is, up to its closing bracket.
      const end = pattern.indexOf(']', i + (pattern[i + 1] === '^' ? 3 : 2));
      if (end < 0) {
        out += '\\[';
        continue;
      }
      out += pattern.slice(i, end + 1);
      i = end;
      continue;
    }
    if ('()|+?{}'.includes(c)) {
      out += '\\' + c;
      continue;
    }
    if (c === '~') {
      out += '~';
      continue;
    }
    if (c === '/') {
      out += '\\/';
      continue;
    }
    out += c;
  }
  return new RegExp(out, 'g' + (ignoreCase ? 'i' : ''));
}

/** The replacement part of `:s/pat/rep/`: `&` and `\0`..`\9` refer to the match, `\n` (`\r`) breaks the line. */
export function vimReplacement(rep: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '\\') {
      const n = rep[++i];
      if (n === undefined) out += '\\';
      else if (/[0-9]/.test(n)) out += match[Number(n)] ?? '';
      else if (n === 'r' || n === 'n') out += '\n';
      else if (n === 't') out += '\t';
      else out += n;
      continue;
    }
    if (c === '&') out += match[0];
    else if (c === '~') out += '';
    else out += c;
  }
  return out;
}
