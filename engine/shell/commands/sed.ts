// sed: the GNU stream editor's common subset: s///[gpiN], y, d, p, n, N, q, Q, =, a, i, c,
// h H g G x, b, t, labels, { } blocks, addresses (N, $, /re/, first~step, a,b, a,+N, !), -n -e -i -E -s.
import type { Command, CommandContext } from '../command-context';
import { getOptions, splitLines } from './options';
import { posixToJs, RegexSyntaxError } from './posix-regex';

type Address =
  | { type: 'line'; n: number }
  | { type: 'last' }
  | { type: 'regex'; re: RegExp | null }
  | { type: 'step'; first: number; step: number }
  | { type: 'zero' };

interface SedCommand {
  a1?: Address;
  a2?: Address | { type: 'plus'; n: number };
  negate: boolean;
  name: string;
  // s
  re?: RegExp | null;
  replacement?: string;
  global?: boolean;
  occurrence?: number;
  print?: boolean;
  // y
  from?: string[];
  to?: string[];
  // a i c, labels, b t
  text?: string;
  label?: string;
  /** For `{`: index of the matching `}`. */
  blockEnd?: number;
  // range state
  inRange?: boolean;
  rangeEnd?: number;
}

class SedError extends Error {}

function parseScript(script: string, extended: boolean): SedCommand[] {
  const cmds: SedCommand[] = [];
  const blocks: number[] = [];
  let i = 0;
  const s = script;
  const skipWs = () => {
    while (i < s.length && /[ \t]/.test(s[i])) i++;
  };
  const regex = (delim: string): { source: string } => {
    let out = '';
    while (i < s.length && s[i] !== delim) {
      if (s[i] === '\\' && i + 1 < s.length) {
        if (s[i + 1] === delim) out += delim === '/' ? '\\/' : s[i + 1];
        else if (s[i + 1] === 'n') out += '\\n';
        else out += s[i] + s[i + 1];
        i += 2;
        continue;
      }
      if (s[i] === '[') {
        // Bracket expressions may contain the delimiter.
        const close = s.indexOf(']', i + (s[i + 1] === '^' ? 3 : 2));
        if (close > 0) {
          out += s.slice(i, close + 1);
          i = close + 1;
          continue;
        }
      }
      out += s[i++];
    }
    if (i >= s.length) throw new SedError(`unterminated address regex`);
    i++;
    return { source: out };
  };
  const compile = (src: string, flags: string): RegExp | null => {
    if (src === '') return null; // the last regex used
    try {
      return new RegExp(posixToJs(src, extended), flags);
    } catch (e) {
      throw new SedError(e instanceof RegexSyntaxError ? e.message : 'Invalid regular expression');
    }
  };
  const address = (): Address | undefined => {
    if (/\d/.test(s[i] ?? '')) {
      const m = /^(\d+)(?:~(\d+))?/.exec(s.slice(i))!;
      i += m[0].length;
      if (m[2] !== undefined) return { type: 'step', first: Number(m[1]), step: Number(m[2]) };
      return Number(m[1]) === 0 ? { type: 'zero' } : { type: 'line', n: Number(m[1]) };
    }
    if (s[i] === '$') {
      i++;
      return { type: 'last' };
    }
    if (s[i] === '/' || s[i] === '\\') {
      const delim = s[i] === '\\' ? s[i + 1] : '/';
      i += s[i] === '\\' ? 2 : 1;
      const { source } = regex(delim);
      let flags = '';
      while (s[i] === 'I' || s[i] === 'M') {
        if (s[i] === 'I') flags += 'i';
        else flags += 'm';
        i++;
      }
      return { type: 'regex', re: compile(source, flags) };
    }
    return undefined;
  };
  const readText = (): string => {
    // a\ text, a text (GNU one-liner), continuing over backslash-newlines.
    skipWs();
    if (s[i] === '\\') {
      i++;
      if (s[i] === '\n') i++;
    }
    skipWs();
    let out = '';
    while (i < s.length && s[i] !== '\n') {
      if (s[i] === '\\' && i + 1 < s.length) {
        out += s[i + 1] === 'n' ? '\n' : s[i + 1] === 't' ? '\t' : s[i + 1];
        i += 2;
        continue;
      }
      out += s[i++];
    }
    return out;
  };
  const label = (): string => {
    skipWs();
    let out = '';
    while (i < s.length && !/[;\n}]/.test(s[i])) out += s[i++];
    return out.trim();
  };
  while (i < s.length) {
    skipWs();
    while (i < s.length && /[;\n\s]/.test(s[i])) i++;
    if (i >= s.length) break;
    if (s[i] === '#') {
      while (i < s.length && s[i] !== '\n') i++;
      continue;
    }
    const cmd: SedCommand = { negate: false, name: '' };
    cmd.a1 = address();
    if (cmd.a1 && s[i] === ',') {
      i++;
      if (s[i] === '+' || s[i] === '~') {
        const m = /^[+~](\d+)/.exec(s.slice(i));
        if (!m) throw new SedError('unexpected `,\'');
        i += m[0].length;
        cmd.a2 = { type: 'plus', n: Number(m[1]) };
      } else {
        cmd.a2 = address();
        if (!cmd.a2) throw new SedError("unexpected `,'");
      }
    }
    skipWs();
    while (s[i] === '!') {
      cmd.negate = true;
      i++;
      skipWs();
    }
    const name = s[i++];
    if (name === undefined) throw new SedError('missing command');
    cmd.name = name;
    switch (name) {
      case '{':
        blocks.push(cmds.length);
        break;
      case '}': {
        const open = blocks.pop();
        if (open === undefined) throw new SedError("unexpected `}'");
        cmds[open].blockEnd = cmds.length;
        break;
      }
      case 's': {
        const delim = s[i++];
        if (delim === undefined || delim === '\n' || delim === '\\') throw new SedError("unterminated `s' command");
        const { source } = regex(delim);
        let rep = '';
        while (i < s.length && s[i] !== delim) {
          if (s[i] === '\\' && i + 1 < s.length) {
            rep += s[i + 1] === delim ? delim : s[i] + s[i + 1];
            i += 2;
            continue;
          }
          rep += s[i++];
        }
        if (i >= s.length) throw new SedError("unterminated `s' command");
        i++;
        let flags = '';
        cmd.global = false;
        for (;;) {
          const f = s[i];
          if (f === 'g') cmd.global = true;
          else if (f === 'p') cmd.print = true;
          else if (f === 'i' || f === 'I') flags += 'i';
          else if (f === 'm' || f === 'M') flags += 'm';
          else if (f === 'e') {
            /* not supported: ignored */
          } else if (f !== undefined && /\d/.test(f)) {
            const m = /^\d+/.exec(s.slice(i))!;
            cmd.occurrence = Number(m[0]);
            i += m[0].length - 1;
          } else if (f === 'w') {
            label();
            break;
          } else break;
          i++;
        }
        cmd.re = compile(source, flags);
        cmd.replacement = rep;
        break;
      }
      case 'y': {
        const delim = s[i++];
        const part = () => {
          let out = '';
          while (i < s.length && s[i] !== delim) {
            if (s[i] === '\\' && i + 1 < s.length) {
              out += s[i + 1] === 'n' ? '\n' : s[i + 1];
              i += 2;
              continue;
            }
            out += s[i++];
          }
          if (i >= s.length) throw new SedError("unterminated `y' command");
          i++;
          return [...out];
        };
        cmd.from = part();
        cmd.to = part();
        if (cmd.from.length !== cmd.to.length) throw new SedError("strings for `y' command are different lengths");
        break;
      }
      case 'a':
      case 'i':
      case 'c':
        cmd.text = readText();
        break;
      case ':':
        cmd.label = label();
        if (!cmd.label) throw new SedError('":" lacks a label');
        break;
      case 'b':
      case 't':
      case 'T':
        cmd.label = label();
        break;
      case 'r':
      case 'R':
      case 'w':
      case 'W':
        cmd.text = label();
        break;
      case 'q':
      case 'Q':
      case 'l':
      case 'L': {
        skipWs();
        const m = /^\d+/.exec(s.slice(i));
        if (m) {
          cmd.text = m[0];
          i += m[0].length;
        }
        break;
      }
      case 'd': case 'D': case 'p': case 'P': case 'n': case 'N': case '=': case 'h': case 'H': case 'g': case 'G': case 'x': case 'z':
        break;
      default:
        throw new SedError(`unknown command: \`${name}'`);
    }
    cmds.push(cmd);
  }
  if (blocks.length) throw new SedError("unmatched `{'");
  return cmds;
}

