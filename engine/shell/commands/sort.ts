// sort: -n -r -k -t -u -f -h -V -b -o -c, stable with GNU's last-resort whole-line comparison.
import type { Command } from '../command-context';
import { collate } from '../pattern';
import { getOptions, inputFiles, splitLines } from './options';

interface KeySpec {
  startField: number;
  startChar: number;
  endField: number;
  endChar: number;
  flags: string;
}

function parseKey(spec: string): KeySpec | undefined {
  const m = /^(\d+)(?:\.(\d+))?([bdfghinMrRV]*)(?:,(\d+)(?:\.(\d+))?([bdfghinMrRV]*))?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return { startField: Number(m[1]), startChar: Number(m[2] ?? 1), endField: m[4] ? Number(m[4]) : Infinity, endChar: Number(m[5] ?? 0), flags: (m[3] ?? '') + (m[6] ?? '') };
}

function fields(line: string, sep: string | undefined): { text: string; start: number }[] {
  if (sep !== undefined) {
    let pos = 0;
    return line.split(sep).map((t) => {
      const f = { text: t, start: pos };
      pos += t.length + sep.length;
      return f;
    });
  }
  // Default: a field is leading blanks plus non-blanks.
  const out: { text: string; start: number }[] = [];
  const re = /\s*\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) out.push({ text: m[0], start: m.index });
  return out;
}

function extractKey(line: string, key: KeySpec, sep: string | undefined): string {
  const fs = fields(line, sep);
  const sf = fs[key.startField - 1];
  if (!sf) return '';
  let start = sf.start;
  let text = sf.text;
  if (key.flags.includes('b') || sep === undefined) {
    const lead = text.length - text.trimStart().length;
    if (key.flags.includes('b') || key.startChar > 1) start += lead;
  }
  start += key.startChar - 1;
  let end = line.length;
  if (key.endField !== Infinity) {
    const ef = fs[key.endField - 1];
    if (ef) {
      end = key.endChar ? ef.start + (ef.text.length - ef.text.trimStart().length) + key.endChar : ef.start + ef.text.length;
    }
  }
  text = line.slice(start, Math.max(start, end));
  return text;
}

const SUFFIX = 'KMGTPEZY';
function humanValue(s: string): number {
  const m = /^\s*([+-]?\d+(?:\.\d+)?)([KMGTPEZY]?)/i.exec(s);
  if (!m) return 0;
  const i = m[2] ? SUFFIX.indexOf(m[2].toUpperCase()) + 1 : 0;
  return Number(m[1]) * 1024 ** i;
}

function numValue(s: string): number {
  const m = /^\s*([+-]?(\d+(\.\d*)?|\.\d+))/.exec(s);
  return m ? Number(m[1]) : 0;
}

function versionCompare(a: string, b: string): number {
  const pa = a.match(/\d+|\D+/g) ?? [];
  const pb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const d = Number(x) - Number(y);
      if (d) return d;
    } else if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

export const sort: Command = async (ctx, argv) => {
  const o = await getOptions(
    ctx,
    argv,
    {
      flags: 'bcCdfghiMmnrRsuVz',
      withValue: 'kotST',
      long: { 'ignore-leading-blanks': 'b', check: 'c', 'dictionary-order': 'd', 'ignore-case': 'f', 'general-numeric-sort': 'g', 'human-numeric-sort': 'h', 'numeric-sort': 'n', reverse: 'r', 'random-sort': 'R', stable: 's', unique: 'u', 'version-sort': 'V', 'key=': 'k', 'output=': 'o', 'field-separator=': 't', 'buffer-size=': 'S', 'temporary-directory=': 'T' },
    },
    { errorStatus: 2 },
  );
  if (typeof o === 'number') return o;
  const sep = o.value('t');
  if (sep !== undefined && sep.length !== 1) {
    await ctx.stderr.write(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab '${sep}'\n`);
    return 2;
  }
  const keys: KeySpec[] = [];
  for (const k of o.values('k')) {
    const spec = parseKey(k);
    if (!spec) {
      await ctx.stderr.write(`sort: invalid number at field start: invalid count at start of '${k}'\n`);
      return 2;
    }
    keys.push(spec);
  }
  const global = o.list.map(([k]) => k).filter((k) => k.length === 1).join('');
  let lines: string[] = [];
  let status = 0;
  for await (const f of inputFiles(ctx, 'sort', o.operands)) {
    if ('error' in f) {
      await ctx.stderr.write(f.error.replace(/^sort: (.*): /, 'sort: cannot read: $1: ') + '\n');
      return 2;
    }
    lines.push(...splitLines(f.text));
  }
  const compareText = (a: string, b: string, flags: string): number => {
    if (flags.includes('b')) {
      a = a.trimStart();
      b = b.trimStart();
    }
    if (flags.includes('n')) return numValue(a) - numValue(b);
    if (flags.includes('g')) return (parseFloat(a) || 0) - (parseFloat(b) || 0);
    if (flags.includes('h')) return humanValue(a) - humanValue(b);
    if (flags.includes('V')) return versionCompare(a, b);
    if (flags.includes('M')) {
      const months = 'JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC';
      const mi = (s: string) => (months.indexOf(s.trim().slice(0, 3).toUpperCase()) + 3) / 3;
      return mi(a) - mi(b);
    }
    if (flags.includes('d')) {
      a = a.replace(/[^\w\s]/g, '');
      b = b.replace(/[^\w\s]/g, '');
    }
    if (flags.includes('f')) {
      a = a.toUpperCase();
      b = b.toUpperCase();
    }
    return collate(a, b);
  };
  const keyFlags = (k: KeySpec) => (k.flags.replace(/r/g, '') ? k.flags : global);
  const reversedKey = (k: KeySpec) => (k.flags.replace(/[^bdfghinMRV]/g, '') ? k.flags.includes('r') : global.includes('r'));
  const cmp = (a: string, b: string): number => {
    for (const k of keys) {
      const r = compareText(extractKey(a, k, sep), extractKey(b, k, sep), keyFlags(k));
      if (r) return reversedKey(k) ? -r : r;
    }
    if (!keys.length) {
      const r = compareText(a, b, global);
      if (r) return global.includes('r') ? -r : r;
    }
    if (o.has('s') || o.has('u')) return 0;
    // GNU's last resort: byte comparison of whole lines.
    const r = a === b ? 0 : a < b ? -1 : 1;
    return global.includes('r') ? -r : r;
  };
  if (o.has('c') || o.has('C')) {
    for (let i = 1; i < lines.length; i++) {
      if (cmp(lines[i - 1], lines[i]) > 0 || (o.has('u') && cmp(lines[i - 1], lines[i]) === 0)) {
        if (o.has('c')) await ctx.stderr.write(`sort: ${o.operands[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`);
        return 1;
      }
    }
    return 0;
  }
  if (o.has('R')) lines = lines.map((l) => [l, Math.random()] as const).sort((x, y) => x[1] - y[1]).map(([l]) => l);
  else lines.sort(cmp);
  if (o.has('u')) lines = lines.filter((l, i) => i === 0 || cmp(lines[i - 1], l) !== 0);
  const text = lines.map((l) => l + '\n').join('');
  if (o.has('o')) {
    ctx.fs.writeFile(ctx.resolvePath(o.value('o')!), text);
    return status;
  }
  await ctx.stdout.write(text);
  return status;
};
