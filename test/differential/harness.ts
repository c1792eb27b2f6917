// The differential harness: runs corpus sequences with the reference kubectl and with ours against
// the same kind of cluster and compares stdout, stderr and exit code after normalising only what a
// cluster generates (ages, times, IPs, uids, resourceVersions, random name suffixes).
// Targets: a fresh Kubelab engine per sequence, or any API server via KUBELAB_DIFF_KUBECONFIG.
// Ours: in-process run() (default) or bin/kubectl with KUBELAB_DIFF_OURS=bin.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { KubectlIO } from '../../engine/kubectl/io';
import { run } from '../../engine/kubectl/run';
import { REAL_KUBECTL, startEngine, type EngineFixture } from '../support/engine-fixture';
import type { Sequence, Step } from './corpus-format';
import { nodeFs } from '../../engine/kubectl/node-fs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunResult {
  stdout: string;
  stderr: string;
  code: number;
}

export type MatchKind = 'exact' | 'normalized' | 'age-width' | 'mismatch';

export interface StepResult {
  sequence: string;
  step: Step;
  real: RunResult;
  ours: RunResult;
  match: MatchKind;
}

interface Target {
  kubeconfig: string;
  /** HOME and working directory for both kubectls. */
  dir: string;
  fixture?: EngineFixture;
}

export interface HarnessOptions {
  /** An external cluster (KUBELAB_DIFF_KUBECONFIG): no engine is started. */
  externalKubeconfig?: string;
  /** 'inproc' (run()) or 'bin' (node bin/kubectl). */
  ours?: 'inproc' | 'bin';
}

export function harnessOptionsFromEnv(env = process.env): HarnessOptions {
  return { externalKubeconfig: env.KUBELAB_DIFF_KUBECONFIG || undefined, ours: env.KUBELAB_DIFF_OURS === 'bin' ? 'bin' : 'inproc' };
}

async function openTarget(o: HarnessOptions): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-diff-'));
  if (o.externalKubeconfig) return { kubeconfig: o.externalKubeconfig, dir };
  const fixture = await startEngine();
  return { kubeconfig: fixture.engine.kubeconfigPath, dir, fixture };
}

async function closeTarget(t: Target): Promise<void> {
  await t.fixture?.stop();
  rmSync(t.dir, { recursive: true, force: true });
}

function spawnCollect(binary: string, args: string[], env: NodeJS.ProcessEnv, cwd: string, stdin?: string, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) });
    });
    child.stdin.end(stdin ?? '');
  });
}

function envFor(t: Target): Record<string, string> {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: t.dir, KUBECONFIG: t.kubeconfig };
}

export function runReal(t: Target, argv: string[], stdin?: string): Promise<RunResult> {
  return spawnCollect(REAL_KUBECTL, argv, envFor(t), t.dir, stdin);
}

/** A KubectlIO over the real filesystem with captured output (what main.ts wires, minus process.*). */
function captureIO(t: Target, stdin?: string): KubectlIO & { result(): { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  return {
    stdin: async () => new TextEncoder().encode(stdin ?? ''),
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    env: envFor(t),
    cwd: t.dir,
    fs: nodeFs,
    terminal: { isTTY: false, columns: 80, rows: 24 },
    now: () => Date.now(),
    platform: 'linux/amd64',
    pid: process.pid,
    result: () => ({ stdout, stderr }),
  };
}

export async function runOurs(t: Target, argv: string[], stdin: string | undefined, o: HarnessOptions): Promise<RunResult> {
  if (o.ours === 'bin') return spawnCollect(process.execPath, [join(repoRoot, 'bin', 'kubectl'), ...argv], envFor(t), t.dir, stdin);
  const io = captureIO(t, stdin);
  let code: number;
  try {
    code = await run(argv, io);
  } catch (e) {
    // bin/kubectl's last resort (kubectl-main.ts) for an exception escaping run().
    io.stderr.write(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    code = 1;
  }
  return { ...io.result(), code };
}

// ---- normalisation ----

const ageToken = /(?<![\w.:/-])(?:\d+[smhdy](?:\d+[smhd])?|<invalid>)(?![\w.:/-])/g;

/** Replaces only what the cluster generates; both outputs go through the same rules. */
export function normalizeOutput(s: string): string {
  return s
    .replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ ([^\]]+)\] /gm, '$1MMDD hh:mm:ss PID $2] ')
    .replace(/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}\b/g, '<time>')
    .replace(/\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g, '<time>')
    // Container log lines carry their own clocks (nginx: 2006/01/02 15:04:05); which of two
    // replicas `logs deploy/x` reads is a tie kubectl's unstable sort may break either way.
    .replace(/\b\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}\b/g, '<time>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<uid>')
    .replace(/("?resourceVersion"?:\s*)"\d+"/g, '$1"<rv>"')
    .replace(/\b10\.(?:\d{1,3}\.){2}\d{1,3}\b/g, '<ip>')
    .replace(/-[bcdfghjklmnpqrstvwxz2456789]{5}\b/g, '-<r5>')
    .replace(ageToken, '<age>');
}

