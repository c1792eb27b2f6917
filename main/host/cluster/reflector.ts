// List-then-watch of one collection against the engine, for one subscriber: sends the full list,
// then each event; re-lists when the watch expires (410) or the engine comes back after a restart.
// Model: client-go tools/cache/reflector.go ListAndWatch.
import type { IncomingMessage } from 'node:http';
import { createInterface } from 'node:readline';
import type { KubeClient } from './kube-client';

export interface ReflectorSink {
  list(items: unknown[]): void;
  event(type: 'ADDED' | 'MODIFIED' | 'DELETED', object: unknown): void;
  error(message: string): void;
}

interface ListBody {
  items?: unknown[];
  metadata?: { resourceVersion?: string };
}

export class Reflector {
  private stopped = false;
  private abort: AbortController | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly path: string,
    /** The current engine client, or undefined while the engine is not ready. */
    private readonly kube: () => KubeClient | undefined,
    private readonly sink: ReflectorSink,
    private readonly retryMs = 500,
  ) {
    void this.run();
  }

  /** The engine became ready again (maybe a new process): stop waiting, re-list now. */
  engineReady(): void {
    this.abort?.abort();
    this.wake?.();
  }

  dispose(): void {
    this.stopped = true;
    this.abort?.abort();
    this.wake?.();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const kube = this.kube();
      if (kube) {
        try {
          let rv: string | undefined = await this.list(kube);
          while (!this.stopped && rv !== undefined) rv = await this.watch(kube, rv);
        } catch (e) {
          if (!this.stopped && !this.abort?.signal.aborted) this.sink.error(e instanceof Error ? e.message : String(e));
        }
      }
      if (this.stopped) return;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, this.retryMs);
        this.wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.wake = undefined;
    }
  }

  private async list(kube: KubeClient): Promise<string> {
    this.abort = new AbortController();
    const res = await kube.open(this.path, { signal: this.abort.signal, timeoutMs: 10_000 });
    const body = JSON.parse(await readAll(res)) as ListBody;
    if ((res.statusCode ?? 0) !== 200) throw new Error(`list ${this.path}: ${res.statusCode}`);
    if (!this.stopped) this.sink.list(body.items ?? []);
    return body.metadata?.resourceVersion ?? '0';
  }

  /** Watches from rv; resolves with the rv to resume from, or undefined to re-list. */
  private async watch(kube: KubeClient, rv: string): Promise<string | undefined> {
    this.abort = new AbortController();
    const sep = this.path.includes('?') ? '&' : '?';
    const res = await kube.open(`${this.path}${sep}watch=1&allowWatchBookmarks=true&resourceVersion=${encodeURIComponent(rv)}`, { signal: this.abort.signal });
    if ((res.statusCode ?? 0) !== 200) {
      res.resume();
      return undefined;
    }
    let last: string | undefined = rv;
    const lines = createInterface({ input: res, crlfDelay: Infinity });
    try {
      for await (const line of lines) {
        if (this.stopped) break;
        if (!line.trim()) continue;
        const ev = JSON.parse(line) as { type: string; object: { metadata?: { resourceVersion?: string } } };
        if (ev.type === 'ERROR') {
          last = undefined; // 410 Gone: the rv is too old; re-list
          break;
        }
        last = ev.object.metadata?.resourceVersion ?? last;
        if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED') this.sink.event(ev.type, ev.object);
      }
    } finally {
      lines.close();
      res.destroy();
    }
    // A watch that ended because the engine went away is retried by run() after re-listing.
    return this.abort.signal.aborted ? undefined : last;
  }
}

function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString()));
    res.on('error', reject);
  });
}
