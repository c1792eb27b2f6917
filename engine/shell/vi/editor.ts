// The vi/vim editing model: a buffer of lines, normal/insert/command-line modes, counts,
// operators with motions (d c y > <), undo/redo, `.` repeat, registers and search. It sees the
// world only through `ViHost` (files, time) and knows nothing of terminals: keys come in as vim
// key notation (vi-keys.ts), the screen is drawn from its state by screen.ts.
// Upstream: vim src/normal.c (nv_cmds), ops.c (op_delete, do_put, do_join), edit.c, undo.c.
import { runExCommand } from './ex-commands';
import { charClass, findInLine, firstNonBlank, leadingWhitespace, nextWordEnd, nextWordStart, prevWordStart, wordObject, type Pos } from './motions';
import { lineRows, type ScreenState } from './screen';
import { isPrintable } from './vi-keys';
import { vimPatternToRegExp } from './vim-regex';

export interface ViHost {
  /** The file's text, undefined if it does not exist; throws an Error whose message is vim's text. */
  readFile(name: string): string | undefined;
  /** Writes the file; throws an Error whose message is vim's text (E212...). */
  writeFile(name: string, text: string): void;
  exists(name: string): boolean;
  isDirectory(name: string): boolean;
  /** Clock time in ms (undo messages say "5 seconds ago"). */
  now(): number;
}

export interface ViOptions {
  number: boolean;
  paste: boolean;
  autoindent: boolean;
  ignorecase: boolean;
  smartcase: boolean;
  hlsearch: boolean;
  list: boolean;
  expandtab: boolean;
  tabstop: number;
  shiftwidth: number;
  softtabstop: number;
  ruler: boolean;
  showmode: boolean;
  wrapscan: boolean;
}

interface Snapshot {
  lines: string[];
  cy: number;
  cx: number;
  state: number;
  time: number;
}

interface Target extends Pos {
  linewise?: boolean;
  inclusive?: boolean;
  /** Where the operated text starts when not at the cursor (text objects). */
  from?: Pos;
}

type Result = 'more' | 'done';

/** Marks a run of typed text handled as one key (NUL never comes from the key reader). */
const TEXT_RUN = '\0';

export class ViEditor {
  lines: string[] = [''];
  cy = 0;
  cx = 0;
  top = 0;
  cols: number;
  rows: number;
  mode: 'normal' | 'insert' | 'cmdline' = 'normal';
  /** The command line being typed, with its `:` `/` `?` prefix. */
  cmdline = '';
  message: ScreenState['message'];
  fileName: string | undefined;
  /** Set when the editor should exit, with the exit status (`:cq` gives 1). */
  exitStatus: number | undefined;
  readonly options: ViOptions = {
    number: false,
    paste: false,
    // On for YAML's sake (CentOS's vim sets it for indented files); pasting then needs :set paste.
    autoindent: true,
    ignorecase: false,
    smartcase: false,
    hlsearch: false,
    list: false,
    expandtab: false,
    tabstop: 8,
    shiftwidth: 8,
    softtabstop: 0,
    ruler: true,
    showmode: true,
    wrapscan: true,
  };

  private pending: string[] = [];
  private want = 0; // the column j/k try to keep (vim's curswant); Infinity after `$`
  register = { text: '', linewise: false };
  private readonly undoStack: Snapshot[] = [];
  private readonly redoStack: Snapshot[] = [];
  private changeStart: Snapshot | undefined;
  private state = 0; // identifies the buffer contents; `modified` compares it with the saved one
  private nextState = 1;
  private savedState = 0;
  private changeNumber = 0;
  lastSearch: { pattern: string; forward: boolean } | undefined;
  private lastFind: { cmd: string; ch: string } | undefined;
  private lastChange: string[] = [];
  private cmdKeys: string[] = [];
  private recordingInsert = false;
  private replaying = false;
  private insertRepeat = { count: 1, keys: [] as string[], kind: 'i' };
  private autoIndented: number | undefined; // line whose indent was inserted automatically and is still untouched
  private readonly cmdHistory: string[] = [];
  private historyIndex = -1;

  constructor(
    readonly host: ViHost,
    size: { cols: number; rows: number },
  ) {
    this.cols = size.cols;
    this.rows = size.rows;
  }

  get modified(): boolean {
    return this.state !== this.savedState;
  }

  /** Loads a file (or starts a new one) and sets the opening message. */
  open(name: string | undefined): void {
    this.fileName = name;
    this.lines = [''];
    this.cy = this.cx = this.top = 0;
    if (name === undefined) return;
    if (this.host.isDirectory(name)) {
      this.message = { text: `"${name}" is a directory`, kind: 'info' };
      return;
    }
    let text: string | undefined;
    try {
      text = this.host.readFile(name);
    } catch (err) {
      this.message = { text: `"${name}" ${(err as Error).message}`, kind: 'error' };
      return;
    }
    if (text === undefined) {
      this.message = { text: `"${name}" [New]`, kind: 'info' };
      return;
    }
    this.lines = splitText(text);
    const noEol = text !== '' && !text.endsWith('\n');
    this.message = { text: `"${name}"${noEol ? ' [noeol]' : ''} ${text === '' ? 0 : this.lines.length}L, ${Buffer.byteLength(text)}B`, kind: 'info' };
  }

  resize(cols: number, rows: number): void {
    this.cols = cols;
    this.rows = rows;
  }

  /** Handles one key in vim notation. */
  handle(key: string): void {
    if (this.exitStatus !== undefined) return;
    if (this.mode === 'insert') this.insertKey(key);
    else if (this.mode === 'cmdline') this.cmdlineKey(key);
    else this.normalKey(key);
    this.scrollToCursor();
  }

