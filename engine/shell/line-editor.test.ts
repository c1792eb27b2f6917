import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyDecoder } from './key-decoder';
import { formatCandidateColumns, LineEditor, type Completer, type EditorEvent } from './line-editor';

function editor(history: string[] = [], complete?: Completer, cols = 80) {
  let out = '';
  const events: EditorEvent[] = [];
  const ed = new LineEditor({ write: (d) => (out += d), cols: () => cols, history: () => history, complete }, (e) => events.push(e));
  const decoder = new KeyDecoder();
  const type = (s: string) => decoder.decode(s).forEach((k) => ed.handle(k));
  return { ed, type, events, output: () => out, clear: () => (out = '') };
}

test('typed characters are echoed at once, Enter submits the line', () => {
  const e = editor();
  e.ed.start('[root@master ~]# ');
  e.type('ls');
  assert.equal(e.output(), '[root@master ~]# ls');
  e.type('\r');
  assert.deepEqual(e.events, [{ type: 'submit', line: 'ls' }]);
  assert.equal(e.output(), '[root@master ~]# ls\r\n');
});

test('cursor movement and editing: left, Ctrl-A/E, backspace, delete, Ctrl-U/K/W, Alt-B/F, Ctrl-Y', () => {
  const e = editor();
  e.ed.start('$ ');
  e.type('kubectl get pod');
  e.type('\x1b[D\x1b[D\x1b[D'); // three left
  e.type('s');
  assert.equal(e.ed.text, 'kubectl get spod');
  e.type('\x01X\x05Y'); // Ctrl-A, X, Ctrl-E, Y
  assert.equal(e.ed.text, 'Xkubectl get spodY');
  e.type('\x7f\x1bb\x1bb'); // backspace, Alt-B twice
  assert.equal(e.ed.cursorPosition, 'Xkubectl '.length);
  e.type('\x1bf');
  assert.equal(e.ed.cursorPosition, 'Xkubectl get'.length);
  e.type('\x0b'); // Ctrl-K
  assert.equal(e.ed.text, 'Xkubectl get');
  e.type('\x17'); // Ctrl-W
  assert.equal(e.ed.text, 'Xkubectl ');
  e.type('\x19'); // Ctrl-Y
  assert.equal(e.ed.text, 'Xkubectl get');
  e.type('\x01\x1b[3~'); // Ctrl-A, Delete
  assert.equal(e.ed.text, 'kubectl get');
  e.type('\x05\x15'); // Ctrl-E, Ctrl-U
  assert.equal(e.ed.text, '');
});

test('up and down walk the history and come back to the draft', () => {
  const e = editor(['kubectl get pods', 'kubectl get svc']);
  e.ed.start('$ ');
  e.type('dra');
  e.type('\x1b[A');
  assert.equal(e.ed.text, 'kubectl get svc');
  e.type('\x1b[A\x1b[A');
  assert.equal(e.ed.text, 'kubectl get pods');
  e.type('\x1b[B\x1b[B');
  assert.equal(e.ed.text, 'dra');
  e.type('\x1b[A\r');
  assert.deepEqual(e.events, [{ type: 'submit', line: 'kubectl get svc' }]);
});

