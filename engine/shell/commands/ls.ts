// ls: GNU coreutils listing: columns sized to the terminal, -l long format, sorting and filters.
import type { Command, CommandContext } from '../command-context';
import { collate } from '../pattern';
import { textWidth } from '../text-width';
import type { VfsStat } from '../virtual-fs';
import { getOptions } from './options';

interface Entry {
  name: string;
  path: string;
  st: VfsStat;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS = 15778476000; // half of a Gregorian year in ms, as GNU ls uses

export const ls: Command = async (ctx, argv) => {
  const o = await getOptions(
    ctx,
    argv,
    {
      flags: 'aAdFhilnprRStuUxX1Cgo',
      long: { all: 'a', 'almost-all': 'A', directory: 'd', classify: 'F', 'human-readable': 'h', inode: 'i', reverse: 'r', recursive: 'R', 'color=?': 'color', 'full-time': 'full-time', 'group-directories-first': 'gdf' },
    },
    { errorStatus: 2 },
  );
  if (typeof o === 'number') return o;
  const long = o.has('l') || o.has('n') || o.has('g') || o.has('o') || o.has('full-time');
  const all = o.has('a');
  const almostAll = o.has('A');
  const human = o.has('h');
  const colorWhen = o.value('color');
  const color = o.has('color') && (colorWhen === undefined || colorWhen === 'always' || colorWhen === 'yes' || ((colorWhen === 'auto' || colorWhen === 'tty') && ctx.isTTY));
  const classify = o.has('F');
  const slashDirs = o.has('p');
  const onePerLine = o.has('1') || (!ctx.isTTY && !o.has('C') && !o.has('x'));
  const now = ctx.clock.now();

  const sortEntries = (list: Entry[]): Entry[] => {
    if (o.has('U')) return list;
    let sorted = [...list].sort((a, b) => collate(a.name, b.name));
    if (o.has('t')) sorted = sorted.sort((a, b) => b.st.mtime - a.st.mtime || collate(a.name, b.name));
    if (o.has('S')) sorted = sorted.sort((a, b) => b.st.size - a.st.size || collate(a.name, b.name));
    if (o.has('X')) sorted = sorted.sort((a, b) => collate(ext(a.name), ext(b.name)) || collate(a.name, b.name));
    if (o.has('gdf')) sorted = sorted.sort((a, b) => Number(b.st.type === 'dir') - Number(a.st.type === 'dir'));
    return o.has('r') ? sorted.reverse() : sorted;
  };

  const decorate = (e: Entry): string => {
    let name = e.name;
    if (color) {
      const code = e.st.type === 'dir' ? (e.st.mode & 0o1002) === 0o1002 ? '30;42' : '01;34' : e.st.type === 'device' ? '40;33;01' : e.st.mode & 0o111 ? '01;32' : /\.(tar|tgz|gz|zip|bz2|xz|rpm|deb)$/.test(name) ? '01;31' : '';
      if (code) name = `\x1b[${code}m${name}\x1b[0m`;
    }
    if (classify) name += e.st.type === 'dir' ? '/' : e.st.mode & 0o111 && e.st.type === 'file' ? '*' : '';
    else if (slashDirs && e.st.type === 'dir') name += '/';
    return name;
  };
  const plainWidth = (e: Entry): number => textWidth(e.name) + ((classify && (e.st.type === 'dir' || (e.st.mode & 0o111 && e.st.type === 'file'))) || (slashDirs && e.st.type === 'dir') ? 1 : 0);

  const render = (entries: Entry[], withTotal: boolean): string => {
    if (!entries.length) return withTotal && long ? 'total 0\n' : '';
    if (long) return longFormat(entries, withTotal);
    if (onePerLine) return entries.map((e) => decorate(e) + '\n').join('');
    return columns(entries.map((e) => ({ text: decorate(e), width: plainWidth(e) })), ctx.terminal.cols, o.has('x'));
  };

  const longFormat = (entries: Entry[], withTotal: boolean): string => {
    const rows = entries.map((e) => {
      const size = e.st.type === 'device' ? deviceNumbers(e.st.device) : human ? humanSize(e.st.size) : String(e.st.size);
      const owner = o.has('n') ? '0' : 'root';
      return { e, mode: modeString(e.st), links: String(e.st.nlink), owner, group: o.has('n') ? '0' : 'root', size, date: o.has('full-time') ? fullTime(e.st.mtime) : lsDate(e.st.mtime, now) };
    });
    const w = (k: 'links' | 'owner' | 'group' | 'size') => Math.max(...rows.map((r) => r[k].length));
    let out = '';
    if (withTotal) {
      const blocks = entries.reduce((sum, e) => sum + (e.st.type === 'device' ? 0 : Math.ceil(e.st.size / 4096) * 4), 0);
      out += `total ${human ? humanSize(blocks * 1024) : blocks}\n`;
    }
    for (const r of rows) {
      const cols = [r.mode, r.links.padStart(w('links'))];
      if (!o.has('g')) cols.push(r.owner.padEnd(w('owner')));
      if (!o.has('o')) cols.push(r.group.padEnd(w('group')));
      cols.push(r.size.padStart(w('size')), r.date, decorate(r.e));
      out += cols.join(' ') + '\n';
    }
    return out;
  };

  const listDir = (path: string): Entry[] => {
    const names = ctx.fs.readdir(path);
    const entries: Entry[] = [];
    if (all) {
      entries.push({ name: '.', path, st: ctx.fs.stat(path) });
      const parent = path === '/' ? '/' : path.slice(0, path.lastIndexOf('/')) || '/';
      entries.push({ name: '..', path: parent, st: ctx.fs.stat(parent) });
    }
    for (const n of names) {
      if (n.startsWith('.') && !all && !almostAll) continue;
      const p = path === '/' ? `/${n}` : `${path}/${n}`;
      entries.push({ name: n, path: p, st: ctx.fs.stat(p) });
    }
    return sortEntries(entries);
  };

  const operands = o.operands.length ? o.operands : ['.'];
  let status = 0;
  const files: Entry[] = [];
  const dirs: Entry[] = [];
  for (const name of operands) {
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      await ctx.stderr.write(`ls: cannot access '${name}': No such file or directory\n`);
      status = 2;
      continue;
    }
    const st = ctx.fs.stat(path);
    if (st.type === 'dir' && !o.has('d')) dirs.push({ name, path, st });
    else files.push({ name, path, st });
  }
  let out = render(sortEntries(files), false);
  const showHeaders = operands.length > 1 || o.has('R');
  let first = files.length === 0;
  const sortedDirs = sortEntries(dirs);
  const queue = [...sortedDirs];
  while (queue.length) {
    const d = queue.shift()!;
    const entries = listDir(d.path);
    if (showHeaders) out += `${first ? '' : '\n'}${d.name}:\n`;
    first = false;
    out += render(entries, true);
    if (o.has('R')) {
      const sub = entries.filter((e) => e.st.type === 'dir' && e.name !== '.' && e.name !== '..').map((e) => ({ ...e, name: d.name === '/' ? `/${e.name}` : `${d.name}/${e.name}` }));
      queue.unshift(...sub);
    }
    if (out.length > 8192) {
      await ctx.stdout.write(out);
      out = '';
    }
  }
  await ctx.stdout.write(out);
  return status;
};