  /** Handles a batch of keys; typed or pasted text in insert mode is inserted in one piece. */
  handleAll(keys: string[]): void {
    for (let i = 0; i < keys.length; i++) {
      if (this.mode === 'insert' && isPrintable(keys[i]) && this.exitStatus === undefined) {
        let j = i;
        while (j < keys.length && isPrintable(keys[j])) j++;
        if (j - i > 1) {
          this.handle(TEXT_RUN + keys.slice(i, j).join(''));
          i = j - 1;
          continue;
        }
      }
      this.handle(keys[i]);
    }
  }

  screenState(): ScreenState {
    return {
      lines: this.lines,
      cy: this.cy,
      cx: this.cx,
      top: this.top,
      cols: this.cols,
      rows: this.rows,
      mode: this.mode,
      cmdline: this.cmdline,
      message: this.message,
      pendingKeys: this.pending.join('').replace(/<Esc>/g, '^['),
      options: this.options,
    };
  }

  text(): string {
    return this.isEmpty() ? '' : this.lines.join('\n') + '\n';
  }

  isEmpty(): boolean {
    return this.lines.length === 1 && this.lines[0] === '';
  }

  /** Marks the buffer as saved (after a write of the whole buffer to its own file). */
  markSaved(): void {
    this.savedState = this.state;
  }

  setMessage(text: string, kind: 'info' | 'error' | 'warning' = 'info'): void {
    this.message = { text, kind };
  }

  // ---- buffer edits: every change goes through these, which record undo state ----

  private touch(): void {
    if (!this.changeStart) this.changeStart = { lines: [...this.lines], cy: this.cy, cx: this.cx, state: this.state, time: this.host.now() };
    if (this.state === this.changeStart.state) this.state = this.nextState++;
  }

  setLine(l: number, text: string): void {
    if (this.lines[l] === text) return;
    this.touch();
    this.lines[l] = text;
  }

  insertLines(at: number, lines: string[]): void {
    if (!lines.length) return;
    this.touch();
    this.lines.splice(at, 0, ...lines);
  }

  deleteLines(at: number, count: number): string[] {
    this.touch();
    const removed = this.lines.splice(at, count);
    if (this.lines.length === 0) this.lines.push('');
    return removed;
  }

  /** Replaces the whole buffer as one change (`:s`, `:e!`). */
  replaceAll(lines: string[]): void {
    this.touch();
    this.lines = lines.length ? lines : [''];
  }

  /** Ends the current change: it becomes one undo step. */
  finishChange(): void {
    const start = this.changeStart;
    this.changeStart = undefined;
    if (!start || start.state === this.state) return;
    this.undoStack.push(start);
    this.redoStack.length = 0;
    this.changeNumber++;
  }

  // ---- cursor ----

  private lineLen(l = this.cy): number {
    return this.lines[l].length;
  }

  private maxCol(l = this.cy): number {
    return this.mode === 'insert' ? this.lineLen(l) : Math.max(0, this.lineLen(l) - 1);
  }

  setCursor(l: number, c: number, keepWant = false): void {
    this.cy = Math.max(0, Math.min(l, this.lines.length - 1));
    this.cx = Math.max(0, Math.min(c, this.maxCol()));
    // Never rest on the second half of a surrogate pair.
    if (this.cx > 0 && /[\udc00-\udfff]/.test(this.lines[this.cy][this.cx] ?? '')) this.cx--;
    if (!keepWant) this.want = this.cx;
  }

  private clampCursor(): void {
    this.setCursor(this.cy, this.cx, true);
  }

  private textRows(): number {
    return Math.max(1, this.rows - 1);
  }

  /** Scrolls so the cursor line is on screen; a far jump centres it, as vim does. */
  scrollToCursor(): void {
    const rowsAvail = this.textRows();
    const ss = this.screenState();
    if (this.top >= this.lines.length) this.top = Math.max(0, this.lines.length - 1);
    if (this.cy < this.top) {
      if (this.top - this.cy > rowsAvail / 2) this.center();
      else this.top = this.cy;
      return;
    }
    let used = 0;
    for (let l = this.top; l <= this.cy; l++) {
      used += lineRows(ss, l);
      if (used > rowsAvail * 2) break;
    }
    if (used <= rowsAvail) return;
    if (used > rowsAvail * 1.5) return this.center();
    while (used > rowsAvail && this.top < this.cy) {
      used -= lineRows(ss, this.top);
      this.top++;
    }
  }

  private center(): void {
    const ss = this.screenState();
    let top = this.cy;
    let used = lineRows(ss, this.cy);
    while (top > 0 && used + lineRows(ss, top - 1) <= Math.floor(this.textRows() / 2) + 1) {
      top--;
      used += lineRows(ss, top);
    }
    // Centring never leaves `~` rows below the last line (vim fills the window from the bottom).
    let lowest = this.lines.length - 1;
    let rows = lineRows(ss, lowest);
    while (lowest > 0 && rows + lineRows(ss, lowest - 1) <= this.textRows()) rows += lineRows(ss, --lowest);
    this.top = Math.min(top, Math.max(lowest, 0));
  }

  /** Lines fully shown from `top` (for H, M, L, Ctrl-F). */
  private visibleLines(): number {
    const ss = this.screenState();
    let rows = 0;
    let n = 0;
    for (let l = this.top; l < this.lines.length; l++) {
      rows += lineRows(ss, l);
      if (rows > this.textRows()) break;
      n++;
    }
    return Math.max(1, n);
  }

  // ---- normal mode ----

  private normalKey(key: string): void {
    if (this.pending.length === 0) {
      if (!this.replaying) this.cmdKeys = [];
      // A message stays until the next command that shows something else.
    }
    if (!this.replaying) this.cmdKeys.push(key);
    if (key === '<Esc>' && this.pending.length) {
      this.pending = [];
      return;
    }
    this.pending.push(key);
    let result: Result;
    let isChange = false;
    try {
      const r = this.runNormal(this.pending);
      result = r.result;
      isChange = r.change;
    } catch (err) {
      result = 'done';
      this.setMessage((err as Error).message, 'error');
    }
    if (result === 'more') return;
    this.pending = [];
    if (this.mode === 'insert') {
      if (this.message?.kind !== 'error') this.message = undefined;
      if (!this.replaying) this.recordingInsert = true;
      return;
    }
    this.finishChange();
    if (isChange && !this.replaying) this.lastChange = [...this.cmdKeys];
  }

