// Bash history expansion of an input line: !!, !n, !-n, !prefix, !?text, !$, !^, !*, ^old^new.

export type HistoryExpansion = { line: string; changed: boolean } | { error: string };

export function expandHistory(line: string, history: readonly string[]): HistoryExpansion {
  if (!line.includes('!') && !line.startsWith('^')) return { line, changed: false };
  const last = history[history.length - 1];
  if (line.startsWith('^')) {
    const m = /^\^([^^]*)\^([^^]*)\^?(.*)$/.exec(line);
    if (m && last !== undefined) {
      if (!last.includes(m[1])) return { error: `:s${line}: substitution failed` };
      return { line: last.replace(m[1], m[2]) + m[3], changed: true };
    }
  }
  let out = '';
  let changed = false;
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" && quote !== '"') quote = quote ? undefined : "'";
    else if (c === '"' && quote !== "'") quote = quote ? undefined : '"';
    if (c === '\\' && line[i + 1] === '!') {
      out += '\\!';
      i++;
      continue;
    }
    if (c !== '!' || quote === "'" || i + 1 >= line.length) {
      out += c;
      continue;
    }
    const rest = line.slice(i + 1);
    if (/^[\s=(]/.test(rest) || (quote === '"' && rest.startsWith('"'))) {
      out += c;
      continue;
    }
    let m: RegExpExecArray | null;
    let event: string | undefined;
    let used = 0;
    let spec = '';
    if (rest.startsWith('!')) {
      event = last;
      used = 1;
      spec = '!!';
    } else if ((m = /^-?\d+/.exec(rest))) {
      const n = Number(m[0]);
      event = n < 0 ? history[history.length + n] : history[n - 1];
      used = m[0].length;
      spec = '!' + m[0];
    } else if (rest.startsWith('$') || rest.startsWith('^') || rest.startsWith('*')) {
      event = last;
      used = 0;
      spec = '!' + rest[0];
    } else if ((m = /^\?([^?\n]*)\??/.exec(rest))) {
      const needle = m[1];
      event = [...history].reverse().find((h) => h.includes(needle));
      used = m[0].length;
      spec = '!' + m[0];
    } else if ((m = /^[^\s;&|()<>"'`]+/.exec(rest))) {
      const prefix = m[0].replace(/[:$^*].*$/, '');
      event = [...history].reverse().find((h) => h.startsWith(prefix));
      used = prefix.length;
      spec = '!' + prefix;
    } else {
      out += c;
      continue;
    }
    if (event === undefined) return { error: `${spec}: event not found` };
    let text = event;
    // Word designators: !$ last word, !^ first argument, !* all arguments (also after `:`).
    const after = rest.slice(used);
    const d = /^:?([$^*])/.exec(after);
    if (d) {
      const words = event.trim().split(/\s+/);
      text = d[1] === '$' ? words[words.length - 1] : d[1] === '^' ? (words[1] ?? '') : words.slice(1).join(' ');
      used += d[0].length;
    }
    out += text;
    changed = true;
    i += used;
  }
  return { line: out, changed };
}
