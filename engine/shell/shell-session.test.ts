import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCommandRegistry } from './commands/index';
import { createNodeFs } from './node-filesystem';
import { historyEntry, ShellSession, type ShellSessionOptions } from './shell-session';
import { BufferOutput } from './streams';
import { FakeShellClock } from './testing/fake-shell-clock';

const PROMPT = '[root@master ~]# ';

async function session(opts: Partial<ShellSessionOptions> = {}, autoAdvance = false) {
  const clock = new FakeShellClock(undefined, autoAdvance);
  const fs = createNodeFs({ hostname: 'master', clock });
  const s = new ShellSession({ fs, clock, commands: createCommandRegistry(), ...opts });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.ready;
  const tick = () => new Promise((r) => setImmediate(r));
  /** Feeds input and waits until the shell is back at a prompt; returns what it printed. */
  const type = async (input: string) => {
    out = '';
    s.feed(input);
    await tick();
    await s.waitForPrompt();
    return out;
  };
  return { s, fs, clock, type, tick, output: () => out, reset: () => (out = '') };
}

test('login shows the prompt; commands run and the prompt follows the working directory', async () => {
  const t = await session();
  assert.equal(await t.type('echo hello\r'), `echo hello\r\nhello\r\n${PROMPT}`);
  assert.equal(await t.type('cd /etc/kubernetes\r'), 'cd /etc/kubernetes\r\n[root@master kubernetes]# ');
  assert.equal(await t.type('cd /\r'), 'cd /\r\n[root@master /]# ');
  await t.s.dispose();
});

test('~/.bashrc runs at login (aliases defined there work)', async () => {
  const clock = new FakeShellClock();
  const fs = createNodeFs({ hostname: 'master', clock });
  fs.appendFile('/root/.bashrc', "alias k='echo kubectl'\nexport EDITOR=vi\n");
  const s = new ShellSession({ fs, clock, commands: createCommandRegistry() });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.ready;
  assert.equal(out, PROMPT);
  out = '';
  s.feed('k get po; echo $EDITOR\r');
  await new Promise((r) => setImmediate(r));
  await s.waitForPrompt();
  assert.equal(out, `k get po; echo $EDITOR\r\nkubectl get po\r\nvi\r\n${PROMPT}`);
  await s.dispose();
});

test('a non-root user gets $ and a home under /home', async () => {
  const clock = new FakeShellClock();
  const fs = createNodeFs({ hostname: 'node1', clock });
  fs.mkdir('/home/student');
  const s = new ShellSession({ fs, clock, commands: createCommandRegistry(), user: 'student', hostname: 'node1' });
  let out = '';
  s.onOutput((d) => (out += d));
  await s.ready;
  assert.equal(out, '[student@node1 ~]$ ');
  await s.dispose();
});

test('multi-line input continues with > and runs when complete; history keeps one entry', async () => {
  const t = await session();
  assert.equal(await t.type('for i in 1 2\r'), 'for i in 1 2\r\n> ');
  assert.equal(await t.type('do echo $i\r'), 'do echo $i\r\n> ');
  assert.equal(await t.type('done\r'), `done\r\n1\r\n2\r\n${PROMPT}`);
  assert.deepEqual(t.s.history.entries(), ['for i in 1 2; do echo $i; done']);
  assert.equal(await t.type('cat <<EOF\r'), 'cat <<EOF\r\n> ');
  await t.type('hello\r');
  assert.equal(await t.type('EOF\r'), `EOF\r\nhello\r\n${PROMPT}`);
  assert.equal(await t.type('echo "open\r'), 'echo "open\r\n> ');
  assert.equal(await t.type('\x03'), `^C\r\n${PROMPT}`);
  await t.s.dispose();
});