  private runNormal(k: string[]): { result: Result; change: boolean } {
    const done = (change = false) => ({ result: 'done' as const, change });
    const more = { result: 'more' as const, change: false };
    let i = 0;
    let countText = '';
    while (i < k.length && /^[0-9]$/.test(k[i]) && !(k[i] === '0' && countText === '')) countText += k[i++];
    if (i >= k.length) return more;
    const cmd = k[i++];
    const hasCount = countText !== '';
    const count = hasCount ? Math.min(Number(countText), 1e6) : 1;

    if (cmd === 'd' || cmd === 'c' || cmd === 'y' || cmd === '>' || cmd === '<') {
      let count2 = '';
      while (i < k.length && /^[0-9]$/.test(k[i]) && !(k[i] === '0' && count2 === '')) count2 += k[i++];
      if (i >= k.length) return more;
      const total = count * (count2 ? Number(count2) : 1);
      const counted = hasCount || count2 !== '';
      let m = k[i++];
      if (m === cmd) {
        const last = Math.min(this.lines.length - 1, this.cy + total - 1);
        this.operate(cmd, { l: this.cy, c: 0 }, { l: last, c: 0, linewise: true });
        return done(cmd !== 'y');
      }
      let arg: string | undefined;
      if (m === 'g') {
        if (i >= k.length) return more;
        m = 'g' + k[i++];
      } else if ('fFtT'.includes(m) || m === 'i' || m === 'a') {
        if (i >= k.length) return more;
        arg = k[i++];
      }
      // `cw` on a word changes to its end, like `ce` — but a cursor already on the last
      // character of a word changes just that (vim's end_word with stop set).
      let target: Target | undefined;
      if (cmd === 'c' && (m === 'w' || m === 'W') && charClass(this.lines[this.cy][this.cx], m === 'W') !== 0) {
        const big = m === 'W';
        const line = this.lines[this.cy];
        let p: Pos = { l: this.cy, c: this.cx };
        for (let n = 0; n < total; n++) {
          const atEnd = p.l === this.cy && charClass(line[p.c + 1], big) !== charClass(line[p.c], big);
          if (!(n === 0 && atEnd)) p = nextWordEnd(this.lines, p, big);
        }
        target = { ...p, inclusive: true };
      } else target = this.motion(m, total, counted, arg, true);
      if (!target) return done();
      const from = target.from ?? { l: this.cy, c: this.cx };
      this.operate(cmd, from, target);
      return done(cmd !== 'y');
    }

    if (cmd === 'r') {
      if (i >= k.length) return more;
      const ch = k[i];
      const line = this.lines[this.cy];
      if (this.cx + count > line.length || !(isPrintable(ch) || ch === '<Tab>' || ch === '<CR>')) return done();
      if (ch === '<CR>') {
        this.setLine(this.cy, line.slice(0, this.cx));
        this.insertLines(this.cy + 1, [line.slice(this.cx + count)]);
        this.setCursor(this.cy + 1, 0);
        return done(true);
      }
      const c = ch === '<Tab>' ? '\t' : ch;
      this.setLine(this.cy, line.slice(0, this.cx) + c.repeat(count) + line.slice(this.cx + count));
      this.setCursor(this.cy, this.cx + count - 1);
      return done(true);
    }
    if (cmd === 'g') {
      if (i >= k.length) return more;
      const g = k[i];
      if (g === 'g') this.moveTo(this.motion('gg', count, hasCount, undefined, false)!);
      else if (g === 'J') this.join(Math.max(2, count), false);
      else if (g === '_') this.moveTo(this.motion('g_', count, hasCount, undefined, false)!);
      return done(g === 'J');
    }
    if (cmd === 'Z') {
      if (i >= k.length) return more;
      if (k[i] === 'Z') runExCommand(this, 'x');
      else if (k[i] === 'Q') runExCommand(this, 'q!');
      return done();
    }
    if ('fFtT'.includes(cmd)) {
      if (i >= k.length) return more;
      const t = this.motion(cmd, count, hasCount, k[i], false);
      if (t) this.moveTo(t);
      return done();
    }

    switch (cmd) {
      case 'i':
      case '<Insert>':
        this.startInsert('i', count);
        return done(true);
      case 'a':
        this.startInsert('a', count);
        return done(true);
      case 'I':
        this.startInsert('I', count);
        return done(true);
      case 'A':
        this.startInsert('A', count);
        return done(true);
      case 'o':
      case 'O':
        this.startInsert(cmd, count);
        return done(true);
      case 'x':
      case '<Del>':
        if (this.lineLen() === 0) return done();
        this.operate('d', { l: this.cy, c: this.cx }, { l: this.cy, c: Math.min(this.lineLen(), this.cx + count) });
        return done(true);
      case 'X':
        if (this.cx === 0) return done();
        this.operate('d', { l: this.cy, c: this.cx }, { l: this.cy, c: Math.max(0, this.cx - count) });
        return done(true);
      case 'D':
      case 'C': {
        const t = this.motion('$', count, hasCount, undefined, true)!;
        this.operate(cmd === 'D' ? 'd' : 'c', { l: this.cy, c: this.cx }, t);
        return done(true);
      }
      case 's':
        if (this.lineLen() === 0) this.startInsert('i', 1);
        else this.operate('c', { l: this.cy, c: this.cx }, { l: this.cy, c: Math.min(this.lineLen(), this.cx + count) });
        return done(true);
      case 'S':
        this.operate('c', { l: this.cy, c: 0 }, { l: Math.min(this.lines.length - 1, this.cy + count - 1), c: 0, linewise: true });
        return done(true);
      case 'Y':
        this.operate('y', { l: this.cy, c: 0 }, { l: Math.min(this.lines.length - 1, this.cy + count - 1), c: 0, linewise: true });
        return done();
      case 'p':
      case 'P':
        this.put(cmd === 'p', count);
        return done(true);
      case 'J':
        this.join(Math.max(2, count), true);
        return done(true);
      case '~': {
        const line = this.lines[this.cy];
        if (!line) return done();
        const end = Math.min(line.length, this.cx + count);
        const swapped = [...line.slice(this.cx, end)].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');
        this.setLine(this.cy, line.slice(0, this.cx) + swapped + line.slice(end));
        this.setCursor(this.cy, end);
        return done(true);
      }
      case 'u':
        for (let n = 0; n < count; n++) if (!this.undo()) break;
        return done();
      case '<C-r>':
        for (let n = 0; n < count; n++) if (!this.redo()) break;
        return done();
      case '.':
        this.repeatLastChange(hasCount ? countText : undefined);
        return done();
      case 'n':
      case 'N':
        if (!this.lastSearch) throw new Error('E35: No previous regular expression');
        this.search(this.lastSearch.pattern, cmd === 'n' ? this.lastSearch.forward : !this.lastSearch.forward, count, true);
        return done();
      case '*':
      case '#': {
        const w = wordObject(this.lines[this.cy], this.cx, false, false);
        const word = w ? this.lines[this.cy].slice(w.start, w.end) : '';
        if (!word.trim() || charClass(word[0], false) !== 2) throw new Error('E348: No string under cursor');
        const pattern = `\\<${word.replace(/[.*[\]^$~\\/]/g, '\\$&')}\\>`;
        this.lastSearch = { pattern, forward: cmd === '*' };
        this.search(pattern, cmd === '*', count, true);
        return done();
      }
      case ':':
      case '/':
      case '?':
        this.mode = 'cmdline';
        this.cmdline = cmd + (cmd === ':' && hasCount ? `.,.+${count - 1}` : '');
        this.historyIndex = -1;
        return done();
      case '<C-f>':
      case '<PageDown>': {
        const page = Math.max(1, this.visibleLines() - 2);
        this.top = Math.min(Math.max(0, this.lines.length - 1), this.top + page * count);
        this.setCursor(Math.max(this.cy, this.top), firstNonBlank(this.lines[Math.max(this.cy, this.top)]));
        return done();
      }
      case '<C-b>':
      case '<PageUp>': {
        const page = Math.max(1, this.visibleLines() - 2);
        this.top = Math.max(0, this.top - page * count);
        const bottom = this.top + this.visibleLines() - 1;
        if (this.cy > bottom) this.setCursor(bottom, firstNonBlank(this.lines[bottom]));
        return done();
      }
      case '<C-d>':
      case '<C-u>': {
        const half = Math.max(1, Math.floor(this.textRows() / 2));
        const delta = cmd === '<C-d>' ? half : -half;
        this.top = Math.max(0, Math.min(this.lines.length - 1, this.top + delta));
        const l = Math.max(0, Math.min(this.lines.length - 1, this.cy + delta));
        this.setCursor(l, firstNonBlank(this.lines[l]));
        return done();
      }
      case '<C-e>':
        this.top = Math.min(this.lines.length - 1, this.top + count);
        if (this.cy < this.top) this.setCursor(this.top, this.want, true);
        return done();
      case '<C-y>':
        this.top = Math.max(0, this.top - count);
        return done();
      case '<C-g>': {
        const pct = Math.floor(((this.cy + 1) * 100) / this.lines.length);
        const name = this.fileName === undefined ? '[No Name]' : `"${this.fileName}"`;
        this.setMessage(`${name}${this.modified ? ' [Modified]' : ''} ${this.isEmpty() ? '--No lines in buffer--' : `${this.lines.length} line${this.lines.length === 1 ? '' : 's'} --${pct}%--`}`);
        return done();
      }
      case '<C-c>':
        this.setMessage(this.modified ? 'Type  :qa!  and press <Enter> to abandon all changes and exit Vim' : 'Type  :qa  and press <Enter> to exit Vim');
        return done();
      case '<C-l>':
      case '<Esc>':
      case '<Nop>':
        return done();
      default: {
        const t = this.motion(cmd, count, hasCount, undefined, false);
        if (t) this.moveTo(t);
        return done();
      }
    }
  }

