// Drawing the editor: text rows (wrapped like vim's 'wrap', tabs expanded, optional line numbers),
// `~` past the end of the file, and the last line (messages, `-- INSERT --`, pending command keys,
// the ruler `21,3           All`). The whole screen is redrawn on each batch of keys; a YAML
// file fits in a couple of kilobytes of escapes, which a terminal draws in well under a frame.
import { charWidth } from '../text-width';

/** What the screen needs to know about the editor. */
export interface ScreenState {
  lines: readonly string[];
  cy: number;
  cx: number;
  top: number;
  cols: number;
  rows: number;
  mode: 'normal' | 'insert' | 'cmdline';
  cmdline: string;
  message: { text: string; kind: 'info' | 'error' | 'warning' } | undefined;
  pendingKeys: string;
  options: { number: boolean; paste: boolean; list: boolean; tabstop: number; ruler: boolean; showmode: boolean };
}

export interface Cell {
  text: string;
  width: number;
}

/** The display cells of each character of a line (index = UTF-16 index; surrogate tails are empty). */
export function lineCells(line: string, tabstop: number, list: boolean): Cell[] {
  const cells: Cell[] = [];
  let col = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    let cell: Cell;
    if (code === 9 && !list) {
      const w = tabstop - (col % tabstop);
      cell = { text: ' '.repeat(w), width: w };
    } else if (code < 32 || code === 127) cell = { text: '^' + String.fromCharCode(code === 127 ? 63 : code + 64), width: 2 };
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < line.length) {
      const cp = line.codePointAt(i)!;
      const w = Math.max(1, charWidth(cp));
      cells.push({ text: String.fromCodePoint(cp), width: w });
      cells.push({ text: '', width: 0 });
      col += w;
      i++;
      continue;
    } else {
      const w = charWidth(code);
      cell = { text: line[i], width: w === 0 ? 1 : w };
      if (w === 0) cell.text = ' ';
    }
    cells.push(cell);
    col += cell.width;
  }
  return cells;
}

export function gutterWidth(state: Pick<ScreenState, 'lines' | 'options'>): number {
  return state.options.number ? Math.max(3, String(state.lines.length).length) + 1 : 0;
}

/** Screen rows a line takes with wrapping, and the (row, column) of each character in it. */
export function wrapLine(cells: Cell[], width: number): { rows: number; at: { row: number; col: number }[]; endAt: { row: number; col: number } } {
  const at: { row: number; col: number }[] = [];
  let row = 0;
  let col = 0;
  for (const cell of cells) {
    if (cell.width > 0 && col + cell.width > width) {
      row++;
      col = 0;
    }
    at.push({ row, col });
    col += cell.width;
  }
  const endAt = col >= width ? { row: row + 1, col: 0 } : { row, col };
  return { rows: Math.max(1, col === 0 && row > 0 ? row : row + 1), at, endAt };
}

export function lineRows(state: Pick<ScreenState, 'lines' | 'options' | 'cols'>, l: number): number {
  const width = Math.max(1, state.cols - gutterWidth(state));
  const line = state.lines[l] ?? '';
  // A line without wide characters or tabs needs no cell walk.
  if (/^[\x20-\x7e]*$/.test(line)) return Math.max(1, Math.ceil(line.length / width));
  return wrapLine(lineCells(line, state.options.tabstop, state.options.list), width).rows;
}

const LINE_NR = '\x1b[33m';
const NON_TEXT = '\x1b[1;34m';
const RESET = '\x1b[0m';
const STYLE: Record<string, string> = { error: '\x1b[97;41m', warning: '\x1b[31m', info: '' };

