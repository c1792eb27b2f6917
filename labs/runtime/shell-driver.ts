// Types commands into a node's login shell over the exec streaming protocol, as the terminal tab
// does: "solve to here" and "reset to step N" replay a lab's solution through it, so the replay
// goes through the same kubectl, history file and checkpoints a student's typing does.
import WebSocket from 'ws';
import type { ClusterTarget } from '../../engine/cli/kubeconfig-target';

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\r/g;
const PROMPT = /\[[^\]\s@]+@[^\]\s]+ [^\]]*\]# $/;

export class ShellDriver {
  private output = '';
  private waiters: Array<() => void> = [];
  private closed = false;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (raw: Buffer) => {
      if (raw.length === 0) return;
      if (raw[0] === 1 || raw[0] === 2) {
        this.output += raw.subarray(1).toString('utf8');
        for (const w of this.waiters.splice(0)) w();
      }
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static connect(target: ClusterTarget, node: string): Promise<ShellDriver> {
    const u = new URL(`/api/v1/nodes/${encodeURIComponent(node)}/shell`, target.server.replace(/^http/, 'ws'));
    // Wide enough that no solution line wraps: the line editor then never redraws the prompt
    // while echoing, so the only prompt after a newline is the one that ends the command.
    u.search = 'tty=true&stdin=true&cols=1000&rows=50';
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(u, ['v5.channel.k8s.io'], {
        ca: target.ca,
        rejectUnauthorized: !target.insecure,
        headers: target.token ? { Authorization: `Bearer ${target.token}` } : {},
      });
      const d = new ShellDriver(ws);
      ws.once('open', () => d.waitForPrompt(0, 20_000).then(() => resolve(d), reject));
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`the node shell answered HTTP ${res.statusCode}`)));
    });
  }

  /** Plain text printed so far (escape sequences removed). */
  text(from = 0): string {
    return this.output.slice(from).replace(ANSI, '');
  }

  private atPrompt(from: number, afterNewline: boolean): boolean {
    const t = this.text(from);
    const nl = t.lastIndexOf('\n');
    if (afterNewline && nl < 0) return false;
    return PROMPT.test(t.slice(nl + 1));
  }

  private async waitForPrompt(from: number, timeoutMs: number, afterNewline = false): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.atPrompt(from, afterNewline)) {
      if (this.closed) throw new Error('the node shell closed');
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no prompt after ${timeoutMs / 1000} s; the shell shows:\n${this.text(from).slice(-500)}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Types a command line and waits for the next prompt; returns what it printed. */
  async run(line: string, timeoutMs = 60_000): Promise<string> {
    const from = this.output.length;
    this.ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(line.replace(/\n/g, '\r') + '\r')]));
    // The echo of the line ends with Enter's newline; the next prompt after it ends the command.
    await this.waitForPrompt(from, timeoutMs, true);
    const out = this.text(from);
    const body = out.replace(PROMPT, '');
    const nl = body.indexOf('\n');
    return nl < 0 ? '' : body.slice(nl + 1);
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(Buffer.from([0, 0x04]));
    this.ws.close();
  }
}
