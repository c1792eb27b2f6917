// The one CEL environment every checkpoint is evaluated in: a fixed, documented set of variables
// and functions (labs/README.md, "The CEL environment"). Lab packs cannot add functions; what
// a condition needs beyond CEL's standard library and macros belongs here, with a test.
import { celEnv, celFunc, CelScalar, isCelList, isCelMap, listType, mapType, plan, parse, isCelError, type CelEnv, type CelValue } from '@bufbuild/cel';
import type { HistoryIndex } from './history-index';
import type { CommandEntry } from './history';

const DYN = CelScalar.DYN;
const INT = CelScalar.INT;
const STRING = CelScalar.STRING;
const BOOL = CelScalar.BOOL;
const LIST = listType(DYN);
const MAP = mapType(STRING, DYN);

/** The data functions read during one evaluation round; set before each round. */
export interface EvalContext {
  index: HistoryIndex;
  commands: CommandEntry[];
}

export const VARIABLES = {
  now: INT,
  startedAt: INT,
  namespace: STRING,
  history: LIST,
  events: LIST,
  commands: LIST,
  passed: MAP,
} as const;

/** Reads a key of a CEL map or a plain object. */
function get(v: unknown, key: string): unknown {
  if (v === null || v === undefined) return undefined;
  if (isCelMap(v)) return v.get(key);
  if (typeof v === 'object' && !Array.isArray(v) && !isCelList(v)) return (v as Record<string, unknown>)[key];
  return undefined;
}

function items(v: unknown): unknown[] {
  if (isCelList(v)) return [...v];
  if (Array.isArray(v)) return v;
  return [];
}

function entries(v: unknown): Array<[string, unknown]> {
  if (isCelMap(v)) return [...v].map(([k, x]) => [String(k), x]);
  if (v && typeof v === 'object' && !Array.isArray(v)) return Object.entries(v);
  return [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function num(v: unknown): number | undefined {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return v;
  return undefined;
}

/** `a.b[0].c` */
function walk(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split('.').filter(Boolean)) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1]) cur = get(cur, m[1]);
    for (const idx of m[2].match(/\d+/g) ?? []) {
      const list = items(cur);
      cur = list[Number(idx)];
    }
    if (cur === undefined || cur === null) return undefined;
  }
  return cur;
}

function isActivePod(p: unknown): boolean {
  if (walk(p, 'metadata.deletionTimestamp') !== undefined) return false;
  const phase = str(walk(p, 'status.phase'));
  return phase !== 'Succeeded' && phase !== 'Failed';
}

function conditionOf(o: unknown, type: string): Record<string, unknown> {
  for (const c of items(walk(o, 'status.conditions'))) if (get(c, 'type') === type) return { type, status: str(get(c, 'status')), reason: str(get(c, 'reason')), message: str(get(c, 'message')) };
  return { type, status: 'Unknown', reason: '', message: '' };
}

function podSpecOf(o: unknown): unknown {
  const kind = str(get(o, 'kind'));
  if (kind === 'Pod') return get(o, 'spec');
  if (kind === 'CronJob') return walk(o, 'spec.jobTemplate.spec.template.spec');
  return walk(o, 'spec.template.spec') ?? get(o, 'spec');
}

function ownerRefs(o: unknown): unknown[] {
  return items(walk(o, 'metadata.ownerReferences'));
}

function labelsMatch(o: unknown, selector: unknown): boolean {
  const labels = walk(o, 'metadata.labels');
  for (const [k, v] of entries(selector)) if (get(labels, k) !== v) return false;
  return true;
}

// Upstream: apimachinery pkg/util/intstr/intstr.go GetScaledValueFromIntOrPercent
function scaled(value: unknown, total: number, roundUp: boolean): bigint {
  const n = num(value);
  if (n !== undefined) return BigInt(Math.trunc(n));
  const s = str(value);
  const m = /^(\d+)%$/.exec(s);
  if (!m) return 0n;
  const v = (Number(m[1]) * total) / 100;
  return BigInt(roundUp ? Math.ceil(v) : Math.floor(v));
}

function numbers(list: unknown): number[] {
  return items(list)
    .map(num)
    .filter((x): x is number => x !== undefined);
}

function asNumber(n: number, like: unknown[]): bigint | number {
  return like.every((x) => typeof x === 'bigint') ? BigInt(n) : n;
}

function regex(pattern: string): RegExp {
  return new RegExp(pattern);
}

