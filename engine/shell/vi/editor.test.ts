import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ViEditor, type ViHost } from './editor';
import { renderScreen } from './screen';
import { parseKeyNotation, ViKeyReader } from './vi-keys';
import { vimPatternToRegExp } from './vim-regex';

const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pc-deployment
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.17.1
`;

function setup(files: Record<string, string> = {}, name: string | null = 'pc.yaml') {
  const disk = new Map(Object.entries(files));
  const now = 1_000_000;
  const host: ViHost = {
    readFile: (n) => disk.get(n),
    writeFile: (n, t) => {
      if (n.startsWith('/nodir/')) throw new Error("E212: Can't open file for writing");
      disk.set(n, t);
    },
    exists: (n) => disk.has(n),
    isDirectory: (n) => n === '/tmp',
    now: () => now,
  };
  const ed = new ViEditor(host, { cols: 80, rows: 24 });
  ed.open(name ?? undefined);
  const keys = (k: string) => ed.handleAll(parseKeyNotation(k));
  return { ed, disk, keys, msg: () => ed.message?.text };
}

test('opening a file says its size; a new one says [New]', () => {
  assert.equal(setup({ 'pc.yaml': YAML }).msg(), '"pc.yaml" 11L, 177B');
  assert.equal(setup({}).msg(), '"pc.yaml" [New]');
});

test('insert, Esc, :wq writes the file with vim\'s message and exits', () => {
  const { ed, disk, keys, msg } = setup();
  keys('iapiVersion: v1<CR>kind: Pod<Esc>');
  assert.deepEqual(ed.lines, ['apiVersion: v1', 'kind: Pod']);
  assert.equal(ed.cx, 8);
  keys(':w<CR>');
  assert.equal(msg(), '"pc.yaml" [New] 2L, 25B written');
  assert.equal(disk.get('pc.yaml'), 'apiVersion: v1\nkind: Pod\n');
  keys(':wq<CR>');
  assert.equal(ed.exitStatus, 0);
});

test(':q on a modified buffer is refused with E37; :q! quits', () => {
  const { ed, keys, msg } = setup({ 'pc.yaml': YAML });
  keys('dd:q<CR>');
  assert.equal(msg(), 'E37: No write since last change (add ! to override)');
  assert.equal(ed.exitStatus, undefined);
  keys(':q!<CR>');
  assert.equal(ed.exitStatus, 0);
});

test('motions with counts: j k w b e 0 $ gg G', () => {
  const { ed, keys } = setup({ 'pc.yaml': YAML });
  keys('5j');
  assert.deepEqual([ed.cy, ed.cx], [5, 0]);
  keys('w');
  assert.deepEqual([ed.cy, ed.cx], [5, 2]);
  keys('e');
  assert.deepEqual([ed.cy, ed.cx], [5, 9]);
  keys('$');
  assert.deepEqual([ed.cy, ed.cx], [5, 12]);
  keys('k');
  assert.deepEqual([ed.cy, ed.cx], [4, 4]);
  keys('G');
  assert.deepEqual([ed.cy, ed.cx], [10, 8]);
  keys('3G0');
  assert.deepEqual([ed.cy, ed.cx], [2, 0]);
  keys('gg2w');
  assert.deepEqual([ed.cy, ed.cx], [0, 12]);
  keys('b');
  assert.deepEqual([ed.cy, ed.cx], [0, 10]);
  keys('<Down><Right><Right>');
  assert.deepEqual([ed.cy, ed.cx], [1, 12]);
});

test('changing replicas: cw, r, x, dw, D, and the . repeat', () => {
  const { ed, keys } = setup({ 'pc.yaml': YAML });
  keys('/replicas<CR>$');
  assert.deepEqual([ed.cy, ed.cx], [5, 12]);
  keys('r5');
  assert.equal(ed.lines[5], '  replicas: 5');
  keys('cw10<Esc>');
  assert.equal(ed.lines[5], '  replicas: 10');
  keys('0x');
  assert.equal(ed.lines[5], ' replicas: 10');
  keys('.');
  assert.equal(ed.lines[5], 'replicas: 10');
  keys('dw');
  assert.equal(ed.lines[5], ': 10');
  keys('D');
  assert.equal(ed.lines[5], '');
});

test('dd yy p P with counts, u and Ctrl-R', () => {
  const { ed, keys, msg } = setup({ 'pc.yaml': YAML });
  keys('jyyP');
  assert.deepEqual(ed.lines.slice(0, 3), ['apiVersion: apps/v1', 'kind: Deployment', 'kind: Deployment']);
  keys('u');
  assert.equal(msg(), '1 line less; before #1  0 seconds ago');
  assert.equal(ed.lines.length, 11);
  keys('<C-r>');
  assert.equal(ed.lines.length, 12);
  keys('u3dd');
  assert.equal(msg(), '3 fewer lines');
  assert.deepEqual(ed.lines.slice(0, 2), ['apiVersion: apps/v1', 'spec:']);
  keys('p');
  assert.deepEqual(ed.lines.slice(0, 5), ['apiVersion: apps/v1', 'spec:', 'kind: Deployment', 'metadata:', '  name: pc-deployment']);
  keys('uuuu');
  assert.equal(msg(), 'Already at oldest change');
  assert.equal(ed.lines.join('\n') + '\n', YAML);
  assert.equal(ed.modified, false);
});

test('o and O keep the indentation (autoindent); :set paste turns it off', () => {
  const { ed, keys } = setup({ 'pc.yaml': YAML });
  keys('5joreplicasX: 1<Esc>');
  assert.equal(ed.lines[6], '  replicasX: 1');
  keys('u:set paste<CR>o  a: 1<CR>  b: 2<Esc>');
  assert.deepEqual(ed.lines.slice(6, 8), ['  a: 1', '  b: 2']);
  keys('u:set nopaste<CR>o  a: 1<CR>  b: 2<Esc>');
  // Without paste mode a pasted indented block drifts right, as in real vim.
  assert.deepEqual(ed.lines.slice(6, 8), ['    a: 1', '      b: 2']);
  keys('u:set paste?<CR>');
  assert.equal(ed.message?.text, 'nopaste');
});

test('an autoindent nobody typed after is removed on Esc', () => {
  const { ed, keys } = setup({ 'pc.yaml': YAML });
  keys('3jo<Esc>');
  assert.equal(ed.lines[4], '');
});

test('search with n/N wraps around and reports it; a missing pattern is E486', () => {
  const { ed, keys, msg } = setup({ 'pc.yaml': YAML });
  keys('/name<CR>');
  assert.deepEqual([ed.cy, ed.cx], [3, 2]);
  keys('n');
  assert.deepEqual([ed.cy, ed.cx], [9, 8]);
  keys('n');
  assert.equal(msg(), 'search hit BOTTOM, continuing at TOP');
  assert.deepEqual([ed.cy, ed.cx], [3, 2]);
  keys('N');
  assert.deepEqual([ed.cy, ed.cx], [9, 8]);
  keys('/nothere<CR>');
  assert.equal(msg(), 'E486: Pattern not found: nothere');
});

test(':N goes to a line, :set nu shows numbers, :s substitutes', () => {
  const { ed, keys, msg } = setup({ 'pc.yaml': YAML });
  keys(':6<CR>');
  assert.deepEqual([ed.cy, ed.cx], [5, 2]);
  keys(':s/3/5/<CR>');
  assert.equal(ed.lines[5], '  replicas: 5');
  keys(':%s/nginx/httpd/g<CR>');
  assert.equal(ed.lines[10], '        image: httpd:1.17.1');
  keys(':%s/zzz/y/<CR>');
  assert.equal(msg(), 'E486: Pattern not found: zzz');
  keys(':set nu<CR>');
  assert.equal(ed.options.number, true);
  const screen = renderScreen(ed.screenState());
  assert.match(screen, /\x1b\[1;1H\x1b\[33m {2}1 \x1b\[0mapiVersion: apps\/v1/);
  keys(':set nonu<CR>:foo<CR>');
  assert.equal(ed.options.number, false);
  assert.equal(msg(), 'E492: Not an editor command: foo');
  keys(':set bogus<CR>');
  assert.equal(msg(), 'E518: Unknown option: bogus');
});

test(':w name, :x, E13 and E32', () => {
  const { ed, disk, keys, msg } = setup({ other: 'x\n' }, null);
  keys(':w<CR>');
  assert.equal(msg(), 'E32: No file name');
  keys('ihello<Esc>:w other<CR>');
  assert.equal(msg(), 'E13: File exists (add ! to override)');
  keys(':w new.txt<CR>');
  assert.equal(msg(), '"new.txt" [New] 1L, 6B written');
  assert.equal(ed.fileName, 'new.txt');
  keys(':w /nodir/x<CR>');
  assert.equal(msg(), '"/nodir/x" E212: Can\'t open file for writing');
  keys('A!<Esc>:x<CR>');
  assert.equal(disk.get('new.txt'), 'hello!\n');
  assert.equal(ed.exitStatus, 0);
});

test('insert-mode editing: Backspace joins lines, arrows move, counts repeat the text', () => {
  const { ed, keys } = setup();
  keys('3ia<Esc>');
  assert.deepEqual(ed.lines, ['aaa']);
  keys('A<CR>b<BS><BS>c<Esc>');
  assert.deepEqual(ed.lines, ['aaac']);
  keys('0iX<Right>Y<Esc>');
  assert.deepEqual(ed.lines, ['XaYaac']);
  keys('ciwword<Esc>');
  assert.deepEqual(ed.lines, ['word']);
});

test('J joins with a space; > indents; ~ toggles case', () => {
  const { ed, keys } = setup({ 'pc.yaml': 'a\n  b\nc\n' });
  keys('J');
  assert.deepEqual(ed.lines, ['a b', 'c']);
  keys('j>>');
  assert.deepEqual(ed.lines, ['a b', '\tc']);
  keys('k0~~~');
  assert.deepEqual(ed.lines, ['A B', '\tc']);
});

test('Ctrl-C in normal mode explains how to quit', () => {
  const { keys, msg } = setup();
  keys('<C-c>');
  assert.equal(msg(), 'Type  :qa  and press <Enter> to exit Vim');
});

test('the screen: ~ past the end, the ruler, -- INSERT --, wrapped long lines', () => {
  const { ed, keys } = setup({ 'pc.yaml': YAML });
  let screen = renderScreen(ed.screenState());
  assert.match(screen, /\x1b\[12;1H\x1b\[1;34m~/);
  assert.match(screen, /\x1b\[24;63H1,1           All/);
  keys('i');
  screen = renderScreen(ed.screenState());
  assert.match(screen, /\x1b\[24;1H\x1b\[1m-- INSERT --/);
  keys(`<Esc>Go${'x'.repeat(200)}<Esc>`);
  screen = renderScreen(ed.screenState());
  // autoindent kept the 8 spaces of the line above: 208 columns over three rows
  assert.match(screen, /\x1b\[12;1H {8}x{72}\x1b\[K\x1b\[13;1Hx{80}\x1b\[K\x1b\[14;1Hx{48}\x1b\[K/);
  assert.match(screen, /12,208 {8}All\x1b\[14;48H\x1b\[\?25h$/);
  // A 100,000-character line is shown from the rows around the cursor.
  keys(`o${'y'.repeat(100_000)}<Esc>`);
  screen = renderScreen(ed.screenState());
  assert.match(screen, /13,100008 {5}92%\x1b\[23;8H\x1b\[\?25h$/);
});

test('scrolling keeps the cursor on screen', () => {
  const text = Array.from({ length: 100 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
  const { ed, keys } = setup({ 'pc.yaml': text });
  keys('30j');
  assert.ok(ed.top > 0 && ed.cy - ed.top < 23);
  keys('G');
  assert.equal(ed.top, 77);
  assert.match(renderScreen(ed.screenState()), /100,1 {9}Bot/);
  keys('gg');
  assert.equal(ed.top, 0);
});

test('raw terminal input becomes keys: arrows, Escape, Enter, Ctrl keys, split sequences', () => {
  const r = new ViKeyReader();
  assert.deepEqual(r.push('ia\x1b:wq\r'), ['i', 'a', '<Esc>', ':', 'w', 'q', '<CR>']);
  assert.deepEqual(r.push('\x1b[A\x1bOB\x1b[3~\x12\x7f'), ['<Up>', '<Down>', '<Del>', '<C-r>', '<BS>']);
  assert.deepEqual(r.push('\x1b['), []);
  assert.deepEqual(r.push('C'), ['<Right>']);
  assert.deepEqual(r.push('\x1b'), ['<Esc>']);
});

test('vim patterns: magic characters, groups and word boundaries', () => {
  assert.equal(vimPatternToRegExp('a\\(b\\|c\\)\\+').source, 'a(b|c)+');
  assert.equal(vimPatternToRegExp('f(x)').source, 'f\\(x\\)');
  assert.ok(vimPatternToRegExp('\\<name\\>').test('  name: x'));
});
