// The few shell and coreutils commands container processes and exec probes run
// (`sh -c 'echo hi; sleep 5'`, `cat /tmp/healthy`, `while true; do date; sleep 1; done`).
// It is deliberately small: `;`, `&&`, `||`, `while/until ... do ... done`, `for x in ...`,
// `$VAR`, quotes and a handful of commands. In a pod, `runCommand` hands the program to the
// container's full shell (`ctx.run`, engine/kubelet/container-shell.ts); this mini shell is the
// fallback for an image run on its own.
import type { ContainerContext } from './image';
import { sleep } from './image';

type Status = number;

class ExitSignal {
  constructor(readonly code: number) {}
}

/** Splits words honouring single/double quotes and backslashes; expands $VAR and ${VAR}. */
export function splitWords(src: string, env: Readonly<Record<string, string>>): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let i = 0;
  const expand = (): string => {
    // at '$'
    i++;
    if (src[i] === '{') {
      const end = src.indexOf('}', i);
      const name = src.slice(i + 1, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 1;
      return env[name] ?? '';
    }
    if (src[i] === '?') {
      i++;
      return env['?'] ?? '0';
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i));
    if (!m) return '$';
    i += m[0].length;
    return env[m[0]] ?? '';
  };
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
      i++;
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      cur += src.slice(i + 1, end < 0 ? src.length : end);
      i = end < 0 ? src.length : end + 1;
      has = true;
    } else if (c === '"') {
      i++;
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\\' && i + 1 < src.length) {
          cur += src[i + 1];
          i += 2;
        } else if (src[i] === '$') cur += expand();
        else cur += src[i++];
      }
      i++;
      has = true;
    } else if (c === '\\' && i + 1 < src.length) {
      cur += src[i + 1];
      i += 2;
      has = true;
    } else if (c === '$') {
      cur += expand();
      has = true;
    } else {
      cur += c;
      i++;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

/** Splits a script into top-level items at `;` and newlines, keeping loops (`while ... done`) whole. */
function splitList(src: string): string[] {
  const items: string[] = [];
  let cur = '';
  let quote = '';
  let depth = 0;
  let word = '';
  let cmdStart = true;
  const endWord = () => {
    if (!word) return;
    if (cmdStart) {
      if (word === 'while' || word === 'until' || word === 'for' || word === 'if') depth++;
      else if (word === 'done' || word === 'fi') depth = Math.max(0, depth - 1);
      cmdStart = ['do', 'then', 'else', 'while', 'until', 'if', '!'].includes(word);
    }
    word = '';
  };
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quote) {
      cur += c;
      word += c;
      if (c === quote) quote = '';
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      cur += c;
      word += c;
      continue;
    }
    if (c === ';' || c === '\n') {
      endWord();
      cmdStart = true;
      if (depth === 0) {
        if (cur.trim()) items.push(cur.trim());
        cur = '';
        continue;
      }
      cur += '; ';
      continue;
    }
    if (/\s/.test(c)) endWord();
    else if (c === '&' || c === '|') {
      endWord();
      cmdStart = true;
    } else word += c;
    cur += c;
  }
  endWord();
  if (cur.trim()) items.push(cur.trim());
  return items;
}

export class MiniShell {
  private vars: Record<string, string>;
  private last = 0;

  constructor(private readonly ctx: ContainerContext) {
    this.vars = { ...ctx.env, HOSTNAME: ctx.hostname };
  }

  async runScript(src: string): Promise<Status> {
    try {
      return await this.runList(src);
    } catch (e) {
      if (e instanceof ExitSignal) return e.code;
      throw e;
    }
  }

  private async runList(src: string): Promise<Status> {
    for (const item of splitList(src)) this.last = await this.runItem(item);
    return this.last;
  }

  private async runItem(item: string): Promise<Status> {
    const loop = /^(while|until)\s+([\s\S]*?);?\s*do\s+([\s\S]*);?\s*done$/.exec(item);
    if (loop) {
      for (let n = 0; ; n++) {
        const cond = await this.runList(loop[2]);
        if ((loop[1] === 'while') !== (cond === 0)) return 0;
        await this.runList(loop[3]);
        if (n % 100 === 99) await sleep(this.ctx, 0); // stays killable
      }
    }
    const forLoop = /^for\s+(\w+)\s+in\s+([\s\S]*?);\s*do\s+([\s\S]*);?\s*done$/.exec(item);
    if (forLoop) {
      for (const v of splitWords(forLoop[2], this.vars)) {
        this.vars[forLoop[1]] = v;
        await this.runList(forLoop[3]);
      }
      return this.last;
    }
    // && and || chains, left to right.
    const parts = item.split(/(&&|\|\|)/);
    let status = await this.runSimple(parts[0]);
    for (let i = 1; i < parts.length; i += 2) {
      if ((parts[i] === '&&' && status === 0) || (parts[i] === '||' && status !== 0)) status = await this.runSimple(parts[i + 1]);
    }
    return status;
  }

