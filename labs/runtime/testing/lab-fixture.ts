// Test support: an engine with a LabRunner attached, and waiting for checkpoint verdicts.
import { join } from 'node:path';
import { startEngine, type EngineFixture } from '../../../test/support/engine-fixture';
import { LabRunner, type LabRunView } from '../lab-runner';
import { BUNDLED_LABS_DIR, loadCatalogue } from '../lab-loader';
import type { LabPack } from '../lab-pack';
import { trimRecord, writeGolden, type GoldenCase } from '../golden';
import { evaluateRecord } from '../evaluator';

import { ShellDriver } from '../shell-driver';
import { targetFromKubeconfig } from '../../../engine/cli/kubeconfig-target';

export const UPDATE_GOLDEN = process.env.KUBELAB_UPDATE_GOLDEN === '1';

export interface LabFixture {
  f: EngineFixture;
  runner: LabRunner;
  stop(): Promise<void>;
}

export function bundledLab(id: string): LabPack {
  const lab = loadCatalogue(BUNDLED_LABS_DIR).labs.find((l) => l.id === id);
  if (!lab) throw new Error(`no bundled lab ${id}`);
  return lab;
}

export async function startLabFixture(opts: { topology?: string } = {}): Promise<LabFixture> {
  const f = await startEngine({ topology: opts.topology });
  const runner = new LabRunner({ dbPath: join(f.dir, 'labs.db'), kubeconfig: () => f.engine.kubeconfigPath, log: () => {} });
  return {
    f,
    runner,
    async stop() {
      await runner.close();
      await f.stop();
    },
  };
}

/** Resolves once `pred(view)` holds; rejects after timeoutMs with the checkpoints' state. */
export function waitForView(runner: LabRunner, pred: (v: LabRunView) => boolean, timeoutMs = 30_000): Promise<LabRunView> {
  return new Promise((resolve, reject) => {
    const check = (v: LabRunView | undefined) => {
      if (v && pred(v)) {
        off();
        clearTimeout(timer);
        resolve(v);
      }
    };
    const off = runner.onChange(check);
    const timer = setTimeout(() => {
      off();
      const v = runner.view();
      reject(new Error(`timed out; checkpoints: ${JSON.stringify(v?.checkpoints.map((c) => ({ id: c.id, passed: c.passed, error: c.error, waitingFor: c.waitingFor })))}`));
    }, timeoutMs);
    check(runner.view());
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Evaluates the runner's record; with KUBELAB_UPDATE_GOLDEN=1 writes it as a golden case. */
export function verdictOfRun(runner: LabRunner, lab: LabPack, golden?: { name: string; description: string }): Record<string, boolean> {
  const record = runner.record();
  if (!record) throw new Error('no run');
  const { lab: _lab, ...rest } = record;
  const full = evaluateRecord(lab, rest);
  const expect = Object.fromEntries(full.checkpoints.map((c) => [c.id, c.passed]));
  if (golden && UPDATE_GOLDEN) {
    const trimmed = trimRecord(rest);
    const again = Object.fromEntries(evaluateRecord(lab, trimmed).checkpoints.map((c) => [c.id, c.passed]));
    if (JSON.stringify(again) !== JSON.stringify(expect)) throw new Error(`trimming the record changed the verdict: ${JSON.stringify(again)} vs ${JSON.stringify(expect)}`);
    const g: GoldenCase = { description: golden.description, expect, record: trimmed };
    writeGolden(lab.dir, golden.name, g);
  }
  return expect;
}

/** What the bundled kubectl prints for a verb or flag it does not have yet. */
export const KUBECTL_GAP = /is not available in Kubelab's kubectl yet|unknown command "|unknown flag|not implemented|editing is not available in this terminal/i;

/** `VAR="x" kubectl a 'b c'` -> env and argv (enough for the solutions' own lines). */
export function splitKubectlLine(line: string): { env: Record<string, string>; args: string[] } | undefined {
  const words: string[] = [];
  let cur = '';
  let quote: string | undefined;
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && '$`"\\'.includes(line[i + 1] ?? '')) cur += line[++i];
      else cur += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < line.length) {
      cur += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else {
      cur += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  const env: Record<string, string> = {};
  while (words.length && /^[A-Z_]+=/.test(words[0])) {
    const w = words.shift()!;
    env[w.slice(0, w.indexOf('='))] = w.slice(w.indexOf('=') + 1);
  }
  if (words[0] !== 'kubectl') return undefined;
  return { env, args: words.slice(1) };
}


/**
 * Types the solution of every step before `untilStep` into the master's shell (what the runner's
 * "reset to step" does), running a line with the real kubectl when the bundled one cannot yet.
 * Returns the lines that hit a gap.
 */
export async function typeSolutionUntil(fx: LabFixture, lab: LabPack, untilStep: string): Promise<string[]> {
  const idx = lab.steps.findIndex((s) => s.id === untilStep);
  if (idx < 0) throw new Error(`no step ${untilStep}`);
  const shell = await ShellDriver.connect(targetFromKubeconfig(fx.f.engine.kubeconfigPath), lab.topology === 'k8s-master' ? 'k8s-master' : 'master');
  const gaps: string[] = [];
  try {
    for (const step of lab.steps.slice(0, idx)) {
      for (const line of step.solution) {
        const out = await shell.run(line, 120_000);
        if (!KUBECTL_GAP.test(out)) continue;
        gaps.push(line);
        const cmd = splitKubectlLine(line);
        if (cmd) {
          const r = await fx.f.kubectl(cmd.args, { env: { ...cmd.env, SHELL: '/bin/sh' } });
          if (r.code !== 0) throw new Error(`real kubectl fallback for ${line}: ${r.stderr}`);
        }
      }
    }
  } finally {
    shell.close();
  }
  return gaps;
}