  private moveTo(t: Target): void {
    if (t.linewise && (t.c === -1)) this.setCursor(t.l, this.want, true);
    else this.setCursor(t.l, t.c, t.c === Infinity);
    if (t.c === Infinity) this.want = Infinity;
  }

  /**
   * Where a motion goes from the cursor. `forOperator` lets `l` and `$` reach the end of the line.
   * A result with `c: -1` keeps the remembered column (j, k).
   */
  private motion(m: string, count: number, hasCount: boolean, arg: string | undefined, forOperator: boolean): Target | undefined {
    const { cy, cx } = this;
    const line = this.lines[cy];
    const last = this.lines.length - 1;
    switch (m) {
      case 'h':
      case '<Left>':
      case '<BS>':
      case '<C-h>':
        if (cx === 0) return undefined;
        return { l: cy, c: Math.max(0, cx - count) };
      case 'l':
      case '<Right>':
      case ' ': {
        const max = forOperator ? line.length : Math.max(0, line.length - 1);
        if (cx >= max) return forOperator && line.length ? { l: cy, c: line.length } : undefined;
        return { l: cy, c: Math.min(max, cx + count) };
      }
      case 'j':
      case '<Down>':
      case '<C-n>':
      case '<C-j>':
        if (cy + count > last && !(forOperator && cy < last)) return undefined;
        return { l: Math.min(last, cy + count), c: -1, linewise: true };
      case 'k':
      case '<Up>':
      case '<C-p>':
        if (cy === 0) return undefined;
        return { l: Math.max(0, cy - count), c: -1, linewise: true };
      case '+':
      case '<CR>':
      case '-': {
        const l = m === '-' ? cy - count : cy + count;
        if (l < 0 || l > last) return undefined;
        return { l, c: firstNonBlank(this.lines[l]), linewise: true };
      }
      case '_':
        return { l: Math.min(last, cy + count - 1), c: firstNonBlank(this.lines[Math.min(last, cy + count - 1)]), linewise: true };
      case '0':
      case '<Home>':
        return { l: cy, c: 0 };
      case '^':
        return { l: cy, c: firstNonBlank(line) };
      case '$':
      case '<End>': {
        const l = Math.min(last, cy + count - 1);
        return { l, c: forOperator ? this.lines[l].length : Infinity, inclusive: false };
      }
      case 'g_': {
        const l = Math.min(last, cy + count - 1);
        return { l, c: Math.max(0, this.lines[l].replace(/[ \t]+$/, '').length - 1), inclusive: true };
      }
      case 'w':
      case 'W': {
        let p: Pos & { hitEnd?: boolean } = { l: cy, c: cx };
        for (let n = 0; n < count; n++) {
          p = nextWordStart(this.lines, p, m === 'W');
          if (p.hitEnd) break;
        }
        if (forOperator) {
          // The last word of a line ends the operated text there, not at the next line's first word.
          if (p.l > cy && !p.hitEnd && p.c === firstNonBlankIndex(this.lines[p.l])) return { l: p.l - 1, c: this.lines[p.l - 1].length };
          return p;
        }
        if (p.hitEnd) {
          if (p.l === cy && cx >= line.length - 1) return undefined;
          return { l: p.l, c: Math.max(0, p.c - 1) };
        }
        return p;
      }
      case 'b':
      case 'B': {
        let p: Pos = { l: cy, c: cx };
        for (let n = 0; n < count; n++) p = prevWordStart(this.lines, p, m === 'B');
        if (p.l === cy && p.c === cx) return undefined;
        return p;
      }
      case 'e':
      case 'E': {
        let p: Pos = { l: cy, c: cx };
        for (let n = 0; n < count; n++) p = nextWordEnd(this.lines, p, m === 'E');
        return { ...p, inclusive: true };
      }
      case 'G':
      case '<C-End>': {
        const l = hasCount ? Math.min(last, count - 1) : last;
        return { l, c: firstNonBlank(this.lines[l]), linewise: true };
      }
      case 'gg': {
        const l = hasCount ? Math.min(last, count - 1) : 0;
        return { l, c: firstNonBlank(this.lines[l]), linewise: true };
      }
      case 'H':
      case 'L':
      case 'M': {
        const vis = this.visibleLines();
        const l = m === 'H' ? this.top + count - 1 : m === 'L' ? this.top + vis - count : this.top + Math.floor((Math.min(vis, this.lines.length - this.top) - 1) / 2);
        const ll = Math.max(this.top, Math.min(last, l));
        return { l: ll, c: firstNonBlank(this.lines[ll]), linewise: true };
      }
      case 'f':
      case 'F':
      case 't':
      case 'T':
      case ';':
      case ',': {
        let cmd: string = m;
        let ch = arg;
        if (m === ';' || m === ',') {
          if (!this.lastFind) return undefined;
          ch = this.lastFind.ch;
          cmd = this.lastFind.cmd;
          if (m === ',') cmd = ({ f: 'F', F: 'f', t: 'T', T: 't' } as Record<string, string>)[cmd];
        } else if (ch !== undefined) this.lastFind = { cmd: m, ch };
        if (ch === undefined || !isPrintable(ch)) return undefined;
        const c = findInLine(line, cx, cmd, ch, count);
        if (c === undefined) return undefined;
        return { l: cy, c, inclusive: cmd === 'f' || cmd === 't' };
      }
      case 'i':
      case 'a': {
        if (arg !== 'w' && arg !== 'W') return undefined;
        const o = wordObject(line, cx, m === 'a', arg === 'W');
        if (!o) return undefined;
        return { l: cy, c: o.end, from: { l: cy, c: o.start } };
      }
      default:
        return undefined;
    }
  }

