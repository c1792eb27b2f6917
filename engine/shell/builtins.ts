// Shell builtins: commands that read or change the shell itself (variables, cwd, aliases,
// functions, options, jobs, history). Stateless utilities (echo, printf, test) live in commands/.
import type { CommandContext } from './command-context';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal } from './control-flow';
import { ExpansionError } from './expansion';
import type { Interpreter } from './interpreter';
import { formatJob } from './job-table';
import { ShellSyntaxError } from './parser';
import { isAbortError } from './shell-clock';
import { evaluateTest } from './test-expression';
import { resolvePath, VfsError } from './virtual-fs';
import { evaluateArithmetic, ArithmeticError } from './arithmetic';

export type Builtin = (sh: Interpreter, ctx: CommandContext, argv: string[]) => Promise<number>;

function err(sh: Interpreter, ctx: CommandContext, message: string): Promise<void> {
  return ctx.stderr.write(`${sh.shared.errorName}: ${message}\n`);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** bash's `declare -x`/`set` quoting of a value. */
function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]*$/.test(value) && value !== '') return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function dquote(value: string): string {
  return `"${value.replace(/(["\\$`])/g, '\\$1')}"`;
}

const cd: Builtin = async (sh, ctx, argv) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P')));
  if (args[0] === '--') args.shift();
  let target: string | undefined = args[0];
  let print = false;
  if (target === undefined || target === '') {
    target = sh.get('HOME');
    if (!target) {
      await err(sh, ctx, 'cd: HOME not set');
      return 1;
    }
  } else if (target === '-') {
    target = sh.get('OLDPWD');
    if (!target) {
      await err(sh, ctx, 'cd: OLDPWD not set');
      return 1;
    }
    print = true;
  }
  const path = ctx.resolvePath(target);
  const fs = sh.shared.fs;
  if (!fs.exists(path)) {
    await err(sh, ctx, `cd: ${args[0] ?? target}: No such file or directory`);
    return 1;
  }
  if (!fs.isDirectory(path)) {
    await err(sh, ctx, `cd: ${args[0]}: Not a directory`);
    return 1;
  }
  const old = sh.state.cwd;
  sh.state.cwd = path;
  sh.setVar('OLDPWD', old, { export: true });
  sh.setVar('PWD', path, { export: true });
  if (print) await ctx.stdout.write(path + '\n');
  return 0;
};

const exportBuiltin: Builtin = async (sh, ctx, argv) => {
  let unexport = false;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    if (argv[i] === '-n') unexport = true;
    else if (argv[i] === '-p' || argv[i] === '-f') continue;
    else {
      await err(sh, ctx, `export: ${argv[i]}: invalid option`);
      await ctx.stderr.write('export: usage: export [-fn] [name[=value] ...] or export -p\n');
      return 2;
    }
  }
  if (i >= argv.length) {
    const lines = [...sh.state.vars.entries()]
      .filter(([, v]) => v.exported)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([k, v]) => `declare -x ${k}=${dquote(v.value)}\n`);
    await ctx.stdout.write(lines.join(''));
    return 0;
  }
  let status = 0;
  for (const arg of argv.slice(i)) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq).replace(/\+$/, '');
    if (!NAME.test(name)) {
      await err(sh, ctx, `export: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (unexport) {
      const v = sh.state.vars.get(name);
      if (v) v.exported = false;
      continue;
    }
    if (eq < 0) {
      const v = sh.state.vars.get(name);
      // bash keeps an exported-but-unset variable out of `env`; an empty value is close enough.
      if (v) v.exported = true;
      else sh.state.vars.set(name, { value: '', exported: true, readonly: false });
    } else {
      const append = arg[eq - 1] === '+';
      const value = arg.slice(eq + 1);
      sh.setVar(name, append ? (sh.get(name) ?? '') + value : value, { export: true });
    }
  }
  return status;
};

const unset: Builtin = async (sh, ctx, argv) => {
  let functions = false;
  let status = 0;
  for (const arg of argv.slice(1)) {
    if (arg === '-f') {
      functions = true;
      continue;
    }
    if (arg === '-v') {
      functions = false;
      continue;
    }
    if (!NAME.test(arg)) {
      await err(sh, ctx, `unset: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    if (functions) sh.state.functions.delete(arg);
    else if (sh.state.vars.has(arg)) sh.unsetVar(arg);
    else sh.state.functions.delete(arg);
  }
  return status;
};

