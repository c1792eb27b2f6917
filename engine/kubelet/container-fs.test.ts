import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FakeShellClock } from '../shell/testing/fake-shell-clock';
import { buildContainerFs, ContainerFsView, volumeFs } from './container-fs';
import { busyboxUserland, debianUserland } from './images/userland';

const clock = new FakeShellClock(Date.UTC(2026, 0, 1));
const base = { clock, imageFiles: {}, hostname: 'web', hosts: '127.0.0.1\tlocalhost\n', resolvConf: 'nameserver 10.96.0.10\n' };

test('an emptyDir is shared by two containers and outlives one of them', () => {
  const shared = volumeFs(clock);
  const a = buildContainerFs({ ...base, userland: debianUserland(), mounts: [{ mountPath: '/usr/share/nginx/html', fs: shared }] });
  a.writeFile('/usr/share/nginx/html/index.html', 'from a\n');
  const b = buildContainerFs({ ...base, userland: busyboxUserland(), mounts: [{ mountPath: '/data', fs: shared }] });
  assert.equal(b.readFile('/data/index.html'), 'from a\n');
  assert.deepEqual(b.readdir('/data'), ['index.html']);
  // A new instance of container a (a restart) sees the volume, not its old root's other files.
  a.writeFile('/tmp/scratch', 'x');
  const a2 = buildContainerFs({ ...base, userland: debianUserland(), mounts: [{ mountPath: '/usr/share/nginx/html', fs: shared }] });
  assert.equal(a2.readFile('/usr/share/nginx/html/index.html'), 'from a\n');
  assert.equal(a2.exists('/tmp/scratch'), false);
});

test('mount points cannot be removed; errors name the path the caller used', () => {
  const fs = buildContainerFs({ ...base, mounts: [{ mountPath: '/etc/config', fs: volumeFs(clock, { 'app.conf': 'x=1\n' }) }] });
  assert.throws(() => fs.rmdir('/etc/config'), { code: 'EBUSY' });
  assert.throws(() => fs.removeTree('/etc'), { code: 'EBUSY' });
  assert.throws(() => fs.readFile('/etc/config/nope'), (e: Error & { path?: string }) => e.path === '/etc/config/nope' && e.message === 'No such file or directory');
});

test('subPath: a file of the volume is copied in, a directory is mounted', () => {
  const vol = volumeFs(clock, { 'nginx.conf': 'events {}\n', 'site/index.html': 'hi\n' });
  const fs = buildContainerFs({ ...base, mounts: [{ mountPath: '/etc/nginx/nginx.conf', fs: vol, subPath: 'nginx.conf' }, { mountPath: '/srv/www', fs: vol, subPath: 'site' }] });
  assert.equal(fs.readFile('/etc/nginx/nginx.conf'), 'events {}\n');
  assert.deepEqual(fs.readdir('/srv/www'), ['index.html']);
  fs.writeFile('/srv/www/new.html', 'n');
  assert.equal(vol.readFile('/site/new.html'), 'n');
});

test('programs are executable files at their paths (both /bin and /usr/bin on Debian)', () => {
  const deb = buildContainerFs({ ...base, userland: debianUserland(), mounts: [] });
  assert.equal(deb.stat('/usr/bin/ls').mode & 0o111, 0o111);
  assert.ok(deb.isFile('/bin/ls'));
  assert.ok(deb.isFile('/bin/bash') && deb.isFile('/usr/bin/bash'));
  assert.equal(deb.exists('/bin/ps'), false);
  const bb = buildContainerFs({ ...base, userland: busyboxUserland(), mounts: [] });
  assert.ok(bb.isFile('/bin/ps'));
  assert.equal(bb.exists('/bin/bash'), false);
  assert.deepEqual(bb.readdir('/'), ['bin', 'dev', 'etc', 'home', 'lib', 'lib64', 'proc', 'root', 'sys', 'tmp', 'usr', 'var']);
  assert.equal(bb.readFile('/etc/hostname'), 'web\n');
});

test('a phantom file is readable by exact path but never listed, until released', () => {
  const fs = buildContainerFs({ ...base, userland: busyboxUserland(), mounts: [] });
  const release = fs.addPhantom('/root/.bash_profile', 'PS1=x\n');
  assert.equal(fs.isFile('/root/.bash_profile'), true);
  assert.equal(fs.readFile('/root/.bash_profile'), 'PS1=x\n');
  assert.deepEqual(fs.readdir('/root'), []);
  release();
  assert.equal(fs.exists('/root/.bash_profile'), false);
});

test('the images see the same files through ContainerFsView', () => {
  const fs = buildContainerFs({ ...base, imageFiles: { '/usr/share/nginx/html/index.html': 'welcome\n' }, mounts: [] });
  const view = new ContainerFsView(fs);
  assert.equal(view.read('/usr/share/nginx/html/index.html'), 'welcome\n');
  assert.equal(view.read('/usr/share/nginx/html'), undefined);
  view.write('/var/lib/app/state', 'ok');
  assert.equal(fs.readFile('/var/lib/app/state'), 'ok');
  assert.deepEqual(view.list('/usr/share/nginx/html'), ['index.html']);
  assert.equal(view.remove('/var/lib/app/state'), true);
  assert.equal(view.exists('/var/lib/app/state'), false);
});
