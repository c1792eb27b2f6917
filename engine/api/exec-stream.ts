// The remote command streaming protocol over WebSocket (v5.channel.k8s.io, and v4 without the
// close signal): how `kubectl exec` and `kubectl attach` talk to a container, and how
// `kubelab shell` talks to a node. Each binary message starts with a channel byte:
// 0 stdin, 1 stdout, 2 stderr, 3 error (a Status when the command ends), 4 resize; v5 adds
// [255, channel] to close a channel.
// Upstream: apimachinery pkg/util/remotecommand/constants.go, apiserver wsstream, client-go tools/remotecommand/websocket.go
import type { Duplex } from 'node:stream';
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
export const CLOSE = 255;

export const SUPPORTED_PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];

export interface ExecRequest {
  command: string[];
  container?: string;
  tty: boolean;
  stdin: boolean;
  stdout: boolean;
  stderr: boolean;
}

/** What the running command sees: writers, and the end of the command. */
export interface ExecIO {
  stdout(data: string | Buffer): void;
  stderr(data: string | Buffer): void;
}

/** A running command: it receives input and resizes, and resolves with its exit code. */
export interface ExecProcess {
  input(data: Buffer): void;
  endInput(): void;
  resize(cols: number, rows: number): void;
  /** Ctrl-C arrives as input in a tty; this is for a dropped connection. */
  kill(): void;
  exited: Promise<{ code: number; message?: string }>;
}

export type ExecStarter = (req: ExecRequest, io: ExecIO) => ExecProcess | Promise<ExecProcess>;

export function parseExecQuery(url: URL): ExecRequest {
  const q = url.searchParams;
  const bool = (k: string) => q.get(k) === 'true' || q.get(k) === '1';
  return {
    command: q.getAll('command'),
    container: q.get('container') ?? undefined,
    tty: bool('tty'),
    stdin: bool('stdin'),
    stdout: q.has('stdout') ? bool('stdout') : true,
    stderr: q.has('stderr') ? bool('stderr') : true,
  };
}

function frame(channel: number, data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from([channel]), body]);
}

/** The Status written on the error channel when the command ends. */
export function exitStatus(command: string[], code: number, message?: string): object {
  if (code === 0 && !message) return { metadata: {}, status: 'Success' };
  if (code === 0) return { metadata: {}, status: 'Failure', message };
  return {
    metadata: {},
    status: 'Failure',
    message: message ?? `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${code}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(code) }] },
  };
}

/** Accepts WebSocket upgrades for exec-like endpoints and runs the command over the channels. */
export class ExecStreamServer {
  private readonly wss = new WebSocketServer({
    noServer: true,
    handleProtocols: (offered) => SUPPORTED_PROTOCOLS.find((p) => offered.has(p)) ?? false,
  });
  private readonly live = new Set<WebSocket>();

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer, request: ExecRequest, start: ExecStarter): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.live.add(ws);
      ws.on('close', () => this.live.delete(ws));
      void this.run(ws, request, start);
    });
  }

  private async run(ws: WebSocket, request: ExecRequest, start: ExecStarter): Promise<void> {
    const v5 = ws.protocol === 'v5.channel.k8s.io';
    const send = (channel: number, data: string | Buffer) => {
      if (ws.readyState === ws.OPEN) ws.send(frame(channel, data));
    };
    const io: ExecIO = {
      stdout: (d) => send(STDOUT, d),
      // With a tty there is no separate stderr stream: it shares the terminal.
      stderr: (d) => send(request.tty ? STDOUT : STDERR, d),
    };
    let proc: ExecProcess;
    try {
      proc = await start(request, io);
    } catch (e) {
      send(ERROR, JSON.stringify(exitStatus(request.command, 0, (e as Error).message)));
      ws.close(1000);
      return;
    }
    ws.on('message', (raw: Buffer, isBinary: boolean) => {
      if (!isBinary || raw.length === 0) return;
      const channel = raw[0];
      const body = raw.subarray(1);
      if (channel === STDIN) proc.input(body);
      else if (channel === RESIZE) {
        try {
          const { Width, Height } = JSON.parse(body.toString());
          if (Width > 0 && Height > 0) proc.resize(Width, Height);
        } catch {
          // a malformed resize is ignored, as the kubelet does
        }
      } else if (v5 && channel === CLOSE && body[0] === STDIN) proc.endInput();
    });
    ws.on('close', () => proc.kill());
    const { code, message } = await proc.exited;
    send(ERROR, JSON.stringify(exitStatus(request.command, code, message)));
    ws.close(1000);
  }

  close(): void {
    for (const ws of this.live) ws.terminate();
    this.wss.close();
  }
}
