import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeOptions, kubectlTableOptions, tabulate, TabWriter } from './tabwriter';

test('kubectl table layout: min width 6, padding 3, last column unpadded', () => {
  const text = 'NAME\tREADY\tUP-TO-DATE\tAVAILABLE\tAGE\nnginx\t3/3\t3\t3\t2m30s\n';
  assert.equal(
    tabulate(text, kubectlTableOptions),
    'NAME    READY   UP-TO-DATE   AVAILABLE   AGE\nnginx   3/3     3            3           2m30s\n',
  );
});

test('empty trailing cell still pads the column before it', () => {
  assert.equal(tabulate('A\tB\tC\n*\tx\t\n', kubectlTableOptions), 'A     B     C\n*     x     \n');
});

test('a line without tabs ends a column block (widths remembered unless reset)', () => {
  const text = 'a\tb\nlonger-cell\tc\nplain\nx\ty\n';
  assert.equal(tabulate(text, { ...kubectlTableOptions, rememberWidths: false }), 'a             b\nlonger-cell   c\nplain\nx     y\n');
  assert.equal(tabulate(text, kubectlTableOptions), 'a             b\nlonger-cell   c\nplain\nx             y\n');
});

test('widths count runes, not bytes', () => {
  assert.equal(tabulate('名字\tx\nab\ty\n', { minwidth: 0, tabwidth: 8, padding: 2 }), '名字  x\nab  y\n');
});

test('RememberWidths keeps columns from earlier flushes (get -w)', () => {
  const w = new TabWriter(kubectlTableOptions);
  w.write('NAME\tAGE\na-very-long-name\t1s\n');
  const first = w.flush();
  w.write('b\t2s\n');
  assert.equal(first, 'NAME               AGE\na-very-long-name   1s\n');
  assert.equal(w.flush(), 'b                  2s\n');
});

test('describe layout: min width 0, padding 2', () => {
  assert.equal(tabulate('Name:\tweb\nNamespace:\tdefault\n', describeOptions), 'Name:       web\nNamespace:  default\n');
});

test('text without a final newline is written as is', () => {
  assert.equal(tabulate('a\tb\nc\td', kubectlTableOptions), 'a     b\nc     d');
});