const collapse = (s: string) => s.replace(/[ \t]+/g, ' ');

function ageWidthsDiffer(a: string, b: string): boolean {
  const wa = [...a.matchAll(ageToken)].map((m) => m[0].length);
  const wb = [...b.matchAll(ageToken)].map((m) => m[0].length);
  return wa.length === wb.length && wa.some((w, i) => w !== wb[i]);
}

// Exact first; then normalised; then, only when an age changed width between the two runs
// (9s → 10s), with runs of blanks collapsed, since the tabwriter re-pads the whole column.
export function compareResults(real: RunResult, ours: RunResult): MatchKind {
  if (real.code !== ours.code) return 'mismatch';
  if (real.stdout === ours.stdout && real.stderr === ours.stderr) return 'exact';
  const nr = { out: normalizeOutput(real.stdout), err: normalizeOutput(real.stderr) };
  const no = { out: normalizeOutput(ours.stdout), err: normalizeOutput(ours.stderr) };
  if (nr.out === no.out && nr.err === no.err) return 'normalized';
  if (collapse(nr.out) === collapse(no.out) && collapse(nr.err) === collapse(no.err)) {
    if (ageWidthsDiffer(real.stdout + real.stderr, ours.stdout + ours.stderr)) return 'age-width';
  }
  return 'mismatch';
}

// ---- running sequences ----

