// diff [-u|-U N|-c?] [-q] [-i] [-b] [-w] [-B] FILE1 FILE2: GNU diff's normal and unified formats
// over a Myers shortest edit script. Exit 0 when equal, 1 when different, 2 on trouble.
// Upstream: GNU diffutils src/analyze.c (the algorithm), normal.c, context.c (print_unidiff).
import type { Command, CommandContext } from '../command-context';
import { strftime } from './date';
import { getOptions, splitLines } from './options';

export type Op = { kind: 'equal' | 'delete' | 'insert'; a: number; b: number };

/** Myers' O(ND) shortest edit script between two line lists, compared through `key`. */
export function diffLines(a: string[], b: string[], key: (s: string) => string = (s) => s): Op[] {
  const ka = a.map(key);
  const kb = b.map(key);
  const n = ka.length;
  const m = kb.length;
  const max = n + m;
  const offset = max + 1;
  let v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    const next = v.slice();
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && ka[x] === kb[y]) {
        x++;
        y++;
      }
      next[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
    v = next;
  }
  trace.push(v.slice());
  // Walk the trace back from (n, m) to (0, 0).
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 2; d >= 0 && (x > 0 || y > 0); d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[offset + k - 1] < vd[offset + k + 1]) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: 'equal', a: x, b: y });
    }
    if (d === 0) break;
    if (x === prevX) ops.push({ kind: 'insert', a: x, b: --y });
    else ops.push({ kind: 'delete', a: --x, b: y });
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ kind: 'equal', a: x, b: y });
  }
  return ops.reverse();
}

interface Hunk {
  a0: number;
  a1: number; // exclusive
  b0: number;
  b1: number;
}

/** Groups consecutive changes into hunks of deleted/inserted ranges. */
function changes(ops: Op[]): Hunk[] {
  const out: Hunk[] = [];
  let cur: Hunk | undefined;
  for (const op of ops) {
    if (op.kind === 'equal') {
      if (cur) out.push(cur);
      cur = undefined;
      continue;
    }
    cur ??= { a0: op.a, a1: op.a, b0: op.b, b1: op.b };
    if (op.kind === 'delete') cur.a1 = op.a + 1;
    else cur.b1 = op.b + 1;
  }
  if (cur) out.push(cur);
  return out;
}

function range(start: number, end: number): string {
  // Normal format: 1-based, `a,b` for several lines, the line before for an empty range.
  if (end - start <= 1) return String(end - start === 1 ? start + 1 : start);
  return `${start + 1},${end}`;
}

export function normalDiff(a: string[], b: string[], ops: Op[], noEolA: boolean, noEolB: boolean): string {
  let out = '';
  for (const h of changes(ops)) {
    const kind = h.a0 === h.a1 ? 'a' : h.b0 === h.b1 ? 'd' : 'c';
    out += `${kind === 'a' ? h.a0 : range(h.a0, h.a1)}${kind}${kind === 'd' ? h.b0 : range(h.b0, h.b1)}\n`;
    for (let i = h.a0; i < h.a1; i++) out += `< ${a[i]}\n` + (noEolA && i === a.length - 1 ? '\\ No newline at end of file\n' : '');
    if (kind === 'c') out += '---\n';
    for (let i = h.b0; i < h.b1; i++) out += `> ${b[i]}\n` + (noEolB && i === b.length - 1 ? '\\ No newline at end of file\n' : '');
  }
  return out;
}

export function unifiedDiff(a: string[], b: string[], ops: Op[], context: number, noEolA: boolean, noEolB: boolean): string {
  let out = '';
  const idx = ops.map((op, i) => (op.kind === 'equal' ? -1 : i)).filter((i) => i >= 0);
  if (!idx.length) return '';
  // Hunks: changes closer than 2*context lines share a hunk.
  const groups: [number, number][] = [];
  let start = idx[0];
  let end = idx[0];
  for (const i of idx.slice(1)) {
    if (i - end > 2 * context) {
      groups.push([start, end]);
      start = i;
    }
    end = i;
  }
  groups.push([start, end]);
  for (const [s, e] of groups) {
    const from = Math.max(0, s - context);
    const to = Math.min(ops.length - 1, e + context);
    const slice = ops.slice(from, to + 1);
    const aStart = slice.find((o) => o.kind !== 'insert')?.a ?? slice[0].a;
    const bStart = slice.find((o) => o.kind !== 'delete')?.b ?? slice[0].b;
    const aLen = slice.filter((o) => o.kind !== 'insert').length;
    const bLen = slice.filter((o) => o.kind !== 'delete').length;
    const r = (st: number, len: number) => (len === 1 ? `${st + 1}` : `${len === 0 ? st : st + 1},${len}`);
    out += `@@ -${r(aStart, aLen)} +${r(bStart, bLen)} @@\n`;
    for (const o of slice) {
      if (o.kind === 'equal') out += ` ${a[o.a]}\n` + (noEolA && o.a === a.length - 1 ? '\\ No newline at end of file\n' : '');
      else if (o.kind === 'delete') out += `-${a[o.a]}\n` + (noEolA && o.a === a.length - 1 ? '\\ No newline at end of file\n' : '');
      else out += `+${b[o.b]}\n` + (noEolB && o.b === b.length - 1 ? '\\ No newline at end of file\n' : '');
    }
  }
  return out;
}

