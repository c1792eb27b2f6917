// `-o name` and the success lines of mutating commands (`deployment.apps/web created`).
// Upstream: kubernetes/cli-runtime pkg/printers/name.go (printObj);
// kubernetes/kubectl pkg/cmd/util/helpers.go (dry-run suffixes).

export type DryRun = 'none' | 'client' | 'server';

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string; [k: string]: unknown };
  items?: KubeObject[];
  [k: string]: unknown;
}

/** `created` + ` (dry run)` / ` (server dry run)`. */
export function operationWithDryRun(operation: string, dryRun: DryRun): string {
  if (dryRun === 'client') return `${operation} (dry run)`;
  if (dryRun === 'server') return `${operation} (server dry run)`;
  return operation;
}

export function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  const i = v.indexOf('/');
  return i < 0 ? '' : v.slice(0, i);
}

/** `kind[.group]` in lower case, as the name printer and kind prefixes write it. */
export function kindDotGroup(obj: KubeObject): string {
  const group = groupOf(obj.apiVersion);
  const kind = (obj.kind ?? '').toLowerCase();
  return group ? `${kind}.${group}` : kind;
}

export function printName(obj: KubeObject, operation = ''): string {
  if (Array.isArray(obj.items) && /List$/.test(obj.kind ?? '')) return obj.items.map((o) => printName(o, operation)).join('');
  if (!obj.kind && !obj.apiVersion) throw new Error('missing apiVersion or kind; try GetObjectKind().SetGroupVersionKind() if you know the type');
  const name = obj.metadata?.name || '<unknown>';
  if (!obj.kind) throw new Error(`missing kind for resource with name ${name}`);
  return `${kindDotGroup(obj)}/${name}${operation ? ' ' + operation : ''}\n`;
}
