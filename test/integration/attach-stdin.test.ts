// Containers with `stdin: true`: the main process's stdin stays open, `kubectl run -i/-it` and
// `kubectl attach -it` connect to it. An interactive busybox shell on the container's terminal,
// a shell reading commands from a pipe, stdinOnce ending the pod after the first session, stdin
// staying open across attach sessions without it, and the terminal's output in the container
// log. Every case runs with the real kubectl and with ours (bin/kubectl, built by `npm test`).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_KUBECTL, startEngine, type EngineFixture, type KubectlResult } from '../support/engine-fixture';
import { spawnKubectlPty, type KubectlPty } from '../support/kubectl-pty';

const OURS = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'bin', 'kubectl');
const KUBECTLS = [
  ['real', REAL_KUBECTL],
  ['ours', OURS],
] as const;

let f: EngineFixture;

before(async () => {
  f = await startEngine();
});

after(async () => {
  await f?.stop();
});

function kubectl(binary: string, args: string[], stdin?: string): Promise<KubectlResult> {
  return f.kubectl(args, { binary, stdin });
}

type Pod = { status?: { phase?: string; containerStatuses?: { state?: { running?: object; terminated?: { exitCode?: number; reason?: string } } }[] } };

async function pod(name: string): Promise<Pod | undefined> {
  const r = await f.kubectl(['get', 'pod', name, '-o', 'json']);
  return r.code === 0 ? (JSON.parse(r.stdout) as Pod) : undefined;
}

function ttyPod(name: string): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  restartPolicy: Never
  containers:
  - name: shell
    image: busybox:1.30
    command: ["sh"]
    stdin: true
    tty: true
`;
}

for (const [who, bin] of KUBECTLS) {
  test(`${who}: run -it --rm busybox sh: prompt, a command, exit, pod deleted`, async () => {
    const name = `it-${who}`;
    const t = spawnPty(bin, ['run', '-it', '--rm', name, '--image=busybox:1.30', '--restart=Never', '--', 'sh']);
    await t.waitFor(/If you don't see a command prompt, try pressing enter\.\r\n/, 30_000);
    await t.waitFor(/\/ # (\x1b\[J)?$/);
    t.write('echo $((6*7))\r');
    await t.waitFor(new RegExp(`echo \\$\\(\\(6\\*7\\)\\)\\r\\n42\\r\\n/ # ${lateRedraws}$`));
    t.write('exit\r');
    const code = await t.exited;
    assert.match(t.output, /pod "it-[a-z]+" deleted\r\n$/);
    assert.equal(code, 0, t.output);
    assert.equal(await pod(name), undefined);
  });

  test(`${who}: run -i sh without a terminal reads commands from stdin, then completes`, async () => {
    const name = `i-${who}`;
    const r = await kubectl(bin, ['run', '-i', name, '--image=busybox:1.30', '--restart=Never', '--', 'sh'], 'echo hi\n');
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'hi\n');
    const p = await f.waitFor(async () => {
      const x = await pod(name);
      return x?.status?.phase === 'Succeeded' && x;
    }, 'pod Succeeded');
    assert.equal(p.status?.containerStatuses?.[0]?.state?.terminated?.reason, 'Completed');
    await kubectl(bin, ['delete', 'pod', name, '--now']);
  });

  test(`${who}: a stdin+tty pod keeps running; attach -it twice; logs show the terminal`, async () => {
    const name = `tty-${who}`;
    const created = await kubectl(bin, ['apply', '-f', '-'], ttyPod(name));
    assert.equal(created.code, 0, created.stderr);
    await f.waitFor(async () => (await pod(name))?.status?.containerStatuses?.[0]?.state?.running, 'pod running', 30_000);
    // Without stdin open, sh would have read end of input and exited by now.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await pod(name))?.status?.phase, 'Running');

    const first = spawnPty(bin, ['attach', '-it', name]);
    await first.waitFor(/\/ # (\x1b\[J)?$/);
    first.write(`echo first-${who}\r`);
    await first.waitFor(new RegExp(`\\r\\nfirst-${who}\\r\\n/ # ${lateRedraws}$`));
    first.kill();
    await first.exited;

    // No stdinOnce: the shell still reads after the first session went away.
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await pod(name))?.status?.phase, 'Running');
    const second = spawnPty(bin, ['attach', '-it', name]);
    await second.waitFor(/If you don't see a command prompt, try pressing enter\.\r\n/);
    second.write(`echo second-${who}\r`);
    await second.waitFor(new RegExp(`\\r\\nsecond-${who}\\r\\n/ # ${lateRedraws}$`));
    second.write('exit 3\r');
    assert.equal(await second.exited, 0);

    const p = await f.waitFor(async () => {
      const x = await pod(name);
      return x?.status?.phase === 'Failed' && x;
    }, 'pod Failed');
    assert.equal(p.status?.containerStatuses?.[0]?.state?.terminated?.exitCode, 3);
    const logs = await kubectl(bin, ['logs', name]);
    assert.equal(logs.code, 0, logs.stderr);
    // The runtime's logger cuts the terminal's output at "\n" and drops the "\r\n" ending.
    assert.match(logs.stdout, new RegExp(`echo first-${who}\\nfirst-${who}\\n`));
    assert.match(logs.stdout, new RegExp(`echo second-${who}\\nsecond-${who}\\n`));
    assert.match(logs.stdout, /exit 3\n$/);
    assert.doesNotMatch(logs.stdout, /\r\n/);
    await kubectl(bin, ['delete', 'pod', name, '--now']);
  });
}

// attach's two resizes (size+1, then the size) each redraw the prompt; on a busy machine they can
// land after the first command ran.
const lateRedraws = '(?:\\r/ # \\x1b\\[J)*';

function spawnPty(binary: string, args: string[]): KubectlPty {
  const env = { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath };
  return spawnKubectlPty(binary, ['--cache-dir', join(f.dir, 'kube-cache'), ...args], env);
}