async function load(ctx: CommandContext, name: string): Promise<{ text: string; mtime: number } | string> {
  if (name === '-') return { text: await ctx.stdin.readAll(), mtime: ctx.clock.now() };
  const p = ctx.resolvePath(name);
  if (!ctx.fs.exists(p)) return `diff: ${name}: No such file or directory`;
  if (ctx.fs.isDirectory(p)) return `diff: ${name}: Is a directory`;
  return { text: ctx.fs.readFile(p), mtime: ctx.fs.stat(p).mtime };
}

export const diff: Command = async (ctx, argv) => {
  const o = await getOptions(
    ctx,
    argv,
    { flags: 'uqibwBsyaN', withValue: 'U', long: { unified: 'u', brief: 'q', 'ignore-case': 'i', 'ignore-space-change': 'b', 'ignore-all-space': 'w', 'ignore-blank-lines': 'B', 'report-identical-files': 's', text: 'a' } },
    { errorStatus: 2 },
  );
  if (typeof o === 'number') return o;
  if (o.operands.length !== 2) {
    await ctx.stderr.write(o.operands.length < 2 ? `diff: missing operand after '${o.operands[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n` : `diff: extra operand '${o.operands[2]}'\ndiff: Try 'diff --help' for more information.\n`);
    return 2;
  }
  const [na, nb] = o.operands;
  const fa = await load(ctx, na);
  const fb = await load(ctx, nb);
  if (typeof fa === 'string' || typeof fb === 'string') {
    for (const f of [fa, fb]) if (typeof f === 'string') await ctx.stderr.write(f + '\n');
    return 2;
  }
  const a = splitLines(fa.text);
  const b = splitLines(fb.text);
  let key = (s: string) => s;
  if (o.has('w')) key = ((k) => (s: string) => k(s).replace(/\s+/g, ''))(key);
  else if (o.has('b')) key = ((k) => (s: string) => k(s).replace(/\s+/g, ' ').replace(/ $/, ''))(key);
  if (o.has('i')) key = ((k) => (s: string) => k(s).toLowerCase())(key);
  const noEolA = fa.text !== '' && !fa.text.endsWith('\n');
  const noEolB = fb.text !== '' && !fb.text.endsWith('\n');
  let ops = diffLines(a, b, key);
  // The last lines differ when only one of them ends the file without a newline.
  if (noEolA !== noEolB && a.length && b.length && ops.length && ops[ops.length - 1].kind === 'equal' && ops[ops.length - 1].a === a.length - 1 && ops[ops.length - 1].b === b.length - 1) {
    const last = ops.pop()!;
    ops = [...ops, { kind: 'delete', a: last.a, b: last.b }, { kind: 'insert', a: last.a + 1, b: last.b }];
  }
  const different = ops.some((op) => op.kind !== 'equal');
  if (!different) {
    if (o.has('s')) await ctx.stdout.write(`Files ${na} and ${nb} are identical\n`);
    return 0;
  }
  if (o.has('q')) {
    await ctx.stdout.write(`Files ${na} and ${nb} differ\n`);
    return 1;
  }
  if (o.has('u') || o.has('U')) {
    const context = o.has('U') ? Number(o.value('U')) : 3;
    if (!Number.isInteger(context) || context < 0) {
      await ctx.stderr.write(`diff: invalid context length '${o.value('U')}'\ndiff: Try 'diff --help' for more information.\n`);
      return 2;
    }
    const stamp = (t: number) => strftime('%Y-%m-%d %H:%M:%S', t) + `.${String(t % 1000).padStart(3, '0')}000000 +0000`;
    await ctx.stdout.write(`--- ${na}\t${stamp(fa.mtime)}\n+++ ${nb}\t${stamp(fb.mtime)}\n` + unifiedDiff(a, b, ops, context, noEolA, noEolB));
    return 1;
  }
  await ctx.stdout.write(normalDiff(a, b, ops, noEolA, noEolB));
  return 1;
};
