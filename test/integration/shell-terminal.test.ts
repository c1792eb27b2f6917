// The student's terminal end to end: `kubelab shell` in a real pty against a running engine,
// keystrokes in, the screen (rendered by a headless xterm) asserted. Cluster state is checked
// with the real kubectl through the fixture.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { startEngine, type EngineFixture } from '../support/engine-fixture';
import { PtyTerminal } from '../support/pty-terminal';

let f: EngineFixture;
const terminals: PtyTerminal[] = [];

before(async () => {
  f = await startEngine();
  const r = await f.kubectl(['create', 'deployment', 'nginx', '--image=nginx:1.17.1', '--replicas=2']);
  assert.equal(r.code, 0, r.stderr);
  await f.waitFor(async () => {
    const pods = await f.kubectl(['get', 'pods', '-o', 'name']);
    return pods.stdout.split('\n').filter(Boolean).length === 2;
  }, 'two nginx pods');
});

after(async () => {
  await Promise.all(terminals.map((t) => t.dispose()));
  await f.stop();
});

async function shell(opts: { cols?: number; rows?: number } = {}): Promise<PtyTerminal> {
  const t = await PtyTerminal.start(f.engine.kubeconfigPath, opts);
  terminals.push(t);
  return t;
}

/** Marks a check that depends on a kubectl verb another engineer is still writing. */
function pendingKubectl(t: TestContext, output: string): void {
  if (/is not available in Kubelab's kubectl yet/.test(output)) t.todo(`waits for kubectl: ${output.trim().split('\n')[0]}`);
}

const PC_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pc-deployment
  namespace: default
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx-pod
  template:
    metadata:
      labels:
        app: nginx-pod
    spec:
      containers:
      - name: nginx
        image: nginx:1.17.1`;

test('a heredoc writes pc-deployment.yaml and kubectl create -f creates it', async (t) => {
  const sh = await shell();
  await sh.run(`cat > pc-deployment.yaml <<EOF\n${PC_DEPLOYMENT}\nEOF`);
  assert.equal(await sh.run('wc -l pc-deployment.yaml'), '18 pc-deployment.yaml');
  const out = await sh.run('kubectl create -f pc-deployment.yaml');
  pendingKubectl(t, out);
  assert.equal(out, 'deployment.apps/pc-deployment created');
});

test('kubectl get pods -w streams until Ctrl-C, then the prompt returns', async () => {
  const sh = await shell();
  sh.write('kubectl get pods -w\r');
  await sh.waitFor(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n(.*\n)*nginx-\S+\s+1\/1\s+Running/);
  sh.write('\x03');
  await sh.waitFor(/\^C\n\[root@master ~\]# $/);
  assert.equal(await sh.run('echo $?'), '130');
});

test('Up recalls the previous command', async () => {
  const sh = await shell();
  assert.equal(await sh.run('echo history-check'), 'history-check');
  sh.write('\x1b[A');
  await sh.waitFor(/\]# echo history-check$/, 5000, 'screen');
  assert.equal(sh.cursorLine(), '[root@master ~]# echo history-check');
  sh.write('\x03');
});

test('Tab completes a pod name, and kubectl verbs with the k alias', async () => {
  const sh = await shell();
  const pods = (await f.kubectl(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'])).stdout.split(' ').sort();
  const common = pods[0].slice(0, pods[0].lastIndexOf('-') + 1);
  sh.write('kubectl get pods ng\t');
  await sh.waitFor(`]# kubectl get pods ${common}`, 5000, 'screen');
  sh.write('\t');
  await sh.waitFor(new RegExp(`${pods[0]}\\s+${pods[1]}`), 5000, 'screen');
  // Tab completed the longest common prefix of the names (random suffixes may share letters);
  // one more letter of the first name makes it unique.
  let lcp = 0;
  while (pods[0][lcp] === pods[1][lcp]) lcp++;
  sh.write(pods[0].slice(lcp, lcp + 1) + '\t');
  await sh.waitFor(`]# kubectl get pods ${pods[0]} `, 5000, 'screen');
  sh.write('\x03');
  await sh.run('alias k=kubectl');
  sh.write('k descr\t');
  await sh.waitFor(']# k describe ', 5000, 'screen');
  sh.write('deploy ngi\t');
  await sh.waitFor(']# k describe deploy nginx ', 5000, 'screen');
  sh.write('\x03');
});

