import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestShell } from '../testing/test-shell';
import { columns } from './ls';

const PODS = `NAME                     READY   STATUS    RESTARTS   AGE
nginx-7c5ddbdf54-2xq7d   1/1     Running   0          5m
nginx-7c5ddbdf54-8k9jm   1/1     Running   2          5m
busybox                  0/1     Error     1          2m
`;

function shell() {
  const sh = createTestShell();
  sh.fs.writeFile('/root/pods.txt', PODS);
  return sh;
}

async function out(src: string, stdin?: string): Promise<string> {
  const r = await shell().run(src, stdin);
  return r.stdout + (r.stderr ? `[stderr]${r.stderr}` : '');
}

test('echo: -n, -e escapes, and options only when all letters are n/e/E', async () => {
  assert.equal(await out('echo -n a; echo b'), 'ab\n');
  assert.equal(await out('echo -e "a\\tb\\nc"; echo "a\\tb"'), 'a\tb\nc\na\\tb\n');
  assert.equal(await out('echo -e "stop\\chere"; echo -x -- y'), 'stop-x -- y\n');
});

test('printf: formats, widths, reuse of the format, and %b', async () => {
  assert.equal(await out('printf "%s=%d\\n" a 1 b 2'), 'a=1\nb=2\n');
  assert.equal(await out('printf "%5.2f|%-4s|%04d|%x|%o|%e|%g\\n" 3.14159 ab 7 255 8 1234.5 0.0001'), ' 3.14|ab  |0007|ff|10|1.234500e+03|0.0001\n');
  assert.equal(await out('printf "%b\\n" "x\\ty"; printf "%%\\n"; printf "%c%c\\n" abc d'), 'x\ty\n%\nad\n');
  assert.equal(await out('printf "%d\\n" abc'), '0\n[stderr]-bash: printf: abc: invalid number\n');
});

test('cat: files, stdin, -n, -A; errors name the file', async () => {
  assert.equal(await out('cat pods.txt | head -1'), 'NAME                     READY   STATUS    RESTARTS   AGE\n');
  assert.equal(await out('cat -n', 'a\nb\n'), '     1\ta\n     2\tb\n');
  assert.equal(await out('cat -A', 'a\tb\n'), 'a^Ib$\n');
  assert.equal(await out('cat nope /tmp'), '[stderr]cat: nope: No such file or directory\ncat: /tmp: Is a directory\n');
});

