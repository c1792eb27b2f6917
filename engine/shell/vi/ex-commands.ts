// The `:` command line: ranges, :w :q :wq :x :e :set :s :d :y :r, `:N` to go to a line, and vim's
// error texts (E32, E37, E13, E492, E518...). Upstream: vim src/ex_docmd.c, ex_cmds.c (do_sub),
// option.c (do_set), fileio.c (the "written" message).
import type { ViEditor } from './editor';
import { splitText } from './editor';
import { firstNonBlank } from './motions';
import { vimReplacement } from './vim-regex';

interface Range {
  start: number;
  end: number;
  given: boolean;
}

/** Runs one ex command (the text after `:`). Errors become the editor's message. */
export function runExCommand(ed: ViEditor, source: string): void {
  try {
    exec(ed, source);
  } catch (err) {
    ed.setMessage((err as Error).message, 'error');
  }
}

function exec(ed: ViEditor, source: string): void {
  let s = source.replace(/^[\s:]+/, '');
  if (s === '' || s.startsWith('"')) return;
  const parsed = parseRange(ed, s);
  const range = parsed.range;
  s = parsed.rest.replace(/^\s+/, '');
  if (s === '') {
    // `:42`, `:$`: go to the line.
    if (range.given) ed.setCursor(range.end, firstNonBlank(ed.lines[range.end]));
    return;
  }
  const m = /^([a-zA-Z]+|[&<>=!~#@*])(!?)\s*([\s\S]*)$/.exec(s);
  if (!m) throw new Error(`E492: Not an editor command: ${source.trim()}`);
  let [, name] = m;
  let bang = m[2] === '!';
  let arg = m[3].trim();
  // `:s/a/b/` — the command name runs into its delimiter.
  const sub = /^(s|substitute)([^a-zA-Z0-9\s"|\\].*)$/.exec(s);
  if (sub) {
    substitute(ed, sub[2], range);
    return;
  }
  if (/^(s|su|substitute|&)$/.test(name)) throw new Error('E35: No previous regular expression');
  switch (name) {
    case 'w':
    case 'write':
      write(ed, arg, bang, range);
      return;
    case 'wq':
    case 'x':
    case 'xit':
    case 'exi':
    case 'exit':
    case 'wqa':
    case 'wqall':
    case 'xa':
    case 'xall':
    case 'wa':
    case 'wall': {
      const onlyIfModified = name.startsWith('x') || name.startsWith('exi') || name === 'wa' || name === 'wall';
      if (!onlyIfModified || ed.modified || (arg && arg !== ed.fileName)) {
        if (!write(ed, arg, bang, { ...range, given: false })) return;
      }
      if (name !== 'wa' && name !== 'wall') ed.exitStatus = 0;
      return;
    }
    case 'q':
    case 'quit':
    case 'qa':
    case 'qall':
    case 'quita':
    case 'quitall':
    case 'clo':
    case 'close':
      if (ed.modified && !bang) throw new Error('E37: No write since last change (add ! to override)');
      ed.exitStatus = 0;
      return;
    case 'cq':
    case 'cquit':
      ed.exitStatus = 1;
      return;
    case 'e':
    case 'edit': {
      if (ed.modified && !bang) throw new Error('E37: No write since last change (add ! to override)');
      const target = arg || ed.fileName;
      if (!target) throw new Error('E32: No file name');
      const cy = ed.cy;
      ed.open(target);
      ed.markSaved();
      if (!arg) ed.setCursor(cy, 0);
      return;
    }
    case 'set':
    case 'se':
    case 'setl':
    case 'setlocal':
      setOptions(ed, arg);
      return;
    case 'd':
    case 'de':
    case 'del':
    case 'delete':
    case 'y':
    case 'ya':
    case 'yank': {
      const { start, end } = countRange(range, arg);
      const lines = ed.lines.slice(start, end + 1);
      ed.register = { text: lines.join('\n'), linewise: true };
      if (name.startsWith('y')) {
        if (lines.length > 2) ed.setMessage(`${lines.length} lines yanked`);
        return;
      }
      ed.deleteLines(start, end - start + 1);
      ed.finishChange();
      if (lines.length > 2) ed.setMessage(`${lines.length} fewer lines`);
      const l = Math.min(start, ed.lines.length - 1);
      ed.setCursor(l, firstNonBlank(ed.lines[l]));
      return;
    }
    case 'r':
    case 're':
    case 'read': {
      if (!arg) throw new Error('E32: No file name');
      const text = ed.host.readFile(arg);
      if (text === undefined) throw new Error(`E484: Can't open file ${arg}`);
      const at = range.given ? range.end + 1 : ed.cy + 1;
      const lines = splitText(text);
      ed.insertLines(at, lines);
      ed.finishChange();
      ed.setCursor(at, firstNonBlank(ed.lines[at]));
      ed.setMessage(`"${arg}" ${lines.length}L, ${Buffer.byteLength(text)}B`);
      return;
    }
    case 'u':
    case 'un':
    case 'undo':
      ed.handle('u');
      return;
    case 'red':
    case 'redo':
      ed.handle('<C-r>');
      return;
    case 'j':
    case 'join': {
      const start = range.start;
      const lines = range.given && range.end > range.start ? range.end - range.start + 1 : 2;
      ed.setCursor(start, 0);
      for (const k of [...String(lines), 'J']) ed.handle(k);
      return;
    }
    case '>':
    case '<': {
      const n = 1 + (arg.match(/^[<>]*/)?.[0].length ?? 0);
      ed.setCursor(range.start, 0);
      const count = range.end - range.start + 1;
      for (let i = 0; i < n; i++) for (const k of [...(count > 1 ? String(count) : ''), name, name]) ed.handle(k);
      return;
    }
    case 'noh':
    case 'nohl':
    case 'nohlsearch':
    case 'sy':
    case 'syn':
    case 'syntax':
    case 'filetype':
    case 'filet':
    case 'colo':
    case 'colorscheme':
    case 'redr':
    case 'redraw':
      return;
    case 'h':
    case 'help':
      throw new Error(`E149: Sorry, no help for ${arg || 'help.txt'}`);
    case '=':
      ed.setMessage(String(range.given ? range.end + 1 : ed.lines.length));
      return;
    default:
      void bang;
      bang = false;
      name = '';
      throw new Error(`E492: Not an editor command: ${source.trim()}`);
  }
}

/** Parses `%`, `.`, `$`, `N`, `+N`/`-N` offsets and `a,b`. Defaults to the cursor line. */
function parseRange(ed: ViEditor, s: string): { range: Range; rest: string } {
  const last = ed.lines.length - 1;
  if (s.startsWith('%')) return { range: { start: 0, end: last, given: true }, rest: s.slice(1) };
  let i = 0;
  const address = (): number | undefined => {
    let base: number | undefined;
    const m = /^(\d+|\.|\$)/.exec(s.slice(i));
    if (m) {
      base = m[1] === '.' ? ed.cy : m[1] === '$' ? last : Number(m[1]) - 1;
      i += m[0].length;
    }
    for (;;) {
      const o = /^([+-])(\d*)/.exec(s.slice(i));
      if (!o) break;
      base = (base ?? ed.cy) + (o[1] === '+' ? 1 : -1) * (o[2] === '' ? 1 : Number(o[2]));
      i += o[0].length;
    }
    return base;
  };
  const a = address();
  if (a === undefined) return { range: { start: ed.cy, end: ed.cy, given: false }, rest: s };
  let b = a;
  if (s[i] === ',' || s[i] === ';') {
    i++;
    b = address() ?? a;
  }
  const clamp = (n: number) => Math.max(0, Math.min(last, n));
  if (b < a) throw new Error('E493: Backwards range given');
  if (a > last + 1 || b > last + 1) throw new Error('E16: Invalid range');
  return { range: { start: clamp(a), end: clamp(b), given: true }, rest: s.slice(i) };
}

function countRange(range: Range, arg: string): { start: number; end: number } {
  const n = /^\d+$/.test(arg) ? Number(arg) : undefined;
  if (n === undefined) return range;
  return { start: range.end, end: range.end + n - 1 };
}

/** `:w [name]`. Returns whether the file was written. */
function write(ed: ViEditor, arg: string, bang: boolean, range: Range): boolean {
  const name = arg || ed.fileName;
  if (!name) throw new Error('E32: No file name');
  if (arg && arg !== ed.fileName && ed.host.exists(arg) && !bang) throw new Error('E13: File exists (add ! to override)');
  if (ed.host.isDirectory(name)) throw new Error(`E502: "${name}" is a directory`);
  const text = range.given ? ed.lines.slice(range.start, range.end + 1).join('\n') + '\n' : ed.text();
  const isNew = !ed.host.exists(name);
  try {
    ed.host.writeFile(name, text);
  } catch (err) {
    throw new Error(`"${name}" ${(err as Error).message}`);
  }
  const lines = text === '' ? 0 : text.split('\n').length - 1;
  ed.setMessage(`"${name}" ${isNew ? '[New] ' : ''}${lines}L, ${Buffer.byteLength(text)}B written`);
  if (ed.fileName === undefined) ed.fileName = name;
  if (name === ed.fileName && !range.given) ed.markSaved();
  return true;
}

const BOOLEAN_OPTIONS: Record<string, keyof ViEditor['options'] | null> = {
  number: 'number', nu: 'number',
  paste: 'paste',
  autoindent: 'autoindent', ai: 'autoindent',
  ignorecase: 'ignorecase', ic: 'ignorecase',
  smartcase: 'smartcase', scs: 'smartcase',
  hlsearch: 'hlsearch', hls: 'hlsearch',
  list: 'list',
  expandtab: 'expandtab', et: 'expandtab',
  ruler: 'ruler', ru: 'ruler',
  showmode: 'showmode', smd: 'showmode',
  wrapscan: 'wrapscan', ws: 'wrapscan',
  // Accepted and without visible effect here.
  relativenumber: null, rnu: null, incsearch: null, is: null, cursorline: null, cul: null, smartindent: null, si: null,
  cindent: null, cin: null, wrap: null, showcmd: null, sc: null, compatible: null, cp: null, mouse: null, spell: null,
};
const NUMBER_OPTIONS: Record<string, 'tabstop' | 'shiftwidth' | 'softtabstop'> = {
  tabstop: 'tabstop', ts: 'tabstop', shiftwidth: 'shiftwidth', sw: 'shiftwidth', softtabstop: 'softtabstop', sts: 'softtabstop',
};
const STRING_OPTIONS = new Set(['syntax', 'syn', 'filetype', 'ft', 'encoding', 'enc', 'fileencoding', 'fenc', 'fileformat', 'ff', 'background', 'bg', 'mouse', 'backspace', 'bs']);

function setOptions(ed: ViEditor, arg: string): void {
  const shown: string[] = [];
  for (const item of arg.split(/\s+/).filter(Boolean)) {
    const num = /^(\w+)([+^-]?=)(.*)$/.exec(item);
    if (num) {
      const key = NUMBER_OPTIONS[num[1]];
      if (!key) {
        if (STRING_OPTIONS.has(num[1])) continue;
        throw new Error(`E518: Unknown option: ${num[1]}`);
      }
      if (!/^\d+$/.test(num[3])) throw new Error(`E521: Number required after =: ${item}`);
      const v = Number(num[3]);
      const next = num[2] === '+=' ? ed.options[key] + v : num[2] === '-=' ? ed.options[key] - v : v;
      if (key === 'tabstop' && next <= 0) throw new Error(`E487: Argument must be positive: ${item}`);
      ed.options[key] = next;
      continue;
    }
    const q = /^(no|inv)?(\w+)([!?&]?)$/.exec(item);
    if (!q) throw new Error(`E518: Unknown option: ${item}`);
    const [, prefix, rawName, suffix] = q;
    let name = rawName;
    let neg = prefix === 'no';
    let key = BOOLEAN_OPTIONS[name];
    if (key === undefined && prefix === 'no' && BOOLEAN_OPTIONS['no' + rawName] !== undefined) {
      name = 'no' + rawName;
      neg = false;
      key = BOOLEAN_OPTIONS[name];
    }
    if (key === undefined) {
      const nkey = NUMBER_OPTIONS[name];
      if (nkey && !prefix) {
        shown.push(`  ${fullName(name)}=${ed.options[nkey]}`);
        continue;
      }
      if (STRING_OPTIONS.has(name)) continue;
      throw new Error(`E518: Unknown option: ${item}`);
    }
    if (key === null) continue;
    if (suffix === '?') {
      shown.push(`${ed.options[key] ? '  ' : 'no'}${fullName(name)}`);
      continue;
    }
    const value = prefix === 'inv' || suffix === '!' ? !ed.options[key] : !neg;
    (ed.options as unknown as Record<string, boolean>)[key] = value;
  }
  if (shown.length) ed.setMessage(shown.join(' '));
}

function fullName(name: string): string {
  const short: Record<string, string> = { nu: 'number', ai: 'autoindent', ic: 'ignorecase', hls: 'hlsearch', et: 'expandtab', ts: 'tabstop', sw: 'shiftwidth', sts: 'softtabstop', ru: 'ruler', smd: 'showmode', ws: 'wrapscan', scs: 'smartcase' };
  return short[name] ?? name;
}

/** `:[range]s/pattern/replacement/[flags]`. */
function substitute(ed: ViEditor, spec: string, range: Range): void {
  const delim = spec[0];
  const parts: string[] = [];
  let cur = '';
  let i = 1;
  for (; i < spec.length && parts.length < 2; i++) {
    const c = spec[i];
    if (c === '\\' && spec[i + 1] === delim) {
      cur += delim;
      i++;
    } else if (c === '\\') {
      cur += c + (spec[i + 1] ?? '');
      i++;
    } else if (c === delim) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  if (parts.length < 2) {
    parts.push(cur);
    cur = '';
  }
  const flags = parts.length === 2 && i <= spec.length ? spec.slice(i) : '';
  let [pattern, replacement] = parts;
  replacement ??= '';
  if (pattern === '') {
    if (!ed.lastSearch) throw new Error('E35: No previous regular expression');
    pattern = ed.lastSearch.pattern;
  }
  ed.lastSearch = { pattern, forward: true };
  const global = flags.includes('g');
  let re = ed.searchRegExp(pattern);
  if (flags.includes('i')) re = new RegExp(re.source, 'gi');
  if (flags.includes('I')) re = new RegExp(re.source, 'g');
  const out: string[] = ed.lines.slice(0, range.start);
  let subs = 0;
  let changedLines = 0;
  let lastLine = -1;
  for (let l = range.start; l <= range.end; l++) {
    const line = ed.lines[l];
    let result = '';
    let pos = 0;
    let n = 0;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      result += line.slice(pos, m.index) + vimReplacement(replacement, m);
      pos = m.index + m[0].length;
      n++;
      if (m[0] === '') re.lastIndex++;
      if (!global || re.lastIndex > line.length) break;
    }
    if (n === 0) {
      out.push(line);
      continue;
    }
    result += line.slice(pos);
    subs += n;
    changedLines++;
    const pieces = result.split('\n');
    out.push(...pieces);
    lastLine = out.length - pieces.length;
  }
  if (subs === 0) {
    if (flags.includes('e')) return;
    throw new Error(`E486: Pattern not found: ${pattern}`);
  }
  if (flags.includes('n')) {
    ed.setMessage(`${subs} match${subs === 1 ? '' : 'es'} on ${changedLines} line${changedLines === 1 ? '' : 's'}`);
    return;
  }
  out.push(...ed.lines.slice(range.end + 1));
  ed.replaceAll(out);
  ed.finishChange();
  ed.setCursor(lastLine, firstNonBlank(ed.lines[lastLine]));
  if (changedLines > 2) ed.setMessage(`${subs} substitution${subs === 1 ? '' : 's'} on ${changedLines} line${changedLines === 1 ? '' : 's'}`);
}