/** Expands a replacement: & and \1..\9, \n, \t, and GNU's \U \L \u \l \E case changes. */
function substitute(rep: string, m: RegExpExecArray): string {
  let out = '';
  let mode: 'U' | 'L' | undefined;
  let once: 'u' | 'l' | undefined;
  const add = (t: string) => {
    for (const ch of t) {
      let c = ch;
      if (mode === 'U') c = c.toUpperCase();
      if (mode === 'L') c = c.toLowerCase();
      if (once) {
        c = once === 'u' ? c.toUpperCase() : c.toLowerCase();
        once = undefined;
      }
      out += c;
    }
  };
  for (let i = 0; i < rep.length; i++) {
    const c = rep[i];
    if (c === '&') add(m[0]);
    else if (c === '\\' && i + 1 < rep.length) {
      const d = rep[++i];
      if (/\d/.test(d)) add(m[Number(d)] ?? '');
      else if (d === 'n') add('\n');
      else if (d === 't') add('\t');
      else if (d === 'U' || d === 'L') mode = d;
      else if (d === 'E') mode = undefined;
      else if (d === 'u' || d === 'l') once = d;
      else add(d);
    } else add(c);
  }
  return out;
}

export const sed: Command = async (ctx, argv) => {
  // -i takes an optional attached suffix; give getopt a plain flag by normalising it first.
  const args = argv.map((a, k) => (k > 0 && /^-i\S+$/.test(a) && !a.startsWith('--') ? '-i' : a));
  const o = await getOptions(ctx, args, {
    flags: 'nrEsiuz',
    withValue: 'ef',
    long: { quiet: 'n', silent: 'n', 'regexp-extended': 'E', separate: 's', 'in-place=?': 'i', 'expression=': 'e', 'file=': 'f', 'null-data': 'z', posix: 'posix', debug: 'debug' },
  });
  if (typeof o === 'number') return o;
  let scripts = [...o.list.filter(([k]) => k === 'e' || k === 'f').map(([k, v]) => (k === 'f' ? ctx.fs.readFile(ctx.resolvePath(v ?? '')) : v ?? ''))];
  const operands = [...o.operands];
  if (!scripts.length) {
    if (!operands.length) {
      await ctx.stderr.write('Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n');
      return 1;
    }
    scripts = [operands.shift()!];
  }
  const quiet = o.has('n');
  const extended = o.has('E') || o.has('r');
  const inPlace = o.has('i');
  let cmds: SedCommand[];
  try {
    cmds = parseScript(scripts.join('\n'), extended);
  } catch (err) {
    await ctx.stderr.write(`sed: -e expression #1, char ${scripts.join('\n').length}: ${(err as Error).message}\n`);
    return 1;
  }
  const labels = new Map<string, number>();
  cmds.forEach((c, k) => c.name === ':' && labels.set(c.label!, k));
  for (const c of cmds) {
    if ((c.name === 'b' || c.name === 't' || c.name === 'T') && c.label && !labels.has(c.label)) {
      await ctx.stderr.write(`sed: can't find label for jump to \`${c.label}'\n`);
      return 1;
    }
  }

  const files = operands.length ? operands : ['-'];
  let status = 0;
  const inputs: { name: string; lines: string[]; trailingNewline: boolean }[] = [];
  for (const name of files) {
    let text: string;
    if (name === '-') text = await ctx.stdin.readAll();
    else {
      const path = ctx.resolvePath(name);
      if (!ctx.fs.exists(path)) {
        await ctx.stderr.write(`sed: can't read ${name}: No such file or directory\n`);
        status = 2;
        continue;
      }
      if (ctx.fs.isDirectory(path)) {
        await ctx.stderr.write(`sed: couldn't edit ${name}: not a regular file\n`);
        status = 4;
        continue;
      }
      text = ctx.fs.readFile(path);
    }
    inputs.push({ name, lines: splitLines(text), trailingNewline: text.endsWith('\n') || text === '' });
  }

  const separate = inPlace || o.has('s');
  const groups = separate ? inputs.map((x) => [x]) : [inputs];
  let lastRegex: RegExp | null = null;
  let quitStatus: number | undefined;
  for (const group of groups) {
    if (quitStatus !== undefined) break;
    const lines = group.flatMap((g) => g.lines);
    const missingFinalNewline = group.length > 0 && !group[group.length - 1].trailingNewline;
    let out = '';
    let hold = '';
    let lineNo = 0;
    let idx = 0;
    for (const c of cmds) c.inRange = false;
    const isLast = () => idx >= lines.length;
    const matchRe = (re: RegExp | null, text: string): boolean => {
      const r = re ?? lastRegex;
      if (!r) throw new SedError('no previous regular expression');
      if (re) lastRegex = re;
      r.lastIndex = 0;
      return r.test(text);
    };
    const matchAddr = (a: Address, ps: string): boolean => {
      switch (a.type) {
        case 'line': return lineNo === a.n;
        case 'last': return isLast();
        case 'regex': return matchRe(a.re, ps);
        case 'step': return a.step <= 0 ? lineNo === a.first : lineNo >= a.first && (lineNo - a.first) % a.step === 0;
        case 'zero': return false;
      }
    };
    const selected = (c: SedCommand, ps: string): boolean => {
      let r: boolean;
      if (!c.a1) r = true;
      else if (!c.a2) r = matchAddr(c.a1, ps);
      else if (c.inRange) {
        const a2 = c.a2;
        if (a2.type === 'plus') {
          if (lineNo >= c.rangeEnd!) c.inRange = false;
        } else if (a2.type === 'line') {
          if (lineNo >= a2.n) c.inRange = false;
        } else if (matchAddr(a2, ps)) c.inRange = false;
        r = true;
      } else {
        const startZero = c.a1.type === 'zero';
        r = startZero ? lineNo >= 1 : matchAddr(c.a1, ps);
        if (r) {
          const a2 = c.a2;
          if (a2.type === 'plus') {
            c.rangeEnd = lineNo + a2.n;
            c.inRange = a2.n > 0;
          } else if (a2.type === 'line') c.inRange = a2.n > lineNo;
          else if (startZero && matchAddr(a2, ps)) c.inRange = false;
          else c.inRange = !(a2.type === 'last' && isLast());
          if (startZero && c.a1.type === 'zero') c.a1 = { type: 'line', n: -1 };
        }
      }
      return r !== c.negate;
    };
    try {
      while (idx < lines.length && quitStatus === undefined) {
        let ps = lines[idx++];
        lineNo++;
        let appendQueue = '';
        let deleted = false;
        let substituted = false;
        let autoPrint = !quiet;
        let pc = 0;
        cycle: while (pc < cmds.length) {
          const c = cmds[pc];
          if (c.name === '}' || c.name === ':') {
            pc++;
            continue;
          }
          if (!selected(c, ps)) {
            pc = c.name === '{' ? c.blockEnd! + 1 : pc + 1;
            continue;
          }
          switch (c.name) {
            case '{':
              break;
            case 's': {
              const base = c.re ?? lastRegex;
              if (!base) throw new SedError('no previous regular expression');
              if (c.re) lastRegex = c.re;
              const re = new RegExp(base.source, base.flags.replace('g', '') + 'g');
              let n = 0;
              let done = false;
              const replaced = ps.replace(re, (...args) => {
                n++;
                const match = args[0] as string;
                if (done || (c.occurrence !== undefined && n < c.occurrence)) return match;
                if (!c.global) done = true;
                const groups = args.slice(0, -2) as string[];
                const m = Object.assign([...groups], { index: args[args.length - 2] as number, input: ps }) as unknown as RegExpExecArray;
                substituted = true;
                return substitute(c.replacement!, m);
              });
              if (replaced !== ps || (done && n > 0)) {
                ps = replaced;
                if (c.print) out += ps + '\n';
              }
              break;
            }
            case 'y':
              ps = [...ps].map((ch) => {
                const k = c.from!.indexOf(ch);
                return k >= 0 ? c.to![k] : ch;
              }).join('');
              break;
            case 'd':
              deleted = true;
              break cycle;
            case 'D': {
              const nl = ps.indexOf('\n');
              if (nl < 0) {
                deleted = true;
                break cycle;
              }
              ps = ps.slice(nl + 1);
              pc = 0;
              continue;
            }
            case 'p':
              out += ps + '\n';
              break;
            case 'P':
              out += ps.split('\n')[0] + '\n';
              break;
            case 'n':
              if (autoPrint) out += ps + '\n';
              if (idx >= lines.length) {
                autoPrint = false;
                deleted = true;
                break cycle;
              }
              ps = lines[idx++];
              lineNo++;
              break;
            case 'N':
              if (idx >= lines.length) {
                // GNU prints the pattern space when N hits the end of input.
                break cycle;
              }
              ps += '\n' + lines[idx++];
              lineNo++;
              break;
            case 'q':
              quitStatus = Number(c.text ?? 0);
              break cycle;
            case 'Q':
              quitStatus = Number(c.text ?? 0);
              deleted = true;
              autoPrint = false;
              break cycle;
            case '=':
              out += lineNo + '\n';
              break;
            case 'a':
              appendQueue += c.text + '\n';
              break;
            case 'i':
              out += c.text + '\n';
              break;
            case 'c':
              if (!c.a2 || !c.inRange) out += c.text + '\n';
              deleted = true;
              break cycle;
            case 'r': {
              const p = ctx.resolvePath(c.text ?? '');
              if (ctx.fs.isFile(p)) appendQueue += ctx.fs.readFile(p);
              break;
            }
            case 'w': {
              const p = ctx.resolvePath(c.text ?? '');
              ctx.fs.appendFile(p, ps + '\n');
              break;
            }
            case 'h': hold = ps; break;
            case 'H': hold += '\n' + ps; break;
            case 'g': ps = hold; break;
            case 'G': ps += '\n' + hold; break;
            case 'x': [ps, hold] = [hold, ps]; break;
            case 'z': ps = ''; break;
            case 'l': out += ps.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n') + '$\n'; break;
            case 'b':
            case 't':
            case 'T': {
              const jump = c.name === 'b' || (c.name === 't' ? substituted : !substituted);
              if (c.name !== 'b') substituted = false;
              if (jump) {
                if (!c.label) break cycle;
                pc = labels.get(c.label)!;
                continue;
              }
              break;
            }
          }
          pc++;
        }
        if (!deleted && autoPrint) out += ps + '\n';
        out += appendQueue;
        if (out.length > 65536 && !inPlace) {
          await ctx.stdout.write(out);
          out = '';
        }
      }
    } catch (err) {
      if (err instanceof SedError) {
        await ctx.stderr.write(`sed: ${err.message}\n`);
        return 4;
      }
      throw err;
    }
    if (missingFinalNewline && out.endsWith('\n') && quitStatus === undefined) out = out.slice(0, -1);
    if (inPlace) {
      const g = group[0];
      if (g && g.name !== '-') {
        const suffix = argv.find((a) => /^-i\S+$/.test(a))?.slice(2) ?? o.value('i');
        const path = ctx.resolvePath(g.name);
        if (suffix) ctx.fs.writeFile(path + suffix, ctx.fs.readFile(path));
        ctx.fs.writeFile(path, out);
      }
    } else await ctx.stdout.write(out);
  }
  return quitStatus ?? status;
};

export type { CommandContext };
