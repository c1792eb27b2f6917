import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SimpleCommand, Word } from './ast';
import { IncompleteInputError, isIncomplete, parse, ShellSyntaxError } from './parser';

function firstCommand(src: string) {
  return parse(src).items[0].command.first.commands[0];
}

function words(src: string): Word[] {
  return (firstCommand(src) as SimpleCommand).words;
}

test('quoting: single, double, backslash and $\'...\' become quoted parts', () => {
  const w = words(`echo 'a b' "c $x" d\\ e $'f\\tg'`);
  assert.deepEqual(w[1].parts, [{ type: 'quoted', text: 'a b' }]);
  assert.deepEqual(w[2].parts, [{ type: 'double-quoted', parts: [{ type: 'quoted', text: 'c ' }, { type: 'parameter', name: 'x' }] }]);
  assert.deepEqual(w[3].parts, [{ type: 'literal', text: 'd' }, { type: 'quoted', text: ' ' }, { type: 'literal', text: 'e' }]);
  assert.deepEqual(w[4].parts, [{ type: 'quoted', text: 'f\tg' }]);
});

test('parameter expansions, command substitution, arithmetic and tilde', () => {
  const w = words('echo ${x:-def} ${#x} $? $1 $(date) `hostname` $((1+2)) ~/k8s');
  assert.equal(w[1].parts[0].type === 'parameter' && w[1].parts[0].op, ':-');
  assert.equal(w[2].parts[0].type === 'parameter' && w[2].parts[0].length, true);
  assert.equal(w[3].parts[0].type === 'parameter' && w[3].parts[0].name, '?');
  assert.equal(w[4].parts[0].type === 'parameter' && w[4].parts[0].name, '1');
  assert.equal(w[5].parts[0].type, 'command-substitution');
  assert.equal(w[6].parts[0].type, 'command-substitution');
  assert.equal(w[7].parts[0].type, 'arithmetic');
  assert.deepEqual(w[8].parts[0], { type: 'tilde', user: '' });
});

test('assignments, redirections and here-documents', () => {
  const cmd = firstCommand('A=1 B="x y" kubectl apply -f - 2>&1 >>log <<EOF\nkind: Pod\n  name: $n\nEOF\n') as SimpleCommand;
  assert.deepEqual(cmd.assignments.map((a) => a.name), ['A', 'B']);
  assert.deepEqual(cmd.redirects.map((r) => [r.fd, r.op]), [[2, '>&'], [undefined, '>>'], [undefined, '<<']]);
  const body = cmd.redirects[2].heredoc!;
  assert.equal(body.expand, true);
  assert.ok(body.body.parts.some((p) => p.type === 'parameter'));
  const quoted = firstCommand("cat <<'EOF'\n$HOME\nEOF") as SimpleCommand;
  assert.deepEqual(quoted.redirects[0].heredoc, { expand: false, body: { parts: [{ type: 'quoted', text: '$HOME\n' }], raw: '$HOME\n' } });
  const tabs = firstCommand('cat <<-END\n\t\tindented\n\tEND') as SimpleCommand;
  assert.equal(tabs.redirects[0].heredoc!.body.raw, 'indented\n');
});

test('compound commands parse into their nodes', () => {
  assert.equal(firstCommand('if a; then b; elif c; then d; else e; fi').type, 'if');
  assert.equal(firstCommand('while true; do :; done').type, 'while');
  assert.equal(firstCommand('until false; do :; done').type, 'until');
  assert.equal(firstCommand('for i in 1 2; do echo $i; done').type, 'for');
  assert.equal(firstCommand('for ((i=0;i<3;i++)); do echo; done').type, 'arith-for');
  assert.equal(firstCommand('case $x in a|b) echo;; *) ;; esac').type, 'case');
  assert.equal(firstCommand('f() { echo; }').type, 'function');
  assert.equal(firstCommand('function g { echo; }').type, 'function');
  assert.equal(firstCommand('{ a; b; }').type, 'group');
  assert.equal(firstCommand('(cd /tmp; ls)').type, 'subshell');
  assert.equal(firstCommand('(( i++ ))').type, 'arith');
  assert.equal(firstCommand('[[ -f x && $a == b* ]]').type, 'cond');
  const list = parse('a | b && c || d; e &');
  assert.equal(list.items.length, 2);
  assert.equal(list.items[0].command.first.commands.length, 2);
  assert.deepEqual(list.items[0].command.rest.map((r) => r.op), ['&&', '||']);
  assert.equal(list.items[1].background, true);
});

test('incomplete input asks for more (the > prompt)', () => {
  for (const src of ['echo "abc', "echo 'x", 'echo $(ls', 'echo `date', 'if true; then', 'while true', 'for i in 1 2', 'a |', 'a &&', 'a ||', 'echo \\', 'cat <<EOF\nline', 'case x in', 'f() {', '{ echo', '( echo', 'echo ${x'])
    assert.equal(isIncomplete(src), true, src);
  for (const src of ['echo "abc"', 'if true; then echo; fi', 'cat <<EOF\nx\nEOF', 'echo \\\\', ''])
    assert.equal(isIncomplete(src), false, src);
  assert.throws(() => parse('if true'), IncompleteInputError);
});

test('syntax errors carry bash messages', () => {
  const message = (src: string) => {
    try {
      parse(src);
      return 'ok';
    } catch (err) {
      assert.ok(err instanceof ShellSyntaxError);
      return err.message;
    }
  };
  assert.equal(message('fi'), "syntax error near unexpected token `fi'");
  assert.equal(message('if true; then fi'), "syntax error near unexpected token `fi'");
  assert.equal(message('echo >'), "syntax error near unexpected token `newline'");
  assert.equal(message('a ;; b'), "syntax error near unexpected token `;;'");
  assert.equal(message('| a'), "syntax error near unexpected token `|'");
  assert.equal(message('echo a )'), "syntax error near unexpected token `)'");
  assert.equal(message('done'), "syntax error near unexpected token `done'");
});

test('comments, line continuations and 100,000-character words', () => {
  assert.equal(words('echo a # comment').length, 2);
  assert.deepEqual(words('echo a\\\nb')[1].parts, [{ type: 'literal', text: 'ab' }]);
  const long = 'x'.repeat(100_000);
  assert.equal(words(`echo ${long}`)[1].raw.length, 100_000);
});