/** The names lab packs may call, beyond CEL's standard ones (checked when a pack loads). */
export const FUNCTION_NAMES = [
  'objects', 'object', 'changes', 'snapshots', 'objectAt', 'objectsAt', 'firstSeen', 'ownedBy', 'ownerName', 'withLabels', 'labelsMatch',
  'field', 'label', 'annotation', 'podActive', 'podReady', 'images', 'revision', 'condition', 'scaledValue', 'maxOf', 'minOf', 'sumOf', 'distinct',
  'ran', 'commandsMatching',
] as const;

export function createLabEnv(ctx: () => EvalContext): CelEnv {
  const idx = () => ctx().index;
  const funcs = [
    celFunc('objects', [STRING, STRING], LIST, (av, k) => idx().objects(av, k)),
    celFunc('objects', [STRING, STRING, STRING], LIST, (av, k, ns) => idx().objects(av, k, ns)),
    celFunc('object', [STRING, STRING, STRING, STRING], DYN, (av, k, ns, n) => idx().object(av, k, ns, n)),
    celFunc('changes', [STRING, STRING, STRING], LIST, (av, k, ns) => idx().changes(av, k, ns) as never),
    celFunc('changes', [STRING, STRING, STRING, STRING], LIST, (av, k, ns, n) => idx().changes(av, k, ns, n) as never),
    celFunc('snapshots', [STRING, STRING, STRING], LIST, (av, k, ns) => idx().snapshots(av, k, ns) as never),
    celFunc('objectAt', [STRING, STRING, STRING, STRING, INT], DYN, (av, k, ns, n, seq) => idx().objectAt(av, k, ns, n, seq)),
    celFunc('objectsAt', [STRING, STRING, STRING, INT], LIST, (av, k, ns, seq) => idx().objectsAt(av, k, ns, seq)),
    celFunc('firstSeen', [DYN], DYN, (o) => idx().firstSeen(str(walk(o, 'metadata.uid'))) as never),
    celFunc('ownedBy', [LIST, DYN], LIST, (list, owner) => {
      const uid = str(walk(owner, 'metadata.uid'));
      const name = str(walk(owner, 'metadata.name'));
      const kind = str(get(owner, 'kind'));
      return items(list).filter((o) => ownerRefs(o).some((r) => (uid && get(r, 'uid') === uid) || (!uid && get(r, 'name') === name && get(r, 'kind') === kind))) as CelValue[];
    }),
    celFunc('ownerName', [DYN], STRING, (o) => {
      const refs = ownerRefs(o);
      const ctl = refs.find((r) => get(r, 'controller') === true) ?? refs[0];
      return str(get(ctl, 'name'));
    }),
    celFunc('withLabels', [LIST, MAP], LIST, (list, sel) => items(list).filter((o) => labelsMatch(o, sel)) as CelValue[]),
    celFunc('labelsMatch', [DYN, MAP], BOOL, (o, sel) => labelsMatch(o, sel)),
    celFunc('field', [DYN, STRING, DYN], DYN, (o, path, dflt) => (walk(o, path) ?? dflt) as CelValue),
    celFunc('label', [DYN, STRING], STRING, (o, k) => str(get(walk(o, 'metadata.labels'), k))),
    celFunc('annotation', [DYN, STRING], STRING, (o, k) => str(get(walk(o, 'metadata.annotations'), k))),
    celFunc('podActive', [DYN], BOOL, (p) => isActivePod(p)),
    celFunc('podReady', [DYN], BOOL, (p) => isActivePod(p) && conditionOf(p, 'Ready').status === 'True'),
    celFunc('images', [DYN], listType(STRING), (o) => items(get(podSpecOf(o), 'containers')).map((c) => str(get(c, 'image')))),
    celFunc('revision', [DYN], INT, (o) => {
      const r = Number(str(get(walk(o, 'metadata.annotations'), 'deployment.kubernetes.io/revision')) || 0);
      return Number.isInteger(r) ? BigInt(r) : 0n;
    }),
    celFunc('condition', [DYN, STRING], MAP, (o, type) => conditionOf(o, type) as Record<string, string>),
    celFunc('scaledValue', [DYN, INT, BOOL], INT, (v, total, up) => scaled(v, Number(total), up)),
    celFunc('maxOf', [LIST], DYN, (l) => {
      const xs = numbers(l);
      return xs.length ? asNumber(Math.max(...xs), items(l)) : 0n;
    }),
    celFunc('minOf', [LIST], DYN, (l) => {
      const xs = numbers(l);
      return xs.length ? asNumber(Math.min(...xs), items(l)) : 0n;
    }),
    celFunc('sumOf', [LIST], DYN, (l) => asNumber(numbers(l).reduce((a, b) => a + b, 0), items(l))),
    celFunc('distinct', [LIST], LIST, (l) => {
      const seen = new Set<string>();
      const out: unknown[] = [];
      for (const x of items(l)) {
        const k = typeof x === 'bigint' ? `i${x}` : JSON.stringify(x, (_k, v) => (typeof v === 'bigint' ? `i${v}` : isCelMap(v) ? Object.fromEntries([...v].map(([a, b]) => [String(a), b])) : isCelList(v) ? [...v] : v));
        if (!seen.has(k)) {
          seen.add(k);
          out.push(x);
        }
      }
      return out as CelValue[];
    }),
    celFunc('ran', [STRING], BOOL, (p) => {
      const re = regex(p);
      return ctx().commands.some((c) => re.test(c.line));
    }),
    celFunc('commandsMatching', [STRING], LIST, (p) => {
      const re = regex(p);
      return ctx()
        .commands.filter((c) => re.test(c.line))
        .map((c) => ({ seq: BigInt(c.seq), time: BigInt(Math.round(c.time)), node: c.node, line: c.line }));
    }),
  ];
  return celEnv({ funcs, variables: VARIABLES });
}

