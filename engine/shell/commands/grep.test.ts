import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestShell } from '../testing/test-shell';

const PODS = `NAME                     READY   STATUS    RESTARTS   AGE
nginx-7c5ddbdf54-2xq7d   1/1     Running   0          5m
busybox                  0/1     Error     1          2m
`;

async function grep(args: string, stdin = PODS) {
  const sh = createTestShell();
  sh.fs.mkdir('/root/cfg');
  sh.fs.writeFile('/root/cfg/a.yaml', 'kind: Pod\nname: web\n');
  sh.fs.writeFile('/root/cfg/b.yaml', 'kind: Service\n');
  return sh.run(`grep ${args}`, stdin);
}

test('grep matches lines; exit 0 on match, 1 on none, 2 on error', async () => {
  assert.deepEqual(await grep('Running'), { stdout: 'nginx-7c5ddbdf54-2xq7d   1/1     Running   0          5m\n', stderr: '', status: 0 });
  assert.deepEqual(await grep('Pending'), { stdout: '', stderr: '', status: 1 });
  assert.deepEqual(await grep('x nofile'), { stdout: '', stderr: 'grep: nofile: No such file or directory\n', status: 2 });
  assert.deepEqual(await grep(''), { stdout: '', stderr: "Usage: grep [OPTION]... PATTERN [FILE]...\nTry 'grep --help' for more information.\n", status: 2 });
});

test('grep -i -v -n -c -o -w -x -q', async () => {
  assert.equal((await grep('-i error')).stdout, 'busybox                  0/1     Error     1          2m\n');
  assert.equal((await grep('-v -e NAME -e busy')).stdout, 'nginx-7c5ddbdf54-2xq7d   1/1     Running   0          5m\n');
  assert.equal((await grep('-n busybox')).stdout, '3:busybox                  0/1     Error     1          2m\n');
  assert.equal((await grep('-c 1/1')).stdout, '1\n');
  assert.equal((await grep('-o "[0-9]m"')).stdout, '5m\n2m\n');
  assert.equal((await grep('-w Run')).status, 1);
  assert.equal((await grep('-x busybox', 'busybox\nbusybox2\n')).stdout, 'busybox\n');
  assert.deepEqual(await grep('-q Error'), { stdout: '', stderr: '', status: 0 });
});

test('grep -E alternation and BRE intervals', async () => {
  assert.equal((await grep("-E 'Running|Error' -c")).stdout, '2\n');
  assert.equal((await grep("'a\\{2\\}'", 'a\naa\n')).stdout, 'aa\n');
  assert.equal((await grep("'a+'", 'a\na+\n')).stdout, 'a+\n');
  assert.equal((await grep("-F 'a.b'", 'axb\na.b\n')).stdout, 'a.b\n');
});

test('grep -r names files; -l lists them; -h hides names; context lines', async () => {
  assert.equal((await grep('-r kind cfg')).stdout, 'cfg/a.yaml:kind: Pod\ncfg/b.yaml:kind: Service\n');
  assert.equal((await grep('-l Pod cfg/a.yaml cfg/b.yaml')).stdout, 'cfg/a.yaml\n');
  assert.equal((await grep('-h kind cfg/a.yaml cfg/b.yaml')).stdout, 'kind: Pod\nkind: Service\n');
  assert.equal((await grep('-A1 b', 'a\nb\nc\nd\nb\n')).stdout, 'b\nc\n--\nb\n');
  assert.equal((await grep('-B1 -n c', 'a\nb\nc\n')).stdout, '2-b\n3:c\n');
});

test('grep --color=always highlights the match', async () => {
  assert.equal((await grep('--color=always Pod cfg/a.yaml')).stdout, 'kind: \x1b[01;31m\x1b[KPod\x1b[m\x1b[K\n');
});