const alias: Builtin = async (sh, ctx, argv) => {
  const args = argv.slice(1).filter((a) => a !== '-p');
  if (!args.length) {
    const lines = [...sh.state.aliases.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `alias ${k}='${v.replace(/'/g, `'\\''`)}'\n`);
    await ctx.stdout.write(lines.join(''));
    return 0;
  }
  let status = 0;
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      const v = sh.state.aliases.get(arg);
      if (v === undefined) {
        await err(sh, ctx, `alias: ${arg}: not found`);
        status = 1;
      } else await ctx.stdout.write(`alias ${arg}='${v.replace(/'/g, `'\\''`)}'\n`);
      continue;
    }
    const name = arg.slice(0, eq);
    if (!name || /[\s/$`=|&;()<>'"\\]/.test(name)) {
      await err(sh, ctx, `alias: \`${name}': invalid alias name`);
      status = 1;
      continue;
    }
    sh.state.aliases.set(name, arg.slice(eq + 1));
  }
  return status;
};

const unalias: Builtin = async (sh, ctx, argv) => {
  if (argv.length < 2) {
    await ctx.stderr.write('unalias: usage: unalias [-a] name [name ...]\n');
    return 2;
  }
  let status = 0;
  for (const arg of argv.slice(1)) {
    if (arg === '-a') {
      sh.state.aliases.clear();
      continue;
    }
    if (!sh.state.aliases.delete(arg)) {
      await err(sh, ctx, `unalias: ${arg}: not found`);
      status = 1;
    }
  }
  return status;
};

const source: Builtin = async (sh, ctx, argv) => {
  const file = argv[1];
  if (file === undefined) {
    await err(sh, ctx, `${argv[0]}: filename argument required`);
    await ctx.stderr.write(`${argv[0]}: usage: ${argv[0]} filename [arguments]\n`);
    return 2;
  }
  const path = ctx.resolvePath(file);
  let text: string;
  try {
    if (sh.shared.fs.isDirectory(path)) throw new VfsError('EISDIR', path);
    text = sh.shared.fs.readFile(path);
  } catch (e) {
    if (e instanceof VfsError) {
      await err(sh, ctx, `${file}: ${e.message}`);
      return 1;
    }
    throw e;
  }
  try {
    return await sh.sourceText(text, ctx, argv.slice(2));
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      await ctx.stderr.write(`${file}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
};

const exit: Builtin = async (sh, ctx, argv) => {
  const arg = argv[1];
  let status = sh.state.lastStatus;
  if (arg !== undefined) {
    if (!/^\s*[+-]?\d+\s*$/.test(arg)) {
      await err(sh, ctx, `${argv[0]}: ${arg}: numeric argument required`);
      status = 255;
    } else if (argv.length > 2) {
      await err(sh, ctx, `${argv[0]}: too many arguments`);
      return 1;
    } else status = Number(arg) & 255;
  }
  const jobs = sh.shared.jobs.list();
  if (jobs.length && sh.shared.interactive) sh.shared.jobs.abortAll();
  throw new ExitSignal(status);
};

const history: Builtin = async (sh, ctx, argv) => {
  const h = sh.shared.history;
  if (argv[1] === '-c') {
    h.clear();
    return 0;
  }
  if (argv[1] !== undefined && !/^\d+$/.test(argv[1])) {
    if (argv[1].startsWith('-')) {
      await err(sh, ctx, `history: ${argv[1]}: invalid option`);
      await ctx.stderr.write('history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n');
      return 2;
    }
    await err(sh, ctx, `history: ${argv[1]}: numeric argument required`);
    return 1;
  }
  const entries = h.entries();
  const n = argv[1] === undefined ? entries.length : Math.min(Number(argv[1]), entries.length);
  const start = entries.length - n;
  let out = '';
  for (let i = start; i < entries.length; i++) out += `${String(h.base + i).padStart(5)}  ${entries[i]}\n`;
  await ctx.stdout.write(out);
  return 0;
};

const type: Builtin = async (sh, ctx, argv) => {
  let terse = false;
  let pathOnly = false;
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (a === '-t') terse = true;
    else if (a === '-p' || a === '-P') pathOnly = true;
    else if (a === '-a' || a === '-f') continue;
    else names.push(a);
  }
  let status = 0;
  for (const name of names) {
    const d = sh.describe(name);
    if (!d) {
      if (!terse && !pathOnly) await err(sh, ctx, `type: ${name}: not found`);
      status = 1;
      continue;
    }
    if (pathOnly) {
      if (d.kind === 'file') await ctx.stdout.write(d.path + '\n');
      continue;
    }
    if (terse) {
      await ctx.stdout.write(d.kind + '\n');
      continue;
    }
    switch (d.kind) {
      case 'alias': await ctx.stdout.write(`${name} is aliased to \`${d.value}'\n`); break;
      case 'keyword': await ctx.stdout.write(`${name} is a shell keyword\n`); break;
      case 'function': await ctx.stdout.write(`${name} is a function\n${d.source}\n`); break;
      case 'builtin': await ctx.stdout.write(`${name} is a shell builtin\n`); break;
      case 'file': await ctx.stdout.write(`${name} is ${d.path}\n`); break;
    }
  }
  return status;
};

