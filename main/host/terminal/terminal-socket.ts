// Binds one WebSocket to one terminal session: JSON messages in both directions (protocol.ts).
// The socket is only a view: closing it detaches the renderer, the session keeps running.
import type { WebSocket } from 'ws';
import type { ClientMessage, ServerMessage } from '../protocol';
import type { TerminalSession } from './terminal-session';

const MAX_INPUT = 64 * 1024;

function parse(raw: string): ClientMessage | undefined {
  let m: unknown;
  try {
    m = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!m || typeof m !== 'object') return undefined;
  const v = m as Record<string, unknown>;
  switch (v.type) {
    case 'input':
      return typeof v.data === 'string' && v.data.length <= MAX_INPUT ? { type: 'input', data: v.data } : undefined;
    case 'resize':
      return typeof v.cols === 'number' && typeof v.rows === 'number' ? { type: 'resize', cols: v.cols, rows: v.rows } : undefined;
    case 'ack':
      return typeof v.chars === 'number' ? { type: 'ack', chars: v.chars } : undefined;
    case 'restart':
      return { type: 'restart' };
    default:
      return undefined;
  }
}

export function bindTerminalSocket(ws: WebSocket, session: TerminalSession): void {
  const attachment = session.attach({
    send: (msg: ServerMessage) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    },
    close: (code, reason) => ws.close(code, reason),
  });
  ws.on('message', (data, isBinary) => {
    if (isBinary) return;
    const msg = parse(data.toString());
    if (!msg) return;
    switch (msg.type) {
      case 'input':
        return session.input(msg.data);
      case 'resize':
        return session.resize(msg.cols, msg.rows);
      case 'ack':
        return session.ack(msg.chars);
      case 'restart':
        return session.restart();
    }
  });
  ws.on('close', () => attachment.dispose());
  ws.on('error', () => attachment.dispose());
}
