// A declarative command tree with cobra's semantics: finding the subcommand among
// flags (stripFlags/argsMinusFirstX), parsing flags the pflag way, and the exact
// errors both libraries produce. Commands declare data; this file owns the rules.

import type { KubectlIO } from '../io';
import type { Factory } from '../factory';
import {
  FlagError,
  type FlagSpec,
  type FlagState,
  type FlagValue,
  goQuote,
  implicitValue,
  initialValue,
  setFlagValue,
} from './flags';
import { suggestionsText } from './suggest';

export interface CommandGroup {
  message: string;
  commands: string[];
}

export interface CommandSpec {
  /** cobra's Use: the first word is the command name. */
  use: string;
  aliases?: string[];
  short?: string;
  /** Help text exactly as kubectl prints it (already normalized). */
  long?: string;
  /** Examples, unindented; help indents every line by two spaces. */
  example?: string;
  flags?: FlagSpec[];
  /** Flags inherited by every descendant (the root's global options). */
  persistentFlags?: FlagSpec[];
  disableFlagsInUseLine?: boolean;
  hidden?: boolean;
  suggestFor?: string[];
  /** kubectl's grouped "Available Commands" (root only). */
  groups?: CommandGroup[];
  subcommands?: CommandSpec[];
  /** Hand every argument to run unparsed (cobra DisableFlagParsing). */
  disableFlagParsing?: boolean;
  /** cobra Args validator: returns an error text or undefined. */
  args?: (args: string[], command: Command) => string | undefined;
  requiredFlags?: string[];
  /** Run the command; the returned number is the exit code (default 0). */
  run?: (ctx: CommandContext) => Promise<number | void>;
}

/** The user-visible text and flags of a command (kept as data in cmd/docs/). */
export type CommandDocs = Pick<CommandSpec, 'use' | 'aliases' | 'long' | 'example' | 'flags' | 'disableFlagsInUseLine'>;

export interface CommandContext {
  io: KubectlIO;
  command: Command;
  args: string[];
  /** Index in args where `--` appeared, or -1 (cobra ArgsLenAtDash). */
  argsLenAtDash: number;
  flags: ParsedFlags;
  /** Lazily built clients and configuration (kubectl's cmdutil.Factory). */
  factory: Factory;
}

export class Command {
  readonly children: Command[];
  constructor(
    readonly spec: CommandSpec,
    readonly parent?: Command,
  ) {
    this.children = (spec.subcommands ?? []).map((s) => new Command(s, this));
  }

  get name(): string {
    return this.spec.use.split(' ')[0];
  }

  get path(): string {
    return this.parent ? `${this.parent.path} ${this.name}` : this.name;
  }

  get root(): Command {
    return this.parent ? this.parent.root : this;
  }

  get runnable(): boolean {
    return this.spec.run !== undefined;
  }

  availableChildren(): Command[] {
    return this.children.filter((c) => !c.spec.hidden);
  }

  /** Local flags, then inherited persistent flags (nearest ancestor first). */
  allFlagSpecs(): FlagSpec[] {
    const all = [...(this.spec.flags ?? []), ...(this.spec.persistentFlags ?? [])];
    for (let p = this.parent; p; p = p.parent) all.push(...(p.spec.persistentFlags ?? []));
    // A local flag shadows an inherited one of the same name, shorthand included
    // (pflag's AddFlagSet skips names already present).
    const seen = new Set<string>();
    return all.filter((f) => !seen.has(f.name) && !!seen.add(f.name));
  }

  findChild(name: string): Command | undefined {
    return this.children.find((c) => c.name === name || (c.spec.aliases ?? []).includes(name));
  }
}

// The help flag cobra adds to each command just before parsing its flags.
const helpFlag = (cmd: Command): FlagSpec => ({
  name: 'help',
  shorthand: 'h',
  type: 'bool',
  usage: `help for ${cmd.name}`,
});

export class ParsedFlags {
  constructor(private readonly states: Map<string, FlagState>) {}

  has(name: string): boolean {
    return this.states.has(name);
  }
  changed(name: string): boolean {
    return this.states.get(name)?.changed ?? false;
  }
  value(name: string): FlagValue {
    const s = this.states.get(name);
    if (!s) throw new Error(`flag accessed but not defined: ${name}`);
    return s.value;
  }
  string(name: string): string {
    return String(this.value(name));
  }
  bool(name: string): boolean {
    return this.value(name) === true;
  }
  number(name: string): number {
    return Number(this.value(name));
  }
  strings(name: string): string[] {
    return this.value(name) as string[];
  }
}

/** Errors cobra/pflag raise before the command runs; kubectl prints them as `Error: …`. */
export class CliError extends Error {}

export interface FindResult {
  command: Command;
  args: string[];
}

// Upstream: spf13/cobra command.go (Find, stripFlags, argsMinusFirstX, legacyArgs).
// The help flag is not yet defined while finding, so `-h` here swallows the next word,
// exactly as cobra does (`kubectl -h get` shows the root help).
export function findCommand(root: Command, args: string[]): FindResult {
  let cmd = root;
  let rest = args;
  for (;;) {
    const words = stripFlags(rest, cmd);
    if (words.length === 0) break;
    const next = cmd.findChild(words[0]);
    if (!next) break;
    rest = argsMinusFirst(rest, words[0], cmd);
    cmd = next;
  }
  if (cmd.spec.args === undefined && cmd.children.length > 0 && !cmd.parent) {
    const words = stripFlags(rest, cmd);
    if (words.length > 0) {
      const candidates = cmd.children.map((c) => ({ name: c.name, hidden: c.spec.hidden, suggestFor: c.spec.suggestFor }));
      throw new CliError(`unknown command ${goQuote(words[0])} for ${goQuote(cmd.path)}${suggestionsText(words[0], candidates)}`);
    }
  }
  return { command: cmd, args: rest };
}