test('Ctrl-R searches backwards with the (reverse-i-search) display', () => {
  const e = editor(['kubectl apply -f pc.yaml', 'ls', 'kubectl get pods']);
  e.ed.start('$ ');
  e.clear();
  e.type('\x12');
  assert.equal(e.output(), "\r(reverse-i-search)`': \x1b[J");
  e.type('apply');
  assert.equal(e.ed.text, 'kubectl apply -f pc.yaml');
  assert.match(e.output(), /\(reverse-i-search\)`apply': kubectl apply -f pc\.yaml/);
  e.type('zz');
  assert.match(e.output(), /\(failed reverse-i-search\)`applyzz': /);
  e.type('\x7f\x7f\r');
  assert.deepEqual(e.events, [{ type: 'submit', line: 'kubectl apply -f pc.yaml' }]);
});

test('Ctrl-R again finds older matches; Ctrl-G restores the original line', () => {
  const e = editor(['kubectl get nodes', 'kubectl get pods']);
  e.ed.start('$ ');
  e.type('orig\x12kubectl');
  assert.equal(e.ed.text, 'kubectl get pods');
  e.type('\x12');
  assert.equal(e.ed.text, 'kubectl get nodes');
  e.type('\x07');
  assert.equal(e.ed.text, 'orig');
});

test('Ctrl-C prints ^C and abandons the line; Ctrl-D on an empty line is end of input', () => {
  const e = editor();
  e.ed.start('$ ');
  e.type('half typed\x03');
  assert.ok(e.output().endsWith('half typed^C\r\n'));
  assert.deepEqual(e.events, [{ type: 'interrupt' }]);
  e.ed.start('$ ');
  e.type('\x04');
  assert.deepEqual(e.events[1], { type: 'eof' });
});

test('Ctrl-L clears the screen and redraws the prompt and line', () => {
  const e = editor();
  e.ed.start('$ ');
  e.type('abc');
  e.clear();
  e.type('\x0c');
  assert.equal(e.output(), '\x1b[H\x1b[2J$ abc\x1b[J');
});

test('tab completes a single candidate, the common prefix, then lists on a second tab', async () => {
  const names = ['kubectl', 'kubeadm', 'kubelet'];
  const complete: Completer = async (line, cursor) => {
    const word = line.slice(0, cursor);
    return { candidates: names.filter((n) => n.startsWith(word)), replaceFrom: 0 };
  };
  const e = editor([], complete);
  e.ed.start('$ ');
  e.type('kubec\t');
  await new Promise((r) => setImmediate(r));
  assert.equal(e.ed.text, 'kubectl ');
  e.type('\x15k\t');
  await new Promise((r) => setImmediate(r));
  assert.equal(e.ed.text, 'kube');
  e.clear();
  e.type('\t');
  await new Promise((r) => setImmediate(r));
  assert.equal(e.output(), '\r\nkubeadm  kubectl  kubelet\r\n$ kube\x1b[J');
});

test('a stale completion is dropped when typing continued', async () => {
  let release!: () => void;
  const complete: Completer = () => new Promise((resolve) => (release = () => resolve({ candidates: ['kubectl'], replaceFrom: 0 })));
  const e = editor([], complete);
  e.ed.start('$ ');
  e.type('k\tx');
  release();
  await new Promise((r) => setImmediate(r));
  assert.equal(e.ed.text, 'kx');
});

test('long lines wrap and the cursor is positioned across rows', () => {
  const e = editor([], undefined, 10);
  e.ed.start('$ ');
  e.type('abcdefgh'); // fills the row exactly: the editor forces the wrap
  assert.ok(e.output().endsWith('\r\n\x1b[J'));
  e.type('ij\x01');
  assert.ok(e.output().endsWith('\x1b[1A\r\x1b[2C'));
});

test('the key decoder splits escape sequences across chunks and reads bracketed paste', () => {
  const d = new KeyDecoder();
  assert.deepEqual(d.decode('a\x1b['), [{ type: 'text', text: 'a' }]);
  assert.deepEqual(d.decode('A'), [{ type: 'up' }]);
  assert.deepEqual(d.decode('\x1b[200~line1\nline2\x1b[201~'), [{ type: 'paste', text: 'line1\nline2' }]);
  assert.deepEqual(d.decode('\x1bb\x03\r'), [{ type: 'alt', key: 'b' }, { type: 'ctrl', key: 'c' }, { type: 'enter' }]);
});

test('candidate listing uses equal-width columns filled top to bottom', () => {
  assert.deepEqual(formatCandidateColumns(['a', 'bb', 'ccc', 'd', 'e'], 12), ['a    d', 'bb   e', 'ccc']);
});
