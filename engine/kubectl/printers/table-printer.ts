// Server-side Table → kubectl's human-readable text.
// Upstream: kubernetes/cli-runtime pkg/printers/tableprinter.go (printTable, decorateTable,
// appendLabelCells, formatLabelHeaders) and terminal.go (EscapeTerminal).

import { goSprint } from './go-fmt';
import { kubectlTableOptions, TabWriter } from './tabwriter';

export interface TableColumnDefinition {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: { metadata?: { namespace?: string; labels?: Record<string, string> } } | null;
}

export interface Table {
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

export interface TablePrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  withNamespace?: boolean;
  showLabels?: boolean;
  /** `-L key`: one column per label key. */
  columnLabels?: string[];
  /** Prefix the name column with `kind.group/` (mixed kinds, --show-kind). */
  withKind?: boolean;
  /** `kind.group` in lower case for the prefix, e.g. `deployment.apps`. */
  kind?: string;
}

/** `k=v,k2=v2` sorted by key, `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

export function escapeTerminal(s: string): string {
  return s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');
}

// Upstream: decorateTable — NAMESPACE first, label columns and LABELS last, kind prefix on the name.
export function decorateTable(table: Table, o: TablePrintOptions): Table {
  let columns = table.columnDefinitions;
  const labelHeaders = (o.columnLabels ?? []).map((l) => l.split('/').pop()!.toUpperCase());
  const extra = labelHeaders.length + (o.withNamespace ? 1 : 0) + (o.showLabels ? 1 : 0);
  const width = columns.length + extra;
  let nameColumn = -1;
  if (o.withKind && o.kind) nameColumn = columns.findIndex((c) => c.format === 'name' && c.type === 'string');
  if (extra > 0) {
    columns = [
      ...(o.withNamespace ? [{ name: 'Namespace', type: 'string' }] : []),
      ...columns,
      ...labelHeaders.map((name) => ({ name, type: 'string' })),
      ...(o.showLabels ? [{ name: 'Labels', type: 'string' }] : []),
    ];
  }
  const includeLabels = labelHeaders.length > 0 || !!o.showLabels;
  const rows = table.rows.map((row) => {
    let cells = [...row.cells];
    if (nameColumn !== -1) cells[nameColumn] = `${o.kind}/${goSprint(cells[nameColumn])}`;
    const meta = row.object?.metadata;
    if (!meta) {
      if (o.withNamespace) cells = [null, ...cells];
      while (cells.length < width) cells.push(null);
      return { ...row, cells };
    }
    if (o.withNamespace) cells = [meta.namespace ?? '', ...cells];
    if (includeLabels) {
      for (const key of o.columnLabels ?? []) cells.push(meta.labels?.[key] ?? '');
      if (o.showLabels) cells.push(formatLabels(meta.labels));
    }
    return { ...row, cells };
  });
  return { columnDefinitions: columns, rows };
}

// Upstream: printTable. Returns tab-separated lines for a TabWriter; nothing when there are no rows.
export function tableText(table: Table, o: TablePrintOptions): string {
  const t = decorateTable(table, o);
  const visible = (c: TableColumnDefinition) => o.wide || !c.priority;
  let out = '';
  if (!o.noHeaders) {
    if (t.rows.length === 0) return '';
    out += t.columnDefinitions.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n';
  }
  for (const row of t.rows) {
    const cells: string[] = [];
    row.cells.forEach((cell, i) => {
      if (i >= t.columnDefinitions.length || !visible(t.columnDefinitions[i])) return;
      if (cell === null || cell === undefined) return void cells.push('');
      if (typeof cell === 'string') {
        const cut = cell.search(/[\f\n\r]/);
        cells.push(cut >= 0 ? escapeTerminal(cell.slice(0, cut)) + '...' : escapeTerminal(cell));
      } else cells.push(escapeTerminal(goSprint(cell)));
    });
    out += cells.join('\t') + '\n';
  }
  return out;
}

/** One table laid out with kubectl's tabwriter settings. */
export function printTable(table: Table, o: TablePrintOptions = {}): string {
  const w = new TabWriter(kubectlTableOptions);
  w.write(tableText(table, o));
  return w.flush();
}
