// A readline-like line editor: cursor movement, kill/yank, history, Ctrl-R reverse search and tab
// completion, drawn with plain ANSI sequences. Keystrokes are echoed synchronously; only tab
// completion waits (for the completer), and a stale completion is dropped if typing went on.
import type { Key } from './key-decoder';
import { stripAnsi, textWidth } from './text-width';

export interface Completion {
  /** Replacements for line.slice(replaceFrom, cursor). A candidate ending in `/` gets no space. */
  candidates: string[];
  replaceFrom: number;
  /** What to show for each candidate when listing (defaults to the candidate). */
  display?: string[];
  /** Do not add a space after a single completed candidate. */
  noSpace?: boolean;
}

export type Completer = (line: string, cursor: number) => Promise<Completion>;

export interface LineEditorHost {
  write(data: string): void;
  cols(): number;
  history(): readonly string[];
  complete?: Completer;
}

export type EditorEvent = { type: 'submit'; line: string } | { type: 'eof' } | { type: 'interrupt' };

/** readline's completion-query-items: ask before listing more than this many. */
const QUERY_ITEMS = 100;

interface SearchState {
  query: string;
  /** Index in history of the current match, or history.length for none yet. */
  index: number;
  failed: boolean;
  originalLine: string;
  originalCursor: number;
}

export class LineEditor {
  private prompt = '';
  private line = '';
  private cursor = 0;
  private active = false;
  /** Row of the terminal cursor, counted from the row where the prompt's last line starts. */
  private cursorRow = 0;
  private historyIndex = 0;
  private draft = '';
  private search: SearchState | undefined;
  private killed = '';
  private version = 0;
  private tabPending = false;
  private confirmList: string[] | undefined;

  constructor(
    private readonly host: LineEditorHost,
    private readonly onEvent: (e: EditorEvent) => void,
  ) {}

  get isActive(): boolean {
    return this.active;
  }

  get text(): string {
    return this.line;
  }

  get cursorPosition(): number {
    return this.cursor;
  }

  /** Shows `prompt` and starts editing a new line. */
  start(prompt: string, initial = ''): void {
    this.prompt = prompt;
    this.line = initial;
    this.cursor = initial.length;
    this.active = true;
    this.cursorRow = 0;
    this.search = undefined;
    this.confirmList = undefined;
    this.tabPending = false;
    this.historyIndex = this.host.history().length;
    this.draft = '';
    this.version++;
    this.host.write(prompt);
    if (initial) this.render();
  }

  /** Stops editing (a command runs); keys are ignored until the next start(). */
  stop(): void {
    this.active = false;
    this.version++;
  }

  /** Redraws prompt and line from the current row (after Ctrl-L or a resize). */
  redraw(): void {
    if (!this.active) return;
    this.cursorRow = 0;
    this.host.write('\r' + this.promptText());
    this.render(true);
  }

