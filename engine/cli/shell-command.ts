// `kubelab shell`: the thin terminal client of a node shell running in the engine. Like
// `kubectl exec -it`, it speaks the v5.channel.k8s.io streaming protocol: raw tty in, output
// out, resizes on channel 4, the exit status from channel 3.
import WebSocket from 'ws';
import { targetFromKubeconfig } from './kubeconfig-target';

export interface ShellCommandOptions {
  node: string;
  kubeconfig: string;
  stdin?: NodeJS.ReadStream;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
}

export function nodeShellUrl(server: string, node: string, cols: number, rows: number): string {
  const u = new URL(`/api/v1/nodes/${encodeURIComponent(node)}/shell`, server.replace(/^http/, 'ws'));
  u.searchParams.set('tty', 'true');
  u.searchParams.set('stdin', 'true');
  u.searchParams.set('cols', String(cols));
  u.searchParams.set('rows', String(rows));
  return u.toString();
}

export function runShellCommand(opts: ShellCommandOptions): Promise<number> {
  const stdin = opts.stdin ?? process.stdin;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const target = targetFromKubeconfig(opts.kubeconfig);
  const cols = stdout.columns || 80;
  const rows = stdout.rows || 24;
  return new Promise((resolve) => {
    const ws = new WebSocket(nodeShellUrl(target.server, opts.node, cols, rows), ['v5.channel.k8s.io'], {
      ca: target.ca,
      rejectUnauthorized: !target.insecure,
      headers: target.token ? { Authorization: `Bearer ${target.token}` } : {},
    });
    let exitCode = 0;
    const restore: (() => void)[] = [];
    const send = (channel: number, data: Buffer | string) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), typeof data === 'string' ? Buffer.from(data) : data]));
    };
    ws.on('open', () => {
      if (stdin.isTTY) {
        stdin.setRawMode(true);
        restore.push(() => stdin.setRawMode(false));
      }
      const onData = (d: Buffer) => send(0, d);
      stdin.on('data', onData);
      stdin.resume();
      restore.push(() => {
        stdin.off('data', onData);
        stdin.pause();
      });
      const onEnd = () => send(255, Buffer.from([0]));
      stdin.on('end', onEnd);
      restore.push(() => stdin.off('end', onEnd));
      const onResize = () => send(4, JSON.stringify({ Width: stdout.columns, Height: stdout.rows }));
      stdout.on('resize', onResize);
      restore.push(() => stdout.off('resize', onResize));
    });
    ws.on('message', (raw: Buffer) => {
      if (raw.length === 0) return;
      const channel = raw[0];
      const body = raw.subarray(1);
      if (channel === 1) stdout.write(body);
      else if (channel === 2) stderr.write(body);
      else if (channel === 3) {
        try {
          const status = JSON.parse(body.toString());
          if (status.status !== 'Success') {
            const cause = status.details?.causes?.find((c: { reason: string }) => c.reason === 'ExitCode');
            exitCode = cause ? Number(cause.message) : 1;
            if (!cause && status.message) stderr.write(`${status.message}\n`);
          }
        } catch {
          exitCode = 1;
        }
      }
    });
    const finish = (code: number) => {
      for (const r of restore.splice(0)) r();
      resolve(code);
    };
    ws.on('close', () => finish(exitCode));
    ws.on('error', (err: Error & { code?: string }) => {
      const reason = err.code === 'ECONNREFUSED' ? `the cluster at ${target.server} is not running (start it with: kubelab engine)` : err.message;
      stderr.write(`kubelab shell: ${reason}\n`);
      exitCode = 1;
      finish(1);
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => {
        let message = body;
        try {
          message = JSON.parse(body).message ?? body;
        } catch {
          // keep the raw text
        }
        stderr.write(`kubelab shell: ${message}\n`);
        finish(1);
      });
    });
  });
}