test('a for loop over $(seq 1 3)', async () => {
  const sh = await shell();
  assert.equal(await sh.run('for i in $(seq 1 3); do echo "line $i"; done'), 'line 1\nline 2\nline 3');
});

test('echo -n admin | base64', async () => {
  const sh = await shell();
  assert.equal(await sh.run('echo -n admin | base64'), 'YWRtaW4=');
});

test('vi: write a file, save it with :wq, read it back', async () => {
  const sh = await shell({ cols: 80, rows: 24 });
  sh.write('vi notes.yaml\r');
  await sh.waitFor(/"notes\.yaml" \[New\]\s+0,0-1\s+All/, 5000, 'screen');
  sh.write('ikind: Pod\rmetadata:\r  name: web');
  await sh.waitFor('-- INSERT --', 5000, 'screen');
  sh.write('\x1b');
  await sh.waitFor(/\n {2}name: web\n~/, 5000, 'screen');
  sh.write(':w\r');
  await sh.waitFor('"notes.yaml" [New] 3L, 32B written', 5000, 'screen');
  sh.write(':q\r');
  await sh.waitFor(/\]# vi notes\.yaml\n\[root@master ~\]# $/);
  assert.equal(await sh.run('cat notes.yaml'), 'kind: Pod\nmetadata:\n  name: web');
});

test('vi: E37 on :q with changes; redraws on resize', async () => {
  const sh = await shell({ cols: 80, rows: 24 });
  await sh.run(`printf 'a\\nb\\n' > two.txt`);
  sh.write('vi two.txt\r');
  await sh.waitFor('"two.txt" 2L, 4B', 5000, 'screen');
  sh.write('dd:q\r');
  await sh.waitFor('E37: No write since last change (add ! to override)', 5000, 'screen');
  sh.resize(60, 10);
  await sh.waitFor(/^b\n(~\n){8}E37: .* 1,1 {11}All$/, 5000, 'screen');
  sh.write(':q!\r');
  // Wait for the shell's prompt: keys typed before vi has exited would go to vi.
  await sh.waitFor(/\]# vi two\.txt\n\[root@master ~\]# $/);
  assert.equal(await sh.run('cat two.txt'), 'a\nb');
});

