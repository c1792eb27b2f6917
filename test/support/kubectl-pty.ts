// Test support: one kubectl process (the real one or ours) in a real pty, its raw output kept so
// tests can wait for what the terminal received (exec -it, attach -it, run -it, logs -f).
import pty from 'node-pty';

export interface KubectlPty {
  output: string;
  write(data: string): void;
  waitFor(re: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  kill(): void;
  exited: Promise<number>;
}

export function spawnKubectlPty(binary: string, args: string[], env: Record<string, string>): KubectlPty {
  const p = pty.spawn(binary, args, { cols: 100, rows: 30, env: { TERM: 'xterm', ...env }, name: 'xterm' });
  const run: KubectlPty = {
    output: '',
    write: (d) => p.write(d),
    kill: () => p.kill(),
    exited: new Promise((resolve) => p.onExit(({ exitCode }) => resolve(exitCode))),
    async waitFor(re, timeoutMs = 10_000) {
      const start = Date.now();
      for (;;) {
        const m = re.exec(run.output);
        if (m) return m;
        if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${re} in ${JSON.stringify(run.output)}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
  };
  p.onData((d) => (run.output += d));
  return run;
}
