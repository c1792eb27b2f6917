// kubectl exec, attach and logs against pods run by the simulated kubelet: commands in the
// container's shell and filesystem, exit codes, interactive shells in a pty with the image's
// prompt, the runtime's and the API server's refusals, and pods/log with its options. Every
// case runs with the real kubectl and with ours (bin/kubectl, built by `npm test`).
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

const MANIFESTS = `
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: bb
spec:
  containers:
  - name: bb
    image: busybox:1.36
    command: ["sh", "-c", "i=0; while true; do echo hello $i; i=$((i+1)); sleep 1; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: crash
spec:
  containers:
  - name: crash
    image: busybox:1.36
    command: ["sh", "-c", "echo starting; echo oops >&2; sleep 1; exit 1"]
---
apiVersion: v1
kind: Pod
metadata:
  name: multi
spec:
  containers:
  - name: web
    image: nginx:1.27
  - name: side
    image: busybox:1.36
    command: ["sh", "-c", "while true; do echo tick; sleep 2; done"]
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
    image: nginx:no-such-tag
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

type Pod = { metadata: { name: string }; status?: { phase?: string; containerStatuses?: { restartCount?: number; state?: { running?: object; waiting?: { reason?: string } } }[] } };

async function pods(): Promise<Pod[]> {
  const r = await f.kubectl(['get', 'pods', '-o', 'json']);
  return JSON.parse(r.stdout).items as Pod[];
}

before(async () => {
  f = await startEngine();
  const r = await f.kubectl(['apply', '-f', '-'], { stdin: MANIFESTS });
  assert.equal(r.code, 0, r.stderr);
  await f.waitFor(
    async () => {
      const ps = await pods();
      const running = (n: string) => ps.find((p) => p.metadata.name === n)?.status?.containerStatuses?.every((c) => c.state?.running);
      const crash = ps.find((p) => p.metadata.name === 'crash')?.status?.containerStatuses?.[0]?.restartCount ?? 0;
      const web = ps.some((p) => p.metadata.name.startsWith('web-') && p.status?.phase === 'Running');
      return running('nginx') && running('bb') && running('multi') && web && crash >= 1;
    },
    'pods running and crash restarted',
    40_000,
  );
});

after(async () => {
  await f?.stop();
});

function kubectl(binary: string, args: string[], stdin?: string): Promise<KubectlResult> {
  return f.kubectl(args, { binary, stdin });
}

for (const [who, bin] of KUBECTLS) {
  test(`${who}: exec lists the nginx html directory`, async () => {
    const r = await kubectl(bin, ['exec', 'nginx', '--', 'ls', '/usr/share/nginx/html']);
    assert.deepEqual(r, { stdout: '50x.html\nindex.html\n', stderr: '', code: 0 });
  });

  test(`${who}: exec sh -c writes into the container filesystem`, async () => {
    const r = await kubectl(bin, ['exec', 'nginx', '--', 'sh', '-c', `echo hi-${who} > /usr/share/nginx/html/index.html; cat /usr/share/nginx/html/index.html`]);
    assert.deepEqual(r, { stdout: `hi-${who}\n`, stderr: '', code: 0 });
  });

  test(`${who}: exec passes the exit code through`, async () => {
    const r = await kubectl(bin, ['exec', 'nginx', '--', 'sh', '-c', 'echo out; echo err >&2; exit 3']);
    assert.deepEqual(r, { stdout: 'out\n', stderr: 'err\ncommand terminated with exit code 3\n', code: 3 });
  });

  test(`${who}: exec sees the pod's environment, hostname and DNS settings`, async () => {
    const r = await kubectl(bin, ['exec', 'nginx', '--', 'sh', '-c', 'echo $HOSTNAME $KUBERNETES_SERVICE_HOST; hostname; cat /etc/resolv.conf']);
    assert.equal(r.stdout, 'nginx 10.96.0.1\nnginx\nsearch default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    const env = await kubectl(bin, ['exec', 'nginx', '--', 'env']);
    assert.match(env.stdout, /^PATH=\/usr\/local\/sbin:\/usr\/local\/bin:\/usr\/sbin:\/usr\/bin:\/sbin:\/bin$/m);
    assert.match(env.stdout, /^NGINX_VERSION=1\.27\.0$/m);
    assert.match(env.stdout, /^HOME=\/root$/m);
    const sa = await kubectl(bin, ['exec', 'nginx', '--', 'ls', '/var/run/secrets/kubernetes.io/serviceaccount']);
    assert.equal(sa.stdout, 'ca.crt\nnamespace\ntoken\n');
  });

  test(`${who}: a command the image lacks: the shell's and the runtime's errors`, async () => {
    const dash = await kubectl(bin, ['exec', 'nginx', '--', 'sh', '-c', 'foo']);
    assert.deepEqual(dash, { stdout: '', stderr: 'sh: 1: foo: not found\ncommand terminated with exit code 127\n', code: 127 });
    const ash = await kubectl(bin, ['exec', 'bb', '--', 'sh', '-c', 'foo']);
    assert.deepEqual(ash, { stdout: '', stderr: 'sh: foo: not found\ncommand terminated with exit code 127\n', code: 127 });
    const oci = await kubectl(bin, ['exec', 'nginx', '--', 'ps']);
    assert.equal(oci.code, 1);
    assert.match(
      oci.stderr,
      /^error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "ps": executable file not found in \$PATH: unknown\n$/,
    );
    const bash = await kubectl(bin, ['exec', 'bb', '--', '/bin/bash']);
    assert.match(bash.stderr, /exec: "\/bin\/bash": stat \/bin\/bash: no such file or directory: unknown\n$/);
  });

  test(`${who}: exec -i reads stdin`, async () => {
    const r = await kubectl(bin, ['exec', '-i', 'bb', '--', 'sh', '-c', 'wc -l; cat /etc/hostname'], 'a\nb\n');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^\s*2\nbb\n$/);
  });

  test(`${who}: exec into a container that is not running, or not in the pod`, async () => {
    const waiting = await kubectl(bin, ['exec', 'broken', '--', 'ls']);
    assert.deepEqual(waiting, { stdout: '', stderr: 'error: Internal error occurred: unable to upgrade connection: container not found ("app")\n', code: 1 });
    const nosuch = await kubectl(bin, ['exec', 'nginx', '-c', 'nope', '--', 'ls']);
    assert.deepEqual(nosuch, { stdout: '', stderr: 'Error from server (BadRequest): container nope is not valid for pod nginx\n', code: 1 });
  });

  test(`${who}: exec -it bash shows the Debian prompt and runs commands`, async () => {
    const t = spawnPty(bin, ['exec', '-it', 'nginx', '--', 'bash']);
    await t.waitFor(/root@nginx:\/# $/);
    t.write('cd /usr/share/nginx/html && ls\r');
    await t.waitFor(/50x\.html\s+index\.html\r\nroot@nginx:\/usr\/share\/nginx\/html# $/);
    t.write('nosuch\r');
    await t.waitFor(/bash: nosuch: command not found\r\nroot@nginx:\/usr\/share\/nginx\/html# $/);
    t.write('exit 4\r');
    const code = await t.exited;
    assert.match(t.output, /exit\r\ncommand terminated with exit code 4\r\n$/);
    assert.equal(code, 4);
  });

  test(`${who}: exec -it sh in busybox and in nginx (dash)`, async () => {
    const bb = spawnPty(bin, ['exec', '-it', 'bb', '--', 'sh']);
    await bb.waitFor(/\/ # $/);
    bb.write('echo $((6*7))\r');
    await bb.waitFor(/\r\n42\r\n\/ # $/);
    bb.write('\x04');
    assert.equal(await bb.exited, 0);
    const dash = spawnPty(bin, ['exec', '-it', 'nginx', '--', 'sh']);
    await dash.waitFor(/# $/);
    dash.write('foo\r');
    await dash.waitFor(/sh: 1: foo: not found\r\n# $/);
    dash.write('exit\r');
    assert.equal(await dash.exited, 127);
  });

  test(`${who}: logs of a busybox loop, --tail and --timestamps`, async () => {
    const r = await kubectl(bin, ['logs', 'bb']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^hello 0\nhello 1\n(hello \d+\n)*$/);
    const tail = await kubectl(bin, ['logs', 'bb', '--tail=2']);
    const lines = tail.stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
    assert.match(lines[1], /^hello \d+$/);
    const ts = await kubectl(bin, ['logs', 'bb', '--tail=1', '--timestamps']);
    assert.match(ts.stdout, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z hello \d+\n$/);
  });

  test(`${who}: logs -f streams new lines until interrupted`, async () => {
    const t = spawnPty(bin, ['logs', '-f', 'bb', '--tail=1']);
    const first = await t.waitFor(/hello (\d+)\r\n/);
    const n = Number(first[1]);
    await t.waitFor(new RegExp(`hello ${n + 2}\\r\\n`), 10_000);
    t.kill();
  });

  test(`${who}: attach streams the main process's output from now on`, async () => {
    const t = spawnPty(bin, ['attach', 'bb']);
    await t.waitFor(/If you don't see a command prompt, try pressing enter\.\r\n/);
    const first = await t.waitFor(/hello (\d+)\r\n/);
    await t.waitFor(new RegExp(`hello ${Number(first[1]) + 1}\\r\\r?\\n`), 10_000);
    assert.doesNotMatch(t.output, /hello 0\r/);
    t.kill();
  });

  test(`${who}: logs --previous after a crash, and of a container that is waiting`, async () => {
    const prev = await kubectl(bin, ['logs', 'crash', '--previous']);
    assert.deepEqual(prev, { stdout: 'starting\noops\n', stderr: '', code: 0 });
    const none = await kubectl(bin, ['logs', 'bb', '--previous']);
    assert.deepEqual(none, { stdout: '', stderr: 'Error from server (BadRequest): previous terminated container "bb" in pod "bb" not found\n', code: 1 });
    const waiting = await kubectl(bin, ['logs', 'broken']);
    assert.equal(waiting.code, 1);
    assert.match(waiting.stderr, /^Error from server \(BadRequest\): container "app" in pod "broken" is waiting to start: (image can't be pulled|trying and failing to pull image|ContainerCreating)\n$/);
  });

  test(`${who}: logs of a deployment and of a pod with two containers`, async () => {
    const deploy = await kubectl(bin, ['logs', 'deploy/web']);
    assert.equal(deploy.code, 0, deploy.stderr);
    assert.match(deploy.stdout, /^\/docker-entrypoint\.sh: \/docker-entrypoint\.d\/ is not empty, will attempt to perform configuration\n/);
    assert.match(deploy.stdout, /\[notice\] 1#1: nginx\/1\.27\.0\n/);
    const defaulted = await kubectl(bin, ['logs', 'multi']);
    assert.equal(defaulted.stderr, 'Defaulted container "web" out of: web, side\n');
    assert.match(defaulted.stdout, /^\/docker-entrypoint\.sh/);
    const side = await kubectl(bin, ['logs', 'multi', '-c', 'side', '--tail=1']);
    assert.deepEqual(side, { stdout: 'tick\n', stderr: '', code: 0 });
    const nosuch = await kubectl(bin, ['logs', 'multi', '-c', 'nope']);
    assert.deepEqual(nosuch, { stdout: '', stderr: 'error: container nope is not valid for pod multi\n', code: 1 });
  });
}

test('the API server asks for a container when a pod has several', async () => {
  const res = await rawGet('/api/v1/namespaces/default/pods/multi/log');
  assert.equal(res.status, 400);
  assert.equal(JSON.parse(res.body).message, 'a container name must be specified for pod multi, choose one of: [web side]');
  const missing = await rawGet('/api/v1/namespaces/default/pods/nosuch/log');
  assert.equal(missing.status, 404);
  assert.equal(JSON.parse(missing.body).message, 'pods "nosuch" not found');
  const limited = await rawGet('/api/v1/namespaces/default/pods/bb/log?limitBytes=9');
  assert.equal(limited.body, 'hello 0\nh');
});

async function rawGet(path: string): Promise<{ status: number; body: string }> {
  const r = await f.kubectl(['get', '--raw', path]);
  if (r.code === 0) return { status: 200, body: r.stdout };
  // kubectl get --raw prints the Status body on failure: Error from server (...): <json or message>
  const m = /^Error from server \((\w+)\): (.*)\n$/s.exec(r.stderr);
  const status = m?.[1] === 'NotFound' ? 404 : 400;
  const body = m?.[2]?.trim().startsWith('{') ? m[2] : JSON.stringify({ message: m?.[2] ?? r.stderr });
  return { status, body };
}

function spawnPty(binary: string, args: string[]): KubectlPty {
  const env = { PATH: process.env.PATH ?? '', HOME: f.dir, KUBECONFIG: f.engine.kubeconfigPath };
  return spawnKubectlPty(binary, ['--cache-dir', join(f.dir, 'kube-cache'), ...args], env);
}