  /** Applies an operator from `from` to the motion target. */
  private operate(op: string, from: Pos, t: Target): void {
    if (t.linewise) {
      const a = Math.min(from.l, t.l);
      const b = Math.max(from.l, t.l);
      if (op === 'y') {
        this.register = { text: this.lines.slice(a, b + 1).join('\n'), linewise: true };
        if (b - a + 1 > 2) this.setMessage(`${b - a + 1} lines yanked`);
        this.setCursor(a, from.l === a ? this.cx : firstNonBlank(this.lines[a]));
        return;
      }
      if (op === '>' || op === '<') {
        for (let l = a; l <= b; l++) this.setLine(l, this.shiftLine(this.lines[l], op === '>'));
        if (b - a + 1 > 2) this.setMessage(`${b - a + 1} lines ${op}ed 1 time`);
        this.setCursor(a, firstNonBlank(this.lines[a]));
        return;
      }
      const removed = this.lines.slice(a, b + 1);
      this.register = { text: removed.join('\n'), linewise: true };
      if (op === 'c') {
        const indent = this.options.autoindent && !this.options.paste ? leadingWhitespace(removed[0]) : '';
        const emptied = b - a + 1 === this.lines.length;
        this.deleteLines(a, b - a + 1);
        if (emptied) this.setLine(0, indent);
        else this.insertLines(a, [indent]);
        this.mode = 'insert';
        this.insertRepeat = { count: 1, keys: [], kind: 'i' };
        this.setCursor(a, indent.length);
        return;
      }
      this.deleteLines(a, b - a + 1);
      if (b - a + 1 > 2) this.setMessage(`${b - a + 1} fewer lines`);
      const l = Math.min(a, this.lines.length - 1);
      this.setCursor(l, firstNonBlank(this.lines[l]));
      return;
    }
    // Characterwise: order the ends, include the last character for inclusive motions.
    let s = from;
    let e: Pos = { l: t.l, c: t.c };
    if (e.l < s.l || (e.l === s.l && e.c < s.c)) [s, e] = [e, s];
    if (t.inclusive) e = { l: e.l, c: e.c + 1 };
    e = { l: e.l, c: Math.min(e.c, this.lines[e.l].length) };
    const text = s.l === e.l ? this.lines[s.l].slice(s.c, e.c) : [this.lines[s.l].slice(s.c), ...this.lines.slice(s.l + 1, e.l), this.lines[e.l].slice(0, e.c)].join('\n');
    if (op === '>' || op === '<') return this.operate(op, s, { l: e.l, c: 0, linewise: true });
    this.register = { text, linewise: false };
    if (op === 'y') {
      this.setCursor(s.l, s.c);
      return;
    }
    const merged = this.lines[s.l].slice(0, s.c) + this.lines[e.l].slice(e.c);
    if (e.l > s.l) this.deleteLines(s.l + 1, e.l - s.l);
    this.setLine(s.l, merged);
    if (op === 'c') {
      this.mode = 'insert';
      this.insertRepeat = { count: 1, keys: [], kind: 'i' };
    }
    this.setCursor(s.l, s.c);
  }

