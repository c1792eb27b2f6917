// Test support: a fresh engine in a temp folder, and the real kubectl (/usr/bin/kubectl) or any
// kubectl binary pointed at it with its own cache dir. Every fixture cleans up after itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine, type EngineOptions } from '../../engine/engine';

export const REAL_KUBECTL = process.env.KUBELAB_REAL_KUBECTL ?? '/usr/bin/kubectl';

export interface KubectlResult {
  stdout: string;
  stderr: string;
  code: number;
}

export interface EngineFixture {
  engine: Engine;
  dir: string;
  /** Runs a kubectl binary (default: the real one) against the engine. */
  kubectl(args: string[], opts?: { stdin?: string; env?: Record<string, string>; binary?: string; timeoutMs?: number }): Promise<KubectlResult>;
  /** Polls until fn returns truthy (cluster time runs on the wall clock). */
  waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, what?: string, timeoutMs?: number): Promise<T>;
  stop(): Promise<void>;
}

export function runProcess(binary: string, args: string[], env: NodeJS.ProcessEnv, stdin?: string, timeoutMs = 60_000, cwd?: string): Promise<KubectlResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code: code ?? (signal ? 128 : 1) });
    });
    child.stdin.end(stdin ?? '');
  });
}

export async function startEngine(opts: Partial<EngineOptions> = {}): Promise<EngineFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-test-'));
  const engine = await Engine.start({ dataDir: join(dir, 'data'), ...opts });
  const cacheDir = join(dir, 'kube-cache');
  const fixture: EngineFixture = {
    engine,
    dir,
    kubectl(args, o = {}) {
      const env = { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: engine.kubeconfigPath, ...(o.env ?? {}) };
      return runProcess(o.binary ?? REAL_KUBECTL, ['--cache-dir', cacheDir, ...args], env, o.stdin, o.timeoutMs, dir);
    },
    async waitFor(fn, what = 'condition', timeoutMs = 15_000) {
      const start = Date.now();
      for (;;) {
        const v = await fn();
        if (v) return v as never;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      await engine.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Replaces what a real cluster generates (ages, random suffixes, IPs) so outputs compare. */
export function normalize(text: string): string {
  return text
    .replace(/\b\d+(\.\d+)?(s|m|h|d|y)(\d+(s|m|h|d))?\b/g, '<age>')
    .replace(/\b10\.2\d\d\.\d+\.\d+\b/g, '<ip>');
}