test('history recall with the up arrow, the history builtin, and ~/.bash_history', async () => {
  const t = await session();
  await t.type('echo one\r');
  await t.type('echo two\r');
  assert.equal(await t.type('\x1b[A\x1b[A\r'), `\r${PROMPT}echo two\x1b[J\r${PROMPT}echo one\x1b[J\r\none\r\n${PROMPT}`);
  assert.equal(await t.type('history\r'), `history\r\n    1  echo one\r\n    2  echo two\r\n    3  echo one\r\n    4  history\r\n${PROMPT}`);
  assert.equal(t.fs.readFile('/root/.bash_history'), 'echo one\necho two\necho one\nhistory\n');
  // HISTCONTROL=ignoredups: the repeated `history` is not stored twice.
  assert.equal(await t.type('!!\r'), `!!\r\nhistory\r\n    1  echo one\r\n    2  echo two\r\n    3  echo one\r\n    4  history\r\n${PROMPT}`);
  await t.s.dispose();
  // A new session on the same disk remembers.
  const s2 = new ShellSession({ fs: t.fs, clock: t.clock, commands: createCommandRegistry() });
  await s2.ready;
  assert.equal(s2.history.entries().length, 4);
  await s2.dispose();
});

test('Ctrl-C during sleep 100 (fake clock) interrupts it and returns to the prompt with $?=130', async () => {
  const t = await session();
  t.reset();
  t.s.feed('sleep 100; echo not-reached\r');
  await t.tick();
  assert.equal(t.clock.pendingSleeps, 1);
  assert.equal(t.output(), 'sleep 100; echo not-reached\r\n');
  t.reset();
  t.s.feed('\x03');
  await t.s.waitForPrompt();
  assert.equal(t.output(), `^C\r\n${PROMPT}`);
  assert.equal(t.clock.pendingSleeps, 0);
  assert.equal(await t.type('echo $?\r'), `echo $?\r\n130\r\n${PROMPT}`);
  await t.s.dispose();
});

test('a foreground command reads typed lines from the terminal until Ctrl-D', async () => {
  const t = await session();
  t.reset();
  t.s.feed('cat > note.txt\r');
  await t.tick();
  t.s.feed('first line\r');
  await t.tick();
  t.s.feed('\x04');
  await t.s.waitForPrompt();
  assert.equal(t.output(), `cat > note.txt\r\nfirst line\r\n${PROMPT}`);
  assert.equal(t.fs.readFile('/root/note.txt'), 'first line\n');
  await t.s.dispose();
});

test('tail -f follows a file until Ctrl-C', async () => {
  const t = await session();
  t.fs.writeFile('/tmp/log', 'a\n');
  t.reset();
  t.s.feed('tail -f /tmp/log\r');
  await t.tick();
  t.fs.appendFile('/tmp/log', 'b\n');
  await t.clock.advance(1000);
  assert.equal(t.output(), 'tail -f /tmp/log\r\na\r\nb\r\n');
  t.s.feed('\x03');
  await t.s.waitForPrompt();
  assert.ok(t.output().endsWith(`^C\r\n${PROMPT}`));
  await t.s.dispose();
});

test('Ctrl-D on an empty line prints logout and exits; exit N exits with N', async () => {
  const t = await session();
  let code: number | undefined;
  t.s.onExit((c) => (code = c));
  assert.equal(await t.type('\x04'), 'logout\r\n');
  assert.equal(code, 0);
  assert.equal(t.s.exited, true);
  const t2 = await session();
  let code2: number | undefined;
  t2.s.onExit((c) => (code2 = c));
  assert.equal(await t2.type('exit 3\r'), 'exit 3\r\nlogout\r\n');
  assert.equal(code2, 3);
});

test('tab completion of commands and files through the session', async () => {
  const t = await session();
  t.fs.writeFile('/root/pc-deployment.yaml', '');
  await t.type('ca');
  t.s.feed('\t');
  await t.tick();
  await t.tick();
  t.s.feed('pc-\t');
  await t.tick();
  await t.tick();
  assert.equal(await t.type('\r'), `\r\n${PROMPT}`);
  assert.equal(t.s.history.entries().at(-1), 'cat pc-deployment.yaml ');
  await t.s.dispose();
});

test('output before the first subscriber is replayed; resize reaches commands', async () => {
  const clock = new FakeShellClock();
  const fs = createNodeFs({ hostname: 'master', clock });
  const commands = createCommandRegistry();
  let seen = '';
  commands.registerCommand('size', async (ctx) => {
    seen = `${ctx.terminal.cols}x${ctx.terminal.rows}`;
    return 0;
  });
  const s = new ShellSession({ fs, clock, commands, banner: 'Last login: Sun Nov 22 01:52:38 2026\n' });
  await s.ready;
  let out = '';
  s.onOutput((d) => (out += d));
  assert.equal(out, `Last login: Sun Nov 22 01:52:38 2026\r\n${PROMPT}`);
  s.resize(132, 40);
  s.feed('size\r');
  await new Promise((r) => setImmediate(r));
  await s.waitForPrompt();
  assert.equal(seen, '132x40');
  await s.dispose();
});

