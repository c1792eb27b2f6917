// The WebSocket exec protocol with the real kubectl: stdout, stderr, stdin and exit codes,
// against a stand-in container runtime (the kubelet's container shells are tested elsewhere).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startEngine, type EngineFixture } from '../support/engine-fixture';
import { installPodExec } from '../../engine/api/pod-exec';
import type { ExecProcess } from '../../engine/api/exec-stream';

let f: EngineFixture;
before(async () => {
  f = await startEngine({ controllers: false });
  // A stand-in runtime: `echo ARGS` prints, `cat` echoes stdin, `fail N` exits N with stderr.
  installPodExec(f.engine.api, f.engine.service, () => (_pod, _container, req, io): ExecProcess => {
    let input = '';
    let finish!: (v: { code: number }) => void;
    const exited = new Promise<{ code: number }>((r) => (finish = r));
    const [cmd, ...args] = req.command;
    if (cmd === 'echo') {
      io.stdout(args.join(' ') + '\n');
      finish({ code: 0 });
    } else if (cmd === 'fail') {
      io.stderr('failing\n');
      finish({ code: Number(args[0]) });
    }
    return {
      input: (d) => (input += d.toString()),
      endInput: () => {
        io.stdout(input.toUpperCase());
        finish({ code: 0 });
      },
      resize: () => {},
      kill: () => finish({ code: 137 }),
      exited,
    };
  });
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } };
  const created = f.engine.client.create('pods', pod as never);
  f.engine.client.updateStatus('pods', { ...structuredClone(created), status: { phase: 'Running' } });
});
after(async () => {
  await f.stop();
});

test('exec prints stdout and exits 0', async () => {
  const r = await f.kubectl(['exec', 'box', '--', 'echo', 'hello', 'world']);
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'hello world\n');
  assert.equal(r.code, 0);
});

test('exec passes the exit code and stderr through', async () => {
  const r = await f.kubectl(['exec', 'box', '--', 'fail', '3']);
  assert.equal(r.stderr, 'failing\ncommand terminated with exit code 3\n');
  assert.equal(r.code, 3);
});

test('exec -i streams stdin until it closes', async () => {
  const r = await f.kubectl(['exec', '-i', 'box', '--', 'cat'], { stdin: 'abc\n' });
  assert.equal(r.stdout, 'ABC\n');
  assert.equal(r.code, 0);
});

test('exec into a missing container is refused', async () => {
  const r = await f.kubectl(['exec', 'box', '-c', 'nope', '--', 'echo']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /container nope is not valid for pod box|container nope not found in pod box/);
});