function lookup(cmd: Command, name: string): FlagSpec | undefined {
  return cmd.allFlagSpecs().find((f) => f.name === normalizeFlagName(name));
}

function lookupShort(cmd: Command, short: string): FlagSpec | undefined {
  return cmd.allFlagSpecs().find((f) => f.shorthand === short);
}

function takesValue(cmd: Command, arg: string): boolean {
  if (arg.includes('=')) return false;
  if (arg.startsWith('--')) {
    const f = lookup(cmd, arg.slice(2));
    return !(f && implicitValue(f) !== undefined);
  }
  if (arg.startsWith('-') && arg.length === 2) {
    const f = lookupShort(cmd, arg.slice(1));
    return !(f && implicitValue(f) !== undefined);
  }
  return false;
}

function stripFlags(args: string[], cmd: Command): string[] {
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if ((s.startsWith('--') || (s.startsWith('-') && s.length === 2)) && takesValue(cmd, s)) {
      if (args.length - i - 1 <= 1) break;
      i++;
      continue;
    }
    if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

function argsMinusFirst(args: string[], word: string, cmd: Command): string[] {
  for (let i = 0; i < args.length; i++) {
    const s = args[i];
    if (s === '--') break;
    if ((s.startsWith('--') || (s.startsWith('-') && s.length === 2)) && takesValue(cmd, s)) {
      i++;
      continue;
    }
    if (!s.startsWith('-') && s === word) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return args;
}

// Upstream: k8s.io/component-base/cli/flag WordSepNormalizeFunc: `_` in flag names reads as `-`.
function normalizeFlagName(name: string): string {
  return name.replace(/_/g, '-');
}

export interface ParseResult {
  flags: ParsedFlags;
  positional: string[];
  argsLenAtDash: number;
  help: boolean;
  /** Deprecation notices pflag prints while parsing. */
  notices: string[];
}

// Upstream: spf13/pflag flag.go (parseArgs, parseLongArg, parseShortArg, parseSingleShortArg).
export function parseFlags(cmd: Command, args: string[]): ParseResult {
  const specs = [...cmd.allFlagSpecs()];
  if (!specs.some((f) => f.name === 'help')) specs.push(helpFlag(cmd));
  const states = new Map<string, FlagState>();
  for (const spec of specs) if (!states.has(spec.name)) states.set(spec.name, { spec, value: initialValue(spec), changed: false });
  const byShort = new Map<string, FlagState>();
  for (const st of states.values()) if (st.spec.shorthand) byShort.set(st.spec.shorthand, st);

  const positional: string[] = [];
  const notices: string[] = [];
  let argsLenAtDash = -1;

  const set = (st: FlagState, value: string) => {
    try {
      setFlagValue(st, value);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      const name = st.spec.shorthand ? `-${st.spec.shorthand}, --${st.spec.name}` : `--${st.spec.name}`;
      throw new CliError(`invalid argument ${goQuote(value)} for ${goQuote(name)} flag: ${e.message}`);
    }
    if (st.spec.deprecated) notices.push(`Flag --${st.spec.name} has been deprecated, ${st.spec.deprecated}\n`);
  };

  let rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift()!;
    if (s.length === 0 || s[0] !== '-' || s.length === 1) {
      positional.push(s);
      continue;
    }
    if (s[1] === '-') {
      if (s.length === 2) {
        argsLenAtDash = positional.length;
        positional.push(...rest);
        break;
      }
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new CliError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = normalizeFlagName(eq >= 0 ? body.slice(0, eq) : body);
      const st = states.get(name);
      if (!st) throw new CliError(`unknown flag: --${name}`);
      if (eq >= 0) set(st, body.slice(eq + 1));
      else if (implicitValue(st.spec) !== undefined) set(st, implicitValue(st.spec)!);
      else if (rest.length > 0) set(st, rest.shift()!);
      else throw new CliError(`flag needs an argument: ${s}`);
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = String.fromCodePoint(shorts.codePointAt(0)!);
      const st = byShort.get(c);
      if (!st) throw new CliError(`unknown shorthand flag: ${goRuneQuote(c)} in -${shorts}`);
      const after = shorts.slice(c.length);
      if (after.length > 1 && after[0] === '=') {
        set(st, after.slice(1));
        shorts = '';
      } else if (implicitValue(st.spec) !== undefined) {
        set(st, implicitValue(st.spec)!);
        shorts = after;
      } else if (after.length > 0) {
        set(st, after);
        shorts = '';
      } else if (rest.length > 0) {
        set(st, rest.shift()!);
        shorts = '';
      } else {
        throw new CliError(`flag needs an argument: ${goRuneQuote(c)} in -${shorts}`);
      }
    }
  }
  const help = states.get('help')?.value === true;
  return { flags: new ParsedFlags(states), positional, argsLenAtDash, help, notices };
}

/** Go's %q for a rune. */
function goRuneQuote(c: string): string {
  const q = goQuote(c);
  return "'" + q.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'") + "'";
}

// Upstream: spf13/cobra args.go validators, with cobra's messages.
export const Args = {
  none: (args: string[], cmd: Command) =>
    args.length > 0 ? `unknown command ${goQuote(args[0])} for ${goQuote(cmd.path)}` : undefined,
  exact: (n: number) => (args: string[]) =>
    args.length !== n ? `accepts ${n} arg(s), received ${args.length}` : undefined,
  max: (n: number) => (args: string[]) =>
    args.length > n ? `accepts at most ${n} arg(s), received ${args.length}` : undefined,
  min: (n: number) => (args: string[]) =>
    args.length < n ? `requires at least ${n} arg(s), only received ${args.length}` : undefined,
  any: () => undefined,
};