test('runScript runs non-interactively with the session environment', async () => {
  const t = await session({ env: { KUBECONFIG: '/root/.kube/config' } });
  const out = new BufferOutput();
  const status = await t.s.runScript('echo $KUBECONFIG; exit 4', { stdout: out });
  assert.equal(status, 4);
  assert.equal(out.text(), '/root/.kube/config\n');
  await t.s.dispose();
});

test('robustness: unterminated quotes, binary garbage, a 100,000-character line, syntax errors', async () => {
  const t = await session();
  await t.type('echo "unterminated\r');
  assert.equal(await t.type('\x04'), `-bash: syntax error: unexpected end of file\r\n${PROMPT}`);
  // Every byte value but Enter and Ctrl-D (which would submit or log out, as on a real terminal).
  const garbage = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('').replace(/[\r\n\x04]/g, '');
  t.s.feed(garbage);
  t.s.feed('\x03');
  await t.s.waitForPrompt();
  assert.equal(t.s.exited, false);
  const printable = garbage.replace(/[\x00-\x1f\x7f-\x9f']/g, '');
  const typed = await t.type(`echo '${printable}' | wc -l\r`);
  assert.ok(typed.endsWith(`1\r\n${PROMPT}`), JSON.stringify(typed.slice(-80)));
  const long = 'x'.repeat(100_000);
  const echoed = await t.type(`echo ${long} | wc -c\r`);
  assert.ok(echoed.endsWith(`100001\r\n${PROMPT}`));
  assert.equal(await t.type('if then fi\r'), `if then fi\r\n-bash: syntax error near unexpected token \`then'\r\n${PROMPT}`);
  assert.equal(await t.type('if true\r'), `if true\r\n> `);
  assert.equal(await t.type('\x03'), `^C\r\n${PROMPT}`);
  assert.equal(await t.type('fi\r'), `fi\r\n-bash: syntax error near unexpected token \`fi'\r\n${PROMPT}`);
  assert.equal(await t.type('echo $((\r'), 'echo $((\r\n> ');
  await t.type('\x03');
  assert.equal(await t.type('echo ok\r'), `echo ok\r\nok\r\n${PROMPT}`);
  await t.s.dispose();
});

test('robustness: while true; do :; done is stopped by Ctrl-C within bounded time', async () => {
  const t = await session();
  t.s.feed('while true; do :; done\r');
  for (let i = 0; i < 5; i++) await t.tick(); // the loop must let the event loop run
  const started = performance.now();
  t.s.feed('\x03');
  await t.s.waitForPrompt();
  assert.ok(performance.now() - started < 2000);
  assert.equal(await t.type('echo $?\r'), `echo $?\r\n130\r\n${PROMPT}`);
  await t.s.dispose();
});

test('dispose stops the foreground command and background jobs; nothing is left waiting', async () => {
  const t = await session();
  await t.type('sleep 500 &\r');
  t.s.feed('sleep 1000\r');
  await t.tick();
  assert.equal(t.clock.pendingSleeps, 2);
  await t.s.dispose();
  assert.equal(t.clock.pendingSleeps, 0);
  t.s.feed('echo after dispose\r'); // ignored, never throws
});

test('historyEntry joins continuation lines the way bash stores them', () => {
  assert.equal(historyEntry('for i in 1 2\ndo echo $i\ndone'), 'for i in 1 2; do echo $i; done');
  assert.equal(historyEntry('if true\nthen\necho a\nfi'), 'if true; then echo a; fi');
  assert.equal(historyEntry('echo a |\ngrep a'), 'echo a | grep a');
  assert.equal(historyEntry('echo "a\nb"'), 'echo "a\nb"');
  assert.equal(historyEntry('cat <<EOF\nx\nEOF'), 'cat <<EOF\nx\nEOF');
});