const which: Builtin = async (sh, ctx, argv) => {
  const names = argv.slice(1).filter((a) => !a.startsWith('-'));
  if (!names.length) {
    await ctx.stderr.write('Usage: /usr/bin/which [options] [--] COMMAND [...]\n');
    return 1;
  }
  let status = 0;
  for (const name of names) {
    const path = sh.findExecutable(name);
    if (path) await ctx.stdout.write(path + '\n');
    else {
      await ctx.stderr.write(`/usr/bin/which: no ${name} in (${sh.get('PATH') ?? ''})\n`);
      status = 1;
    }
  }
  return status;
};

const set: Builtin = async (sh, ctx, argv) => {
  if (argv.length === 1) {
    const lines = [...sh.state.vars.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${shellQuote(v.value)}\n`);
    await ctx.stdout.write(lines.join(''));
    return 0;
  }
  const opts = sh.state.options;
  const flag: Record<string, keyof typeof opts> = { e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob' };
  const named: Record<string, keyof typeof opts> = { errexit: 'errexit', nounset: 'nounset', xtrace: 'xtrace', pipefail: 'pipefail', noglob: 'noglob' };
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      sh.state.positional = argv.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const name = argv[++i];
      if (name === undefined) {
        const lines = Object.entries(named).map(([k, v]) => (a === '-o' ? `${k.padEnd(15)}\t${opts[v] ? 'on' : 'off'}\n` : `set ${opts[v] ? '-' : '+'}o ${k}\n`));
        await ctx.stdout.write(lines.join(''));
        continue;
      }
      const key = named[name];
      if (key) opts[key] = a === '-o';
      else if (!['emacs', 'vi', 'history', 'monitor', 'braceexpand', 'hashall', 'histexpand', 'interactive-comments', 'posix', 'noclobber', 'allexport', 'notify', 'ignoreeof'].includes(name)) {
        await err(sh, ctx, `set: ${name}: invalid option name`);
        return 2;
      }
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const c of a.slice(1)) {
        const key = flag[c];
        if (key) opts[key] = a[0] === '-';
        else if (!'abhkmnptvBCEHPT'.includes(c)) {
          await err(sh, ctx, `set: ${a[0]}${c}: invalid option`);
          await ctx.stderr.write('set: usage: set [-abefhkmnptuvxBCHP] [-o option-name] [--] [arg ...]\n');
          return 2;
        }
      }
      continue;
    }
    sh.state.positional = argv.slice(i);
    return 0;
  }
  return 0;
};

const shift: Builtin = async (sh, ctx, argv) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 0) {
    await err(sh, ctx, `shift: ${argv[1]}: numeric argument required`);
    return 1;
  }
  if (n > sh.state.positional.length) return 1;
  sh.state.positional = sh.state.positional.slice(n);
  return 0;
};

const returnBuiltin: Builtin = async (sh, ctx, argv) => {
  const status = argv[1] === undefined ? sh.state.lastStatus : Number(argv[1]);
  if (argv[1] !== undefined && !/^[+-]?\d+$/.test(argv[1])) {
    await err(sh, ctx, `return: ${argv[1]}: numeric argument required`);
    throw new ReturnSignal(2);
  }
  throw new ReturnSignal(status & 255);
};

const local: Builtin = async (sh, ctx, argv) => {
  if (!sh.inFunction) {
    await err(sh, ctx, `${argv[0]}: can only be used in a function`);
    return 1;
  }
  let status = 0;
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      await err(sh, ctx, `${argv[0]}: \`${arg}': not a valid identifier`);
      status = 1;
      continue;
    }
    sh.declareLocal(name, eq < 0 ? undefined : arg.slice(eq + 1));
  }
  return status;
};

