// The writer every describer prints through: text at two-space indent levels, escaped for the
// terminal, laid out by the describe tabwriter (minwidth 0, tabwidth 8, padding 2, no flags).
// Upstream: kubernetes/kubectl pkg/describe/describe.go (PrefixWriter, nestedPrefixWriter,
// tabbedString). Note: upstream's Flush() never reaches the tabwriter (its Flush returns an
// error, so the flusher interface does not match); one describer output is one tabwriter block.

import { escapeTerminal } from '../printers/table-printer';
import { describeOptions, TabWriter } from '../printers/tabwriter';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;
export const LEVEL_4 = 4;

export interface PrefixWriter {
  /** Writes already-formatted text at an indent level (two spaces per level). */
  write(level: number, text: string): void;
  /** Go's fmt.Sprintln of the values: joined by spaces, newline-terminated. */
  writeLine(...values: string[]): void;
}

export class TabPrefixWriter implements PrefixWriter {
  constructor(private readonly out: TabWriter) {}
  write(level: number, text: string): void {
    this.out.write(escapeTerminal('  '.repeat(level) + text));
  }
  writeLine(...values: string[]): void {
    this.out.write(escapeTerminal(values.join(' ') + '\n'));
  }
}

export class NestedPrefixWriter implements PrefixWriter {
  constructor(
    private readonly inner: PrefixWriter,
    private readonly indent: number,
  ) {}
  write(level: number, text: string): void {
    this.inner.write(level + this.indent, text);
  }
  writeLine(...values: string[]): void {
    this.inner.write(this.indent, values.join(' ') + '\n');
  }
}

/** Runs fn against a fresh describe tabwriter and returns the laid-out text. */
export function tabbedString(fn: (w: PrefixWriter) => void): string {
  const tw = new TabWriter(describeOptions);
  fn(new TabPrefixWriter(tw));
  return tw.flush();
}
