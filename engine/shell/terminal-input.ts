// The terminal as a running command's stdin: lines typed in cooked mode (or raw keystrokes in raw
// mode) queue here until the command reads them; Ctrl-D queues an end-of-file.
import { abortError } from './shell-clock';
import { InputStream } from './streams';

const EOF = Symbol('eof');

export class TerminalInput {
  private readonly queue: (string | typeof EOF)[] = [];
  private waiter: (() => void) | undefined;
  /** The line being typed in cooked mode, not yet delivered. */
  partial = '';

  deliver(text: string): void {
    if (!text) return;
    this.queue.push(text);
    this.wake();
  }

  deliverEof(): void {
    this.queue.push(EOF);
    this.wake();
  }

  /** A stdin for one command line; reads reject when `signal` aborts (Ctrl-C). */
  stream(signal: AbortSignal): InputStream {
    return new InputStream(async () => {
      for (;;) {
        if (signal.aborted) throw abortError();
        const item = this.queue.shift();
        if (item === EOF) return null;
        if (item !== undefined) return item;
        await new Promise<void>((resolve) => {
          const onAbort = () => resolve();
          signal.addEventListener('abort', onAbort, { once: true });
          this.waiter = () => {
            signal.removeEventListener('abort', onAbort);
            resolve();
          };
        });
        this.waiter = undefined;
      }
    });
  }

  /** Typed-ahead text nobody read (complete lines end in "\r"), and clears the buffer. */
  takeLeftover(): string {
    let text = '';
    for (const item of this.queue) if (item !== EOF) text += item.replace(/\n/g, '\r');
    text += this.partial;
    this.queue.length = 0;
    this.partial = '';
    return text;
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
