import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestShell } from '../testing/test-shell';
import { diffLines, normalDiff } from './diff';
import { watchScreen } from './watch';

async function run(src: string, stdin?: string) {
  const sh = createTestShell();
  sh.fs.mkdir('/srv/app/sub', { recursive: true });
  sh.fs.writeFile('/srv/app/a.yaml', 'kind: Pod\n');
  sh.fs.writeFile('/srv/app/b.txt', '');
  sh.fs.writeFile('/srv/app/sub/c.yaml', 'x\n');
  return sh.run(src, stdin);
}

test('find: names, types, depth, negation, -exec and errors', async () => {
  assert.equal((await run('find /srv/app')).stdout, '/srv/app\n/srv/app/a.yaml\n/srv/app/b.txt\n/srv/app/sub\n/srv/app/sub/c.yaml\n');
  assert.equal((await run('cd /srv && find . -name "*.yaml"')).stdout, './app/a.yaml\n./app/sub/c.yaml\n');
  assert.equal((await run('find /srv/app -maxdepth 1 -type f ! -name "*.txt"')).stdout, '/srv/app/a.yaml\n');
  assert.equal((await run('find /srv/app -type d -o -empty')).stdout, '/srv/app\n/srv/app/b.txt\n/srv/app/sub\n');
  assert.equal((await run('find /srv/app -name "*.yaml" -exec cat {} \\;')).stdout, 'kind: Pod\nx\n');
  assert.deepEqual(await run('find /nope'), { stdout: '', stderr: "find: '/nope': No such file or directory\n", status: 1 });
  assert.equal((await run('find /srv -bogus')).stderr, 'find: unknown predicate `-bogus\'\n');
  assert.equal((await run('find /srv/app -name "*.txt" -delete; ls /srv/app')).stdout, 'a.yaml\nsub\n');
});

test('nl numbers non-empty lines; -b a numbers all', async () => {
  assert.equal((await run('nl', 'a\n\nb\n')).stdout, '     1\ta\n       \n     2\tb\n');
  assert.equal((await run('nl -b a -w 2 -s ": "', 'a\n\n')).stdout, ' 1: a\n 2: \n');
});

test('diff: normal and unified formats, exit codes', async () => {
  const sh = createTestShell();
  sh.fs.writeFile('/root/a', 'a\nb\nc\nd\n');
  sh.fs.writeFile('/root/b', 'a\nB\nc\nd\ne\n');
  assert.deepEqual(await sh.run('diff a b'), { stdout: '2c2\n< b\n---\n> B\n4a5\n> e\n', stderr: '', status: 1 });
  const u = await sh.run('diff -u a b');
  assert.equal(u.stdout.split('\n').slice(2).join('\n'), '@@ -1,4 +1,5 @@\n a\n-b\n+B\n c\n d\n+e\n');
  assert.match(u.stdout, /^--- a\t2026-11-22 01:52:38\.000000000 \+0000\n\+\+\+ b\t/);
  assert.equal((await sh.run('diff a a')).status, 0);
  assert.deepEqual(await sh.run('diff -q a b'), { stdout: 'Files a and b differ\n', stderr: '', status: 1 });
  assert.equal((await sh.run('diff a nope')).status, 2);
  assert.equal(normalDiff(['x'], [], diffLines(['x'], []), false, false), '1d0\n< x\n');
  assert.equal(normalDiff([], ['y'], diffLines([], ['y']), false, false), '0a1\n> y\n');
});

test('timeout stops a command and exits 124', async () => {
  assert.deepEqual(await run('timeout 2 sleep 10; echo $?'), { stdout: '124\n', stderr: '', status: 0 });
  assert.deepEqual(await run('timeout 5 echo hi; echo $?'), { stdout: 'hi\n0\n', stderr: '', status: 0 });
  assert.equal((await run('timeout x sleep 1')).stderr, "timeout: invalid time interval 'x'\nTry 'timeout --help' for more information.\n");
});

