// kubectl's HumanReadablePrinter as `get` drives it: server Tables (header once per column
// set, watch events without column definitions reuse the last ones, an EVENT column for
// --output-watch-events) and the NAME/AGE default handler for objects that are not Tables.
// Writes tab-separated text into a TabWriter the caller owns and flushes.
// Upstream: kubernetes/cli-runtime pkg/printers/tableprinter.go (PrintObj, printTable,
// decorateTable, addColumns, printRowsForHandlerEntry, printObjectMeta, printStatus).

import { ageSince } from './human-duration';
import type { KubeObject } from './name-printer';
import { decorateTable, tableText, type Table, type TableColumnDefinition, type TablePrintOptions } from './table-printer';

const formattedEventType: Record<string, string> = { ADDED: 'ADDED   ', MODIFIED: 'MODIFIED', DELETED: 'DELETED ', ERROR: 'ERROR   ' };

export function isTable(o: unknown): o is Table & KubeObject {
  const k = o as KubeObject | undefined;
  return !!k && k.kind === 'Table' && (k.apiVersion === 'meta.k8s.io/v1' || k.apiVersion === 'meta.k8s.io/v1beta1');
}

export class HumanReadablePrinter {
  private lastColumns?: TableColumnDefinition[];
  private printedHeaders = false;
  private lastHandler?: 'default' | 'status';

  constructor(
    private readonly options: TablePrintOptions,
    private readonly now: () => number,
  ) {}

  /** Text for one object (a Table, or anything else via the default handler). */
  print(obj: KubeObject, eventType?: string): string {
    if (isTable(obj)) {
      const table: Table = { columnDefinitions: obj.columnDefinitions ?? [], rows: obj.rows ?? [] };
      const local: TablePrintOptions = { ...this.options };
      if (this.printedHeaders && (table.columnDefinitions.length === 0 || sameColumns(table.columnDefinitions, this.lastColumns))) local.noHeaders = true;
      if (table.columnDefinitions.length === 0) table.columnDefinitions = this.lastColumns ?? [];
      else if (!sameColumns(table.columnDefinitions, this.lastColumns)) {
        this.lastColumns = table.columnDefinitions;
        this.printedHeaders = false;
      }
      if (table.rows.length > 0) this.printedHeaders = true;
      if (!eventType) return tableText(table, local);
      // addColumns(beginning, Event): decorate first, then prepend the event cell.
      const decorated = decorateTable(table, local);
      const withEvent: Table = {
        columnDefinitions: [{ name: 'Event', type: 'string' }, ...decorated.columnDefinitions],
        rows: decorated.rows.map((r) => ({ ...r, cells: [formattedEventType[eventType] ?? eventType, ...r.cells] })),
      };
      return tableText(withEvent, { wide: local.wide, noHeaders: local.noHeaders });
    }
    const handler = obj.kind === 'Status' && obj.apiVersion === 'v1' ? 'status' : 'default';
    const includeHeaders = this.lastHandler !== handler && !this.options.noHeaders;
    let out = '';
    if (this.lastHandler !== undefined && this.lastHandler !== handler && !this.options.noHeaders) out += '\n';
    if (includeHeaders) {
      let headers = handler === 'status' ? ['STATUS', 'REASON', 'MESSAGE'] : ['NAME', 'AGE'];
      headers = [...headers, ...(this.options.columnLabels ?? []).map((l) => l.split('/').pop()!.toUpperCase()), ...(this.options.showLabels ? ['LABELS'] : [])];
      if (this.options.withNamespace) headers = ['NAMESPACE', ...headers];
      if (eventType) headers = ['EVENT', ...headers];
      out += headers.join('\t') + '\n';
    }
    const items = Array.isArray(obj.items) ? obj.items : [obj];
    for (const item of items) {
      let line = '';
      if (eventType) line += (formattedEventType[eventType] ?? eventType) + '\t';
      if (this.options.withNamespace) line += (item.metadata?.namespace ?? '') + '\t';
      const st = item as { status?: unknown; reason?: string; message?: string };
      const cells =
        handler === 'status'
          ? [String(st.status ?? ''), st.reason ?? '', st.message ?? '']
          : [item.metadata?.name ?? '', ageSince(item.metadata?.creationTimestamp as string | undefined, this.now())];
      if (this.options.withKind && this.options.kind) cells[0] = `${this.options.kind}/${cells[0]}`;
      line += cells.join('\t');
      const labels = (item.metadata?.labels ?? {}) as Record<string, string>;
      for (const key of this.options.columnLabels ?? []) line += '\t' + (labels[key] ?? '');
      if (this.options.showLabels) {
        const keys = Object.keys(labels).sort();
        line += '\t' + (keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>');
      }
      out += line + '\n';
    }
    this.lastHandler = handler;
    return out;
  }
}

function sameColumns(a: TableColumnDefinition[] | undefined, b: TableColumnDefinition[] | undefined): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return a.every((c, i) => {
    const d = b[i];
    return c.name === d.name && c.type === d.type && (c.format ?? '') === (d.format ?? '') && (c.description ?? '') === (d.description ?? '') && (c.priority ?? 0) === (d.priority ?? 0);
  });
}