test('ls: one name per line off a terminal, -a, -l columns, -d, -R, errors', async () => {
  const sh = shell();
  await sh.run('mkdir -p /srv/app/sub; touch /srv/app/b.txt /srv/app/a.yaml; echo 12345 > /srv/app/c');
  assert.equal((await sh.run('ls /srv/app')).stdout, 'a.yaml\nb.txt\nc\nsub\n');
  assert.equal((await sh.run('ls -a /srv/app/sub')).stdout, '.\n..\n');
  assert.equal(
    (await sh.run('ls -l /srv/app')).stdout,
    'total 8\n-rw-r--r-- 1 root root    0 Nov 22 01:52 a.yaml\n-rw-r--r-- 1 root root    0 Nov 22 01:52 b.txt\n-rw-r--r-- 1 root root    6 Nov 22 01:52 c\ndrwxr-xr-x 2 root root 4096 Nov 22 01:52 sub\n',
  );
  assert.equal((await sh.run('ls -ld /srv/app')).stdout, 'drwxr-xr-x 3 root root 4096 Nov 22 01:52 /srv/app\n');
  assert.equal((await sh.run('ls -R /srv/app')).stdout, '/srv/app:\na.yaml\nb.txt\nc\nsub\n\n/srv/app/sub:\n');
  assert.deepEqual(await sh.run('ls /nope'), { stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", status: 2 });
  assert.deepEqual(await sh.run('ls -z'), { stdout: '', stderr: "ls: invalid option -- 'z'\nTry 'ls --help' for more information.\n", status: 2 });
  assert.equal((await sh.run('ls -a ~')).stdout, '.\n..\n.bash_history\n.bash_profile\n.bashrc\npods.txt\n');
});

test('ls lays names out in columns to the terminal width, top to bottom', () => {
  const items = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta'].map((t) => ({ text: t, width: t.length }));
  assert.equal(columns(items, 80), 'alpha  beta  gamma  delta  epsilon  zeta  eta\n');
  assert.equal(columns(items, 30), 'alpha  gamma  epsilon  eta\nbeta   delta  zeta\n');
  assert.equal(columns(items, 8), 'alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\n');
});

test('wc pads like GNU wc', async () => {
  assert.equal(await out('wc pods.txt'), '  4  20 229 pods.txt\n');
  assert.equal(await out('wc -l pods.txt'), '4 pods.txt\n');
  assert.equal(await out('cat pods.txt | wc'), '      4      20     229\n');
  assert.equal(await out('cat pods.txt | wc -l'), '4\n');
  assert.equal(await out('echo hi > a; wc -c a pods.txt'), '  3 a\n229 pods.txt\n232 total\n');
});

test('head and tail: -n, -N, +N, -c and multiple files', async () => {
  assert.equal(await out('head -n 2 pods.txt | cut -c1-7'), 'NAME   \nnginx-7\n');
  assert.equal(await out('seq 10 | head -3; seq 10 | head -n -8'), '1\n2\n3\n1\n2\n');
  assert.equal(await out('seq 10 | tail -2; seq 10 | tail -n +9; seq 3 | tail -c 2'), '9\n10\n9\n10\n3\n');
  assert.equal(await out('echo a > x; echo b > y; head x y'), '==> x <==\na\n\n==> y <==\nb\n');
  assert.equal(await out('head -n x pods.txt'), "[stderr]head: invalid number of lines: 'x'\n");
});

test('sort: -n -r -k -t -u and locale order', async () => {
  assert.equal(await out('sort', 'b\nB\na\n_c\n'), 'a\nb\nB\n_c\n');
  assert.equal(await out('sort -n', '10\n9\n100\n'), '9\n10\n100\n');
  assert.equal(await out('sort -rn', '10\n9\n100\n'), '100\n10\n9\n');
  assert.equal(await out('sort -t: -k2 -n', 'a:3\nb:1\nc:2\n'), 'b:1\nc:2\na:3\n');
  assert.equal(await out('sort -u', 'x\ny\nx\n'), 'x\ny\n');
  assert.equal(await out('tail -n +2 pods.txt | sort -k4 -nr | awk \'{print $1}\''), 'nginx-7c5ddbdf54-8k9jm\nbusybox\nnginx-7c5ddbdf54-2xq7d\n');
});

test('uniq -c, -d, -u and cut -d -f / -c', async () => {
  assert.equal(await out('uniq -c', 'a\na\nb\na\n'), '      2 a\n      1 b\n      1 a\n');
  assert.equal(await out('uniq -d', 'a\na\nb\n'), 'a\n');
  assert.equal(await out('uniq -u', 'a\na\nb\n'), 'b\n');
  assert.equal(await out('cut -d: -f1,3', 'root:x:0:0\n'), 'root:0\n');
  assert.equal(await out('cut -d, -f2-', 'a,b,c\nnodelim\n'), 'b,c\nnodelim\n');
  assert.equal(await out('cut -c2-4', 'abcdef\n'), 'bcd\n');
  assert.equal(await out('cut'), "[stderr]cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
});

test('tr: ranges, classes, -d, -s, -c', async () => {
  assert.equal(await out('tr a-z A-Z', 'hello\n'), 'HELLO\n');
  assert.equal(await out("tr '[:upper:]' '[:lower:]'", 'ABC\n'), 'abc\n');
  assert.equal(await out('tr -d 0-9', 'a1b22c\n'), 'abc\n');
  assert.equal(await out("tr -s ' '", 'a    b\n'), 'a b\n');
  assert.equal(await out("tr -cd 'a-z\\n'", 'a-1b!\n'), 'ab\n');
  assert.equal(await out("tr ',' '\\n'", 'a,b\n'), 'a\nb\n');
});

test('base64 encodes, wraps at 76 and decodes', async () => {
  assert.equal(await out('echo -n 123456 | base64'), 'MTIzNDU2\n');
  assert.equal(await out('printf "%0100d" 0 | base64 | head -1 | wc -c'), '77\n');
  assert.equal(await out('echo MTIzNDU2 | base64 -d'), '123456');
  assert.equal(await out('echo -n admin > u; base64 u; base64 -w0 u'), 'YWRtaW4=\nYWRtaW4=');
});

test('seq, date, sleep, id, whoami, hostname', async () => {
  assert.equal(await out('seq 3; seq 2 4; seq 1 2 5; seq -s, 3; seq -w 9 11'), '1\n2\n3\n2\n3\n4\n1\n3\n5\n1,2,3\n09\n10\n11\n');
  assert.equal(await out('date'), 'Sun Nov 22 01:52:38 UTC 2026\n');
  assert.equal(await out('date +"%Y-%m-%d %H:%M:%S %s"; date -d @86400 +%F'), '2026-11-22 01:52:38 1795312358\n1970-01-02\n');
  assert.equal(await out('sleep 1.5; date +%T; sleep x'), "01:52:39\n[stderr]sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n");
  assert.equal(await out('id; whoami; hostname'), 'uid=0(root) gid=0(root) groups=0(root)\nroot\nmaster\n');
});

test('mkdir, touch, cp, mv, rm, chmod with GNU messages', async () => {
  const sh = shell();
  assert.deepEqual(await sh.run('mkdir d; mkdir d; mkdir -p d/e/f; mkdir x/y'), { stdout: '', stderr: "mkdir: cannot create directory 'd': File exists\nmkdir: cannot create directory 'x/y': No such file or directory\n", status: 1 });
  assert.equal((await sh.run('mkdir -pv p/q')).stdout, "mkdir: created directory 'p'\nmkdir: created directory 'p/q'\n");
  assert.deepEqual(await sh.run('touch d/t; cp d/t d/u; cp d e; cp -r d e; ls e'), { stdout: 'e\nt\nu\n', stderr: "cp: -r not specified; omitting directory 'd'\n", status: 0 });
  assert.deepEqual(await sh.run('mv d/t d/v; ls d; mv nope x'), { stdout: 'e\nu\nv\n', stderr: "mv: cannot stat 'nope': No such file or directory\n", status: 1 });
  assert.deepEqual(await sh.run('rm d; rm nope; rm -f nope; rm -rf d; ls d'), { stdout: '', stderr: "rm: cannot remove 'd': Is a directory\nrm: cannot remove 'nope': No such file or directory\nls: cannot access 'd': No such file or directory\n", status: 2 });
  assert.equal((await sh.run('touch s; chmod 750 s; ls -l s; chmod u-w,o+r s; ls -l s')).stdout, '-rwxr-x--- 1 root root 0 Nov 22 01:52 s\n-r-xr-xr-- 1 root root 0 Nov 22 01:52 s\n');
  assert.deepEqual(await sh.run('rm -rf /'), { stdout: '', stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n", status: 1 });
});

test('tee, xargs, env, which, type, history-free basics', async () => {
  assert.equal(await out('echo hi | tee t1 >/dev/null; cat t1; echo again | tee -a t1; cat t1'), 'hi\nagain\nhi\nagain\n');
  assert.equal(await out('echo a b c | xargs -n 1 echo item'), 'item a\nitem b\nitem c\n');
  assert.equal(await out('printf "x\\ny\\n" | xargs -I{} echo "<{}>"'), '<x>\n<y>\n');
  assert.equal(await out('env -i A=1 B=2'), 'A=1\nB=2\n');
  assert.equal(await out('which ls; which nope'), '/usr/bin/ls\n[stderr]/usr/bin/which: no nope in (/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin)\n');
});

test('package managers and git clone explain that the lab is offline', async () => {
  const sh = shell();
  for (const cmd of ['yum install -y vim', 'apt-get install curl', 'apt install jq', 'git clone https://github.com/kubernetes/ingress-nginx.git']) {
    const r = await sh.run(cmd);
    assert.notEqual(r.status, 0, cmd);
    assert.match(r.stderr, /this lab is offline; packages cannot be installed/, cmd);
  }
});

test('clear, yes, true, false', async () => {
  assert.equal(await out('clear'), '\x1b[H\x1b[2J\x1b[3J');
  assert.equal(await out('yes ok | head -2'), 'ok\nok\n');
  assert.equal((await shell().run('true && false')).status, 1);
});
