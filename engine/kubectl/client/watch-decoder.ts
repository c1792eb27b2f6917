// Splits a stream of concatenated JSON values (watch events) as client-go's
// json.Decoder-based framer does: whitespace between values is optional.
// Upstream: k8s.io/apimachinery pkg/util/framer (JSON framer), pkg/watch/streamwatcher.go.

export class JsonStreamDecoder {
  private buf = '';
  private depth = 0;
  private inString = false;
  private escape = false;
  private start = -1;
  private scanned = 0;
  private readonly text = new TextDecoder();

  /** Feeds bytes; returns every complete JSON value they finish. */
  push(chunk: Uint8Array | string): unknown[] {
    this.buf += typeof chunk === 'string' ? chunk : this.text.decode(chunk, { stream: true });
    const out: unknown[] = [];
    for (let i = this.scanned; i < this.buf.length; i++) {
      const c = this.buf[i];
      if (this.start < 0) {
        if (c === ' ' || c === '\n' || c === '\r' || c === '\t') continue;
        this.start = i;
        if (c !== '{' && c !== '[') throw new Error(`invalid character '${c}' looking for beginning of value`);
      }
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === '\\') this.escape = true;
        else if (c === '"') this.inString = false;
        continue;
      }
      if (c === '"') this.inString = true;
      else if (c === '{' || c === '[') this.depth++;
      else if (c === '}' || c === ']') {
        this.depth--;
        if (this.depth === 0) {
          out.push(JSON.parse(this.buf.slice(this.start, i + 1)));
          this.buf = this.buf.slice(i + 1);
          i = -1;
          this.start = -1;
        }
      }
    }
    this.scanned = this.buf.length;
    return out;
  }
}

export interface WatchEvent<T = unknown> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}
