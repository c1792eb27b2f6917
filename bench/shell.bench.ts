// Terminal benchmarks (issue 4). Prints figures; asserts nothing.
//   keystroke echo latency through the pty · `kubectl get pods` typed in the node shell (Enter to
//   prompt back) · the real kubectl process on the same engine · vi open-to-screen · Tab completion
import { startEngine } from '../test/support/engine-fixture';
import { PtyTerminal } from '../test/support/pty-terminal';

function ms(t0: bigint): number {
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return `median ${q(0.5).toFixed(2)} ms, p95 ${q(0.95).toFixed(2)} ms, min ${s[0].toFixed(2)} ms (n=${s.length})`;
}

const f = await startEngine();
try {
  await f.kubectl(['create', 'deployment', 'nginx', '--image=nginx:1.17.1', '--replicas=5']);
  await f.waitFor(async () => (await f.kubectl(['get', 'pods', '-o', 'name'])).stdout.split('\n').filter(Boolean).length === 5, 'pods');
  const sh = await PtyTerminal.start(f.engine.kubeconfigPath, { cols: 120, rows: 40 });

  // Keystroke echo: from writing one character to the pty until it comes back.
  const echo: number[] = [];
  for (let i = 0; i < 300; i++) {
    const ch = String.fromCharCode(97 + (i % 26));
    const from = sh.raw.length;
    const t0 = process.hrtime.bigint();
    sh.write(ch);
    await sh.waitRaw((r) => r.includes(ch), from);
    echo.push(ms(t0));
    if (i % 60 === 59) {
      sh.write('\x15'); // Ctrl-U: keep the line short
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  sh.write('\x15');
  await new Promise((r) => setTimeout(r, 50));
  console.log(`keystroke echo:                 ${stats(echo)}`);

  // `kubectl get pods` typed in the shell: Enter to the next prompt.
  const inShell: number[] = [];
  await sh.run('kubectl get pods'); // warm-up (loads the kubectl library once)
  for (let i = 0; i < 30; i++) {
    sh.write('kubectl get pods');
    await new Promise((r) => setTimeout(r, 30));
    const from = sh.raw.length;
    const t0 = process.hrtime.bigint();
    sh.write('\r');
    await sh.waitRaw((r) => /nginx[^]*\[root@master ~\]# $/.test(r), from);
    inShell.push(ms(t0));
  }
  console.log(`kubectl get pods in the shell:  ${stats(inShell)}`);

  // The real kubectl, as a process, against the same engine.
  const real: number[] = [];
  await f.kubectl(['get', 'pods']);
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    const r = await f.kubectl(['get', 'pods']);
    real.push(ms(t0));
    if (r.code !== 0) throw new Error(r.stderr);
  }
  console.log(`real kubectl process:           ${stats(real)}`);
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`in-shell kubectl is ${(sorted(real) / sorted(inShell)).toFixed(1)}x faster than the real kubectl process (medians)`);

  // Tab completion of a pod name (discovery cached after the first).
  const tab: number[] = [];
  for (let i = 0; i < 20; i++) {
    sh.write('kubectl get pods ngi');
    await new Promise((r) => setTimeout(r, 30));
    const from = sh.raw.length;
    const t0 = process.hrtime.bigint();
    sh.write('\t');
    await sh.waitRaw((r) => r.includes('nx-'), from);
    tab.push(ms(t0));
    sh.write('\x03');
    await new Promise((r) => setTimeout(r, 30));
  }
  console.log(`Tab completion of a pod name:   ${stats(tab)}`);

  // vi: Enter on `vi file` until the file is drawn.
  await sh.run('kubectl get deploy nginx -o yaml > d.yaml');
  const vi: number[] = [];
  for (let i = 0; i < 10; i++) {
    sh.write('vi d.yaml');
    await new Promise((r) => setTimeout(r, 30));
    const from = sh.raw.length;
    const t0 = process.hrtime.bigint();
    sh.write('\r');
    await sh.waitRaw((r) => r.includes('All') || r.includes('Top'), from);
    vi.push(ms(t0));
    sh.write(':q\r');
    await sh.waitFor(/\]# $/);
  }
  console.log(`vi open to first screen:        ${stats(vi)}`);
  await sh.dispose();
} finally {
  await f.stop();
}
