// `-o custom-columns=HEADER:path,...`: one JSONPath per column, cells with Go's %v,
// `<none>` when a path finds nothing. Upstream: kubernetes/cli-runtime
// pkg/printers/customcolumn.go (NewCustomColumnsPrinterFromSpec, printOneObject)
// and kubernetes/kubectl pkg/cmd/get/customcolumn_flags.go, RelaxedJSONPathExpression.

import { goSprint, type GoFmtOptions } from './go-fmt';
import { JsonPath } from './jsonpath';
import { kubectlTableOptions, TabWriter } from './tabwriter';

export interface Column {
  header: string;
  path: JsonPath;
}

// Upstream: kubectl pkg/cmd/get/customcolumn.go RelaxedJSONPathExpression.
export function relaxedJsonPath(expr: string): string {
  if (expr === '') return expr;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expr);
  if (!m) throw new Error("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] || m[2]}}`;
}

export function parseCustomColumns(spec: string, opts: GoFmtOptions = {}): Column[] {
  if (spec.length === 0) throw new Error('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new Error(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    const header = part.slice(0, colon);
    const path = new JsonPath(relaxedJsonPath(part.slice(colon + 1)), { ...opts, allowMissingKeys: true });
    return { header, path };
  });
}

/** Prints objects (a List prints its items) under the column headers. */
export function printCustomColumns(objs: unknown[], columns: Column[], noHeaders: boolean, opts: GoFmtOptions = {}): string {
  const w = new TabWriter(kubectlTableOptions);
  if (!noHeaders) w.write(columns.map((c) => c.header).join('\t') + '\n');
  for (const obj of objs) {
    const cells = columns.map((c) => {
      const results = c.path.find(obj);
      const values = results.flat();
      if (values.length === 0) return '<none>';
      return values.map((v) => goSprint(v, opts)).join(',');
    });
    w.write(cells.join('\t') + '\n');
  }
  return w.flush();
}
