// POSIX basic (BRE) and extended (ERE) regular expressions, with the GNU extensions grep and sed
// accept (\+ \? \| \< \> \w \s \b), translated to JavaScript RegExp source.

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f', cntrl: '\\x00-\\x1f\\x7f', print: ' -~', graph: '!-~',
};

export class RegexSyntaxError extends Error {}

/** Translates a POSIX regex to JS source. `extended` selects ERE (grep -E, sed -E, awk). */
export function posixToJs(pattern: string, extended: boolean): string {
  let out = '';
  let i = 0;
  const n = pattern.length;
  let depth = 0;
  const atStart = () => out === '' || out.endsWith('(') || out.endsWith('|') || out.endsWith('(?:');
  while (i < n) {
    const c = pattern[i];
    if (c === '[') {
      const [cls, next] = bracket(pattern, i);
      out += cls;
      i = next;
      continue;
    }
    if (c === '\\') {
      const d = pattern[i + 1];
      i += 2;
      if (d === undefined) throw new RegexSyntaxError('Trailing backslash');
      if (!extended && d === '(') {
        out += '(';
        depth++;
      } else if (!extended && d === ')') {
        out += ')';
        depth--;
      } else if (!extended && d === '{') {
        const close = pattern.indexOf('\\}', i);
        if (close < 0) throw new RegexSyntaxError('Unmatched \\{');
        out += '{' + pattern.slice(i, close) + '}';
        i = close + 2;
      } else if (!extended && (d === '|' || d === '+' || d === '?')) out += d;
      else if (d === '<') out += '\\b(?=\\w)';
      else if (d === '>') out += '\\b(?<=\\w)';
      else if ('wWsSbB'.includes(d)) out += '\\' + d;
      else if (/[1-9]/.test(d)) out += '\\' + d;
      else if (d === 'n') out += '\\n';
      else if (d === 't') out += '\\t';
      else out += escapeJs(d);
      continue;
    }
    i++;
    if (c === '*') {
      out += atStart() ? '\\*' : '*';
    } else if (c === '^') {
      out += extended || atStart() ? '^' : '\\^';
    } else if (c === '$') {
      const end = i >= n || (extended && (pattern[i] === '|' || pattern[i] === ')')) || (!extended && pattern.startsWith('\\)', i)) || (!extended && pattern.startsWith('\\|', i));
      out += end || extended ? '$' : '\\$';
    } else if (c === '.') out += '.';
    else if (extended && (c === '(' || c === ')' || c === '|' || c === '+' || c === '?')) {
      if (c === '(') depth++;
      if (c === ')') {
        if (depth === 0) {
          out += '\\)';
          continue;
        }
        depth--;
      }
      out += (c === '+' || c === '?') && atStart() ? '\\' + c : c;
    } else if (extended && c === '{') {
      const m = /^\{(\d*)(,?)(\d*)\}/.exec(pattern.slice(i - 1));
      if (m && !atStart()) {
        out += m[0];
        i += m[0].length - 1;
      } else out += '\\{';
    } else out += escapeJs(c);
  }
  if (depth > 0) throw new RegexSyntaxError(extended ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(');
  return out;
}

function bracket(p: string, start: number): [string, number] {
  let i = start + 1;
  let negate = false;
  if (p[i] === '^') {
    negate = true;
    i++;
  }
  let set = '';
  let first = true;
  for (;;) {
    if (i >= p.length) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
    const c = p[i];
    if (c === ']' && !first) {
      i++;
      break;
    }
    first = false;
    if (c === '[' && p[i + 1] === ':') {
      const close = p.indexOf(':]', i + 2);
      if (close < 0) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=');
      const name = p.slice(i + 2, close);
      const cls = CLASSES[name];
      if (cls === undefined) throw new RegexSyntaxError('Invalid character class name');
      set += cls;
      i = close + 2;
      continue;
    }
    if (c === '\\' || c === ']' || c === '[' || c === '^') set += '\\' + c;
    else set += c;
    i++;
  }
  return [negate ? `[^${set}]` : `[${set}]`, i];
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? '\\' + c : c;
}

/** Builds a RegExp from a POSIX pattern; throws RegexSyntaxError with GNU's message. */
export function posixRegExp(pattern: string, opts: { extended: boolean; ignoreCase?: boolean; global?: boolean }): RegExp {
  const src = posixToJs(pattern, opts.extended);
  try {
    return new RegExp(src, (opts.global ? 'g' : '') + (opts.ignoreCase ? 'i' : '') + 'u');
  } catch {
    try {
      return new RegExp(src, (opts.global ? 'g' : '') + (opts.ignoreCase ? 'i' : ''));
    } catch {
      throw new RegexSyntaxError('Invalid regular expression');
    }
  }
}
