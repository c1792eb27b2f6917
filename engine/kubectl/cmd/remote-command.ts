// The client side of exec and attach: a WebSocket speaking v5.channel.k8s.io (byte 0 of each
// binary message is the stream: 0 stdin, 1 stdout, 2 stderr, 3 error/status, 4 resize; 255 closes
// a stream), the raw-tty handling, and the exit status from the Status on stream 3.
// Upstream: kubernetes/client-go tools/remotecommand/websocket.go, v5.go, errorstream;
// kubernetes/kubectl pkg/cmd/exec/exec.go (StreamOptions.SetupTTY), pkg/cmd/util/helpers.go (ExitError).

import type { CommandContext } from '../cli/command';
import { KubectlError, StatusError, ExitError } from '../errors';
import type { KubectlIO } from '../io';

export interface StreamRequest {
  /** exec or attach */
  subresource: 'exec' | 'attach';
  namespace: string;
  pod: string;
  container: string;
  command?: string[];
  stdin: boolean;
  tty: boolean;
}

/** SetupTTY: a TTY needs stdin, and stdin has to be a terminal. */
export function setupTTY(io: KubectlIO, stdin: boolean, tty: boolean, quiet: boolean): boolean {
  if (!stdin) return false;
  if (!tty) return false;
  const isTerminal = io.stdinIsTTY ?? io.terminal?.isTTY ?? false;
  if (!isTerminal) {
    if (!quiet) io.stderr.write('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    return false;
  }
  return true;
}

function streamUrl(server: string, r: StreamRequest): string {
  const q = new URLSearchParams();
  for (const c of r.command ?? []) q.append('command', c);
  q.set('container', r.container);
  if (r.stdin) q.set('stdin', 'true');
  q.set('stdout', 'true');
  if (!r.tty) q.set('stderr', 'true');
  if (r.tty) q.set('tty', 'true');
  return `${server.replace(/^http/, 'ws')}/api/v1/namespaces/${r.namespace}/pods/${r.pod}/${r.subresource}?${q.toString()}`;
}

/** Runs the remote command; resolves with the exit code (thrown as ExitError by the caller). */
export async function streamRemote(ctx: CommandContext, r: StreamRequest): Promise<number> {
  const { io } = ctx;
  const client = await ctx.factory.client();
  const cfg = client.config;
  const { default: WebSocket } = await import('ws');
  const headers: Record<string, string> = { 'User-Agent': client.userAgent() };
  if (cfg.token) headers.Authorization = `Bearer ${cfg.token}`;
  const ws = new WebSocket(streamUrl(cfg.server, r), ['v5.channel.k8s.io'], {
    headers,
    ca: cfg.caData ? Buffer.from(cfg.caData) : undefined,
    cert: cfg.certData ? Buffer.from(cfg.certData) : undefined,
    key: cfg.keyData ? Buffer.from(cfg.keyData) : undefined,
    rejectUnauthorized: !cfg.insecureSkipTLSVerify,
  });
  const cleanups: (() => void)[] = [];
  return new Promise<number>((resolve, reject) => {
    let status: { status?: string; message?: string; reason?: string; details?: { causes?: { reason?: string; message?: string }[] } } | undefined;
    let settled = false;
    const done = (fn: () => void) => {
      if (settled) return;
      settled = true;
      for (const c of cleanups.splice(0).reverse()) c();
      fn();
    };
    const send = (channel: number, data: Uint8Array | string) => {
      if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), Buffer.from(data)]));
    };
    ws.on('open', () => {
      if (r.tty && io.setRawMode) {
        io.setRawMode(true);
        cleanups.push(() => io.setRawMode?.(false));
      }
      if (r.tty) {
        const cols = io.terminal?.columns ?? 80;
        const rows = io.terminal?.rows ?? 24;
        // Upstream: attach.go sends a size one larger first, so the attached program sees a
        // change and redraws (its prompt would otherwise stay blank until Enter).
        if (r.subresource === 'attach') send(4, JSON.stringify({ Width: cols + 1, Height: rows + 1 }));
        send(4, JSON.stringify({ Width: cols, Height: rows }));
        if (io.onResize) cleanups.push(io.onResize((s) => send(4, JSON.stringify({ Width: s.columns, Height: s.rows }))));
      }
      if (r.stdin) {
        void (async () => {
          try {
            if (io.stdinStream) {
              for await (const chunk of io.stdinStream()) {
                if (settled) return;
                send(0, chunk);
              }
            } else send(0, await io.stdin());
          } catch {
            /* stdin closed */
          }
          // v5: close the stdin stream so the remote side sees EOF.
          if (!settled && ws.readyState === WebSocket.OPEN) ws.send(Buffer.from([255, 0]));
        })();
      }
    });
    ws.on('message', (raw: Buffer) => {
      if (raw.length === 0) return;
      const body = raw.subarray(1);
      switch (raw[0]) {
        case 1:
          io.stdout.write(body.toString('utf8'));
          break;
        case 2:
          io.stderr.write(body.toString('utf8'));
          break;
        case 3:
          try {
            status = JSON.parse(body.toString('utf8'));
          } catch {
            status = { status: 'Failure', message: body.toString('utf8') };
          }
          break;
      }
    });
    ws.on('close', () =>
      done(() => {
        if (!status || status.status === 'Success') return resolve(0);
        const exit = status.details?.causes?.find((c) => c.reason === 'ExitCode');
        if (status.reason === 'NonZeroExitCode' && exit) {
          const code = Number(exit.message);
          // Upstream: checkErr prints `command terminated with exit code N` and exits N.
          io.stderr.write(`command terminated with exit code ${code}\n`);
          return resolve(code);
        }
        reject(new KubectlError(status.message ?? 'error executing remote command'));
      }),
    );
    // A failed WebSocket upgrade makes kubectl fall back to SPDY (a POST upgrade); the server's
    // answer to that request is the error the user sees.
    ws.on('unexpected-response', (_req, res) => {
      res.resume();
      res.on('end', () => done(() => spdyFallback(ctx, r).then(resolve, reject)));
    });
    ws.on('error', (err) => done(() => reject(err)));
    if (io.signal) {
      const onAbort = () => ws.close();
      io.signal.addEventListener('abort', onAbort, { once: true });
      cleanups.push(() => io.signal?.removeEventListener('abort', onAbort));
    }
  });
}

export const spdyHeaders = (protocols: string[]): Record<string, string> => ({
  Connection: 'Upgrade',
  Upgrade: 'SPDY/3.1',
  'X-Stream-Protocol-Version': protocols.join(', '),
});

/** The SPDY/3.1 POST upgrade kubectl falls back to; Kubelab cannot speak SPDY, so only its error path is real. */
export async function spdyFallback(ctx: CommandContext, r: StreamRequest | { subresource: 'portforward'; namespace: string; pod: string }): Promise<number> {
  const client = await ctx.factory.client();
  const url = 'command' in r || 'container' in r ? streamUrl('', r as StreamRequest).replace(/^ws/, '') : `/api/v1/namespaces/${r.namespace}/pods/${r.pod}/portforward`;
  await client.request({ method: 'POST', path: url, headers: spdyHeaders(r.subresource === 'portforward' ? ['portforward.k8s.io'] : ['v5.channel.k8s.io', 'v4.channel.k8s.io', 'v3.channel.k8s.io', 'v2.channel.k8s.io', 'channel.k8s.io']) });
  throw new KubectlError('unable to upgrade connection: SPDY streaming is not supported by Kubelab\'s kubectl');
}

export { ExitError };
