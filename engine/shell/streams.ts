// Byte streams between commands: what a command reads (stdin) and writes (stdout, stderr).
// A pipe has a bounded buffer, so a producer that awaits its writes (`yes`, `seq 1 1000000`) waits
// for the consumer, and learns through `closed` that the consumer exited (`yes | head -n 3`).
import { StringDecoder } from 'node:string_decoder';
import { abortError } from './shell-clock';
import type { VirtualFs } from './virtual-fs';

export type Chunk = string | Uint8Array;

export interface OutputStream {
  /**
   * Queues data. The promise never rejects: it resolves at once for terminals and files, and when
   * there is room for pipes. Data written after the reader has gone is dropped.
   */
  write(data: Chunk): Promise<void>;
  /** True once nobody reads any more (the next command in the pipeline exited). Stop producing. */
  readonly closed: boolean;
}

/** Reads chunks, lines or everything. Reads reject with an AbortError on Ctrl-C. */
export class InputStream {
  private text = '';
  private eof = false;
  private readonly decoder = new StringDecoder('utf8');

  /** @param pull next raw chunk, or null at end of input */
  constructor(private readonly pull: () => Promise<Chunk | null>) {}

  /** Next piece of text as it arrives, or null at end of input. */
  async read(): Promise<string | null> {
    if (this.text) {
      const t = this.text;
      this.text = '';
      return t;
    }
    for (;;) {
      if (this.eof) return null;
      const chunk = await this.pull();
      if (chunk === null) {
        this.eof = true;
        const rest = this.decoder.end();
        return rest ? rest : null;
      }
      const t = typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.from(chunk));
      if (t) return t;
    }
  }

  /** Next line without its newline; the last line may lack one. Null at end of input. */
  async readLine(): Promise<string | null> {
    for (;;) {
      const nl = this.text.indexOf('\n');
      if (nl >= 0) {
        const line = this.text.slice(0, nl);
        this.text = this.text.slice(nl + 1);
        return line;
      }
      if (this.eof) {
        if (!this.text) return null;
        const line = this.text;
        this.text = '';
        return line;
      }
      const more = await this.readRaw();
      if (more === null) continue;
      this.text += more;
    }
  }

  async readAll(): Promise<string> {
    let out = this.text;
    this.text = '';
    for (;;) {
      const t = await this.readRaw();
      if (t === null) return out;
      out += t;
    }
  }

  /** Everything as bytes (for base64 and binary files). */
  async readAllBytes(): Promise<Buffer> {
    const parts: Buffer[] = [Buffer.from(this.text, 'utf8')];
    this.text = '';
    for (;;) {
      if (this.eof) break;
      const chunk = await this.pull();
      if (chunk === null) {
        this.eof = true;
        break;
      }
      parts.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk));
    }
    return Buffer.concat(parts);
  }

  async *lines(): AsyncGenerator<string> {
    for (;;) {
      const line = await this.readLine();
      if (line === null) return;
      yield line;
    }
  }

  private async readRaw(): Promise<string | null> {
    if (this.eof) return null;
    const chunk = await this.pull();
    if (chunk === null) {
      this.eof = true;
      const rest = this.decoder.end();
      return rest ? rest : null;
    }
    return typeof chunk === 'string' ? chunk : this.decoder.write(Buffer.from(chunk));
  }
}

export function emptyInput(): InputStream {
  return new InputStream(async () => null);
}

export function textInput(text: Chunk): InputStream {
  let done = false;
  return new InputStream(async () => {
    if (done) return null;
    done = true;
    return text;
  });
}

