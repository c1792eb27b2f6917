// github.com/liggitt/tabwriter (text/tabwriter plus RememberWidths), the column
// layout behind every kubectl table. Cells end at '\t'; a line's last cell is not
// part of any column; widths are computed per block of consecutive lines.
// Upstream: liggitt/tabwriter tabwriter.go (Write, format, writeLines); cell widths are
// rune counts, as in Go.

export interface TabWriterOptions {
  minwidth: number;
  tabwidth: number;
  padding: number;
  padchar?: string;
  /** Keep column widths across flushes (kubectl get -w): columns grow, never shrink. */
  rememberWidths?: boolean;
}

/** kubectl's printers.GetNewTabWriter. */
export const kubectlTableOptions: TabWriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true };
/** kubectl describe's tabbedString. */
export const describeOptions: TabWriterOptions = { minwidth: 0, tabwidth: 8, padding: 2 };

interface Cell {
  text: string;
  width: number;
}

export class TabWriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];
  private out = '';

  constructor(
    private readonly opts: TabWriterOptions,
    private readonly sink?: (text: string) => void,
  ) {}

  write(text: string): void {
    for (const ch of text) {
      if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const line = this.lines[this.lines.length - 1];
        line.push({ text: this.cell, width: [...this.cell].length });
        this.cell = '';
        if (ch === '\n' || ch === '\f') {
          const ncells = line.length;
          this.lines.push([]);
          // A one-cell line cannot affect later columns, so Go flushes here.
          if (ch === '\f' || ncells === 1) this.flushInternal();
        }
      } else {
        this.cell += ch;
      }
    }
  }

  /** SetRememberedWidths(nil): kubectl get does this between resource kinds. */
  resetRememberedWidths(): void {
    this.maxwidths = [];
  }

  /** Formats everything buffered; returns the text (also sent to the sink, if any). */
  flush(): string {
    this.flushInternal();
    const out = this.out;
    this.out = '';
    return out;
  }

  private flushInternal(): void {
    // The partial cell at the end of the buffer belongs to the last line.
    if (this.cell !== '') {
      this.lines[this.lines.length - 1].push({ text: this.cell, width: [...this.cell].length });
      this.cell = '';
    }
    const last = this.lines[this.lines.length - 1];
    const complete = last.length === 0 ? this.lines.slice(0, -1) : this.lines;
    const trailing = last.length === 0 ? undefined : last;
    this.format(complete, 0, complete.length, trailing !== undefined);
    this.lines = [[]];
    this.widths = [];
  }

  private emit(s: string): void {
    if (this.sink) this.sink(s);
    else this.out += s;
  }

  private format(lines: Cell[][], line0: number, line1: number, lastHasNoNewline: boolean): void {
    const column = this.widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      this.writeLines(lines, line0, t, lastHasNoNewline);
      line0 = t;
      let width = this.opts.minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        const w = line[column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (column < this.maxwidths.length) {
          if (this.maxwidths[column] > width) width = this.maxwidths[column];
          else this.maxwidths[column] = width;
        } else this.maxwidths.push(width);
      }
      this.widths.push(width);
      this.format(lines, line0, t, lastHasNoNewline);
      this.widths.pop();
      line0 = t;
    }
    this.writeLines(lines, line0, line1, lastHasNoNewline);
  }

  private writeLines(lines: Cell[][], line0: number, line1: number, lastHasNoNewline: boolean): void {
    const pad = this.opts.padchar ?? ' ';
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      let s = '';
      line.forEach((c, j) => {
        s += c.text;
        if (j < this.widths.length) s += pad.repeat(Math.max(0, this.widths[j] - c.width));
      });
      const isLast = i === lines.length - 1 && lastHasNoNewline;
      this.emit(isLast ? s : s + '\n');
    }
  }
}

/** Lays out a whole text at once with the given options. */
export function tabulate(text: string, opts: TabWriterOptions = kubectlTableOptions): string {
  const w = new TabWriter(opts);
  w.write(text);
  return w.flush();
}
