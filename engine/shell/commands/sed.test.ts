import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestShell } from '../testing/test-shell';

async function sed(args: string, stdin = 'one\ntwo\nthree\n') {
  return createTestShell().run(`sed ${args}`, stdin);
}

test('sed s///: first match, g, numbered occurrence, & and groups, other delimiters', async () => {
  assert.equal((await sed("'s/o/0/'")).stdout, '0ne\ntw0\nthree\n');
  assert.equal((await sed("'s/e/E/g'")).stdout, 'onE\ntwo\nthrEE\n');
  assert.equal((await sed("'s/e/E/2'")).stdout, 'one\ntwo\nthreE\n');
  assert.equal((await sed("'s/t.*/[&]/'")).stdout, 'one\n[two]\n[three]\n');
  assert.equal((await sed("-E 's/(o)(n)/\\2\\1/'")).stdout, 'noe\ntwo\nthree\n');
  assert.equal((await sed("'s|/usr|/opt|'", '/usr/bin\n')).stdout, '/opt/bin\n');
  assert.equal((await sed("'s/image: nginx:1.17.1/image: nginx:1.17.2/'", '  image: nginx:1.17.1\n')).stdout, '  image: nginx:1.17.2\n');
});

test('sed addresses, d, p, -n, ranges, $ and !', async () => {
  assert.equal((await sed("'2d'")).stdout, 'one\nthree\n');
  assert.equal((await sed("-n '2p'")).stdout, 'two\n');
  assert.equal((await sed("-n '/t/p'")).stdout, 'two\nthree\n');
  assert.equal((await sed("'1,2d'")).stdout, 'three\n');
  assert.equal((await sed("'$!d'")).stdout, 'three\n');
  assert.equal((await sed("-n '/one/,/two/p'")).stdout, 'one\ntwo\n');
  assert.equal((await sed("'/two/!s/^/> /'")).stdout, '> one\ntwo\n> three\n');
  assert.equal((await sed("-n '$='")).stdout, '3\n');
});

test('sed a, i, c, y, q and several -e scripts', async () => {
  assert.equal((await sed("'2a after'")).stdout, 'one\ntwo\nafter\nthree\n');
  assert.equal((await sed("'1i\\\nbefore'")).stdout, 'before\none\ntwo\nthree\n');
  assert.equal((await sed("'2c changed'")).stdout, 'one\nchanged\nthree\n');
  assert.equal((await sed("'y/ot/OT/'")).stdout, 'One\nTwO\nThree\n');
  assert.equal((await sed("2q")).stdout, 'one\ntwo\n');
  assert.equal((await sed("-e 's/one/1/' -e 's/two/2/'")).stdout, '1\n2\nthree\n');
});

test('sed -i edits a file in place', async () => {
  const sh = createTestShell();
  sh.fs.writeFile('/root/deploy.yaml', 'replicas: 3\nimage: nginx:1.17.1\n');
  assert.deepEqual(await sh.run("sed -i 's/replicas: 3/replicas: 5/' deploy.yaml"), { stdout: '', stderr: '', status: 0 });
  assert.equal(sh.fs.readFile('/root/deploy.yaml'), 'replicas: 5\nimage: nginx:1.17.1\n');
  assert.deepEqual(await sh.run("sed 's/x/y/' missing"), { stdout: '', stderr: "sed: can't read missing: No such file or directory\n", status: 2 });
});