const declare: Builtin = async (sh, ctx, argv) => {
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of argv.slice(1)) {
    if (/^[-+][a-zA-Z]+$/.test(a)) for (const c of a.slice(1)) flags.add((a[0] === '+' ? '+' : '') + c);
    else names.push(a);
  }
  if (flags.has('f') || flags.has('F')) {
    const fns = [...sh.state.functions.values()].filter((f) => !names.length || names.includes(f.name));
    await ctx.stdout.write(fns.map((f) => (flags.has('F') ? `declare -f ${f.name}\n` : `${f.source}\n`)).join(''));
    return 0;
  }
  if (!names.length || flags.has('p')) {
    const vars = [...sh.state.vars.entries()].filter(([k]) => !names.length || names.includes(k)).sort(([a], [b]) => (a < b ? -1 : 1));
    await ctx.stdout.write(vars.map(([k, v]) => `declare -${v.exported ? 'x' : '-'}${v.readonly ? 'r' : ''} ${k}=${dquote(v.value)}\n`).join(''));
    return 0;
  }
  for (const arg of names) {
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (!NAME.test(name)) {
      await err(sh, ctx, `${argv[0]}: \`${arg}': not a valid identifier`);
      return 1;
    }
    let value = eq < 0 ? undefined : arg.slice(eq + 1);
    if (value !== undefined && flags.has('i')) value = String(evaluateArithmetic(value, sh));
    if (sh.inFunction && !flags.has('g')) sh.declareLocal(name, value);
    else if (value !== undefined) sh.setVar(name, value);
    else if (!sh.state.vars.has(name)) sh.state.vars.set(name, { value: '', exported: false, readonly: false });
    const v = sh.state.vars.get(name);
    if (v && flags.has('x')) v.exported = true;
    if (v && flags.has('+x')) v.exported = false;
    if (v && flags.has('r')) v.readonly = true;
  }
  return 0;
};

const readonly: Builtin = async (sh, ctx, argv) => {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg : arg.slice(0, eq);
    if (eq >= 0) sh.setVar(name, arg.slice(eq + 1));
    const v = sh.state.vars.get(name) ?? { value: '', exported: false, readonly: false };
    v.readonly = true;
    sh.state.vars.set(name, v);
  }
  return 0;
};

const read: Builtin = async (sh, ctx, argv) => {
  let raw = false;
  let prompt = '';
  let nchars: number | undefined;
  let delim = '\n';
  let timeout: number | undefined;
  const names: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (names.length || !a.startsWith('-') || a === '-') {
      names.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      const value = () => (j + 1 < a.length ? a.slice(j + 1) : argv[++i]) ?? '';
      if (c === 'r') raw = true;
      else if (c === 's' || c === 'e') continue;
      else if (c === 'p') {
        prompt = value();
        break;
      } else if (c === 'n' || c === 'N') {
        nchars = Number(value());
        break;
      } else if (c === 'd') {
        delim = value().slice(0, 1) || '\0';
        break;
      } else if (c === 't') {
        timeout = Number(value());
        break;
      } else if (c === 'a' || c === 'u') {
        value();
        break;
      } else {
        await err(sh, ctx, `read: -${c}: invalid option`);
        await ctx.stderr.write('read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n');
        return 2;
      }
    }
  }
  if (prompt && ctx.stdinIsTTY) await ctx.stderr.write(prompt);
  const readLine = async (): Promise<string | null> => {
    if (nchars !== undefined) {
      let s = '';
      while (s.length < nchars) {
        const chunk = await ctx.stdin.read();
        if (chunk === null) return s || null;
        s += chunk;
      }
      return s.slice(0, nchars);
    }
    if (delim === '\n') return ctx.stdin.readLine();
    let s = '';
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) return s || null;
      const k = chunk.indexOf(delim);
      if (k >= 0) return s + chunk.slice(0, k);
      s += chunk;
    }
  };
  let line: string | null;
  if (timeout !== undefined) {
    const controller = new AbortController();
    const timer = sh.shared.clock.sleep(timeout * 1000, controller.signal).then(() => 'timeout' as const, () => 'cancelled' as const);
    const result = await Promise.race([readLine(), timer]);
    controller.abort();
    if (result === 'timeout') return 142;
    line = result === 'cancelled' ? null : result;
  } else {
    try {
      line = await readLine();
    } catch (e) {
      if (isAbortError(e)) throw e;
      throw e;
    }
  }
  if (line === null) {
    for (const n of names.length ? names : ['REPLY']) sh.setVar(n, '');
    return 1;
  }
  if (!raw) {
    // Without -r a backslash escapes the next character (and a trailing one joins lines).
    while (line.endsWith('\\') && !line.endsWith('\\\\')) {
      const more = await ctx.stdin.readLine();
      line = line.slice(0, -1) + (more ?? '');
      if (more === null) break;
    }
    line = line.replace(/\\(.)/g, '$1');
  }
  if (!names.length) {
    sh.setVar('REPLY', line);
    return 0;
  }
  const ifs = sh.get('IFS') ?? ' \t\n';
  const ws = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
  let rest = ws ? line.replace(new RegExp(`^[${escapeClass(ws)}]+|[${escapeClass(ws)}]+$`, 'g'), '') : line;
  for (let i = 0; i < names.length; i++) {
    if (i === names.length - 1) {
      sh.setVar(names[i], rest);
      break;
    }
    let k = 0;
    while (k < rest.length && !ifs.includes(rest[k])) k++;
    sh.setVar(names[i], rest.slice(0, k));
    rest = rest.slice(k);
    // Skip one delimiter plus surrounding IFS whitespace.
    let j = 0;
    while (j < rest.length && ws.includes(rest[j])) j++;
    if (j < rest.length && ifs.includes(rest[j]) && !ws.includes(rest[j])) j++;
    while (j < rest.length && ws.includes(rest[j])) j++;
    rest = rest.slice(j);
  }
  return 0;
};

