import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BufferOutput, emptyInput } from './streams';
import { createTestShell } from './testing/test-shell';

async function run(src: string, stdin?: string) {
  return createTestShell().run(src, stdin);
}

test('pipes, $? and exit codes: 127 for unknown commands, 126 for non-executable files', async () => {
  assert.deepEqual(await run('echo a b c | wc -w'), { stdout: '3\n', stderr: '', status: 0 });
  assert.deepEqual(await run('foo; echo $?'), { stdout: '127\n', stderr: '-bash: foo: command not found\n', status: 0 });
  assert.deepEqual(await run('echo x > /tmp/s; /tmp/s; echo $?'), { stdout: '126\n', stderr: '-bash: /tmp/s: Permission denied\n', status: 0 });
  assert.equal((await run('false | true')).status, 0);
  assert.equal((await run('true | false')).status, 1);
  assert.equal((await run('! true')).status, 1);
  assert.equal((await run('set -o pipefail; false | true')).status, 1);
  assert.equal((await run('false && echo no || echo yes')).stdout, 'yes\n');
});

test('redirections: >, >>, <, 2>, 2>&1, &>, >/dev/null, here-strings', async () => {
  const sh = createTestShell();
  await sh.run('echo one > /tmp/f; echo two >> /tmp/f');
  assert.equal(sh.fs.readFile('/tmp/f'), 'one\ntwo\n');
  assert.equal((await sh.run('wc -l < /tmp/f')).stdout, '2\n');
  assert.deepEqual(await sh.run('ls /nope 2>/tmp/err; cat /tmp/err'), { stdout: "ls: cannot access '/nope': No such file or directory\n", stderr: '', status: 0 });
  assert.deepEqual(await sh.run('ls /nope 2>&1 | wc -l'), { stdout: '1\n', stderr: '', status: 0 });
  assert.deepEqual(await sh.run('ls /nope /tmp &>/tmp/all; cat /tmp/all'), { stdout: "ls: cannot access '/nope': No such file or directory\n/tmp:\nall\nerr\nf\n", stderr: '', status: 0 });
  assert.deepEqual(await sh.run('echo hidden >/dev/null; echo err 1>&2 2>/dev/null'), { stdout: '', stderr: 'err\n', status: 0 });
  assert.equal((await sh.run('cat <<< "here string"')).stdout, 'here string\n');
  assert.deepEqual(await sh.run('cat < /missing'), { stdout: '', stderr: '-bash: /missing: No such file or directory\n', status: 1 });
  assert.deepEqual(await sh.run('echo x > /nodir/f'), { stdout: '', stderr: '-bash: /nodir/f: No such file or directory\n', status: 1 });
});

test('a here-document writes pc-deployment.yaml and cat shows it', async () => {
  const sh = createTestShell();
  const yaml = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: pc-deployment\n  namespace: dev\nspec:\n  replicas: 3\n';
  const r = await sh.run(`cat > pc-deployment.yaml <<EOF\n${yaml}EOF\ncat pc-deployment.yaml`);
  assert.equal(r.stdout, yaml);
  assert.equal(sh.fs.readFile('/root/pc-deployment.yaml'), yaml);
  assert.equal((await sh.run('n=web\ncat <<EOF\nname: $n $(echo sub)\nEOF')).stdout, 'name: web sub\n');
  assert.equal((await sh.run("cat <<'EOF'\nname: $n\nEOF")).stdout, 'name: $n\n');
  assert.equal((await sh.run('cat <<-EOF\n\tindented\n\tEOF')).stdout, 'indented\n');
});

