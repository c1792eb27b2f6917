// A container's stdio with `stdin: true`: log lines as the runtime's logger cuts them, attach
// sessions feeding the main process's stdin (stdinOnce, tty), and pods stepped on a ManualClock
// whose main process reads that stdin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ExecIO } from '../api/exec-stream';
import { ContainerStdio, LogLineSplitter, type StdinProcess } from './container-stdio';
import { PodHarness } from './testing/pod-harness';

test('log lines: cut at "\\n", a "\\r\\n" ending dropped, partial text waits', () => {
  const s = new LogLineSplitter();
  assert.deepEqual(s.push('/ # '), []);
  assert.deepEqual(s.push('e'), []);
  assert.deepEqual(s.push('cho hi\r\nhi\r\n/ # '), ['/ # echo hi', 'hi']);
  assert.deepEqual(s.push('a\rb\n\n'), ['/ # a\rb', '']);
  assert.equal(s.flush(), undefined);
  s.push('tail');
  assert.equal(s.flush(), 'tail');
});

function fakeProcess(): StdinProcess & { stdin: string; eof: boolean; sizes: string[] } {
  const p = {
    stdin: '',
    eof: false,
    sizes: [] as string[],
    input: (d: Buffer) => void (p.stdin += d.toString()),
    endInput: () => void (p.eof = true),
    resize: (c: number, r: number) => void p.sizes.push(`${c}x${r}`),
  };
  return p;
}

function client(): ExecIO & { out: string; err: string } {
  const c = { out: '', err: '', stdout: (d: string | Buffer) => void (c.out += d.toString()), stderr: (d: string | Buffer) => void (c.err += d.toString()) };
  return c;
}

test('stdio: output goes to attached sessions and to the log; a tty has one stream', () => {
  const logged: string[] = [];
  const pipe = new ContainerStdio(false, false, (stream, text) => logged.push(`${stream}:${text}`));
  const stopped = new AbortController();
  const a = client();
  pipe.attach({ stdin: false, tty: false }, a, stopped.signal);
  pipe.write('stdout', 'out\n');
  pipe.write('stderr', 'err\n');
  assert.deepEqual([a.out, a.err], ['out\n', 'err\n']);
  const tty = new ContainerStdio(true, false, (stream, text) => logged.push(`${stream}:${text}`));
  const b = client();
  tty.attach({ stdin: false, tty: true }, b, stopped.signal);
  tty.write('stderr', 'oops\r\n');
  tty.write('stdout', '/ # ');
  assert.deepEqual([b.out, b.err], ['oops\r\n/ # ', '']);
  tty.end();
  assert.deepEqual(logged, ['stdout:out', 'stderr:err', 'stdout:oops', 'stdout:/ # ']);
});

test('stdio: stdinOnce without a tty closes stdin when the client ends its input; the session stays for output', async () => {
  const stdio = new ContainerStdio(false, true, () => undefined);
  const proc = fakeProcess();
  stdio.connect(proc);
  const stopped = new AbortController();
  const a = client();
  const session = stdio.attach({ stdin: true, tty: false }, a, stopped.signal);
  session.input(Buffer.from('echo hi\n'));
  session.endInput();
  assert.deepEqual([proc.stdin, proc.eof, stdio.stdinOpen], ['echo hi\n', true, false]);
  stdio.write('stdout', 'hi\n');
  assert.equal(a.out, 'hi\n');
  let ended = false;
  void session.exited.then(() => (ended = true));
  await Promise.resolve();
  assert.equal(ended, false);
  stopped.abort();
  assert.deepEqual(await session.exited, { code: 0 });
});

test('stdio: stdinOnce with a tty closes stdin when the first session detaches; later input is dropped', () => {
  const stdio = new ContainerStdio(true, true, () => undefined);
  const proc = fakeProcess();
  stdio.connect(proc);
  const stopped = new AbortController();
  const watcher = stdio.attach({ stdin: false, tty: true }, client(), stopped.signal);
  watcher.kill(); // a session without stdin does not use up stdinOnce
  assert.equal(stdio.stdinOpen, true);
  const first = stdio.attach({ stdin: true, tty: true }, client(), stopped.signal);
  first.resize(100, 30);
  first.input(Buffer.from('ls\r'));
  first.kill();
  assert.deepEqual([proc.stdin, proc.sizes, proc.eof, stdio.stdinOpen], ['ls\r', ['100x30'], true, false]);
  const second = stdio.attach({ stdin: true, tty: true }, client(), stopped.signal);
  second.input(Buffer.from('more\r'));
  assert.equal(proc.stdin, 'ls\r');
});

