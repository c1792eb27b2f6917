// The renderer end of a terminal session: an xterm.js addon that connects the terminal to the
// host's WebSocket, acks what it has rendered (flow control), repaints from the replayed
// scrollback on attach, and reconnects with backoff when the socket drops.
// Model: xterm.js addons/addon-attach, plus VS Code's ack-based flow control.
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';
import type { ClientMessage, ServerMessage, SessionInfo } from '../../../main/host/protocol';
import { ACK_CHARS } from '../../../main/host/protocol';

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface AttachHandlers {
  onState?(state: ConnectionState): void;
  onInfo?(info: SessionInfo): void;
  /** A connection attempt failed before opening: the session may be gone (the owner checks). */
  onConnectFailed?(): void;
}

export class AttachAddon implements ITerminalAddon {
  private term: Terminal | undefined;
  private ws: WebSocket | undefined;
  private subs: IDisposable[] = [];
  private unacked = 0;
  private retry = 250;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private everOpened = false;

  constructor(
    private readonly url: string,
    private readonly handlers: AttachHandlers = {},
  ) {}

  activate(term: Terminal): void {
    this.term = term;
    this.subs.push(
      term.onData((data) => this.send({ type: 'input', data })),
      term.onBinary((data) => this.send({ type: 'input', data })),
      term.onResize(({ cols, rows }) => this.send({ type: 'resize', cols, rows })),
    );
    this.connect();
  }

  send(msg: ClientMessage): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(msg));
  }

  dispose(): void {
    this.disposed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const s of this.subs) s.dispose();
    this.subs = [];
    this.ws?.close(1000);
    this.ws = undefined;
  }

  private connect(): void {
    if (this.disposed) return;
    this.handlers.onState?.(this.everOpened ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    let opened = false;
    ws.onopen = () => {
      opened = true;
      this.everOpened = true;
      this.retry = 250;
      this.unacked = 0;
      this.handlers.onState?.('open');
      const t = this.term!;
      this.send({ type: 'resize', cols: t.cols, rows: t.rows });
    };
    ws.onmessage = (e: MessageEvent<string>) => this.receive(JSON.parse(e.data) as ServerMessage);
    ws.onclose = (e) => {
      if (this.ws !== ws || this.disposed) return;
      this.ws = undefined;
      // 4001: another window took this session over; 1000: the session was closed.
      if (e.code === 4001 || e.code === 1000) {
        this.handlers.onState?.('closed');
        return;
      }
      if (!opened) this.handlers.onConnectFailed?.();
      this.handlers.onState?.('reconnecting');
      this.retryTimer = setTimeout(() => this.connect(), this.retry);
      this.retry = Math.min(this.retry * 2, 3000);
    };
  }

  private receive(msg: ServerMessage): void {
    const t = this.term;
    if (!t) return;
    switch (msg.type) {
      case 'replay':
        // A fresh page or a reconnect: the host's scrollback is the truth; repaint from it.
        t.reset();
        if (msg.data) t.write(msg.data);
        this.handlers.onInfo?.(msg.info);
        return;
      case 'output': {
        const n = msg.data.length;
        t.write(msg.data, () => this.rendered(n));
        return;
      }
      case 'info':
        this.handlers.onInfo?.(msg.info);
        return;
      case 'exit':
        return;
    }
  }

  private rendered(chars: number): void {
    this.unacked += chars;
    if (this.unacked >= ACK_CHARS) {
      this.send({ type: 'ack', chars: this.unacked });
      this.unacked = 0;
    }
  }
}