test('kubectl edit deploy opens vi; changing replicas is applied', async (t) => {
  const sh = await shell({ cols: 100, rows: 40 });
  sh.write('kubectl edit deploy nginx\r');
  const screen = await Promise.race([
    sh.waitFor(/replicas: 2/, 10_000, 'screen'),
    sh.waitFor(/error: .*\n\[root@master ~\]# $/, 10_000),
  ]);
  pendingKubectl(t, screen);
  assert.match(screen, /replicas: 2/);
  sh.write('/replicas: 2\r$r3:wq\r');
  await sh.waitFor('deployment.apps/nginx edited');
  const r = await f.kubectl(['get', 'deploy', 'nginx', '-o', 'jsonpath={.spec.replicas}']);
  assert.equal(r.stdout, '3');
});

test('openssl makes a key and certificate that kubectl create secret tls accepts', async (t) => {
  const sh = await shell();
  const out = await sh.run('openssl req -x509 -sha256 -nodes -days 365 -newkey rsa:2048 -keyout tls.key -out tls.crt -subj "/CN=nginxsvc/O=nginxsvc"', 30_000);
  assert.match(out, /^Generating a 2048 bit RSA private key\n\.+\+\+\+\n\.+\+\+\+\nwriting new private key to 'tls\.key'\n-----$/);
  const text = await sh.run('openssl x509 -in tls.crt -text -noout');
  assert.match(text, /^Certificate:\n {4}Data:\n {8}Version: 3 \(0x2\)\n {8}Serial Number: \d+ \(0x[0-9a-f]+\)\n[^]*Issuer: CN=nginxsvc, O=nginxsvc\n {8}Validity\n {12}Not Before: .* GMT\n {12}Not After : .* GMT\n {8}Subject: CN=nginxsvc, O=nginxsvc\n {8}Subject Public Key Info:\n {12}Public Key Algorithm: rsaEncryption/);
  // The files are real: the reference kubectl (Go's crypto/tls) accepts them from the node's disk.
  const disk = f.engine.nodeShells.disk('master');
  const crt = join(f.dir, 'tls.crt');
  const key = join(f.dir, 'tls.key');
  writeFileSync(crt, disk.readFile('/root/tls.crt'));
  writeFileSync(key, disk.readFile('/root/tls.key'));
  assert.equal(new X509Certificate(disk.readFile('/root/tls.crt')).subject, 'CN=nginxsvc\nO=nginxsvc');
  const real = await f.kubectl(['create', 'secret', 'tls', 'real-tls', `--cert=${crt}`, `--key=${key}`]);
  assert.equal(real.stdout, 'secret/real-tls created\n', real.stderr);
  // And typed in the node shell, as the course does it.
  const created = await sh.run('kubectl create secret tls tls-secret --key tls.key --cert tls.crt');
  pendingKubectl(t, created);
  assert.equal(created, 'secret/tls-secret created');
});

test('ssh node1 and back', async () => {
  const sh = await shell();
  sh.write('ssh node1\r');
  await sh.waitFor(/\[root@node1 ~\]# $/);
  assert.equal(await sh.run('hostname'), 'node1');
  sh.write('exit\r');
  await sh.waitFor(/logout\nConnection to node1 closed\.\n\[root@master ~\]# $/);
  assert.equal(await sh.run('hostname'), 'master');
});

test('an unknown command', async () => {
  const sh = await shell();
  assert.equal(await sh.run('foo'), '-bash: foo: command not found');
});

test('watch -n 1 refreshes full screen until Ctrl-C', async () => {
  const sh = await shell();
  sh.write('watch -n 1 kubectl get pods\r');
  await sh.waitFor(/^Every 1\.0s: kubectl get pods\s+\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\n\nNAME\s+READY/, 10_000, 'screen');
  sh.write('\x03');
  await sh.waitFor(/\]# watch -n 1 kubectl get pods\n\[root@master ~\]# $/);
});

test('robustness: unterminated quotes, binary garbage, a 100,000-character line', async () => {
  const sh = await shell();
  sh.write('echo "abc\r');
  await sh.waitFor(/\n> $/, 5000, 'screen');
  sh.write('def"\r');
  await sh.waitFor(/> def"\nabc\ndef\n\[root@master ~\]# $/);
  // Every byte but Ctrl-D (which would log out at an empty prompt); then Ctrl-C clears the line.
  const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256).filter((b) => b !== 4 && b !== 13 && b !== 10));
  sh.write(garbage.toString('latin1'));
  sh.write('\x03\x03');
  await sh.waitFor(/\^C\n\[root@master ~\]# $/);
  assert.match(await sh.run('echo alive'), /(^|\n)alive$/);
  const long = 'x'.repeat(100_000);
  assert.equal(await sh.run(`echo ${long} | wc -c`, 30_000), '100001');
});

test('robustness: Ctrl-C stops `while true` while the API keeps answering other clients', async () => {
  const sh = await shell();
  sh.write('while true; do :; done\r');
  await new Promise((r) => setTimeout(r, 300));
  const started = Date.now();
  const r = await f.kubectl(['get', 'namespaces', '-o', 'name']);
  const elapsed = Date.now() - started;
  assert.equal(r.code, 0);
  assert.match(r.stdout, /namespace\/default/);
  assert.ok(elapsed < 3000, `kubectl took ${elapsed} ms while the loop ran`);
  sh.write('\x03');
  await sh.waitFor(/\^C\n\[root@master ~\]# $/, 5000);
  assert.equal(await sh.run('echo $?'), '130');
});