function escapeClass(s: string): string {
  return s.replace(/[\]\\^-]/g, '\\$&').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

const loopControl = (kind: 'break' | 'continue'): Builtin => async (sh, ctx, argv) => {
  const n = argv[1] === undefined ? 1 : Number(argv[1]);
  if (!Number.isInteger(n) || n < 1) {
    await err(sh, ctx, `${kind}: ${argv[1]}: loop count out of range`);
    return 1;
  }
  if (!sh.inLoop) {
    await err(sh, ctx, `${kind}: only meaningful in a \`for', \`while', or \`until' loop`);
    return 0;
  }
  throw kind === 'break' ? new BreakSignal(n) : new ContinueSignal(n);
};

const evalBuiltin: Builtin = async (sh, ctx, argv) => {
  const src = argv.slice(1).join(' ');
  if (!src.trim()) return 0;
  try {
    return await sh.sourceText(src, ctx);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      await err(sh, ctx, `eval: ${e.message}`);
      return 2;
    }
    throw e;
  }
};

const letBuiltin: Builtin = async (sh, ctx, argv) => {
  if (argv.length < 2) {
    await err(sh, ctx, 'let: expression expected');
    return 1;
  }
  let last = 0;
  for (const expr of argv.slice(1)) {
    try {
      last = evaluateArithmetic(expr, sh);
    } catch (e) {
      if (e instanceof ArithmeticError) {
        await err(sh, ctx, `let: ${expr}: ${e.message}`);
        return 1;
      }
      throw e;
    }
  }
  return last !== 0 ? 0 : 1;
};