/** Wraps an input so pending reads reject when `signal` aborts (Ctrl-C while a command reads). */
export function abortableInput(input: InputStream, signal: AbortSignal): InputStream {
  return new InputStream(
    () =>
      new Promise<Chunk | null>((resolve, reject) => {
        if (signal.aborted) return reject(abortError());
        const onAbort = () => reject(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        input.read().then(
          (v) => {
            signal.removeEventListener('abort', onAbort);
            resolve(v);
          },
          (e) => {
            signal.removeEventListener('abort', onAbort);
            reject(e);
          },
        );
      }),
  );
}

const PIPE_HIGH_WATER = 64 * 1024;

/** A pipe between two commands. */
export class Pipe {
  private readonly chunks: Chunk[] = [];
  private buffered = 0;
  private writeClosed = false;
  private readClosed = false;
  private readWaiter: (() => void) | undefined;
  private readonly writeWaiters: (() => void)[] = [];
  /** A write was dropped because the reader had gone: the writer "got SIGPIPE". */
  broken = false;

  readonly writer: OutputStream & { readonly broken: boolean };
  readonly reader: InputStream;

  constructor(signal?: AbortSignal) {
    const pipe = this;
    this.writer = {
      write: (data) => this.write(data),
      get closed() {
        return pipe.readClosed;
      },
      get broken() {
        return pipe.broken;
      },
    };
    this.reader = new InputStream(() => this.pull(signal));
    if (signal) {
      const onAbort = () => this.wakeAll();
      signal.addEventListener('abort', onAbort, { once: true });
      this.detach = () => signal.removeEventListener('abort', onAbort);
    }
  }

  /** Removes the abort listener once both ends are done. */
  detach: () => void = () => {};

  /** The writer is done: the reader sees end of input once the buffer drains. */
  closeWrite(): void {
    this.writeClosed = true;
    this.wakeAll();
  }

  /** The reader is done: writers learn through `closed`, and their pending writes resolve. */
  closeRead(): void {
    this.readClosed = true;
    this.chunks.length = 0;
    this.buffered = 0;
    this.wakeAll();
  }

  private write(data: Chunk): Promise<void> {
    if (this.readClosed) {
      this.broken = true;
      return Promise.resolve();
    }
    const size = typeof data === 'string' ? data.length : data.length;
    if (size === 0) return Promise.resolve();
    this.chunks.push(data);
    this.buffered += size;
    this.readWaiter?.();
    if (this.buffered < PIPE_HIGH_WATER) return Promise.resolve();
    return new Promise((resolve) => this.writeWaiters.push(resolve));
  }

  private async pull(signal?: AbortSignal): Promise<Chunk | null> {
    for (;;) {
      if (signal?.aborted) throw abortError();
      if (this.chunks.length) {
        const c = this.chunks.shift()!;
        this.buffered -= typeof c === 'string' ? c.length : c.length;
        if (this.buffered < PIPE_HIGH_WATER) this.releaseWriters();
        return c;
      }
      if (this.writeClosed || this.readClosed) return null;
      await new Promise<void>((resolve) => (this.readWaiter = resolve));
      this.readWaiter = undefined;
    }
  }

  private releaseWriters(): void {
    for (const w of this.writeWaiters.splice(0)) w();
  }

  private wakeAll(): void {
    this.readWaiter?.();
    this.releaseWriters();
  }
}

/** Collects output in memory (command substitution, tests). */
export class BufferOutput implements OutputStream {
  private readonly parts: Chunk[] = [];
  readonly closed = false;

  write(data: Chunk): Promise<void> {
    this.parts.push(data);
    return Promise.resolve();
  }

  text(): string {
    return Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)))).toString('utf8');
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
  }
}

export const nullOutput: OutputStream = { write: () => Promise.resolve(), closed: false };

/** Appends to a file as data arrives, so `tail -f` of a growing file sees it. */
export class FileOutput implements OutputStream {
  readonly closed = false;

  constructor(
    private readonly fs: VirtualFs,
    private readonly path: string,
  ) {}

  write(data: Chunk): Promise<void> {
    try {
      this.fs.appendFile(this.path, typeof data === 'string' ? data : Buffer.from(data));
    } catch {
      // The file vanished or became a directory: the data is lost, as with an unlinked inode.
    }
    return Promise.resolve();
  }
}

/** A sink calling a function, e.g. the terminal. */
export class CallbackOutput implements OutputStream {
  readonly closed = false;

  constructor(private readonly sink: (data: Chunk) => void) {}

  write(data: Chunk): Promise<void> {
    this.sink(data);
    return Promise.resolve();
  }
}

export function chunkToString(c: Chunk): string {
  return typeof c === 'string' ? c : Buffer.from(c).toString('utf8');
}