/** GNU ls -C: as many columns as fit, filled top to bottom. */
export function columns(items: { text: string; width: number }[], lineWidth: number, across = false): string {
  const n = items.length;
  if (!n) return '';
  let best = { cols: 1, rows: n, widths: [Math.max(...items.map((i) => i.width))] };
  for (let cols = Math.min(n, Math.max(1, Math.floor(lineWidth / 3))); cols >= 1; cols--) {
    const rows = Math.ceil(n / cols);
    if (!across && Math.ceil(n / rows) !== cols) continue;
    const widths = new Array<number>(cols).fill(0);
    items.forEach((it, i) => {
      const c = across ? i % cols : Math.floor(i / rows);
      widths[c] = Math.max(widths[c], it.width + (c === cols - 1 ? 0 : 2));
    });
    const total = widths.reduce((a, b) => a + b, 0);
    if (total < lineWidth || cols === 1) {
      best = { cols, rows, widths };
      break;
    }
  }
  let out = '';
  for (let r = 0; r < best.rows; r++) {
    let line = '';
    for (let c = 0; c < best.cols; c++) {
      const i = across ? r * best.cols + c : c * best.rows + r;
      if (i >= n) break;
      const it = items[i];
      const next = across ? i + 1 : (c + 1) * best.rows + r;
      const last = c === best.cols - 1 || next >= n;
      line += last ? it.text : it.text + ' '.repeat(best.widths[c] - it.width);
    }
    out += line + '\n';
  }
  return out;
}

export function modeString(st: VfsStat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'device' ? 'c' : '-';
  const m = st.mode;
  const bits = 'rwxrwxrwx'.split('').map((ch, i) => (m & (1 << (8 - i)) ? ch : '-'));
  if (m & 0o4000) bits[2] = bits[2] === 'x' ? 's' : 'S';
  if (m & 0o2000) bits[5] = bits[5] === 'x' ? 's' : 'S';
  if (m & 0o1000) bits[8] = bits[8] === 'x' ? 't' : 'T';
  return t + bits.join('');
}

function deviceNumbers(device: VfsStat['device']): string {
  return device === 'null' ? '1, 3' : device === 'zero' ? '1, 5' : '5, 0';
}

/** `Nov 22 01:52` for recent files, `Nov 22  2025` for old or future ones. */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = mtime <= now + 60000 && now - mtime < SIX_MONTHS;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

function fullTime(mtime: number): string {
  const iso = new Date(mtime).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}.${iso.slice(20, 23)}000000 +0000`;
}

/** GNU human-readable sizes (-h): 1 decimal below 10, rounded up; powers of 1024. */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return String(bytes);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = bytes;
  let u = -1;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (v < 10) {
    const r = Math.ceil(v * 10) / 10;
    return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
  }
  return `${Math.ceil(v)}${units[u]}`;
}

function ext(name: string): string {
  const i = name.lastIndexOf('.');
  return i > 0 ? name.slice(i + 1) : '';
}

export type { CommandContext };