  handle(key: Key): void {
    if (!this.active) return;
    if (this.confirmList) return this.answerConfirm(key);
    if (this.search) return this.handleSearch(key);
    const wasTab = this.tabPending;
    this.tabPending = false;
    if (key.type !== 'tab') this.version++;
    switch (key.type) {
      case 'text':
        return this.insert(key.text);
      case 'paste':
        return this.insert(key.text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, ''));
      case 'enter':
        return this.submit();
      case 'tab':
        void this.complete(wasTab);
        return;
      case 'backspace':
        if (this.cursor > 0) this.deleteRange(this.cursor - prevCharLength(this.line, this.cursor), this.cursor);
        return;
      case 'delete':
        if (this.cursor < this.line.length) this.deleteRange(this.cursor, this.cursor + nextCharLength(this.line, this.cursor));
        return;
      case 'left':
        return this.moveTo(this.cursor - prevCharLength(this.line, this.cursor));
      case 'right':
        return this.moveTo(this.cursor + nextCharLength(this.line, this.cursor));
      case 'home':
        return this.moveTo(0);
      case 'end':
        return this.moveTo(this.line.length);
      case 'ctrl-left':
        return this.moveTo(wordStart(this.line, this.cursor));
      case 'ctrl-right':
        return this.moveTo(wordEnd(this.line, this.cursor));
      case 'up':
        return this.historyMove(-1);
      case 'down':
        return this.historyMove(1);
      case 'ctrl':
        return this.handleCtrl(key.key);
      case 'alt':
        return this.handleAlt(key.key);
      default:
        return;
    }
  }

  private handleCtrl(k: string): void {
    switch (k) {
      case 'a': return this.moveTo(0);
      case 'e': return this.moveTo(this.line.length);
      case 'b': return this.moveTo(this.cursor - prevCharLength(this.line, this.cursor));
      case 'f': return this.moveTo(this.cursor + nextCharLength(this.line, this.cursor));
      case 'p': return this.historyMove(-1);
      case 'n': return this.historyMove(1);
      case 'h': return this.handle({ type: 'backspace' });
      case 'd':
        if (this.line === '') {
          this.active = false;
          this.onEvent({ type: 'eof' });
          return;
        }
        return this.handle({ type: 'delete' });
      case 'c':
        this.moveToEnd();
        this.host.write('^C\r\n');
        this.active = false;
        this.line = '';
        this.cursor = 0;
        this.onEvent({ type: 'interrupt' });
        return;
      case 'u':
        this.killed = this.line.slice(0, this.cursor);
        return this.deleteRange(0, this.cursor);
      case 'k':
        this.killed = this.line.slice(this.cursor);
        return this.deleteRange(this.cursor, this.line.length);
      case 'w': {
        let i = this.cursor;
        while (i > 0 && /\s/.test(this.line[i - 1])) i--;
        while (i > 0 && !/\s/.test(this.line[i - 1])) i--;
        this.killed = this.line.slice(i, this.cursor);
        return this.deleteRange(i, this.cursor);
      }
      case 'y':
        return this.insert(this.killed);
      case 'l':
        this.host.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.host.write(this.promptText());
        this.render(true);
        return;
      case 'r':
        this.search = { query: '', index: this.host.history().length, failed: false, originalLine: this.line, originalCursor: this.cursor };
        this.renderSearch();
        return;
      case 't': {
        if (this.cursor === 0 || this.line.length < 2) return;
        const at = this.cursor === this.line.length ? this.cursor - 1 : this.cursor;
        const chars = this.line.slice(0, at - 1) + this.line[at] + this.line[at - 1] + this.line.slice(at + 1);
        this.line = chars;
        this.cursor = Math.min(this.line.length, at + 1);
        return this.render();
      }
      case 'g':
        return this.host.write('\x07');
      default:
        return;
    }
  }

  private handleAlt(k: string): void {
    switch (k) {
      case 'b': return this.moveTo(wordStart(this.line, this.cursor));
      case 'f': return this.moveTo(wordEnd(this.line, this.cursor));
      case 'd': {
        const end = wordEnd(this.line, this.cursor);
        this.killed = this.line.slice(this.cursor, end);
        return this.deleteRange(this.cursor, end);
      }
      case 'backspace': {
        const start = wordStart(this.line, this.cursor);
        this.killed = this.line.slice(start, this.cursor);
        return this.deleteRange(start, this.cursor);
      }
      case '.':
      case '_': {
        // Alt-. inserts the last word of the previous command.
        const h = this.host.history();
        const last = h[h.length - 1];
        if (last) this.insert(last.trim().split(/\s+/).pop() ?? '');
        return;
      }
      default:
        return;
    }
  }

  // ---- editing primitives ----

  private insert(text: string): void {
    if (!text) return;
    const atEnd = this.cursor === this.line.length;
    const before = this.promptWidth() + textWidth(this.line);
    this.line = this.line.slice(0, this.cursor) + text + this.line.slice(this.cursor);
    this.cursor += text.length;
    const cols = this.cols();
    // Fast path: typing at the end of a line that does not reach the right margin is a plain echo.
    if (atEnd && !text.includes('\n') && (before % cols) + textWidth(text) < cols) {
      this.host.write(text);
      return;
    }
    this.render();
  }

  private deleteRange(from: number, to: number): void {
    if (from >= to) return;
    this.line = this.line.slice(0, from) + this.line.slice(to);
    this.cursor = from;
    this.render();
  }

  private moveTo(pos: number): void {
    pos = Math.max(0, Math.min(this.line.length, pos));
    if (pos === this.cursor) return;
    this.cursor = pos;
    this.render();
  }

  private historyMove(delta: number): void {
    const h = this.host.history();
    const next = this.historyIndex + delta;
    if (next < 0 || next > h.length) return;
    if (this.historyIndex === h.length) this.draft = this.line;
    this.historyIndex = next;
    this.line = next === h.length ? this.draft : h[next];
    this.cursor = this.line.length;
    this.render();
  }

  private submit(): void {
    this.moveToEnd();
    const total = this.promptWidth() + textWidth(displayText(this.line));
    // At the exact margin the cursor already sits at the start of a fresh row.
    this.host.write(total > 0 && total % this.cols() === 0 ? '\r' : '\r\n');
    this.active = false;
    const line = this.line;
    this.onEvent({ type: 'submit', line });
  }

  // ---- reverse search ----

  private handleSearch(key: Key): void {
    const s = this.search!;
    const h = this.host.history();
    const find = (from: number, query: string): number => {
      for (let i = Math.min(from, h.length - 1); i >= 0; i--) if (h[i].includes(query)) return i;
      return -1;
    };
    const show = (index: number) => {
      s.index = index;
      s.failed = false;
      this.line = h[index];
      this.cursor = Math.max(0, h[index].lastIndexOf(s.query));
    };
    if (key.type === 'text' || key.type === 'paste') {
      s.query += key.text;
      const i = find(s.index, s.query);
      if (i >= 0) show(i);
      else s.failed = true;
      return this.renderSearch();
    }
    if (key.type === 'ctrl' && (key.key === 'r' || key.key === 's')) {
      if (s.query === '' && h.length === 0) return;
      const i = find(s.index - (s.index < h.length ? 1 : 0), s.query);
      if (i >= 0 && s.query !== '') show(i);
      else if (s.query !== '') s.failed = true;
      return this.renderSearch();
    }
    if (key.type === 'backspace' || (key.type === 'ctrl' && key.key === 'h')) {
      s.query = s.query.slice(0, -1);
      const i = s.query ? find(h.length - 1, s.query) : -1;
      if (i >= 0) show(i);
      else {
        s.failed = false;
        if (!s.query) {
          s.index = h.length;
          this.line = s.originalLine;
          this.cursor = s.originalCursor;
        }
      }
      return this.renderSearch();
    }
    if (key.type === 'ctrl' && key.key === 'g') {
      this.line = s.originalLine;
      this.cursor = s.originalCursor;
      this.endSearch();
      return;
    }
    if (key.type === 'ctrl' && key.key === 'c') {
      this.endSearch();
      return this.handle(key);
    }
    if (key.type === 'enter') {
      this.endSearch();
      return this.submit();
    }
    // Any other key ends the search, keeping the match, and then acts normally.
    this.historyIndex = s.index;
    this.endSearch();
    if (key.type !== 'escape') this.handle(key);
  }

  private endSearch(): void {
    this.search = undefined;
    this.render();
  }

  private renderSearch(): void {
    this.render();
  }

  // ---- tab completion ----

  private async complete(secondTab: boolean): Promise<void> {
    const complete = this.host.complete;
    if (!complete) return;
    const version = ++this.version;
    const line = this.line;
    const cursor = this.cursor;
    let result: Completion;
    try {
      result = await complete(line, cursor);
    } catch {
      return;
    }
    if (version !== this.version || !this.active || this.search) return;
    const candidates = [...new Set(result.candidates)];
    const word = line.slice(result.replaceFrom, cursor);
    if (!candidates.length) {
      this.host.write('\x07');
      return;
    }
    const replace = (text: string) => {
      this.line = line.slice(0, result.replaceFrom) + text + line.slice(cursor);
      this.cursor = result.replaceFrom + text.length;
      this.render();
    };
    if (candidates.length === 1) {
      const c = candidates[0];
      const space = !c.endsWith('/') && !result.noSpace && line[cursor] !== ' ';
      replace(c + (space ? ' ' : ''));
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      replace(prefix);
      this.tabPending = true;
      return;
    }
    if (!secondTab) {
      this.host.write('\x07');
      this.tabPending = true;
      return;
    }
    const shown = candidates.map((c, i) => result.display?.[i] ?? c);
    if (shown.length > QUERY_ITEMS) {
      this.moveToEnd();
      this.host.write(`\r\nDisplay all ${shown.length} possibilities? (y or n)`);
      this.confirmList = shown;
      return;
    }
    this.listCandidates(shown);
  }

  private answerConfirm(key: Key): void {
    const list = this.confirmList!;
    const yes = (key.type === 'text' && /^[yY ]/.test(key.text)) || (key.type === 'tab');
    const no = (key.type === 'text' && /^[nN]/.test(key.text)) || key.type === 'enter' || (key.type === 'ctrl' && (key.key === 'c' || key.key === 'g'));
    if (!yes && !no) return;
    this.confirmList = undefined;
    if (yes) {
      this.host.write('\r\n' + formatCandidateColumns(list, this.cols()).join('\r\n') + '\r\n');
    } else this.host.write('\r\n');
    this.cursorRow = 0;
    this.host.write(this.promptText());
    this.render(true);
  }

  private listCandidates(shown: string[]): void {
    this.moveToEnd();
    const rows = formatCandidateColumns([...shown].sort(), this.cols());
    this.host.write('\r\n' + rows.join('\r\n') + '\r\n');
    this.cursorRow = 0;
    this.host.write(this.promptText());
    this.render(true);
  }

  // ---- drawing ----

  private cols(): number {
    return Math.max(1, this.host.cols());
  }

  /** The prompt's last line (what is redrawn), or the search prompt. */
  private promptText(): string {
    if (this.search) {
      const s = this.search;
      return `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
    }
    const nl = this.prompt.lastIndexOf('\n');
    return nl < 0 ? this.prompt : this.prompt.slice(nl + 1);
  }

  private promptWidth(): number {
    return textWidth(stripAnsi(this.promptText()).replace(/[\x01\x02]/g, ''));
  }

  /** Moves the terminal cursor to the end of the input (before printing below it). */
  private moveToEnd(): void {
    const cols = this.cols();
    const total = this.promptWidth() + textWidth(displayText(this.line));
    const endRow = Math.floor(total / cols);
    if (this.cursor === this.line.length) return;
    let out = '';
    if (endRow > this.cursorRow) out += `\x1b[${endRow - this.cursorRow}B`;
    out += '\r';
    const col = total % cols;
    if (col) out += `\x1b[${col}C`;
    this.host.write(out);
    this.cursorRow = endRow;
    this.cursor = this.line.length;
  }

  /**
   * Redraws prompt (last line) and input, then puts the cursor where it belongs. With
   * `fromHere`, the prompt has just been written and the cursor is after it on row 0.
   */
  private render(fromHere = false): void {
    const cols = this.cols();
    const prompt = this.promptText();
    const pw = this.promptWidth();
    const shown = displayText(this.line);
    let out = '';
    if (!fromHere) {
      if (this.cursorRow > 0) out += `\x1b[${this.cursorRow}A`;
      out += '\r' + prompt;
    }
    out += shown;
    const total = pw + textWidth(shown);
    const endRow = Math.floor(total / cols);
    // Exactly at the margin the terminal waits to wrap; make the wrap happen now.
    if (total > 0 && total % cols === 0) out += '\r\n';
    out += '\x1b[J';
    const target = pw + textWidth(displayText(this.line.slice(0, this.cursor)));
    const tRow = Math.floor(target / cols);
    const tCol = target % cols;
    if (target !== total || total % cols !== 0) {
      if (endRow > tRow) out += `\x1b[${endRow - tRow}A`;
      if (target !== total) {
        out += '\r';
        if (tCol) out += `\x1b[${tCol}C`;
      }
    }
    this.cursorRow = tRow;
    this.host.write(out);
  }
}

/** Control characters are shown in caret notation, as readline does. */
function displayText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(s) ? s.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '^J' : '^' + String.fromCharCode(c.charCodeAt(0) ^ 0x40))) : s;
}

function prevCharLength(s: string, i: number): number {
  if (i <= 0) return 0;
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? 2 : 1;
}

function nextCharLength(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

const WORD = /[\p{L}\p{N}]/u;

/** readline's backward-word: skip non-word characters, then word characters. */
function wordStart(s: string, i: number): number {
  while (i > 0 && !WORD.test(s[i - 1])) i--;
  while (i > 0 && WORD.test(s[i - 1])) i--;
  return i;
}

function wordEnd(s: string, i: number): number {
  while (i < s.length && !WORD.test(s[i])) i++;
  while (i < s.length && WORD.test(s[i])) i++;
  return i;
}

function commonPrefix(list: string[]): string {
  let p = list[0];
  for (const s of list) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** readline's completion listing: equal-width columns, filled top to bottom. */
export function formatCandidateColumns(items: string[], cols: number): string[] {
  const widths = items.map((s) => textWidth(s));
  const max = Math.max(...widths) + 2;
  let perRow = Math.floor(cols / max);
  if (perRow > 1 && perRow * max === cols) perRow--;
  if (perRow < 1) perRow = 1;
  const rows = Math.ceil(items.length / perRow);
  const out: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const i = c * rows + r;
      if (i >= items.length) break;
      const last = c === perRow - 1 || i + rows >= items.length;
      line += last ? items[i] : items[i] + ' '.repeat(max - widths[i]);
    }
    out.push(line);
  }
  return out;
}