  private async runSimple(src: string): Promise<Status> {
    this.vars['?'] = String(this.last);
    let text = src.trim();
    let redirect: { path: string; append: boolean } | undefined;
    const r = /\s(>>?)\s*(\S+)\s*$/.exec(text);
    if (r) {
      redirect = { path: r[2], append: r[1] === '>>' };
      text = text.slice(0, r.index);
    }
    const argv = splitWords(text, this.vars);
    if (argv.length === 0) return 0;
    const assign = /^([A-Za-z_]\w*)=(.*)$/.exec(argv[0]);
    if (assign && argv.length === 1) {
      this.vars[assign[1]] = assign[2];
      return 0;
    }
    if (!redirect) return runCommand(this.ctx, argv, this);
    let buf = '';
    const sub: ContainerContext = { ...this.ctx, stdout: (t: string) => (buf += t) } as ContainerContext;
    const status = await runCommand(sub, argv, this);
    const prev = redirect.append ? (this.ctx.fs.read(redirect.path) ?? '') : '';
    if (redirect.path !== '/dev/null') this.ctx.fs.write(redirect.path, prev + buf);
    return status;
  }

  exit(code: number): never {
    throw new ExitSignal(code);
  }
}

function parseDuration(s: string): number {
  if (s === 'infinity') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(s);
  if (!m) return NaN;
  const mult = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]]!;
  return Number(m[1]) * mult * 1000;
}

/** Runs one command. Unknown programs give status 127 and `sh: x: not found`. */
export async function runCommand(ctx: ContainerContext, argv: string[], shell?: MiniShell): Promise<Status> {
  // A real container runs its programs with the full shell library (pipes, $((...)), functions).
  if (ctx.run && !shell) return ctx.run(argv);
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  const args = argv.slice(1);
  switch (prog) {
    case 'sh':
    case 'bash':
    case 'ash': {
      const c = args.indexOf('-c');
      if (c >= 0) return new MiniShell(ctx).runScript(args[c + 1] ?? '');
      return 0; // no tty: an interactive shell reads EOF and exits
    }
    case 'true':
    case ':':
      return 0;
    case 'false':
      return 1;
    case 'exit':
      if (shell) shell.exit(Number(args[0] ?? 0) & 255);
      return Number(args[0] ?? 0) & 255;
    case 'echo': {
      const noNl = args[0] === '-n';
      ctx.stdout((noNl ? args.slice(1) : args).join(' ') + (noNl ? '' : '\n'));
      return 0;
    }
    case 'printenv':
      if (args.length) {
        const v = ctx.env[args[0]];
        if (v === undefined) return 1;
        ctx.stdout(v + '\n');
        return 0;
      }
      ctx.stdout(Object.entries(ctx.env).map(([k, v]) => `${k}=${v}\n`).join(''));
      return 0;
    case 'hostname':
      ctx.stdout(ctx.hostname + '\n');
      return 0;
    case 'date':
      ctx.stdout(new Date(ctx.clock.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, '$1 $3 $2 $5 UTC $4') + '\n');
      return 0;
    case 'sleep': {
      const ms = args.reduce((sum, a) => sum + parseDuration(a), 0);
      if (Number.isNaN(ms)) {
        ctx.stderr(`sleep: invalid number '${args[0] ?? ''}'\n`);
        return 1;
      }
      if (ms === Infinity) await new Promise<void>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('killed')), { once: true }));
      else await sleep(ctx, ms);
      return 0;
    }
    case 'touch':
      for (const p of args) if (!ctx.fs.exists(p)) ctx.fs.write(p, '');
      return 0;
    case 'rm': {
      let status = 0;
      const force = args.some((a) => /^-\w*f/.test(a));
      for (const p of args.filter((a) => !a.startsWith('-'))) {
        if (!ctx.fs.remove(p) && !force) {
          ctx.stderr(`rm: can't remove '${p}': No such file or directory\n`);
          status = 1;
        }
      }
      return status;
    }
    case 'cat': {
      let status = 0;
      for (const p of args) {
        const v = ctx.fs.read(p);
        if (v === undefined) {
          ctx.stderr(`cat: can't open '${p}': No such file or directory\n`);
          status = 1;
        } else ctx.stdout(v);
      }
      return status;
    }
    case 'ls': {
      const paths = args.filter((a) => !a.startsWith('-'));
      for (const p of paths.length ? paths : ['/']) {
        if (ctx.fs.exists(p) && !ctx.fs.list(p).length) ctx.stdout(p + '\n');
        else ctx.stdout(ctx.fs.list(p).join('\n') + (ctx.fs.list(p).length ? '\n' : ''));
      }
      return 0;
    }
    case 'test':
    case '[': {
      const a = prog === '[' ? args.slice(0, -1) : args;
      if (a[0] === '-e' || a[0] === '-f') return ctx.fs.exists(a[1]) ? 0 : 1;
      if (a[1] === '=' || a[1] === '==') return a[0] === a[2] ? 0 : 1;
      if (a[1] === '!=') return a[0] !== a[2] ? 0 : 1;
      return a.length && a[0] !== '' ? 0 : 1;
    }
    case 'tail':
      if (args.includes('-f')) return runCommand(ctx, ['sleep', 'infinity']);
      return 0;
    default:
      ctx.stderr(`sh: ${argv[0]}: not found\n`);
      return 127;
  }
}
