// tr: translate, delete (-d) or squeeze (-s) characters; ranges, classes, escapes, -c.
import type { Command } from '../command-context';
import { getOptions } from './options';

const CLASSES: Record<string, () => string[]> = {
  alpha: () => [...range('A', 'Z'), ...range('a', 'z')],
  digit: () => range('0', '9'),
  alnum: () => [...range('0', '9'), ...range('A', 'Z'), ...range('a', 'z')],
  upper: () => range('A', 'Z'),
  lower: () => range('a', 'z'),
  space: () => [' ', '\t', '\n', '\r', '\f', '\v'],
  blank: () => [' ', '\t'],
  punct: () => range('!', '~').filter((c) => !/[A-Za-z0-9]/.test(c)),
  xdigit: () => [...range('0', '9'), ...range('A', 'F'), ...range('a', 'f')],
  cntrl: () => [...range('\x00', '\x1f'), '\x7f'],
  print: () => range(' ', '~'),
  graph: () => range('!', '~'),
};

function range(a: string, b: string): string[] {
  const out: string[] = [];
  for (let c = a.codePointAt(0)!; c <= b.codePointAt(0)!; c++) out.push(String.fromCodePoint(c));
  return out;
}

function unescape(s: string, i: number): [string, number] {
  const c = s[i + 1];
  const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b', '\\': '\\' };
  if (c === undefined) return ['\\', 1];
  if (map[c]) return [map[c], 2];
  const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), 1 + oct[0].length];
  return [c, 2];
}

/** Expands a SET; `[:upper:]` positions are remembered for case conversion. */
export function expandSet(s: string): { chars: string[]; error?: string } {
  const out: string[] = [];
  const chars = [...s];
  const str = chars.join('');
  let i = 0;
  const next = (): [string, number] => (str[i] === '\\' ? unescape(str, i) : [str[i], 1]);
  while (i < str.length) {
    if (str.startsWith('[:', i)) {
      const close = str.indexOf(':]', i + 2);
      if (close > 0) {
        const name = str.slice(i + 2, close);
        const cls = CLASSES[name];
        if (!cls) return { chars: [], error: `invalid character class '${name}'` };
        out.push(...cls());
        i = close + 2;
        continue;
      }
    }
    const rep = /^\[(.)\*(\d*)\]/.exec(str.slice(i));
    if (rep) {
      out.push(...Array<string>(Number(rep[2] || 0) || 0).fill(rep[1]));
      if (!rep[2] || rep[2] === '0') out.push(`\0fill:${rep[1]}`);
      i += rep[0].length;
      continue;
    }
    const [c, used] = next();
    i += used;
    if (str[i] === '-' && i + 1 < str.length) {
      i++;
      const [d, used2] = next();
      i += used2;
      if (d < c) return { chars: [], error: `range-endpoints of '${c}-${d}' are in reverse collating sequence order` };
      out.push(...range(c, d));
      continue;
    }
    out.push(c);
  }
  return { chars: out };
}

export const tr: Command = async (ctx, argv) => {
  const o = await getOptions(ctx, argv, { flags: 'cCdst', long: { complement: 'c', delete: 'd', 'squeeze-repeats': 's', 'truncate-set1': 't' } });
  if (typeof o === 'number') return o;
  const del = o.has('d');
  const squeeze = o.has('s');
  const [s1, s2] = o.operands;
  const need = del && !squeeze ? 1 : del || !squeeze ? 2 : 1;
  if (o.operands.length < need) {
    const msg = o.operands.length === 0 ? 'missing operand' : `missing operand after '${s1}'`;
    await ctx.stderr.write(`tr: ${msg}\n${need === 2 && !del ? 'Two strings must be given when translating.\n' : ''}Try 'tr --help' for more information.\n`);
    return 1;
  }
  if (o.operands.length > need && !(squeeze && o.operands.length === 2)) {
    await ctx.stderr.write(`tr: extra operand '${o.operands[need]}'\n${del ? 'Only one string may be given when deleting without squeezing repeats.\n' : ''}Try 'tr --help' for more information.\n`);
    return 1;
  }
  const set1 = expandSet(s1);
  const set2 = s2 !== undefined ? expandSet(s2) : { chars: [] as string[] };
  for (const e of [set1.error, set2.error]) {
    if (e) {
      await ctx.stderr.write(`tr: ${e}\n`);
      return 1;
    }
  }
  const complement = o.has('c') || o.has('C');
  const inSet1 = new Set(set1.chars);
  const member = (c: string) => inSet1.has(c) !== complement;
  const text = await ctx.stdin.readAll();
  let out = '';
  if (del) {
    const sq = new Set(set2.chars);
    let prev = '';
    for (const c of text) {
      if (member(c)) continue;
      if (squeeze && c === prev && sq.has(c)) continue;
      out += c;
      prev = c;
    }
  } else if (s2 === undefined) {
    let prev = '';
    for (const c of text) {
      if (c === prev && member(c)) continue;
      out += c;
      prev = c;
    }
  } else {
    let to = set2.chars.filter((c) => !c.startsWith('\0fill:'));
    const fill = set2.chars.find((c) => c.startsWith('\0fill:'));
    const from = set1.chars;
    if (fill) {
      const idx = set2.chars.indexOf(fill);
      const missing = Math.max(0, from.length - to.length);
      to = [...to.slice(0, idx), ...Array<string>(missing).fill(fill.slice(6)), ...to.slice(idx)];
    }
    if (!to.length) {
      await ctx.stderr.write('tr: when not truncating set1, string2 must be non-empty\n');
      return 1;
    }
    const map = new Map<string, string>();
    if (complement) {
      const last = to[to.length - 1];
      for (const c of text) if (!inSet1.has(c)) map.set(c, last);
    } else from.forEach((c, i) => map.set(c, to[Math.min(i, to.length - 1)]));
    const sq = new Set(to);
    let prev = '';
    for (const c of text) {
      const t = map.get(c) ?? c;
      if (squeeze && t === prev && sq.has(t)) continue;
      out += t;
      prev = t;
    }
  }
  await ctx.stdout.write(out);
  return 0;
};
