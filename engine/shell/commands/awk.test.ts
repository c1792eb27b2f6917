import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestShell } from '../testing/test-shell';

const PODS = `NAME                     READY   STATUS    RESTARTS   AGE
nginx-7c5ddbdf54-2xq7d   1/1     Running   0          5m
nginx-7c5ddbdf54-8k9jm   1/1     Running   2          5m
busybox                  0/1     Error     1          2m
`;

async function awk(program: string, stdin = PODS, opts = '') {
  return createTestShell().run(`awk ${opts} '${program}'`, stdin);
}

test('awk {print $1}, NR, NF, -F and patterns', async () => {
  assert.equal((await awk('{print $1}')).stdout, 'NAME\nnginx-7c5ddbdf54-2xq7d\nnginx-7c5ddbdf54-8k9jm\nbusybox\n');
  assert.equal((await awk('NR>1 {print $1, $3}')).stdout, 'nginx-7c5ddbdf54-2xq7d Running\nnginx-7c5ddbdf54-8k9jm Running\nbusybox Error\n');
  assert.equal((await awk('/Error/')).stdout, 'busybox                  0/1     Error     1          2m\n');
  assert.equal((await awk('$4 > 0 && NR > 1 {print $1}')).stdout, 'nginx-7c5ddbdf54-8k9jm\nbusybox\n');
  assert.equal((await awk('{print NF; exit}')).stdout, '5\n');
  assert.equal((await awk('{print $1}', 'root:x:0:0\n', '-F:')).stdout, 'root\n');
  assert.equal((await awk('{print $NF}', 'a b c\n')).stdout, 'c\n');
  assert.equal((await awk('$3 == "Running" {n++} END {print n}')).stdout, '2\n');
});

test('awk BEGIN/END, arrays, for-in, printf, -v, functions', async () => {
  assert.equal((await awk('BEGIN {printf "%-6s|%3d|%.2f\\n", "ab", 7, 2.5}')).stdout, 'ab    |  7|2.50\n');
  assert.equal((await awk('NR>1 {c[$3]++} END {for (s in c) print s, c[s]}')).stdout, 'Running 2\nError 1\n');
  assert.equal((await awk('BEGIN {print x + 1}', '', '-v x=41')).stdout, '42\n');
  assert.equal((await awk('function sq(n) { return n * n } BEGIN { print sq(12) }')).stdout, '144\n');
  assert.equal((await awk('{ s += $1 } END { print s, s / NR }', '1\n2\n3\n4\n')).stdout, '10 2.5\n');
  assert.equal((await awk('BEGIN { print 1/3 }')).stdout, '0.333333\n');
});

test('awk string functions and field assignment', async () => {
  assert.equal((await awk('{ print length($0), substr($0, 2, 3), index($0, "c"), toupper($0) }', 'abcdef\n')).stdout, '6 bcd 3 ABCDEF\n');
  assert.equal((await awk('{ n = split($0, p, ","); print n, p[2] }', 'a,b,c\n')).stdout, '3 b\n');
  assert.equal((await awk('{ gsub(/o/, "0"); print }', 'foo boo\n')).stdout, 'f00 b00\n');
  assert.equal((await awk('{ sub(/o+/, "[&]"); print }', 'foo\n')).stdout, 'f[oo]\n');
  assert.equal((await awk('{ $2 = "X"; print; print NF }', 'a b c\n')).stdout, 'a X c\n3\n');
  assert.equal((await awk('{ if (match($0, /[0-9]+/)) print RSTART, RLENGTH }', 'abc123d\n')).stdout, '4 3\n');
  assert.equal((await awk('BEGIN { OFS="-" } { $1 = $1; print }', 'a b c\n')).stdout, 'a-b-c\n');
});

test('awk syntax errors and runaway loops do not hang the shell', async () => {
  const r = await awk('{ print $1 ');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /syntax error/);
});