test('loops: for over $(seq), C-style for, while, until, break and continue', async () => {
  assert.equal((await run('for i in $(seq 1 3); do echo $i; done')).stdout, '1\n2\n3\n');
  assert.equal((await run('for ((i=0;i<3;i++)); do echo -n $i; done')).stdout, '012');
  assert.equal((await run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done')).stdout, '1\n2\n3\n');
  assert.equal((await run('i=3; until [ $i -eq 0 ]; do echo $i; let i--; done')).stdout, '3\n2\n1\n');
  assert.equal((await run('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done')).stdout, '1\n3\n');
  assert.equal((await run('for i in a b; do for j in 1 2; do [ $j = 2 ] && continue 2; echo $i$j; done; done')).stdout, 'a1\nb1\n');
  assert.equal((await run('for i in 9 8 7; do echo $i;sleep 2;done')).stdout, '9\n8\n7\n');
});

test('functions: arguments, return status, local variables, recursion', async () => {
  assert.equal((await run('f() { echo "$# $1 $2"; return 3; }; f a b; echo $?')).stdout, '2 a b\n3\n');
  assert.equal((await run('x=outer; f() { local x=inner; echo $x; }; f; echo $x')).stdout, 'inner\nouter\n');
  assert.equal((await run('fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 5')).stdout, '120\n');
  assert.equal((await run('function greet { echo "hi $1"; }; greet you')).stdout, 'hi you\n');
});

test('expansions: parameters, arithmetic, command substitution, braces, globbing, splitting', async () => {
  assert.equal((await run('x=hello; echo ${x:-d} ${y:-d} ${#x} ${x%lo} ${x#he} ${x/l/L} ${x//l/L} ${x^^} ${x:1:3}')).stdout, 'hello d 5 hel llo heLlo heLLo HELLO ell\n');
  assert.equal((await run('echo $((2**10)) $((7/2)) $((7%3)) $((1<2 ? 10 : 20))')).stdout, '1024 3 1 10\n');
  assert.equal((await run('echo "$(echo a; echo b)" `echo c`')).stdout, 'a\nb c\n');
  assert.equal((await run('echo {1..3} x{a,b}y {a..c}')).stdout, '1 2 3 xay xby a b c\n');
  assert.equal((await run('cd /etc; echo host*; echo "host*"; echo nomatch*')).stdout, 'hostname hosts\nhost*\nnomatch*\n');
  assert.equal((await run('v="a   b"; for w in $v; do echo "[$w]"; done; echo "[$v]"')).stdout, '[a]\n[b]\n[a   b]\n');
  assert.equal((await run('set -- "a b" c; for a in "$@"; do echo "<$a>"; done; echo $#')).stdout, '<a b>\n<c>\n2\n');
  assert.equal((await run('echo ~ ~root; A=~/x; echo $A')).stdout, '/root /root\n/root/x\n');
  assert.deepEqual(await run('echo $((1/0))'), { stdout: '', stderr: '-bash: 1/0: division by 0 (error token is "0")\n', status: 1 });
});

test('echo -n admin | base64 gives YWRtaW4=', async () => {
  assert.equal((await run('echo -n admin | base64')).stdout, 'YWRtaW4=\n');
  assert.equal((await run('echo YWRtaW4= | base64 --decode')).stdout, 'admin');
});

test('alias k=kubectl style aliases, unalias, and alias listing', async () => {
  const sh = createTestShell();
  sh.commands.registerCommand('kubectl', async (ctx, argv) => {
    await ctx.stdout.write(`kubectl called with ${argv.slice(1).join(' ')}\n`);
    return 0;
  });
  assert.equal((await sh.run('alias k=kubectl\nk get pods -n dev')).stdout, 'kubectl called with get pods -n dev\n');
  assert.equal((await sh.run('alias kgp="kubectl get pods"; kgp -o wide')).stdout, 'kubectl called with get pods -o wide\n');
  assert.equal((await sh.run('alias')).stdout, "alias k='kubectl'\nalias kgp='kubectl get pods'\n");
  assert.deepEqual(await sh.run('unalias k; k'), { stdout: '', stderr: '-bash: k: command not found\n', status: 127 });
  assert.equal((await sh.run('type kgp')).stdout, "kgp is aliased to `kubectl get pods'\n");
  assert.equal((await sh.run('which kubectl')).stdout, '/usr/bin/kubectl\n');
});

test('builtins: cd, pwd, export, unset, read, shift, set, type, test and [[ ]]', async () => {
  const sh = createTestShell();
  assert.deepEqual(await sh.run('cd /tmp; pwd; cd -; cd /nope'), { stdout: '/tmp\n/root\n', stderr: '-bash: cd: /nope: No such file or directory\n', status: 1 });
  assert.equal((await sh.run('export A=1; sh -c "echo \\$A"; B=2 sh -c "echo \\$B"; echo "[$B]"')).stdout, '1\n2\n[]\n');
  assert.equal((await sh.run('read a b <<< "one two three"; echo "$a|$b"')).stdout, 'one|two three\n');
  assert.equal((await sh.run('while read line; do echo "> $line"; done', 'x\ny\n')).stdout, '> x\n> y\n');
  assert.equal((await sh.run('set -- a b c; shift; echo $@ $#')).stdout, 'b c 2\n');
  assert.equal((await sh.run('[ -d /tmp ] && [ ! -f /tmp ] && [ "a" = "a" ] && [ 3 -gt 2 ] && echo ok')).stdout, 'ok\n');
  assert.equal((await sh.run('[[ abc == a* && -n x ]] && echo glob; [[ 10 -lt 9 ]] || echo num; [[ ab =~ ^a.$ ]] && echo re')).stdout, 'glob\nnum\nre\n');
  assert.deepEqual(await sh.run('[ 1 -eq a ]'), { stdout: '', stderr: '-bash: [: a: integer expression expected\n', status: 2 });
  assert.deepEqual(await sh.run('[ 1 = 1'), { stdout: '', stderr: "-bash: [: missing `]'\n", status: 2 });
  assert.equal((await sh.run('type cd if ls')).stdout, 'cd is a shell builtin\nif is a shell keyword\nls is /usr/bin/ls\n');
  assert.equal((await sh.run('case hello in h*) echo H;; *) echo other;; esac')).stdout, 'H\n');
  assert.equal((await sh.run('(cd /etc; pwd); pwd')).stdout, '/etc\n/root\n');
  assert.equal((await sh.run('x=1; (x=2); echo $x; { x=3; }; echo $x')).stdout, '1\n3\n');
  assert.equal((await sh.run('echo $0; exit 7; echo not')).status, 7);
});

test('set -e stops at the first failure, set -u reports unset variables', async () => {
  assert.deepEqual(await run('set -e; echo a; false; echo b'), { stdout: 'a\n', stderr: '', status: 1 });
  assert.deepEqual(await run('set -e; if false; then :; fi; false || true; echo reached'), { stdout: 'reached\n', stderr: '', status: 0 });
  assert.equal((await run('set -u; echo $nope')).stderr, '-bash: nope: unbound variable\n');
});

test('a command registered at runtime receives argv, env, cwd and stdin', async () => {
  const sh = createTestShell();
  const seen: unknown[] = [];
  const remove = sh.commands.registerCommand('probe', async (ctx, argv) => {
    seen.push(argv, ctx.env.X, ctx.cwd, await ctx.stdin.readAll(), ctx.isTTY);
    return 42;
  });
  const r = await sh.run('cd /tmp; echo input | X=1 probe a "b c"; echo $?');
  assert.equal(r.stdout, '42\n');
  assert.deepEqual(seen, [['probe', 'a', 'b c'], '1', '/tmp', 'input\n', false]);
  remove();
  assert.equal((await sh.run('probe')).status, 127);
});

test('a command that throws reports the error and the shell carries on', async () => {
  const sh = createTestShell();
  sh.commands.registerCommand('boom', async () => {
    throw new Error('kaboom');
  });
  assert.deepEqual(await sh.run('boom; echo after'), { stdout: 'after\n', stderr: 'boom: kaboom\n', status: 0 });
});

test('yes | head ends: the producer sees the reader go away', async () => {
  assert.equal((await run('yes | head -n 3')).stdout, 'y\ny\ny\n');
  assert.equal((await run('while true; do echo loop; done | head -n 2')).stdout, 'loop\nloop\n');
  assert.equal((await run('seq 1 1000000 | head -n 2')).stdout, '1\n2\n');
});

test('while true; do :; done yields to the event loop and stops on abort', async () => {
  const sh = createTestShell();
  const controller = new AbortController();
  let ticks = 0;
  // Other work on the event loop: it gets turns while the loop spins, and aborts it on the third.
  const tick = () => {
    ticks++;
    if (ticks === 3) controller.abort();
    else setImmediate(tick);
  };
  setImmediate(tick);
  const started = performance.now();
  const status = await sh.interpreter.runSource('while true; do :; done; echo never', { stdin: emptyInput(), stdout: new BufferOutput(), stderr: new BufferOutput() }, controller.signal);
  assert.equal(status, 130);
  assert.ok(ticks >= 3, 'the event loop kept running while the loop spun');
  assert.ok(performance.now() - started < 5000);
});

test('sleep waits on the injected clock and Ctrl-C interrupts it', async () => {
  const sh = createTestShell({ autoAdvance: false });
  const controller = new AbortController();
  const out = new BufferOutput();
  const done = sh.interpreter.runSource('sleep 100; echo after', { stdin: emptyInput(), stdout: out, stderr: out }, controller.signal);
  await new Promise((r) => setImmediate(r));
  assert.equal(sh.clock.pendingSleeps, 1);
  controller.abort();
  assert.equal(await done, 130);
  assert.equal(out.text(), '');
  const second = sh.interpreter.runSource('sleep 2; echo woke', { stdin: emptyInput(), stdout: out, stderr: out }, new AbortController().signal);
  await new Promise((r) => setImmediate(r));
  await sh.clock.advance(2000);
  assert.equal(await second, 0);
  assert.equal(out.text(), 'woke\n');
});

test('background jobs run without blocking and are listed by jobs', async () => {
  const sh = createTestShell({ autoAdvance: false });
  const r = await sh.run('sleep 50 & echo started; jobs');
  assert.equal(r.stdout, 'started\n[1]+  Running                 sleep 50 &\n');
  assert.equal((await sh.run('kill %1; wait; jobs')).stdout, '');
});
