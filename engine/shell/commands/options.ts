// GNU getopt_long for the commands: clustered short options (-nr), attached or separate values
// (-n5, -n 5, --lines=5, --lines 5), options after operands, `--`, and GNU's error texts.
import type { CommandContext } from '../command-context';

export interface OptionSpec {
  /** Short options without a value, e.g. 'alhrt1'. */
  flags?: string;
  /** Short options that take a value, e.g. 'nk'. */
  withValue?: string;
  /**
   * Long options: name → the short letter (or key) it stands for. A trailing `=` on the name means
   * it takes a value (`'lines=': 'n'`), `=?` an optional value (`'color=?': 'color'`).
   */
  long?: Record<string, string>;
  /** `head -5` style: a leading -NUMBER is the value of this option. */
  numeric?: string;
  /** Stop at the first operand (POSIX order; for env, xargs, nohup-like commands). */
  stopAtOperand?: boolean;
}

export class ParsedOptions {
  readonly list: [string, string | undefined][] = [];
  operands: string[] = [];

  has(key: string): boolean {
    return this.list.some(([k]) => k === key);
  }

  value(key: string): string | undefined {
    for (let i = this.list.length - 1; i >= 0; i--) if (this.list[i][0] === key) return this.list[i][1];
    return undefined;
  }

  values(key: string): string[] {
    return this.list.filter(([k]) => k === key).map(([, v]) => v ?? '');
  }

  /** How many times a flag was given (`-vv`). */
  count(key: string): number {
    return this.list.filter(([k]) => k === key).length;
  }
}

/** A usage error; `lines` are printed to stderr as they are. */
export class UsageError extends Error {
  constructor(readonly lines: string[]) {
    super(lines[0]);
  }
}

export function parseOptions(prog: string, argv: string[], spec: OptionSpec): ParsedOptions {
  const out = new ParsedOptions();
  const flags = spec.flags ?? '';
  const withValue = spec.withValue ?? '';
  const long = spec.long ?? {};
  const fail = (msg: string) => new UsageError([`${prog}: ${msg}`, `Try '${prog} --help' for more information.`]);
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      out.operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      const given = eq < 0 ? undefined : a.slice(eq + 1);
      const entries = Object.entries(long).map(([k, v]) => ({ name: k.replace(/=\??$/, ''), arg: k.endsWith('=?') ? 'optional' : k.endsWith('=') ? 'required' : 'none', key: v }));
      let match = entries.find((e) => e.name === name);
      if (!match) {
        const prefixed = entries.filter((e) => e.name.startsWith(name));
        const distinct = new Set(prefixed.map((e) => e.key));
        if (prefixed.length && distinct.size === 1) match = prefixed[0];
        else if (prefixed.length > 1) throw fail(`option '${a}' is ambiguous`);
      }
      if (!match) throw fail(`unrecognized option '${a}'`);
      if (match.arg === 'none') {
        if (given !== undefined) throw fail(`option '--${match.name}' doesn't allow an argument`);
        out.list.push([match.key, undefined]);
      } else if (match.arg === 'optional') out.list.push([match.key, given]);
      else {
        let v = given;
        if (v === undefined) {
          if (i + 1 >= args.length) throw fail(`option '--${match.name}' requires an argument`);
          v = args[++i];
        }
        out.list.push([match.key, v]);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      if (spec.numeric && /^-\d+$/.test(a)) {
        out.list.push([spec.numeric, a.slice(1)]);
        continue;
      }
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (withValue.includes(c)) {
          let v = a.slice(j + 1);
          if (!v) {
            if (i + 1 >= args.length) throw fail(`option requires an argument -- '${c}'`);
            v = args[++i];
          }
          out.list.push([c, v]);
          break;
        }
        if (!flags.includes(c)) throw fail(`invalid option -- '${c}'`);
        out.list.push([c, undefined]);
      }
      continue;
    }
    out.operands.push(a);
    if (spec.stopAtOperand) {
      out.operands.push(...args.slice(i + 1));
      break;
    }
  }
  return out;
}

/** Prints a usage error and returns the status to exit with. */
export async function reportUsage(ctx: CommandContext, err: unknown, status = 1): Promise<number> {
  if (err instanceof UsageError) {
    await ctx.stderr.write(err.lines.join('\n') + '\n');
    return status;
  }
  throw err;
}

/** Parses, handling `--help`/`--version` and errors. Returns undefined when the command should exit. */
export async function getOptions(
  ctx: CommandContext,
  argv: string[],
  spec: OptionSpec,
  opts: { usage?: string; errorStatus?: number } = {},
): Promise<ParsedOptions | number> {
  const prog = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  if (argv.includes('--help') && !argv.slice(1, argv.indexOf('--help')).includes('--')) {
    await ctx.stdout.write(opts.usage ?? `Usage: ${prog} [OPTION]... [FILE]...\n`);
    return 0;
  }
  if (argv[1] === '--version') {
    await ctx.stdout.write(`${prog} (GNU coreutils) 8.22\n`);
    return 0;
  }
  try {
    return parseOptions(prog, argv, spec);
  } catch (err) {
    return reportUsage(ctx, err, opts.errorStatus ?? 1);
  }
}

/** Reads the named files (or stdin for none or `-`), reporting errors GNU-style. */
export async function* inputFiles(ctx: CommandContext, prog: string, files: string[]): AsyncGenerator<{ name: string; text: string } | { name: string; error: string }> {
  if (!files.length) files = ['-'];
  for (const name of files) {
    if (name === '-') {
      yield { name: '-', text: await ctx.stdin.readAll() };
      continue;
    }
    const path = ctx.resolvePath(name);
    if (!ctx.fs.exists(path)) {
      yield { name, error: `${prog}: ${name}: No such file or directory` };
      continue;
    }
    if (ctx.fs.isDirectory(path)) {
      yield { name, error: `${prog}: ${name}: Is a directory` };
      continue;
    }
    yield { name, text: ctx.fs.readFile(path) };
  }
}

/** Splits text into lines, dropping the empty piece after a final newline. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Writes output in moderately sized chunks, stopping early when the reader has gone. */
export class LineWriter {
  private buf = '';
  constructor(private readonly ctx: CommandContext) {}

  async line(s: string): Promise<void> {
    this.buf += s + '\n';
    if (this.buf.length >= 8192) await this.flush();
  }

  async text(s: string): Promise<void> {
    this.buf += s;
    if (this.buf.length >= 8192) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.buf) return;
    const b = this.buf;
    this.buf = '';
    await this.ctx.stdout.write(b);
  }

  get closed(): boolean {
    return this.ctx.stdout.closed;
  }
}