test('stdio: without stdinOnce stdin stays open across sessions; the end of a client\'s input ends its session', async () => {
  const stdio = new ContainerStdio(false, false, () => undefined);
  const proc = fakeProcess();
  stdio.connect(proc);
  const stopped = new AbortController();
  const first = stdio.attach({ stdin: true, tty: false }, client(), stopped.signal);
  first.input(Buffer.from('a\n'));
  first.endInput();
  assert.deepEqual(await first.exited, { code: 0 });
  const second = stdio.attach({ stdin: true, tty: false }, client(), stopped.signal);
  second.input(Buffer.from('b\n'));
  second.kill();
  assert.deepEqual([proc.stdin, proc.eof, stdio.stdinOpen], ['a\nb\n', false, true]);
});

const shellPod = (container: Record<string, unknown>) => ({ restartPolicy: 'Never', containers: [{ name: 'sh', image: 'busybox', command: ['sh'], ...container }] });

test('pod: busybox sh without stdin reads end of input and completes at once', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run(shellPod({}));
  await h.until('Completed', 5000);
});

test('pod: stdin and tty keep sh running on a terminal; attach types into it; exit ends the container', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run(shellPod({ stdin: true, tty: true }));
  await h.until('Running');
  await h.step(3000);
  assert.equal(h.column(), 'Running');
  const running = h.worker.running('sh')!;
  const a = client();
  const session = running.stdio!.attach({ stdin: true, tty: true }, a, running.stopped);
  session.resize(100, 30); // the size changes: ash redraws its prompt
  await h.step(100);
  assert.match(a.out, /^\r\/ # \x1b\[J/);
  session.input(Buffer.from('echo $((6*7))\r'));
  await h.step(200);
  assert.match(a.out, /echo \$\(\(6\*7\)\)\r\n42\r\n\/ # $/);
  // The runtime sets TERM for a container with a terminal.
  session.input(Buffer.from('echo $TERM\r'));
  await h.step(200);
  assert.match(a.out, /\r\nxterm\r\n\/ # $/);
  session.input(Buffer.from('exit 3\r'));
  assert.deepEqual(await session.exited, { code: 0 });
  await h.until('Error');
  assert.equal(h.pod.status.containerStatuses[0].state.terminated.exitCode, 3);
  const log = h.worker.logs('sh')!.map((l) => l.text);
  assert.deepEqual(log.slice(0, 1), ['/ # \r/ # \x1b[Jecho $((6*7))']);
  assert.deepEqual(log.slice(1), ['42', '/ # echo $TERM', 'xterm', '/ # exit 3']);
});

test('pod: stdin without a tty: sh runs each command as it arrives; stdinOnce ends it with the input', async () => {
  const h = new PodHarness(['docker.io/library/busybox:latest']).run(shellPod({ stdin: true, stdinOnce: true }));
  await h.until('Running');
  const running = h.worker.running('sh')!;
  const a = client();
  const session = running.stdio!.attach({ stdin: true, tty: false }, a, running.stopped);
  session.input(Buffer.from('echo hi\nfor i in 1 2; do\n'));
  await h.step(100);
  assert.equal(a.out, 'hi\n');
  session.input(Buffer.from('echo $i; done\nnosuch\n'));
  await h.step(100);
  assert.deepEqual([a.out, a.err], ['hi\n1\n2\n', 'sh: nosuch: not found\n']);
  session.endInput();
  assert.deepEqual(await session.exited, { code: 0 });
  await h.until('Error'); // the status of the last command: 127
  assert.equal(h.pod.status.containerStatuses[0].state.terminated.exitCode, 127);
  assert.deepEqual(
    h.worker.logs('sh')!.map((l) => `${l.stream}:${l.text}`),
    ['stdout:hi', 'stdout:1', 'stdout:2', 'stderr:sh: nosuch: not found'],
  );
});

test('pod: dash reading commands from stdin numbers its errors by input line', async () => {
  const h = new PodHarness(['docker.io/library/ubuntu:latest']).run({ restartPolicy: 'Never', containers: [{ name: 'sh', image: 'ubuntu', command: ['sh'], stdin: true }] });
  await h.until('Running');
  const running = h.worker.running('sh')!;
  const a = client();
  const session = running.stdio!.attach({ stdin: true, tty: false }, a, running.stopped);
  session.input(Buffer.from('true\nif true; then\nnosuch\nfi\nexit 4\n'));
  await h.step(100);
  assert.equal(a.err, 'sh: 3: nosuch: not found\n');
  await h.until('Error');
  assert.equal(h.pod.status.containerStatuses[0].state.terminated.exitCode, 4);
});