/** The escape sequence that redraws the whole screen and places the cursor. */
export function renderScreen(s: ScreenState): string {
  const textRows = Math.max(1, s.rows - 1);
  const gutter = gutterWidth(s);
  const width = Math.max(1, s.cols - gutter);
  let out = '\x1b[?25l';
  let screenRow = 0;
  let cursor = { row: 0, col: gutter };
  for (let l = s.top; l < s.lines.length && screenRow < textRows; l++) {
    const cells = lineCells(s.lines[l], s.options.tabstop, s.options.list);
    const wrap = wrapLine(cells, width);
    // A line that does not fit below the others is shown as `@` rows, as vim does.
    if (l !== s.top && screenRow + wrap.rows > textRows) {
      while (screenRow < textRows) out += `\x1b[${++screenRow};1H${NON_TEXT}@${RESET}\x1b[K`;
      break;
    }
    // A single line taller than the screen starts at the rows around the cursor.
    let skip = 0;
    if (l === s.cy) {
      const cur = cursorCell(s, cells, wrap);
      if (wrap.rows > textRows && cur.row >= textRows) skip = cur.row - textRows + 1;
      cursor = { row: screenRow + cur.row - skip, col: gutter + cur.col };
    }
    const rowTexts: string[] = Array.from({ length: wrap.rows }, () => '');
    cells.forEach((cell, i) => {
      if (cell.text) rowTexts[wrap.at[i].row] += cell.text;
    });
    for (let r = skip; r < rowTexts.length && screenRow < textRows; r++) {
      let prefix = '';
      if (gutter) prefix = r === 0 ? `${LINE_NR}${String(l + 1).padStart(gutter - 1)} ${RESET}` : ' '.repeat(gutter);
      out += `\x1b[${++screenRow};1H${prefix}${rowTexts[r]}\x1b[K`;
    }
  }
  while (screenRow < textRows) out += `\x1b[${++screenRow};1H${NON_TEXT}~${RESET}\x1b[K`;
  out += `\x1b[${s.rows};1H`;
  if (s.mode === 'cmdline') {
    const text = s.cmdline.length > s.cols - 1 ? s.cmdline.slice(s.cmdline.length - s.cols + 1) : s.cmdline;
    out += text.replace(/[\x00-\x1f]/g, (c) => '^' + String.fromCharCode(c.charCodeAt(0) + 64)) + '\x1b[K';
    out += `\x1b[${s.rows};${Math.min(s.cols, displayWidth(text) + 1)}H\x1b[?25h`;
    return out;
  }
  let left = '';
  if (s.message) left = `${STYLE[s.message.kind]}${clip(s.message.text, s.cols - (s.options.ruler ? 19 : 1))}${s.message.kind === 'info' ? '' : RESET}`;
  else if (s.mode === 'insert' && s.options.showmode) left = `\x1b[1m-- INSERT${s.options.paste ? ' (paste)' : ''} --${RESET}`;
  out += left + '\x1b[K';
  const rulerCol = s.cols - 18 + 1;
  if (s.pendingKeys && rulerCol - 11 > 1) out += `\x1b[${s.rows};${rulerCol - 11}H${s.pendingKeys.slice(-10)}`;
  if (s.options.ruler && rulerCol > 1) out += `\x1b[${s.rows};${rulerCol}H${ruler(s, textRows)}`;
  out += `\x1b[${cursor.row + 1};${Math.min(s.cols, cursor.col + 1)}H\x1b[?25h`;
  return out;
}

function cursorCell(s: ScreenState, cells: Cell[], wrap: ReturnType<typeof wrapLine>): { row: number; col: number } {
  if (s.cx >= cells.length) return cells.length === 0 ? { row: 0, col: 0 } : wrap.endAt;
  const at = wrap.at[s.cx];
  // In normal mode the cursor sits on the last cell of a tab, as in vim.
  if (s.mode !== 'insert' && s.lines[s.cy][s.cx] === '\t' && !s.options.list) return { row: at.row, col: at.col + cells[s.cx].width - 1 };
  return at;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += Math.max(1, charWidth(ch.codePointAt(0)!));
  return w;
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, Math.max(0, max)) : text;
}

/** `21,3-9          45%`: line, byte column (and screen column when different), position. */
function ruler(s: ScreenState, textRows: number): string {
  const line = s.lines[s.cy] ?? '';
  let pos: string;
  if (line === '') pos = `${s.lines.length === 1 ? 0 : s.cy + 1},0-1`;
  else {
    const byteCol = Buffer.byteLength(line.slice(0, s.cx)) + 1;
    const cells = lineCells(line.slice(0, s.cx + 1), s.options.tabstop, s.options.list);
    let virt = 0;
    for (const c of cells.slice(0, s.cx)) virt += c.width;
    virt += s.mode === 'insert' || s.cx >= line.length ? 1 : cells[s.cx]?.width ?? 1;
    pos = `${s.cy + 1},${byteCol}${virt !== byteCol ? `-${virt}` : ''}`;
  }
  if (s.lines.length === 1 && s.lines[0] === '') pos = '0,0-1';
  const above = s.top;
  let shown = 0;
  let rows = 0;
  for (let l = s.top; l < s.lines.length && rows < textRows; l++) {
    rows += lineRows(s, l);
    if (rows <= textRows) shown++;
  }
  const below = Math.max(0, s.lines.length - s.top - shown);
  const where = above === 0 && below === 0 ? 'All' : above === 0 ? 'Top' : below === 0 ? 'Bot' : `${Math.floor((above * 100) / (above + below))}%`;
  return pos.padEnd(14) + where;
}