// Waits until no pod is pending, starting or terminating, or until the pods stop changing for
// 2 s (a pod that can never be scheduled), at most timeoutMs.
async function settle(t: Target, namespace: string | undefined, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  let last = '';
  let stableSince = Date.now();
  while (Date.now() - start < timeoutMs) {
    const r = await runReal(t, ['get', 'pods', ...(namespace ? ['-n', namespace] : ['-A']), '-o', 'json']);
    if (r.code === 0) {
      type Pod = {
        spec?: { nodeName?: string };
        status?: { phase?: string; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
        metadata?: { name?: string; deletionTimestamp?: string };
      };
      const pods = (JSON.parse(r.stdout).items ?? []) as Pod[];
      const stuckReasons = ['ErrImagePull', 'ImagePullBackOff', 'CrashLoopBackOff', 'CreateContainerConfigError', 'InvalidImageName'];
      // A pod that cannot be scheduled or whose image cannot be pulled will not settle.
      const stuck = (p: Pod) => (p.status?.phase === 'Pending' && !p.spec?.nodeName) || (p.status?.containerStatuses ?? []).some((c) => stuckReasons.includes(c.state?.waiting?.reason ?? ''));
      const busy = pods.some(
        (p) =>
          !stuck(p) &&
          (p.metadata?.deletionTimestamp || p.status?.phase === 'Pending' || (p.status?.containerStatuses ?? []).some((c) => c.state?.waiting && p.status?.phase === 'Running')),
      );
      const snapshot = JSON.stringify(pods.map((p) => [p.metadata?.name, p.status]));
      if (!busy) {
        // Stuck pods still get a moment for their scheduling/pull events to be recorded.
        if (snapshot === last && Date.now() - stableSince > 1000) return waitForQuietEvents(t, namespace, start + timeoutMs);
        if (!pods.some(stuck)) return waitForQuietEvents(t, namespace, start + timeoutMs);
      }
      if (snapshot !== last) {
        last = snapshot;
        stableSince = Date.now();
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Events (image pulled, container started) trail the pod status; wait until their number stops
// growing for 600 ms so both kubectls see the same Events sections.
async function waitForQuietEvents(t: Target, namespace: string | undefined, deadline: number): Promise<void> {
  let last = -1;
  while (Date.now() < deadline) {
    const r = await runReal(t, ['get', 'events', ...(namespace ? ['-n', namespace] : ['-A']), '-o', 'jsonpath={.items[*].count}']);
    const n = r.stdout.split(' ').reduce((a, b) => a + (Number(b) || 0), 0);
    if (n === last) return;
    last = n;
    await new Promise((res) => setTimeout(res, 600));
  }
}

async function doStep(t: Target, step: Step, runner: (argv: string[], stdin?: string) => Promise<RunResult>): Promise<RunResult | undefined> {
  switch (step.kind) {
    case 'file':
      mkdirSync(dirname(join(t.dir, step.file!.name)), { recursive: true });
      writeFileSync(join(t.dir, step.file!.name), step.file!.content);
      return undefined;
    case 'sleep':
      await new Promise((r) => setTimeout(r, (step.seconds ?? 0) * 1000));
      return undefined;
    case 'settle':
      await settle(t, step.namespace);
      return undefined;
    case 'setup':
      await runReal(t, step.argv!, step.stdin);
      return undefined;
    case 'cleanup':
      return undefined;
    case 'compare':
      return runner(step.argv!, step.stdin);
  }
}

async function cleanup(t: Target, seq: Sequence, o: HarnessOptions): Promise<void> {
  if (!o.externalKubeconfig) return;
  for (const s of seq.steps) if (s.kind === 'cleanup') await runReal(t, s.argv!);
}

/** Runs one sequence; returns one result per compared step. */
export async function runSequence(seq: Sequence, o: HarnessOptions): Promise<StepResult[]> {
  const results: StepResult[] = [];
  if (!seq.twin) {
    const t = await openTarget(o);
    try {
      for (const step of seq.steps) {
        if (step.kind !== 'compare') {
          await doStep(t, step, async () => ({ stdout: '', stderr: '', code: 0 }));
          continue;
        }
        const real = await runReal(t, step.argv!, step.stdin);
        const ours = await runOurs(t, step.argv!, step.stdin, o);
        results.push({ sequence: seq.name, step, real, ours, match: compareResults(real, ours) });
      }
      await cleanup(t, seq, o);
    } finally {
      await closeTarget(t);
    }
    return results;
  }
  // Twin: the whole sequence once per kubectl, each on a fresh cluster (or the same external
  // cluster after its cleanup steps).
  const passes: RunResult[][] = [];
  const targets: Target[] = o.externalKubeconfig ? [] : await Promise.all([openTarget(o), openTarget(o)]);
  try {
    for (const which of ['real', 'ours'] as const) {
      const t = o.externalKubeconfig ? await openTarget(o) : targets[which === 'real' ? 0 : 1];
      if (o.externalKubeconfig) targets.push(t);
      const out: RunResult[] = [];
      const runner = which === 'real' ? (argv: string[], stdin?: string) => runReal(t, argv, stdin) : (argv: string[], stdin?: string) => runOurs(t, argv, stdin, o);
      for (const step of seq.steps) {
        const r = await doStep(t, step, runner);
        if (r) out.push(r);
      }
      await cleanup(t, seq, o);
      passes.push(out);
    }
  } finally {
    await Promise.all(targets.map(closeTarget));
  }
  const compared = seq.steps.filter((s) => s.kind === 'compare');
  compared.forEach((step, i) => results.push({ sequence: seq.name, step, real: passes[0][i], ours: passes[1][i], match: compareResults(passes[0][i], passes[1][i]) }));
  return results;
}

/** A unified-ish diff of two texts for failure reports (line by line, first differences). */
export function describeMismatch(r: StepResult, maxLines = 12): string {
  const out: string[] = [`${r.step.text}  (${r.sequence}, line ${r.step.line})`];
  if (r.real.code !== r.ours.code) out.push(`  exit code: real ${r.real.code}, ours ${r.ours.code}`);
  for (const stream of ['stdout', 'stderr'] as const) {
    const a = normalizeOutput(r.real[stream]).split('\n');
    const b = normalizeOutput(r.ours[stream]).split('\n');
    let shown = 0;
    for (let i = 0; i < Math.max(a.length, b.length) && shown < maxLines; i++) {
      if (a[i] === b[i]) continue;
      out.push(`  ${stream}:${i + 1} real: ${JSON.stringify(a[i] ?? '<eof>')}`);
      out.push(`  ${stream}:${i + 1} ours: ${JSON.stringify(b[i] ?? '<eof>')}`);
      shown += 2;
    }
  }
  return out.join('\n');
}
