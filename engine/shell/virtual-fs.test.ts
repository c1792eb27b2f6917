import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createNodeFs } from './node-filesystem';
import { FakeShellClock } from './testing/fake-shell-clock';
import { basename, dirname, isVfsError, resolvePath, VirtualFs } from './virtual-fs';

const clock = () => new FakeShellClock();

test('resolvePath normalises . and .. against the working directory', () => {
  assert.equal(resolvePath('/root', 'a/./b/../c'), '/root/a/c');
  assert.equal(resolvePath('/root', '../../..'), '/');
  assert.equal(resolvePath('/tmp', '/etc//hosts'), '/etc/hosts');
  assert.equal(basename('/a/b/'), 'b');
  assert.equal(dirname('/a/b'), '/a');
  assert.equal(dirname('b'), '.');
});

test('errors carry errno codes and strerror texts', () => {
  const fs = new VirtualFs(clock());
  fs.mkdir('/d');
  fs.writeFile('/d/f', 'x');
  const code = (f: () => void) => {
    try {
      f();
    } catch (err) {
      assert.ok(isVfsError(err));
      return `${err.code}: ${err.message}`;
    }
    return 'ok';
  };
  assert.equal(code(() => fs.readFile('/nope')), 'ENOENT: No such file or directory');
  assert.equal(code(() => fs.mkdir('/d')), 'EEXIST: File exists');
  assert.equal(code(() => fs.readFile('/d/f/x')), 'ENOTDIR: Not a directory');
  assert.equal(code(() => fs.readFile('/d')), 'EISDIR: Is a directory');
  assert.equal(code(() => fs.rmdir('/d')), 'ENOTEMPTY: Directory not empty');
  assert.equal(code(() => fs.writeFile('/nope/f', '')), 'ENOENT: No such file or directory');
});

test('files keep text or bytes, mode and mtime from the clock; rename and remove work', () => {
  const c = clock();
  const fs = new VirtualFs(c);
  fs.writeFile('/a', 'hello', { mode: 0o600 });
  fs.appendFile('/a', ' world');
  assert.equal(fs.readFile('/a'), 'hello world');
  assert.equal(fs.stat('/a').mode, 0o600);
  assert.equal(fs.stat('/a').mtime, c.now());
  fs.writeFile('/bin', Buffer.from([0, 255, 1]));
  assert.deepEqual([...fs.readFileBuffer('/bin')], [0, 255, 1]);
  fs.mkdir('/x/y/z', { recursive: true });
  fs.rename('/a', '/x/y/z/a');
  assert.deepEqual(fs.readdir('/x/y/z'), ['a']);
  fs.removeTree('/x');
  assert.equal(fs.exists('/x'), false);
});

test('toJSON/fromJSON round-trips the tree, including binary files and devices', () => {
  const c = clock();
  const fs = createNodeFs({ hostname: 'node1', clock: c, manifests: { 'etcd.yaml': 'kind: Pod\n' } });
  fs.writeFile('/root/bin.dat', Buffer.from([1, 2, 3]));
  const copy = VirtualFs.fromJSON(JSON.parse(JSON.stringify(fs.toJSON())), c);
  assert.equal(copy.readFile('/etc/hostname'), 'node1\n');
  assert.equal(copy.readFile('/etc/kubernetes/manifests/etcd.yaml'), 'kind: Pod\n');
  assert.deepEqual([...copy.readFileBuffer('/root/bin.dat')], [1, 2, 3]);
  assert.equal(copy.stat('/dev/null').type, 'device');
  assert.deepEqual(copy.toJSON(), fs.toJSON());
});

test('the node tree has the home directory, /etc files, /tmp and the manifests directory', () => {
  const fs = createNodeFs({ hostname: 'master', clock: clock() });
  for (const p of ['/root/.bashrc', '/root/.bash_history', '/etc/hosts', '/etc/resolv.conf', '/etc/hostname']) assert.ok(fs.isFile(p), p);
  for (const p of ['/tmp', '/etc/kubernetes/manifests']) assert.ok(fs.isDirectory(p), p);
  fs.writeFile('/dev/null', 'discarded');
  assert.equal(fs.readFile('/dev/null'), '');
});
