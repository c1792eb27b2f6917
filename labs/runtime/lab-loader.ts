// Loads lab packs: labs/<id>/lab.yaml, checked against the JSON Schema (lab-schema.ts) and then
// for what a schema cannot say (references between steps and checkpoints, CEL that parses and
// names only known functions). A broken pack gives one error naming the file, the line, the field
// and the problem; the catalogue lists the other packs as usual.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvModule, { type ErrorObject } from 'ajv';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import { validateExpression } from './cel-env';
import { dependencyOrder } from './evaluator';
import { labSchema } from './lab-schema';
import type { BrokenLab, LabPack } from './lab-pack';

// ajv ships CommonJS with a default export; under ESM the class is on `.default`.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as typeof AjvModule;
const ajv = new Ajv({ allErrors: true, strict: true });
const validateSchema = ajv.compile(labSchema);

/**
 * The folder holding the bundled packs: labs/ above this runtime when run from source, or
 * <root>/labs beside dist/ when bundled (dist/kubelab.js, dist/host.js); KUBELAB_LABS overrides.
 */
export const BUNDLED_LABS_DIR = ((): string => {
  if (process.env.KUBELAB_LABS) return process.env.KUBELAB_LABS;
  const here = fileURLToPath(new URL('.', import.meta.url));
  const bundled = join(here, '..', 'labs');
  return existsSync(join(bundled, 'README.md')) ? bundled : join(here, '..');
})();

export class LabPackError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}:${column ?? 1}` : ''}: ${field ? `${field}: ` : ''}${problem}`);
  }
}

type PathPart = string | number;

function fieldName(path: PathPart[]): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s;
}

function pointerToPath(pointer: string): PathPart[] {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The most useful single message for a set of ajv errors (the deepest, and unknown fields first). */
function describeSchemaError(errors: ErrorObject[]): { path: PathPart[]; problem: string } {
  const pick =
    errors.find((e) => e.keyword === 'additionalProperties') ??
    errors.find((e) => e.keyword === 'required') ??
    [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  const path = pointerToPath(pick.instancePath);
  const p = pick.params as Record<string, unknown>;
  switch (pick.keyword) {
    case 'additionalProperties':
      return { path: [...path, String(p.additionalProperty)], problem: `unknown field "${String(p.additionalProperty)}"` };
    case 'required':
      return { path, problem: `missing required field "${String(p.missingProperty)}"` };
    case 'enum':
      return { path, problem: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'type':
      return { path, problem: `must be ${String(p.type)}` };
    case 'pattern':
      return { path, problem: `must match ${String(p.pattern)} (lowercase letters, digits and '-')` };
    default:
      return { path, problem: pick.message ?? pick.keyword };
  }
}

function positionOf(doc: ReturnType<typeof parseDocument>, lines: LineCounter, path: PathPart[]): { line?: number; column?: number } {
  // The deepest node of the path that exists (an unknown field's key, or its parent).
  for (let n = path.length; n >= 0; n--) {
    const parentPath = path.slice(0, n);
    const node = (parentPath.length ? doc.getIn(parentPath, true) : doc.contents) as Node | undefined;
    if (!node) continue;
    // For a key that exists, point at the key rather than its value.
    if (n > 0) {
      const parent = (n > 1 ? doc.getIn(path.slice(0, n - 1), true) : doc.contents) as Node | undefined;
      if (isMap(parent)) {
        const pair = parent.items.find((it) => (it.key as { value?: unknown })?.value === path[n - 1]);
        const keyRange = (pair?.key as Node | undefined)?.range;
        if (keyRange) return lines.linePos(keyRange[0]);
      }
      if (isSeq(parent) || !isMap(parent)) {
        const r = node.range;
        if (r) return lines.linePos(r[0]);
      }
    }
    const r = node.range;
    if (r) return lines.linePos(r[0]);
  }
  return {};
}

/** Loads and validates one pack; throws LabPackError. */
export function loadLabPack(dir: string, displayRoot = process.cwd()): LabPack {
  const path = join(dir, 'lab.yaml');
  const rel = relative(displayRoot, path);
  const file = rel && !rel.startsWith('..') ? rel : path;
  if (!existsSync(path)) throw new LabPackError(file, '', 'no lab.yaml in this folder');
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const pos = lines.linePos(e.pos[0]);
    throw new LabPackError(file, '', `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`, pos.line, pos.col);
  }
  const data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const fail = (p: PathPart[], problem: string): never => {
    const pos = positionOf(doc, lines, p);
    throw new LabPackError(file, fieldName(p), problem, pos.line, (pos as { col?: number }).col);
  };
  if (!validateSchema(data)) {
    const { path: p, problem } = describeSchemaError(validateSchema.errors ?? []);
    fail(p, problem);
  }
  const raw = data as Omit<LabPack, 'dir' | 'watch'> & { watch?: LabPack['watch'] };
  const folder = dir.replace(/[\\/]+$/, '').split(/[\\/]/).pop();
  if (folder !== raw.id) fail(['id'], `is "${raw.id}" but the folder is "${folder}" (they must match)`);
  const stepIds = new Set<string>();
  raw.steps.forEach((s, i) => {
    if (stepIds.has(s.id)) fail(['steps', i, 'id'], `duplicate step id "${s.id}"`);
    stepIds.add(s.id);
  });
  const cpIds = new Set<string>();
  raw.checkpoints.forEach((c, i) => {
    if (cpIds.has(c.id)) fail(['checkpoints', i, 'id'], `duplicate checkpoint id "${c.id}"`);
    cpIds.add(c.id);
  });
  raw.checkpoints.forEach((c, i) => {
    if (!stepIds.has(c.step)) fail(['checkpoints', i, 'step'], `no step "${c.step}" (steps: ${[...stepIds].join(', ')})`);
    (c.requires ?? []).forEach((r, j) => {
      if (!cpIds.has(r)) fail(['checkpoints', i, 'requires', j], `no checkpoint "${r}"`);
    });
    const problem = validateExpression(c.expr);
    if (problem) fail(['checkpoints', i, 'expr'], problem);
    (c.hints ?? []).forEach((h, j) => {
      const hp = validateExpression(h.when);
      if (hp) fail(['checkpoints', i, 'hints', j, 'when'], hp);
    });
  });
  const pack: LabPack = {
    ...raw,
    setup: { namespace: raw.setup.namespace, objects: raw.setup.objects ?? [], files: raw.setup.files ?? [] },
    steps: raw.steps.map((s) => ({ ...s, hints: s.hints ?? [], solution: s.solution ?? [] })),
    checkpoints: raw.checkpoints.map((c) => ({ ...c, points: c.points ?? 10, requires: c.requires ?? [], hints: c.hints ?? [] })),
    watch: raw.watch ?? [],
    dir,
  };
  try {
    dependencyOrder(pack.checkpoints);
  } catch (e) {
    fail(['checkpoints'], (e as Error).message);
  }
  return pack;
}

export interface LabCatalogue {
  labs: LabPack[];
  broken: BrokenLab[];
}

/** Every pack in a folder (subfolders with a lab.yaml); broken ones are listed, not thrown. */
export function loadCatalogue(root = BUNDLED_LABS_DIR, displayRoot = process.cwd()): LabCatalogue {
  const labs: LabPack[] = [];
  const broken: BrokenLab[] = [];
  if (!existsSync(root)) return { labs, broken };
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory() || !existsSync(join(dir, 'lab.yaml'))) continue;
    try {
      labs.push(loadLabPack(dir, displayRoot));
    } catch (e) {
      broken.push({ id: name, dir, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return { labs, broken };
}