/** CEL's standard functions and macros as they appear in the parsed tree (for validation). */
const STANDARD = new Set([
  'size', 'contains', 'startsWith', 'endsWith', 'matches', 'int', 'uint', 'double', 'string', 'bytes', 'bool', 'type', 'dyn',
  'duration', 'timestamp', 'getFullYear', 'getMonth', 'getDayOfYear', 'getDayOfMonth', 'getDate', 'getDayOfWeek', 'getHours',
  'getMinutes', 'getSeconds', 'getMilliseconds', 'has', 'in', 'exists', 'all', 'exists_one', 'map', 'filter',
]);

type ExprNode = ReturnType<typeof parse>['expr'];

/**
 * Parses an expression and checks the names it uses, so a typo is reported when the pack loads
 * rather than as a checkpoint that never passes. Returns the problem, or undefined.
 */
export function validateExpression(source: string): string | undefined {
  let root: ExprNode;
  try {
    root = parse(source).expr;
  } catch (e) {
    return `invalid CEL: ${(e as Error).message.replace(/^<input>:/, 'at ')}`;
  }
  const known = new Set<string>([...FUNCTION_NAMES, ...STANDARD]);
  const problems: string[] = [];
  const visit = (e: ExprNode | undefined, bound: Set<string>): void => {
    if (!e) return;
    const k = e.exprKind;
    switch (k.case) {
      case 'identExpr':
        if (!bound.has(k.value.name) && !(k.value.name in VARIABLES) && !['null', 'true', 'false', 'int', 'uint', 'double', 'string', 'bool', 'bytes', 'list', 'map', 'type'].includes(k.value.name))
          problems.push(`unknown variable "${k.value.name}" (known: ${Object.keys(VARIABLES).join(', ')})`);
        return;
      case 'selectExpr':
        return visit(k.value.operand, bound);
      case 'callExpr': {
        const fn = k.value.function;
        if (!/^[_!@]/.test(fn) && !known.has(fn)) problems.push(`unknown function "${fn}"`);
        visit(k.value.target, bound);
        for (const a of k.value.args) visit(a, bound);
        return;
      }
      case 'listExpr':
        for (const x of k.value.elements) visit(x, bound);
        return;
      case 'structExpr':
        for (const en of k.value.entries) {
          if (en.keyKind.case === 'mapKey') visit(en.keyKind.value, bound);
          visit(en.value, bound);
        }
        return;
      case 'comprehensionExpr': {
        const c = k.value;
        visit(c.iterRange, bound);
        visit(c.accuInit, bound);
        const inner = new Set([...bound, c.iterVar, c.accuVar, ...(c.iterVar2 ? [c.iterVar2] : [])]);
        visit(c.loopCondition, inner);
        visit(c.loopStep, inner);
        visit(c.result, new Set([...bound, c.accuVar]));
        return;
      }
      default:
        return;
    }
  };
  visit(root, new Set());
  return problems.length ? problems.join('; ') : undefined;
}

export type Program = (bindings: Record<string, unknown>) => { value?: unknown; error?: string };

export function compile(env: CelEnv, source: string): Program {
  const run = plan(env, parse(source));
  return (bindings) => {
    try {
      const r = (run as (b: Record<string, unknown>) => unknown)(bindings);
      if (isCelError(r)) return { error: r.message };
      return { value: r };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
}
