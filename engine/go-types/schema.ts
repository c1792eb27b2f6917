// The Kubernetes message table (k8s-types.ts), parsed once into lookups the decoder walks.
import { K8S_MESSAGES, K8S_ROOT_KINDS } from './k8s-types';

export type Scalar = 'string' | 'bool' | 'int32' | 'int64' | 'uint32' | 'uint64' | 'double' | 'float' | 'bytes';

/** Go types with their own protobuf and JSON forms (apimachinery's hand-written marshalers). */
export type Special = 'Time' | 'MicroTime' | 'Duration' | 'FieldsV1' | 'IntOrString' | 'Quantity' | 'RawExtension';

export type FieldType =
  | { kind: 'scalar'; scalar: Scalar }
  | { kind: 'message'; message: string }
  | { kind: 'list'; elem: FieldType }
  | { kind: 'map'; key: FieldType; value: FieldType };

export interface FieldSpec {
  number: number;
  /** The JSON key, or undefined for an inlined (embedded) struct whose keys join the parent's. */
  json: string | undefined;
  type: FieldType;
  /** A Go pointer: a zero value on the wire was set on purpose and is kept. */
  pointer: boolean;
  /** Go's json omitempty: a zero non-pointer scalar is left out, as encoding/json would. */
  omitempty: boolean;
}

export interface MessageSpec {
  name: string;
  special: Special | undefined;
  /** In Go struct order, which is the order encoding/json writes keys in. */
  fields: readonly FieldSpec[];
  byNumber: ReadonlyMap<number, FieldSpec>;
}

const SPECIALS: Record<string, Special> = {
  'meta/v1.Time': 'Time',
  'meta/v1.MicroTime': 'MicroTime',
  'meta/v1.Duration': 'Duration',
  'meta/v1.FieldsV1': 'FieldsV1',
  'intstr.IntOrString': 'IntOrString',
  'resource.Quantity': 'Quantity',
  'runtime.RawExtension': 'RawExtension',
};

const SCALARS = new Set<string>(['string', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float', 'bytes']);

/** Parses a type expression of the table: `*int32`, `[]Container`, `map[string]resource.Quantity`. */
export function parseType(expr: string, pkg: string): { type: FieldType; pointer: boolean } {
  if (expr.startsWith('*')) return { type: parseType(expr.slice(1), pkg).type, pointer: true };
  if (expr.startsWith('[]')) return { type: { kind: 'list', elem: parseType(expr.slice(2), pkg).type }, pointer: false };
  if (expr.startsWith('map[')) {
    const close = expr.indexOf(']');
    return { type: { kind: 'map', key: parseType(expr.slice(4, close), pkg).type, value: parseType(expr.slice(close + 1), pkg).type }, pointer: false };
  }
  if (SCALARS.has(expr)) return { type: { kind: 'scalar', scalar: expr as Scalar }, pointer: false };
  // A bare name lives in the referring message's package; a qualified one (`meta/v1.ObjectMeta`) names its own.
  return { type: { kind: 'message', message: expr.includes('.') ? expr : `${pkg}.${expr}` }, pointer: false };
}

export function parseMessage(name: string, lines: readonly string[]): MessageSpec {
  const pkg = name.slice(0, name.lastIndexOf('.'));
  const fields = lines.map((line): FieldSpec => {
    const [num, json, expr, ...flags] = line.split(' ');
    const { type, pointer } = parseType(expr, pkg);
    return { number: Number(num), json: json === '...' ? undefined : json, type, pointer, omitempty: flags.includes('omitempty') };
  });
  return { name, special: SPECIALS[name], fields, byNumber: new Map(fields.map((f) => [f.number, f])) };
}

export class MessageTable {
  private readonly messages = new Map<string, MessageSpec>();
  private readonly roots = new Set<string>();

  constructor(table: Readonly<Record<string, readonly string[]>>, roots: Readonly<Record<string, readonly string[]>>) {
    for (const [name, lines] of Object.entries(table)) this.messages.set(name, parseMessage(name, lines));
    for (const [pkg, kinds] of Object.entries(roots)) for (const kind of kinds) this.roots.add(`${pkg}.${kind}`);
  }

  message(name: string): MessageSpec {
    const m = this.messages.get(name);
    if (!m) throw new Error(`protobuf message ${name} is not in the table`);
    return m;
  }

  has(name: string): boolean {
    return this.messages.has(name);
  }

  names(): string[] {
    return [...this.messages.keys()];
  }

  /** The message a request body of this apiVersion/kind carries, or undefined when we do not know it. */
  messageForKind(apiVersion: string, kind: string): MessageSpec | undefined {
    // Options kinds (DeleteOptions) travel under every group's apiVersion but live in meta/v1.
    for (const name of [`${packageOf(apiVersion)}.${kind}`, `meta/v1.${kind}`]) {
      if (this.roots.has(name)) return this.messages.get(name);
    }
    return undefined;
  }
}

/**
 * `v1` → core/v1, `apps/v1` → apps/v1, `rbac.authorization.k8s.io/v1` → rbac/v1: the table names a
 * package after the first label of its group, as k8s.io/api lays its folders out.
 */
export function packageOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  if (slash < 0) return `core/${apiVersion}`;
  return `${apiVersion.slice(0, slash).split('.')[0]}/${apiVersion.slice(slash + 1)}`;
}

export const k8sMessages = new MessageTable(K8S_MESSAGES, K8S_ROOT_KINDS);