  private shiftLine(line: string, right: boolean): string {
    if (line === '' && right) return line;
    const ws = leadingWhitespace(line);
    let width = 0;
    for (const ch of ws) width = ch === '\t' ? width + this.options.tabstop - (width % this.options.tabstop) : width + 1;
    const sw = this.options.shiftwidth || this.options.tabstop;
    const next = right ? width + sw : Math.max(0, width - sw);
    return this.indentString(next) + line.slice(ws.length);
  }

  private indentString(width: number): string {
    if (this.options.expandtab) return ' '.repeat(width);
    const ts = this.options.tabstop;
    return '\t'.repeat(Math.floor(width / ts)) + ' '.repeat(width % ts);
  }

  private put(after: boolean, count: number): void {
    const reg = this.register;
    if (!reg.text && !reg.linewise) throw new Error('E353: Nothing in register "');
    if (reg.linewise) {
      const lines: string[] = [];
      for (let n = 0; n < count; n++) lines.push(...reg.text.split('\n'));
      const at = after ? this.cy + 1 : this.cy;
      this.insertLines(at, lines);
      if (lines.length > 2) this.setMessage(`${lines.length} more lines`);
      this.setCursor(at, firstNonBlank(this.lines[at]));
      return;
    }
    const text = reg.text.repeat(count);
    const line = this.lines[this.cy];
    const at = after && line.length ? this.cx + 1 : this.cx;
    const parts = text.split('\n');
    if (parts.length === 1) {
      this.setLine(this.cy, line.slice(0, at) + text + line.slice(at));
      this.setCursor(this.cy, at + text.length - 1);
      return;
    }
    const head = line.slice(0, at) + parts[0];
    const tail = parts[parts.length - 1] + line.slice(at);
    this.setLine(this.cy, head);
    this.insertLines(this.cy + 1, [...parts.slice(1, -1), tail]);
    this.setCursor(this.cy, at);
  }

  private join(count: number, spaces: boolean): void {
    if (this.cy >= this.lines.length - 1) return;
    const last = Math.min(this.lines.length - 1, this.cy + count - 1);
    let text = this.lines[this.cy];
    let cursor = 0;
    for (let l = this.cy + 1; l <= last; l++) {
      let next = this.lines[l];
      if (spaces) {
        next = next.replace(/^[ \t]+/, '');
        text = text.replace(/[ \t]+$/, (m) => (next === '' ? m : m));
        const sep = next === '' || text === '' || /[ \t]$/.test(text) || next.startsWith(')') ? '' : ' ';
        cursor = text.length + (sep ? 0 : -1);
        text += sep + next;
        if (sep === '' && next !== '') cursor = text.length - next.length - 1;
      } else {
        cursor = text.length;
        text += next;
      }
    }
    this.setLine(this.cy, text);
    this.deleteLines(this.cy + 1, last - this.cy);
    this.setCursor(this.cy, Math.max(0, cursor));
  }

  // ---- undo ----

  private undo(): boolean {
    const snap = this.undoStack.pop();
    if (!snap) {
      this.setMessage('Already at oldest change');
      return false;
    }
    const before = this.lines.length;
    this.redoStack.push({ lines: [...this.lines], cy: this.cy, cx: this.cx, state: this.state, time: this.host.now() });
    this.lines = [...snap.lines];
    this.state = snap.state;
    this.setCursor(snap.cy, snap.cx);
    this.changeNumber--;
    this.setMessage(`${changeSummary(this.lines.length - before)}; before #${this.changeNumber + 1}  ${ago(this.host.now() - snap.time)}`);
    return true;
  }

  private redo(): boolean {
    const snap = this.redoStack.pop();
    if (!snap) {
      this.setMessage('Already at newest change');
      return false;
    }
    const before = this.lines.length;
    this.undoStack.push({ lines: [...this.lines], cy: this.cy, cx: this.cx, state: this.state, time: this.host.now() });
    this.lines = [...snap.lines];
    this.state = snap.state;
    this.changeNumber++;
    this.setCursor(Math.min(snap.cy, this.lines.length - 1), snap.cx);
    this.setMessage(`${changeSummary(this.lines.length - before)}; after #${this.changeNumber}  ${ago(this.host.now() - snap.time)}`);
    return true;
  }

  private repeatLastChange(count: string | undefined): void {
    if (!this.lastChange.length) return;
    let keys = this.lastChange;
    if (count !== undefined) {
      let i = 0;
      while (i < keys.length && /^[0-9]$/.test(keys[i]) && !(keys[i] === '0' && i === 0)) i++;
      keys = [...count, ...keys.slice(i)];
    }
    this.replaying = true;
    this.pending = [];
    try {
      for (const k of keys) this.handle(k);
    } finally {
      this.replaying = false;
    }
  }