test('ps, free, df, uptime print procps/coreutils layouts', async () => {
  const ps = (await run('ps -ef | grep kube-apiserver | grep -v grep')).stdout;
  assert.match(ps, /^root {6}1725  1695  3 01:42 \? {8}00:00:18 kube-apiserver --advertise-address=192\.168\.109\.100/);
  assert.match((await run('ps')).stdout, /^ {2}PID TTY {10}TIME CMD\n 3460 pts\/0 {4}00:00:00 bash\n 3987 pts\/0 {4}00:00:00 ps\n$/);
  assert.match((await run('ps aux')).stdout, /^USER {7}PID %CPU %MEM {4}VSZ {3}RSS TTY {6}STAT START {3}TIME COMMAND\n/);
  assert.equal(
    (await run('free -m')).stdout,
    '              total        used        free      shared  buff/cache   available\nMem:           3770        1123         987          12        1660        2380\nSwap:             0           0           0\n',
  );
  assert.match((await run('df -h')).stdout, /^Filesystem {15}Size {2}Used Avail Use% Mounted on\n\/dev\/mapper\/centos-root {3}17G {2}4\.2G {3}13G {2}25% \/\n/);
  assert.match((await run('uptime')).stdout, /^ 01:52:38 up 10 min, {2}1 user, {2}load average: 0\.15, 0\.11, 0\.09\n$/);
});

test('systemctl status/restart kubelet and journalctl -u kubelet', async () => {
  const sh = createTestShell();
  const status = (await sh.run('systemctl status kubelet')).stdout;
  assert.match(status, /^● kubelet\.service - kubelet: The Kubernetes Node Agent\n {3}Loaded: loaded \(\/usr\/lib\/systemd\/system\/kubelet\.service; enabled; vendor preset: disabled\)\n {2}Drop-In: /);
  assert.match(status, /\n {3}Active: active \(running\) since Sun 2026-11-22 01:42:50 UTC; 9min 47s ago/);
  await sh.clock.advance(120_000);
  assert.equal((await sh.run('systemctl restart kubelet')).status, 0);
  assert.match((await sh.run('systemctl status kubelet')).stdout, /Active: active \(running\) since Sun 2026-11-22 01:54:38 UTC; 0s ago\n[^]*\n\nNov 22 01:54:38 master systemd\[1\]: Started kubelet: The Kubernetes Node Agent\.\n$/);
  await sh.clock.advance(5_000);
  const log = (await sh.run('journalctl -u kubelet')).stdout;
  assert.match(log, /^-- Logs begin at .* --\nNov 22 01:54:38 master systemd\[1\]: Started kubelet: The Kubernetes Node Agent\.\n/);
  assert.match(log, /kubelet\[1234\]: I1122 01:54:39\.933123 +1234 kubelet_node_status\.go:78\] "Successfully registered node" node="master"/);
  assert.deepEqual(await sh.run('systemctl status nope'), { stdout: '', stderr: 'Unit nope.service could not be found.\n', status: 4 });
  assert.equal((await sh.run('systemctl stop kubelet')).status, 1);
  assert.equal((await sh.run('systemctl is-active firewalld')).stdout, 'inactive\n');
});

test('less and more print when not on a terminal', async () => {
  assert.equal((await run('less /srv/app/a.yaml')).stdout, 'kind: Pod\n');
  assert.equal((await run('echo hi | more')).stdout, 'hi\n');
  assert.equal((await run('less /nope')).stderr, '/nope: No such file or directory\n');
});

test('watch draws the procps header and clips output to the screen', () => {
  const screen = watchScreen({ interval: 1, command: 'kubectl get pods', now: Date.UTC(2026, 10, 22, 1, 52, 38) }, 'NAME\n' + 'x'.repeat(100) + '\nl3\nl4\n', 60, 4);
  assert.equal(screen, '\x1b[H\x1b[2JEvery 1.0s: kubectl get pods' + ' '.repeat(8) + 'Sun Nov 22 01:52:38 2026\r\n\r\nNAME\r\n' + 'x'.repeat(60));
});
