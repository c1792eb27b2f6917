// The live xterm instances by session id, for commands that act on "the active terminal" (copy,
// find, menu) and for the e2e tests, which read the buffer instead of pixels (WebGL draws on a canvas).
import type { Terminal } from '@xterm/xterm';

const terminals = new Map<string, Terminal>();
let activeId: string | undefined;

export const terminalRegistry = {
  add(id: string, term: Terminal): () => void {
    terminals.set(id, term);
    return () => {
      if (terminals.get(id) === term) terminals.delete(id);
    };
  },
  setActive(id: string | undefined): void {
    activeId = id;
  },
  active(): Terminal | undefined {
    return activeId ? terminals.get(activeId) : undefined;
  },
  /** The buffer as text, one line per row, trailing blanks trimmed. */
  text(id = activeId): string {
    const t = id ? terminals.get(id) : undefined;
    if (!t) return '';
    const buf = t.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buf.length; i++) {
      const line = buf.getLine(i);
      if (!line) continue;
      // Wrapped rows continue the previous line.
      if (line.isWrapped && lines.length) lines[lines.length - 1] += line.translateToString(true);
      else lines.push(line.translateToString(true));
    }
    return lines.join('\n').replace(/\n+$/, '');
  },
};

declare global {
  interface Window {
    kubelabTest?: { terminalText(id?: string): string; activeSession(): string | undefined };
  }
}

window.kubelabTest = { terminalText: (id) => terminalRegistry.text(id), activeSession: () => activeId };