  // ---- insert mode ----

  private startInsert(kind: string, count: number): void {
    const line = this.lines[this.cy];
    this.mode = 'insert';
    this.insertRepeat = { count, keys: [], kind };
    if (kind === 'a' && line.length) this.setCursor(this.cy, this.cx + 1);
    else if (kind === 'A') this.setCursor(this.cy, line.length);
    else if (kind === 'I') this.setCursor(this.cy, leadingWhitespace(line).length);
    else if (kind === 'o' || kind === 'O') this.openLine(kind === 'o');
  }

  private openLine(below: boolean): void {
    const indent = this.options.autoindent && !this.options.paste ? leadingWhitespace(this.lines[this.cy]) : '';
    const at = below ? this.cy + 1 : this.cy;
    this.insertLines(at, [indent]);
    this.autoIndented = indent ? at : undefined;
    this.setCursor(at, indent.length);
  }

  private insertKey(key: string): void {
    if (this.recordingInsert && !this.replaying) this.cmdKeys.push(key);
    if (key !== '<Esc>' && key !== '<C-c>' && key !== '<C-[>') this.insertRepeat.keys.push(key);
    const line = this.lines[this.cy];
    const touchedAutoIndent = this.autoIndented === this.cy;
    if (key !== '<CR>' && key !== '<Esc>' && key !== '<C-c>') this.autoIndented = undefined;
    switch (key) {
      case '<Esc>':
      case '<C-c>':
      case '<C-[>':
        return this.leaveInsert(touchedAutoIndent);
      case '<CR>':
      case '<C-j>':
      case '<C-m>': {
        // An automatic indent nobody typed after goes away when the line is left.
        let before = line.slice(0, this.cx);
        const indent = this.options.autoindent && !this.options.paste ? leadingWhitespace(before) : '';
        if (touchedAutoIndent && /^[ \t]*$/.test(before) && this.cx === line.length) before = '';
        const after = line.slice(this.cx);
        this.setLine(this.cy, before);
        const rest = indent && /^[ \t]/.test(after) ? after.replace(/^[ \t]+/, '') : after;
        this.insertLines(this.cy + 1, [indent + rest]);
        this.autoIndented = indent && rest === '' ? this.cy + 1 : undefined;
        this.setCursor(this.cy + 1, indent.length);
        return;
      }
      case '<BS>':
      case '<C-h>':
        if (this.cx > 0) {
          const n = /[\udc00-\udfff]/.test(line[this.cx - 1]) && this.cx > 1 ? 2 : 1;
          this.setLine(this.cy, line.slice(0, this.cx - n) + line.slice(this.cx));
          this.setCursor(this.cy, this.cx - n);
        } else if (this.cy > 0) {
          const prev = this.lines[this.cy - 1];
          this.setLine(this.cy - 1, prev + line);
          this.deleteLines(this.cy, 1);
          this.setCursor(this.cy - 1, prev.length);
        }
        return;
      case '<Del>':
        if (this.cx < line.length) this.setLine(this.cy, line.slice(0, this.cx) + line.slice(this.cx + 1));
        else if (this.cy < this.lines.length - 1) {
          this.setLine(this.cy, line + this.lines[this.cy + 1]);
          this.deleteLines(this.cy + 1, 1);
        }
        return;
      case '<C-w>': {
        const before = line.slice(0, this.cx);
        const m = /(?:[\p{L}\p{N}_]+|[^\p{L}\p{N}_\s]+)?\s*$/u.exec(before)!;
        const start = before.length - (m[0].length || 1);
        if (this.cx === 0) return;
        this.setLine(this.cy, line.slice(0, start) + line.slice(this.cx));
        this.setCursor(this.cy, start);
        return;
      }
      case '<C-u>':
        this.setLine(this.cy, line.slice(this.cx));
        this.setCursor(this.cy, 0);
        return;
      case '<Tab>':
      case '<C-i>':
        if (this.options.expandtab && !this.options.paste) {
          const sts = this.options.softtabstop > 0 ? this.options.softtabstop : this.options.tabstop;
          const col = [...line.slice(0, this.cx)].reduce((w, ch) => (ch === '\t' ? w + this.options.tabstop - (w % this.options.tabstop) : w + 1), 0);
          return this.insertText(' '.repeat(sts - (col % sts)));
        }
        return this.insertText('\t');
      case '<Left>':
        return this.setCursor(this.cy, this.cx - 1);
      case '<Right>':
        return this.setCursor(this.cy, this.cx + 1);
      case '<Up>':
        return this.setCursor(this.cy - 1, this.want, true);
      case '<Down>':
        return this.setCursor(this.cy + 1, this.want, true);
      case '<Home>':
        return this.setCursor(this.cy, 0);
      case '<End>':
        return this.setCursor(this.cy, line.length);
      default:
        if (key.startsWith(TEXT_RUN)) this.insertText(key.slice(TEXT_RUN.length));
        else if (isPrintable(key)) this.insertText(key);
    }
  }

  private insertText(text: string): void {
    const line = this.lines[this.cy];
    this.setLine(this.cy, line.slice(0, this.cx) + text + line.slice(this.cx));
    this.setCursor(this.cy, this.cx + text.length);
  }

  private leaveInsert(removeIndent: boolean): void {
    if (removeIndent && /^[ \t]+$/.test(this.lines[this.cy])) this.setLine(this.cy, '');
    this.autoIndented = undefined;
    const { count, keys, kind } = this.insertRepeat;
    this.insertRepeat = { count: 1, keys: [], kind: 'i' };
    // `3ihi<Esc>` types the text twice more; `3o` opens two more lines with it.
    const wasReplaying = this.replaying;
    this.replaying = true;
    for (let n = 1; n < count; n++) {
      if (kind === 'o' || kind === 'O') this.openLine(true);
      for (const k of keys) this.insertKey(k);
    }
    this.replaying = wasReplaying;
    this.mode = 'normal';
    this.setCursor(this.cy, this.cx - 1);
    this.finishChange();
    if (this.recordingInsert && !this.replaying) {
      this.lastChange = [...this.cmdKeys];
      this.recordingInsert = false;
    }
  }