const testBuiltin: Builtin = async (sh, ctx, argv) => {
  let args = argv.slice(1);
  if (argv[0] === '[') {
    if (args[args.length - 1] !== ']') {
      await err(sh, ctx, "[: missing `]'");
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evaluateTest(args, sh.testHost());
  if (r.error) {
    await err(sh, ctx, `${argv[0]}: ${r.error}`);
    return 2;
  }
  return r.result ? 0 : 1;
};

const jobs: Builtin = async (sh, ctx, argv) => {
  const table = sh.shared.jobs;
  const pidsOnly = argv.includes('-p');
  const lines = table.list().map((j) => (pidsOnly ? `${j.pid}\n` : `${formatJob(j, table.mark(j))}\n`));
  await ctx.stdout.write(lines.join(''));
  return 0;
};

const wait: Builtin = async (sh, ctx, argv) => {
  const table = sh.shared.jobs;
  if (argv.length < 2) {
    await table.waitAll();
    return 0;
  }
  let status = 0;
  for (const spec of argv.slice(1)) {
    const job = table.find(spec);
    if (!job) {
      await err(sh, ctx, `wait: ${spec.startsWith('%') ? `${spec}: no such job` : `pid ${spec} is not a child of this shell`}`);
      status = 127;
      continue;
    }
    status = await job.done;
  }
  return status;
};

const kill: Builtin = async (sh, ctx, argv) => {
  const args = argv.slice(1);
  if (!args.length) {
    await ctx.stderr.write('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  if (args[0] === '-l') {
    await ctx.stdout.write(' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 4) SIGILL\t 5) SIGTRAP\n 6) SIGABRT\t 7) SIGBUS\t 8) SIGFPE\t 9) SIGKILL\t10) SIGUSR1\n11) SIGSEGV\t12) SIGUSR2\t13) SIGPIPE\t14) SIGALRM\t15) SIGTERM\n');
    return 0;
  }
  let status = 0;
  for (const spec of args) {
    if (/^-/.test(spec)) continue;
    const job = sh.shared.jobs.find(spec);
    if (!job) {
      if (spec.startsWith('%')) await err(sh, ctx, `kill: ${spec}: no such job`);
      else if (/^\d+$/.test(spec)) await err(sh, ctx, `kill: (${spec}) - No such process`);
      else await err(sh, ctx, `kill: ${spec}: arguments must be process or job IDs`);
      status = 1;
      continue;
    }
    job.controller.abort();
  }
  return status;
};

const fg: Builtin = async (sh, ctx, argv) => {
  const job = sh.shared.jobs.find(argv[1] ?? '%%');
  if (!job) {
    await err(sh, ctx, `fg: ${argv[1] ?? 'current'}: no such job`);
    return 1;
  }
  await ctx.stdout.write(job.command.replace(/\s*&$/, '') + '\n');
  const onAbort = () => job.controller.abort();
  ctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await job.done;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
  }
};

const command: Builtin = async (sh, ctx, argv) => {
  let i = 1;
  let describe = false;
  let verbose = false;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    if (argv[i] === '-v') describe = true;
    else if (argv[i] === '-V') verbose = true;
    else if (argv[i] === '--') {
      i++;
      break;
    }
  }
  const rest = argv.slice(i);
  if (!rest.length) return 0;
  if (describe || verbose) {
    let status = 0;
    for (const name of rest) {
      const d = sh.describe(name);
      if (!d) {
        if (verbose) await err(sh, ctx, `command: ${name}: not found`);
        status = 1;
      } else if (describe) await ctx.stdout.write((d.kind === 'file' ? d.path : d.kind === 'alias' ? `alias ${name}='${d.value}'` : name) + '\n');
      else await type(sh, ctx, ['type', name]);
    }
    return status;
  }
  const fns = sh.state.functions;
  const fn = fns.get(rest[0]);
  if (fn) fns.delete(rest[0]);
  try {
    return await sh.invoke(rest, ctx);
  } finally {
    if (fn) fns.set(rest[0], fn);
  }
};

const exec: Builtin = async (sh, ctx, argv) => {
  if (argv.length < 2) return 0;
  const status = await sh.invoke(argv.slice(1), ctx);
  throw new ExitSignal(status);
};

const noop: Builtin = async () => 0;

const umask: Builtin = async (_sh, ctx, argv) => {
  if (argv.length < 2) await ctx.stdout.write('0022\n');
  return 0;
};

const trueBuiltin: Builtin = async () => 0;
const falseBuiltin: Builtin = async () => 1;

export const BUILTINS: Record<string, Builtin> = {
  cd,
  export: exportBuiltin,
  unset,
  alias,
  unalias,
  source,
  '.': source,
  exit,
  logout: exit,
  history,
  type,
  which,
  set,
  shift,
  return: returnBuiltin,
  local,
  declare,
  typeset: declare,
  readonly,
  read,
  break: loopControl('break'),
  continue: loopControl('continue'),
  eval: evalBuiltin,
  let: letBuiltin,
  test: testBuiltin,
  '[': testBuiltin,
  ':': noop,
  true: trueBuiltin,
  false: falseBuiltin,
  jobs,
  wait,
  kill,
  fg,
  bg: noop,
  command,
  exec,
  trap: noop,
  shopt: noop,
  complete: noop,
  hash: noop,
  ulimit: noop,
  umask,
  disown: noop,
};

/** Names that `type` reports as files although the shell runs them itself. */
export const BUILTINS_SHOWN_AS_FILES = new Set(['which']);

export { ExpansionError, resolvePath };