  // ---- command line ----

  private cmdlineKey(key: string): void {
    switch (key) {
      case '<Esc>':
      case '<C-c>':
        this.mode = 'normal';
        this.cmdline = '';
        return;
      case '<CR>':
      case '<C-m>':
      case '<C-j>': {
        const line = this.cmdline;
        this.mode = 'normal';
        this.cmdline = '';
        this.message = undefined;
        if (line.length > 1) this.cmdHistory.push(line);
        this.runCmdline(line);
        this.clampCursor();
        return;
      }
      case '<BS>':
      case '<C-h>':
        if (this.cmdline.length <= 1) {
          this.mode = 'normal';
          this.cmdline = '';
        } else this.cmdline = this.cmdline.slice(0, -1);
        return;
      case '<C-u>':
        this.cmdline = this.cmdline[0];
        return;
      case '<C-w>':
        this.cmdline = this.cmdline[0] + this.cmdline.slice(1).replace(/(\w+|\W)\s*$/, '');
        return;
      case '<Up>':
      case '<Down>': {
        const same = this.cmdHistory.filter((h) => h[0] === this.cmdline[0]);
        if (!same.length) return;
        if (this.historyIndex < 0) this.historyIndex = same.length;
        this.historyIndex = Math.max(0, Math.min(same.length, this.historyIndex + (key === '<Up>' ? -1 : 1)));
        this.cmdline = this.historyIndex >= same.length ? this.cmdline[0] : same[this.historyIndex];
        return;
      }
      case '<Tab>':
        this.cmdline += '\t';
        return;
      default:
        if (isPrintable(key)) this.cmdline += key;
    }
  }

  private runCmdline(line: string): void {
    const prefix = line[0];
    const body = line.slice(1);
    try {
      if (prefix === ':') {
        runExCommand(this, body);
        return;
      }
      const forward = prefix === '/';
      // `/pat/` may end with its delimiter; an empty pattern repeats the last one.
      const pattern = body.replace(new RegExp(`(?<!\\\\)\\${prefix}$`), '') || this.lastSearch?.pattern;
      if (!pattern) throw new Error('E35: No previous regular expression');
      this.lastSearch = { pattern, forward };
      this.search(pattern, forward, 1, false);
    } catch (err) {
      this.setMessage((err as Error).message, 'error');
    }
  }

  /** Searches from the cursor, wrapping around the end like vim with 'wrapscan'. */
  search(pattern: string, forward: boolean, count: number, echo: boolean): void {
    const re = this.searchRegExp(pattern);
    let pos: Pos = { l: this.cy, c: this.cx };
    let wrapped = false;
    for (let n = 0; n < count; n++) {
      const found = this.findFrom(re, pos, forward);
      if (!found) {
        this.setMessage(`E486: Pattern not found: ${pattern}`, 'error');
        return;
      }
      if (found.wrapped) wrapped = true;
      pos = found;
    }
    this.setCursor(pos.l, pos.c);
    if (wrapped) this.setMessage(forward ? 'search hit BOTTOM, continuing at TOP' : 'search hit TOP, continuing at BOTTOM', 'warning');
    else this.setMessage((forward ? '/' : '?') + pattern);
    void echo;
  }

  searchRegExp(pattern: string): RegExp {
    const ignore = this.options.ignorecase && !(this.options.smartcase && /[A-Z]/.test(pattern));
    try {
      return vimPatternToRegExp(pattern, ignore ? 'i' : '');
    } catch {
      throw new Error(`E486: Pattern not found: ${pattern}`);
    }
  }

  private findFrom(re: RegExp, from: Pos, forward: boolean): (Pos & { wrapped: boolean }) | undefined {
    const n = this.lines.length;
    const matchesIn = (l: number): number[] => {
      const out: number[] = [];
      re.lastIndex = 0;
      const line = this.lines[l];
      for (let m = re.exec(line); m; m = re.exec(line)) {
        out.push(m.index);
        if (m[0] === '') re.lastIndex++;
        if (re.lastIndex > line.length) break;
      }
      return out;
    };
    for (let step = 0; step <= n; step++) {
      const raw = forward ? from.l + step : from.l - step;
      const l = ((raw % n) + n) % n;
      const wrapped = forward ? raw >= n : raw < 0;
      if (wrapped && !this.options.wrapscan) return undefined;
      const cols = matchesIn(l);
      let c: number | undefined;
      if (forward) c = step === 0 ? cols.find((x) => x > from.c) : cols[0];
      else c = step === 0 ? [...cols].reverse().find((x) => x < from.c) : cols[cols.length - 1];
      if (step === n && c !== undefined) {
        // Back on the starting line after a full circle: only the match at the cursor is left.
        if (forward ? c > from.c : c < from.c) c = undefined;
        else c = cols.find((x) => x === from.c);
      }
      if (c !== undefined) return { l, c, wrapped };
    }
    return undefined;
  }
}

function firstNonBlankIndex(line: string): number {
  return leadingWhitespace(line).length;
}

export function splitText(text: string): string[] {
  if (text === '') return [''];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function changeSummary(delta: number): string {
  if (delta === 1) return '1 more line';
  if (delta > 1) return `${delta} more lines`;
  if (delta === -1) return '1 line less';
  if (delta < -1) return `${-delta} fewer lines`;
  return '1 change';
}

function ago(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 100) return `${s} second${s === 1 ? '' : 's'} ago`;
  return `${Math.floor(s / 60)} minutes ago`;
}
