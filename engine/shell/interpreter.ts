// Runs the syntax tree: lists, pipelines (concurrent stages joined by pipes), compound commands,
// functions, redirections, and the lookup of builtins, functions and registered commands.
import type {
  AndOr, ArithForClause, CaseClause, Command as AstCommand, CondExpr, ForClause, FunctionDefinition, IfClause, List,
  ListItem, LoopClause, Pipeline, Program, Redirect, SimpleCommand, Word,
} from './ast';
import { BUILTINS, BUILTINS_SHOWN_AS_FILES, type Builtin } from './builtins';
import type { CommandContext, Identity, Io, TerminalInfo } from './command-context';
import type { CommandRegistry } from './command-registry';
import {
  BreakSignal, BrokenPipeSignal, ContinueSignal, ExitSignal, InterruptSignal, ReturnSignal, isControlFlow,
} from './control-flow';
import { Expander, ExpansionError, type ExpansionHost } from './expansion';
import { parse, ShellSyntaxError } from './parser';
import { matchPattern, patternToRegExp } from './pattern';
import { isAbortError, yieldToEventLoop, type ShellClock } from './shell-clock';
import {
  BufferOutput, emptyInput, Pipe, FileOutput, nullOutput, textInput, type InputStream, type OutputStream,
} from './streams';
import { evaluateTest } from './test-expression';
import { resolvePath, VfsError, type VirtualFs } from './virtual-fs';
import { JobTable } from './job-table';

export interface Variable {
  value: string;
  exported: boolean;
  readonly: boolean;
}

export interface ShellOptionFlags {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  pipefail: boolean;
  noglob: boolean;
}

/** Per-shell mutable state. A subshell (pipeline stage, `( )`, `$( )`) works on a copy. */
export class ShellState {
  vars = new Map<string, Variable>();
  functions = new Map<string, FunctionDefinition>();
  aliases = new Map<string, string>();
  cwd = '/';
  positional: string[] = [];
  /** $0 */
  scriptName = '-bash';
  lastStatus = 0;
  lastBackgroundPid: number | undefined;
  options: ShellOptionFlags = { errexit: false, nounset: false, xtrace: false, pipefail: false, noglob: false };
  /** Saved outer values of `local` variables, one frame per running function. */
  localFrames: Map<string, Variable | undefined>[] = [];

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v });
    s.functions = new Map(this.functions);
    s.aliases = new Map(this.aliases);
    s.cwd = this.cwd;
    s.positional = [...this.positional];
    s.scriptName = this.scriptName;
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.options = { ...this.options };
    s.localFrames = this.localFrames.map((f) => new Map(f));
    return s;
  }

  /** Exported variables as an environment block. */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const [k, v] of this.vars) if (v.exported) env[k] = v.value;
    return env;
  }
}

/** Command history as the `history` builtin sees it (the session owns persistence). */
export interface HistoryList {
  entries(): readonly string[];
  clear(): void;
  /** 1-based number of the first entry (after trimming to HISTSIZE). */
  readonly base: number;
}

/** What a shell and all its subshells share. */
export interface ShellShared {
  fs: VirtualFs;
  clock: ShellClock;
  commands: CommandRegistry;
  identity: Identity;
  terminal: TerminalInfo;
  interactive: boolean;
  /** Prefix of shell error messages: `-bash` for the login shell, `bash` for `bash -c`. */
  errorName: string;
  history: HistoryList;
  jobs: JobTable;
  /** The terminal's own streams, to tell commands whether they talk to a terminal. */
  tty: { stdin?: InputStream; stdout?: OutputStream };
  /** Incremented per command; the interpreter yields to the event loop every few hundred. */
  steps: number;
  pid: number;
  nextPid(): number;
  random(): number;
  startTime: number;
}

/** Commands run between two yields to the event loop (keeps `while true; do :; done` responsive). */
const STEPS_PER_YIELD = 256;
const MAX_FUNCTION_DEPTH = 1000;

const NON_TTY_TERMINAL: TerminalInfo = { cols: 80, rows: 24, setRawMode: () => {}, onResize: () => () => {} };

export interface InterpreterOptions {
  fs: VirtualFs;
  clock: ShellClock;
  commands: CommandRegistry;
  identity: Identity;
  terminal?: TerminalInfo;
  interactive?: boolean;
  errorName?: string;
  history?: HistoryList;
  env?: Record<string, string>;
  cwd?: string;
  tty?: ShellShared['tty'];
  pid?: number;
}

/** The variables a login shell starts with. */
export function loginEnvironment(identity: Identity, cwd: string): Record<string, string> {
  return {
    HOME: identity.home,
    USER: identity.user,
    LOGNAME: identity.user,
    HOSTNAME: identity.hostname,
    SHELL: '/bin/bash',
    PATH: identity.uid === 0 ? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/root/bin' : '/usr/local/bin:/usr/bin',
    PWD: cwd,
    LANG: 'en_US.UTF-8',
    TERM: 'xterm-256color',
    SHLVL: '1',
    MAIL: `/var/spool/mail/${identity.user}`,
    HISTSIZE: '1000',
  };
}

export class Interpreter implements ExpansionHost {
  readonly expander: Expander;
  /** Aborts the current foreground command line (Ctrl-C). */
  signal: AbortSignal;
  /** Set when `exit` ran at the top level. */
  exitStatus: number | undefined;
  private io: Io;
  private loopDepth = 0;
  private functionDepth = 0;
  /** >0 while running an if/while condition or a non-final && / || element (errexit is off there). */
  private conditionDepth = 0;
  private substitutionStatus: number | undefined;
  private readonly aliasCache = new Map<string, Program | null>();

  constructor(
    readonly shared: ShellShared,
    readonly state: ShellState,
    signal: AbortSignal = new AbortController().signal,
  ) {
    this.expander = new Expander(this);
    this.signal = signal;
    this.io = { stdin: emptyInput(), stdout: nullOutput, stderr: nullOutput };
  }

  static create(opts: InterpreterOptions): Interpreter {
    let pid = opts.pid ?? 1000 + (opts.clock.now() % 20000);
    let seed = (opts.clock.now() ^ 0x5deece66d) >>> 0;
    const shared: ShellShared = {
      fs: opts.fs,
      clock: opts.clock,
      commands: opts.commands,
      identity: opts.identity,
      terminal: opts.terminal ?? NON_TTY_TERMINAL,
      interactive: opts.interactive ?? false,
      errorName: opts.errorName ?? '-bash',
      history: opts.history ?? { entries: () => [], clear: () => {}, base: 1 },
      jobs: new JobTable(),
      tty: opts.tty ?? {},
      steps: 0,
      pid,
      nextPid: () => (pid += 1 + (pid % 7)),
      // A small deterministic generator for $RANDOM (xorshift).
      random: () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        return (seed >>> 0) % 32768;
      },
      startTime: opts.clock.now(),
    };
    const state = new ShellState();
    state.cwd = opts.cwd ?? opts.identity.home;
    for (const [k, v] of Object.entries(opts.env ?? loginEnvironment(opts.identity, state.cwd)))
      state.vars.set(k, { value: v, exported: true, readonly: false });
    if (!state.vars.has('PWD')) state.vars.set('PWD', { value: state.cwd, exported: true, readonly: false });
    state.vars.set('PS1', { value: '[\\u@\\h \\W]\\$ ', exported: false, readonly: false });
    state.vars.set('PS2', { value: '> ', exported: false, readonly: false });
    return new Interpreter(shared, state);
  }

  // ---- entry points ----

  /**
   * Parses and runs source at the top level of this shell. Syntax errors are printed bash-style
   * (status 2). Ctrl-C gives 130; `exit` sets `exitStatus`. Never throws.
   */
  async runSource(source: string, io: Io, signal?: AbortSignal, opts: { script?: boolean } = {}): Promise<number> {
    let program: Program;
    try {
      program = parse(source, { eofEndsHeredoc: opts.script });
    } catch (err) {
      if (err instanceof ShellSyntaxError) {
        await io.stderr.write(`${this.shared.errorName}: ${err.message}\n`);
        this.state.lastStatus = 2;
        return 2;
      }
      throw err;
    }
    return this.run(program, io, signal);
  }

  /** Runs a parsed program at the top level. Never throws. */
  async run(program: Program, io: Io, signal?: AbortSignal): Promise<number> {
    if (signal) this.signal = signal;
    this.io = io;
    try {
      return await this.runList(program, io);
    } catch (err) {
      return this.topLevelStatus(err, io);
    }
  }

  private async topLevelStatus(err: unknown, io: Io): Promise<number> {
    let status: number;
    if (err instanceof ExitSignal) {
      this.exitStatus = err.status;
      status = err.status;
    } else if (err instanceof InterruptSignal || isAbortError(err)) status = 130;
    else if (err instanceof BrokenPipeSignal) status = 141;
    else if (err instanceof ReturnSignal) status = err.status;
    else if (err instanceof BreakSignal || err instanceof ContinueSignal) status = 0;
    else {
      // A bug in a command or in the shell: report it and keep the session alive.
      await io.stderr.write(`${this.shared.errorName}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
      status = 1;
    }
    this.state.lastStatus = status;
    return status;
  }

  /** A child shell sharing nothing mutable with this one. */
  subshell(signal = this.signal): Interpreter {
    const child = new Interpreter(this.shared, this.state.clone(), signal);
    child.io = this.io;
    return child;
  }

  // ---- ExpansionHost ----

  get fs(): VirtualFs {
    return this.shared.fs;
  }

  get cwd(): string {
    return this.state.cwd;
  }

  get nounset(): boolean {
    return this.state.options.nounset;
  }

  get(name: string): string | undefined {
    const v = this.state.vars.get(name);
    if (v) return v.value;
    switch (name) {
      case 'RANDOM': return String(this.shared.random());
      case 'SECONDS': return String(Math.floor((this.shared.clock.now() - this.shared.startTime) / 1000));
      case 'PPID': return String(this.shared.pid - 1);
      case 'UID':
      case 'EUID': return String(this.shared.identity.uid);
      case 'BASH': return '/bin/bash';
      case 'BASH_VERSION': return '4.2.46(2)-release';
      case 'HOSTNAME': return this.shared.identity.hostname;
    }
    return undefined;
  }

  set(name: string, value: string): void {
    this.setVar(name, value);
  }

  positional(): string[] {
    return this.state.positional;
  }

  special(name: string): string {
    switch (name) {
      case '?': return String(this.state.lastStatus);
      case '$': return String(this.shared.pid);
      case '!': return this.state.lastBackgroundPid === undefined ? '' : String(this.state.lastBackgroundPid);
      case '0': return this.state.scriptName;
      case '-': return (this.shared.interactive ? 'himBH' : 'hB') + (this.state.options.errexit ? 'e' : '') + (this.state.options.xtrace ? 'x' : '') + (this.state.options.nounset ? 'u' : '');
    }
    return '';
  }

  async commandSubstitution(program: Program): Promise<string> {
    const out = new BufferOutput();
    const child = this.subshell();
    const status = await child.runIsolated(() => child.runList(program, { stdin: this.io.stdin, stdout: out, stderr: this.io.stderr }));
    this.substitutionStatus = status;
    return out.text();
  }

  home(user: string): string | undefined {
    if (user === '' || user === this.shared.identity.user) return this.shared.identity.home;
    if (user === 'root') return '/root';
    return this.shared.fs.isDirectory(`/home/${user}`) ? `/home/${user}` : undefined;
  }

  // ---- variables ----

  setVar(name: string, value: string, opts: { export?: boolean } = {}): void {
    const v = this.state.vars.get(name);
    if (v?.readonly) throw new ExpansionError(`${name}: readonly variable`);
    if (v) {
      v.value = value;
      if (opts.export) v.exported = true;
    } else this.state.vars.set(name, { value, exported: opts.export ?? false, readonly: false });
  }

  unsetVar(name: string): void {
    const v = this.state.vars.get(name);
    if (v?.readonly) throw new ExpansionError(`unset: ${name}: cannot unset: readonly variable`);
    this.state.vars.delete(name);
  }

  /** `local name[=value]`: remembers the outer value until the function returns. */
  declareLocal(name: string, value: string | undefined): void {
    const frame = this.state.localFrames[this.state.localFrames.length - 1];
    if (!frame) throw new ExpansionError('local: can only be used in a function');
    if (!frame.has(name)) {
      const old = this.state.vars.get(name);
      frame.set(name, old ? { ...old } : undefined);
    }
    if (value !== undefined) this.setVar(name, value);
    else if (!this.state.vars.has(name)) this.state.vars.set(name, { value: '', exported: false, readonly: false });
  }

  get inFunction(): boolean {
    return this.functionDepth > 0;
  }

  get inLoop(): boolean {
    return this.loopDepth > 0;
  }

  // ---- lists and pipelines ----

  async runList(list: List, io: Io): Promise<number> {
    let status = this.state.lastStatus;
    for (const item of list.items) {
      if (item.background) {
        this.startBackground(item, io);
        status = 0;
        this.state.lastStatus = 0;
      } else status = await this.runAndOr(item.command, io);
    }
    return status;
  }

  private async runAndOr(ao: AndOr, io: Io): Promise<number> {
    const last = ao.rest.length === 0;
    let status = await this.runPipelineGuarded(ao.first, io, !last);
    for (let i = 0; i < ao.rest.length; i++) {
      const { op, pipeline } = ao.rest[i];
      if ((op === '&&') !== (status === 0)) continue;
      status = await this.runPipelineGuarded(pipeline, io, i < ao.rest.length - 1);
    }
    return status;
  }

  private async runPipelineGuarded(p: Pipeline, io: Io, inCondition: boolean): Promise<number> {
    if (inCondition || p.negated) this.conditionDepth++;
    let status: number;
    try {
      status = await this.runPipeline(p, io);
    } finally {
      if (inCondition || p.negated) this.conditionDepth--;
    }
    if (status !== 0 && this.state.options.errexit && this.conditionDepth === 0 && !inCondition && !p.negated)
      throw new ExitSignal(status);
    return status;
  }

  private async runPipeline(p: Pipeline, io: Io): Promise<number> {
    let status: number;
    if (p.commands.length === 1) {
      status = await this.runCommand(p.commands[0], io);
    } else {
      const pipes = p.commands.slice(1).map(() => new Pipe(this.signal));
      const stages = p.commands.map(async (cmd, i) => {
        const child = this.subshell();
        const stageIo: Io = {
          stdin: i === 0 ? io.stdin : pipes[i - 1].reader,
          stdout: i === p.commands.length - 1 ? io.stdout : pipes[i].writer,
          stderr: i < pipes.length && p.stderrPiped[i] ? pipes[i].writer : io.stderr,
        };
        try {
          return await child.runIsolated(() => child.runCommand(cmd, stageIo));
        } finally {
          if (i < pipes.length) pipes[i].closeWrite();
          if (i > 0) pipes[i - 1].closeRead();
        }
      });
      const statuses = await Promise.all(stages).finally(() => pipes.forEach((pipe) => pipe.detach()));
      if (this.signal.aborted) throw new InterruptSignal();
      status = statuses[statuses.length - 1];
      if (this.state.options.pipefail) status = [...statuses].reverse().find((s) => s !== 0) ?? 0;
    }
    if (p.negated) status = status === 0 ? 1 : 0;
    this.state.lastStatus = status;
    return status;
  }

  /** Runs a subshell body, turning exit/broken-pipe into a status. Interrupts still propagate. */
  async runIsolated(body: () => Promise<number>): Promise<number> {
    try {
      return await body();
    } catch (err) {
      if (err instanceof ExitSignal) return err.status;
      if (err instanceof BrokenPipeSignal) return 141;
      if (err instanceof ReturnSignal) return err.status;
      if (err instanceof BreakSignal || err instanceof ContinueSignal) return 0;
      throw err;
    }
  }

  private startBackground(item: ListItem, io: Io): void {
    const controller = new AbortController();
    const child = this.subshell(controller.signal);
    const pid = this.shared.nextPid();
    const bgIo: Io = { stdin: emptyInput(), stdout: io.stdout, stderr: io.stderr };
    const job = this.shared.jobs.start(item.source, pid, controller, () =>
      child.runIsolated(() => child.runAndOr(item.command, bgIo)).catch((err) => (err instanceof InterruptSignal || isAbortError(err) ? 130 : 1)),
    );
    this.state.lastBackgroundPid = pid;
    if (this.shared.interactive && this.functionDepth === 0) void io.stderr.write(`[${job.id}] ${pid}\n`);
  }

  // ---- commands ----

  /** Yields to the event loop now and then, and stops on Ctrl-C. */
  private async tick(): Promise<void> {
    if (this.signal.aborted) throw new InterruptSignal();
    if (++this.shared.steps % STEPS_PER_YIELD === 0) {
      await yieldToEventLoop();
      if (this.signal.aborted) throw new InterruptSignal();
    }
  }

  async runCommand(cmd: AstCommand, io: Io): Promise<number> {
    await this.tick();
    if (cmd.type === 'simple') return this.runSimple(cmd, io);
    if (cmd.type === 'function') {
      this.state.functions.set(cmd.name, cmd);
      this.state.lastStatus = 0;
      return 0;
    }
    let rio: Io;
    try {
      rio = await this.redirect(cmd.redirects, io);
    } catch (err) {
      return this.reportExpansionError(err, io);
    }
    const saved = this.io;
    this.io = rio;
    try {
      const status = await this.runCompound(cmd, rio);
      this.state.lastStatus = status;
      return status;
    } finally {
      this.io = saved;
    }
  }

  private async runCompound(cmd: Exclude<AstCommand, SimpleCommand | FunctionDefinition>, io: Io): Promise<number> {
    switch (cmd.type) {
      case 'group':
        return this.runList(cmd.body, io);
      case 'subshell': {
        const child = this.subshell();
        return child.runIsolated(() => child.runList(cmd.body, io));
      }
      case 'if':
        return this.runIf(cmd, io);
      case 'while':
      case 'until':
        return this.runLoop(cmd, io);
      case 'for':
        return this.runFor(cmd, io);
      case 'arith-for':
        return this.runArithFor(cmd, io);
      case 'case':
        return this.runCase(cmd, io);
      case 'arith':
        try {
          return (await this.expander.arithmetic(cmd.expression)) !== 0 ? 0 : 1;
        } catch (err) {
          return this.reportExpansionError(err, io);
        }
      case 'cond':
        try {
          return (await this.evalCond(cmd.expr)) ? 0 : 1;
        } catch (err) {
          return this.reportExpansionError(err, io, 2);
        }
    }
  }

  private async condition(list: List, io: Io): Promise<number> {
    this.conditionDepth++;
    try {
      return await this.runList(list, io);
    } finally {
      this.conditionDepth--;
    }
  }

  private async runIf(cmd: IfClause, io: Io): Promise<number> {
    for (const branch of cmd.branches) {
      if ((await this.condition(branch.condition, io)) === 0) return this.runList(branch.body, io);
    }
    if (cmd.elseBody) return this.runList(cmd.elseBody, io);
    return 0;
  }

  /** Runs one loop iteration body; returns 'break' / 'continue' / undefined. */
  private async loopBody(body: List, io: Io): Promise<{ status: number; control?: 'break' }> {
    try {
      return { status: await this.runList(body, io) };
    } catch (err) {
      if (err instanceof BreakSignal) {
        if (--err.levels > 0) throw err;
        return { status: 0, control: 'break' };
      }
      if (err instanceof ContinueSignal) {
        if (--err.levels > 0) throw err;
        return { status: 0 };
      }
      throw err;
    }
  }

  private async runLoop(cmd: LoopClause, io: Io): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      for (;;) {
        await this.tick();
        const c = await this.condition(cmd.condition, io);
        if ((c === 0) !== (cmd.type === 'while')) break;
        const r = await this.loopBody(cmd.body, io);
        status = r.status;
        if (r.control === 'break') break;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private async runFor(cmd: ForClause, io: Io): Promise<number> {
    let items: string[];
    try {
      items = cmd.items ? await this.expander.words(cmd.items) : [...this.state.positional];
    } catch (err) {
      return this.reportExpansionError(err, io);
    }
    let status = 0;
    this.loopDepth++;
    try {
      for (const item of items) {
        await this.tick();
        this.setVar(cmd.variable, item);
        const r = await this.loopBody(cmd.body, io);
        status = r.status;
        if (r.control === 'break') break;
      }
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private async runArithFor(cmd: ArithForClause, io: Io): Promise<number> {
    let status = 0;
    this.loopDepth++;
    try {
      if (cmd.init) await this.expander.arithmetic(cmd.init);
      for (;;) {
        await this.tick();
        if (cmd.test && (await this.expander.arithmetic(cmd.test)) === 0) break;
        const r = await this.loopBody(cmd.body, io);
        status = r.status;
        if (r.control === 'break') break;
        if (cmd.update) await this.expander.arithmetic(cmd.update);
      }
    } catch (err) {
      if (err instanceof ExpansionError) return this.reportExpansionError(err, io);
      throw err;
    } finally {
      this.loopDepth--;
    }
    return status;
  }

  private async runCase(cmd: CaseClause, io: Io): Promise<number> {
    let subject: string;
    try {
      subject = await this.expander.string(cmd.subject);
    } catch (err) {
      return this.reportExpansionError(err, io);
    }
    let status = 0;
    let fallthrough = false;
    for (const item of cmd.items) {
      let matched = fallthrough;
      if (!matched) {
        for (const p of item.patterns) {
          if (matchPattern(await this.expander.pattern(p), subject)) {
            matched = true;
            break;
          }
        }
      }
      if (!matched) continue;
      status = await this.runList(item.body, io);
      if (item.terminator === ';;') return status;
      fallthrough = item.terminator === ';&';
    }
    return status;
  }

  private async evalCond(e: CondExpr): Promise<boolean> {
    switch (e.type) {
      case 'and': return (await this.evalCond(e.left)) && (await this.evalCond(e.right));
      case 'or': return (await this.evalCond(e.left)) || (await this.evalCond(e.right));
      case 'not': return !(await this.evalCond(e.expr));
      case 'word': return (await this.expander.string(e.word)) !== '';
      case 'unary': {
        const operand = await this.expander.string(e.operand);
        if (e.op === '-v') return this.get(operand) !== undefined;
        return evaluateTest([e.op, operand], this.testHost()).result;
      }
      case 'binary': {
        const left = await this.expander.string(e.left);
        if (e.op === '==' || e.op === '=' || e.op === '!=') {
          const pat = await this.expander.pattern(e.right);
          const m = matchPattern(pat, left);
          return e.op === '!=' ? !m : m;
        }
        if (e.op === '=~') {
          const re = await this.expander.string(e.right);
          let rx: RegExp;
          try {
            rx = new RegExp(re);
          } catch {
            return false;
          }
          const m = rx.exec(left);
          if (m) this.setVar('BASH_REMATCH', m[0]);
          return m !== null;
        }
        const right = await this.expander.string(e.right);
        if (e.op === '<') return left < right;
        if (e.op === '>') return left > right;
        if (['-eq', '-ne', '-lt', '-le', '-gt', '-ge'].includes(e.op)) {
          const a = await this.expander.arithmetic(left);
          const b = await this.expander.arithmetic(right);
          return evaluateTest([String(a), e.op, String(b)], this.testHost()).result;
        }
        return evaluateTest([left, e.op, right], this.testHost()).result;
      }
    }
  }

  testHost() {
    return { fs: this.shared.fs, cwd: this.state.cwd, isTTY: (fd: number) => (fd === 1 ? this.io.stdout === this.shared.tty.stdout : fd === 0 ? this.io.stdin === this.shared.tty.stdin : false) };
  }

  // ---- simple commands ----

  private async runSimple(cmd: SimpleCommand, io: Io): Promise<number> {
    const aliased = this.expandAlias(cmd);
    if (aliased && 'program' in aliased) {
      const saved = this.io;
      try {
        const rio = await this.redirect(cmd.redirects, io);
        this.io = rio;
        return await this.runList(aliased.program, rio);
      } catch (err) {
        return this.reportExpansionError(err, io);
      } finally {
        this.io = saved;
      }
    }
    if (aliased) cmd = aliased.command;
    const saved = this.io;
    this.io = io;
    try {
      this.substitutionStatus = undefined;
      let argv: string[];
      const assigns: [string, string, boolean][] = [];
      try {
        for (const a of cmd.assignments) assigns.push([a.name, await this.expander.string(a.value), a.append]);
        argv = await this.expander.words(cmd.words);
      } catch (err) {
        return this.reportExpansionError(err, io);
      }
      if (argv.length === 0) {
        try {
          for (const [name, value, append] of assigns) this.setVar(name, append ? (this.get(name) ?? '') + value : value);
          await this.redirect(cmd.redirects, io);
        } catch (err) {
          return this.reportExpansionError(err, io);
        }
        if (this.state.options.xtrace && assigns.length) await io.stderr.write(assigns.map(([n, v]) => `+ ${n}=${v}\n`).join(''));
        const status = this.substitutionStatus ?? 0;
        this.state.lastStatus = status;
        return status;
      }
      if (this.state.options.xtrace) await io.stderr.write(`+ ${[...assigns.map(([n, v]) => `${n}=${v}`), ...argv.map(xtraceQuote)].join(' ')}\n`);
      let rio: Io;
      try {
        rio = await this.redirect(cmd.redirects, io);
      } catch (err) {
        return this.reportExpansionError(err, io);
      }
      this.io = rio;
      const status = await this.invoke(argv, rio, assigns.map(([n, v, append]) => [n, append ? (this.get(n) ?? '') + v : v]), cmd.line);
      this.state.lastStatus = status;
      return status;
    } finally {
      this.io = saved;
    }
  }

  /** Alias substitution of the first word (done at run time, so `alias` on one line works on the next). */
  private expandAlias(cmd: SimpleCommand): { command: SimpleCommand } | { program: Program } | undefined {
    let current = cmd;
    const seen = new Set<string>();
    for (;;) {
      const first = current.words[0];
      if (!first || first.parts.length !== 1 || first.parts[0].type !== 'literal') break;
      const name = first.parts[0].text;
      const value = this.state.aliases.get(name);
      if (value === undefined || seen.has(name)) break;
      seen.add(name);
      let program = this.aliasCache.get(value);
      if (program === undefined) {
        try {
          program = parse(value);
        } catch {
          program = null;
        }
        this.aliasCache.set(value, program);
      }
      const single = program?.items.length === 1 && !program.items[0].background && program.items[0].command.rest.length === 0 && program.items[0].command.first.commands.length === 1 && !program.items[0].command.first.negated ? program.items[0].command.first.commands[0] : undefined;
      if (single?.type === 'simple') {
        current = {
          ...current,
          assignments: [...current.assignments, ...single.assignments],
          words: [...single.words, ...current.words.slice(1)],
          redirects: [...single.redirects, ...current.redirects],
        };
        if (!single.words.length) break;
        continue;
      }
      // A compound alias (`alias x='a | b'`): run its text with the arguments appended.
      const src = `${value} ${current.words.slice(1).map((w) => w.raw).join(' ')}`;
      try {
        return { program: parse(src) };
      } catch {
        break;
      }
    }
    return current === cmd ? undefined : { command: current };
  }

  private async reportExpansionError(err: unknown, io: Io, status = 1): Promise<number> {
    if (err instanceof ExpansionError || err instanceof RedirectError) {
      await io.stderr.write(`${this.shared.errorName}: ${err.message}\n`);
      this.state.lastStatus = status;
      if (!this.shared.interactive && err instanceof ExpansionError && /unbound variable|parameter null or not set|: /.test(err.message) && this.state.options.nounset)
        throw new ExitSignal(status);
      return status;
    }
    throw err;
  }

  /**
   * Runs argv[0] as a function, builtin, registered command or script, after expansion.
   * `assigns` are `VAR=x` prefixes, visible to that command only.
   */
  async invoke(argv: string[], io: Io, assigns: [string, string][] = [], line?: number): Promise<number> {
    const name = argv[0];
    const fn = this.state.functions.get(name);
    if (fn && !name.includes('/')) return this.withTempVars(assigns, () => this.callFunction(fn, argv, io));
    const builtin = BUILTINS[name];
    if (builtin) return this.withTempVars(assigns, () => this.runBuiltin(builtin, argv, io));
    const entry = name.includes('/') ? this.shared.commands.byPath(resolvePath(this.state.cwd, name)) : this.shared.commands.get(name);
    if (entry) return this.runRegistered(entry.run, argv, io, assigns);
    return this.runPathCommand(argv, io, assigns, line);
  }

  private async withTempVars(assigns: [string, string][], body: () => Promise<number>): Promise<number> {
    if (!assigns.length) return body();
    const saved = assigns.map(([n]) => [n, this.state.vars.get(n)] as const);
    for (const [n, v] of assigns) this.state.vars.set(n, { value: v, exported: true, readonly: false });
    try {
      return await body();
    } finally {
      for (const [n, old] of saved) {
        if (old) this.state.vars.set(n, old);
        else this.state.vars.delete(n);
      }
    }
  }

  private async callFunction(fn: FunctionDefinition, argv: string[], io: Io): Promise<number> {
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      await io.stderr.write(`${this.shared.errorName}: ${fn.name}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})\n`);
      return 1;
    }
    const savedPositional = this.state.positional;
    const savedLoop = this.loopDepth;
    this.state.positional = argv.slice(1);
    this.state.localFrames.push(new Map());
    this.functionDepth++;
    this.loopDepth = 0;
    try {
      return await this.runCommand(fn.body, io);
    } catch (err) {
      if (err instanceof ReturnSignal) {
        this.state.lastStatus = err.status;
        return err.status;
      }
      throw err;
    } finally {
      this.functionDepth--;
      this.loopDepth = savedLoop;
      this.state.positional = savedPositional;
      const frame = this.state.localFrames.pop()!;
      for (const [n, old] of frame) {
        if (old) this.state.vars.set(n, old);
        else this.state.vars.delete(n);
      }
    }
  }

  private async runBuiltin(builtin: Builtin, argv: string[], io: Io): Promise<number> {
    const ctx = this.context(io);
    try {
      const status = await builtin(this, ctx, argv);
      if (this.signal.aborted) throw new InterruptSignal();
      return status & 255;
    } catch (err) {
      if (isControlFlow(err)) throw err;
      if (this.signal.aborted || isAbortError(err)) throw new InterruptSignal();
      if (err instanceof ExpansionError) {
        await io.stderr.write(`${this.shared.errorName}: ${err.message}\n`);
        return err.status;
      }
      throw err;
    }
  }

  private async runRegistered(run: (ctx: CommandContext, argv: string[]) => Promise<number>, argv: string[], io: Io, assigns: [string, string][]): Promise<number> {
    const env = this.state.environment();
    for (const [n, v] of assigns) env[n] = v;
    const ctx = this.context(io, env);
    let status: number;
    try {
      status = await run(ctx, argv);
    } catch (err) {
      if (isControlFlow(err)) throw err;
      if (this.signal.aborted || isAbortError(err)) throw new InterruptSignal();
      // A command that failed unexpectedly reports like a crashed program, and the shell carries on.
      const msg = err instanceof VfsError ? `${err.path}: ${err.message}` : err instanceof Error ? err.message : String(err);
      await io.stderr.write(`${argv[0]}: ${msg}\n`);
      status = 1;
    }
    if (this.signal.aborted) throw new InterruptSignal();
    if ((io.stdout as { broken?: boolean }).broken) throw new BrokenPipeSignal();
    return (Number.isFinite(status) ? status : 1) & 255;
  }

  /** Commands given by path (`./deploy.sh`, `/usr/bin/ls`) or found as files on PATH. */
  private async runPathCommand(argv: string[], io: Io, assigns: [string, string][], line?: number): Promise<number> {
    const name = argv[0];
    const prefix = this.shared.interactive || line === undefined || this.state.scriptName === '-bash' ? this.shared.errorName : `${this.state.scriptName}: line ${line}`;
    let path: string | undefined;
    if (name.includes('/')) path = resolvePath(this.state.cwd, name);
    else {
      for (const dir of (this.get('PATH') ?? '').split(':')) {
        if (!dir) continue;
        const p = resolvePath(this.state.cwd, `${dir}/${name}`);
        if (this.shared.fs.isFile(p)) {
          path = p;
          break;
        }
      }
      if (!path || name === '') {
        await io.stderr.write(`${prefix}: ${name}: command not found\n`);
        return 127;
      }
    }
    const fs = this.shared.fs;
    if (!fs.exists(path)) {
      await io.stderr.write(`${prefix}: ${name}: No such file or directory\n`);
      return 127;
    }
    const st = fs.stat(path);
    if (st.type === 'dir') {
      await io.stderr.write(`${prefix}: ${name}: Is a directory\n`);
      return 126;
    }
    if ((st.mode & 0o111) === 0 || st.type !== 'file') {
      await io.stderr.write(`${prefix}: ${name}: Permission denied\n`);
      return 126;
    }
    const env = this.state.environment();
    for (const [n, v] of assigns) env[n] = v;
    return this.runScriptFile(path, name, argv.slice(1), io, env);
  }

  /** Runs a script in a new shell process (exported variables only, no functions or aliases). */
  async runScriptFile(path: string, name: string, args: string[], io: Io, env = this.state.environment()): Promise<number> {
    const source = this.shared.fs.readFile(path);
    return this.runChildShell(source, io, [name, ...args], env, name);
  }

  /** A new non-interactive shell process: `bash -c`, `sh script.sh`, `./script.sh`. */
  async runChildShell(source: string, io: Io, args: string[], env = this.state.environment(), errorName = 'bash', signal = this.signal): Promise<number> {
    const shared: ShellShared = { ...this.shared, interactive: false, errorName, jobs: this.shared.jobs };
    const state = new ShellState();
    state.cwd = this.state.cwd;
    for (const [k, v] of Object.entries(env)) state.vars.set(k, { value: v, exported: true, readonly: false });
    state.scriptName = args[0] ?? 'bash';
    state.positional = args.slice(1);
    const child = new Interpreter(shared, state, signal);
    child.io = io;
    let program: Program;
    try {
      program = parse(source, { eofEndsHeredoc: true });
    } catch (err) {
      if (err instanceof ShellSyntaxError) {
        await io.stderr.write(`${errorName}: ${err.message}\n`);
        return 2;
      }
      throw err;
    }
    return child.runIsolated(() => child.runList(program, io));
  }

  /** Runs `source` as if sourced into this shell (`.`/`source`/`eval`). */
  async sourceText(source: string, io: Io, args?: string[]): Promise<number> {
    const program = parse(source, { eofEndsHeredoc: true });
    const savedPositional = this.state.positional;
    if (args && args.length) this.state.positional = args;
    try {
      return await this.runList(program, io);
    } catch (err) {
      if (err instanceof ReturnSignal && args !== undefined) return err.status;
      throw err;
    } finally {
      if (args && args.length) this.state.positional = savedPositional;
    }
  }

  /** The context handed to builtins and registered commands. */
  context(io: Io, env = this.state.environment()): CommandContext {
    const cwd = this.state.cwd;
    const home = this.get('HOME') ?? this.shared.identity.home;
    return {
      stdin: io.stdin,
      stdout: io.stdout,
      stderr: io.stderr,
      env,
      cwd,
      fs: this.shared.fs,
      clock: this.shared.clock,
      signal: this.signal,
      isTTY: io.stdout === this.shared.tty.stdout && this.shared.tty.stdout !== undefined,
      stdinIsTTY: io.stdin === this.shared.tty.stdin && this.shared.tty.stdin !== undefined,
      terminal: this.shared.terminal,
      identity: this.shared.identity,
      resolvePath: (p: string) => resolvePath(cwd, p === '~' ? home : p.startsWith('~/') ? home + p.slice(1) : p),
      exec: (argv: string[], over?: Partial<Io>) => {
        // Variables given to this command only (`X=1 xargs ...`) reach what it runs.
        const base = this.state.environment();
        const extra = Object.entries(env).filter(([k, v]) => base[k] !== v);
        return this.invoke(argv, { ...io, ...over }, extra);
      },
      runScript: (source: string, over?: Partial<Io>, args?: string[], opts?: { signal?: AbortSignal }) =>
        this.runChildShell(source, { ...io, ...over }, args ?? ['sh'], env, 'bash', opts?.signal ? AbortSignal.any([this.signal, opts.signal]) : undefined),
    };
  }

  // ---- redirections ----

  async redirect(redirects: Redirect[], io: Io): Promise<Io> {
    if (!redirects.length) return io;
    const out: Io = { ...io };
    const fs = this.shared.fs;
    for (const r of redirects) {
      const fd = r.fd ?? (r.op.startsWith('<') ? 0 : 1);
      if (fd > 2) continue; // only 0, 1 and 2 exist here
      switch (r.op) {
        case '<<':
        case '<<-': {
          const body = r.heredoc ? await this.expander.string(r.heredoc.body) : '';
          setFd(out, fd, textInput(body));
          break;
        }
        case '<<<': {
          setFd(out, fd, textInput((await this.expander.string(r.target)) + '\n'));
          break;
        }
        case '>&':
        case '<&': {
          const target = await this.expander.string(r.target);
          if (target === '-') {
            setFd(out, fd, fd === 0 ? emptyInput() : nullOutput);
          } else if (/^[0-2]$/.test(target)) {
            const src = Number(target);
            setFd(out, fd, src === 0 ? out.stdin : src === 1 ? out.stdout : out.stderr);
          } else if (/^\d+$/.test(target)) {
            throw new RedirectError(`${target}: Bad file descriptor`);
          } else if (r.op === '>&') {
            const stream = this.openOutput(await this.expander.redirectTarget(r.target), false, io);
            out.stdout = stream;
            out.stderr = stream;
          } else throw new RedirectError(`${target}: ambiguous redirect`);
          break;
        }
        case '&>':
        case '&>>': {
          const stream = this.openOutput(await this.expander.redirectTarget(r.target), r.op === '&>>', io);
          out.stdout = stream;
          out.stderr = stream;
          break;
        }
        case '>':
        case '>|':
        case '>>':
          setFd(out, fd, this.openOutput(await this.expander.redirectTarget(r.target), r.op === '>>', io));
          break;
        case '<':
        case '<>': {
          const target = await this.expander.redirectTarget(r.target);
          if (target === '/dev/stdin') break;
          const path = resolvePath(this.state.cwd, target);
          try {
            setFd(out, fd, textInput(fs.readFileBuffer(path)));
          } catch (err) {
            if (err instanceof VfsError) throw new RedirectError(`${target}: ${err.message}`);
            throw err;
          }
          break;
        }
      }
    }
    return out;
  }

  private openOutput(target: string, append: boolean, io: Io): OutputStream {
    if (target === '/dev/stdout') return io.stdout;
    if (target === '/dev/stderr') return io.stderr;
    if (target === '/dev/tty') return this.shared.tty.stdout ?? io.stderr;
    const fs = this.shared.fs;
    const path = resolvePath(this.state.cwd, target);
    try {
      if (fs.exists(path)) {
        const st = fs.stat(path);
        if (st.type === 'device') return st.device === 'tty' ? (this.shared.tty.stdout ?? io.stderr) : nullOutput;
        if (st.type === 'dir') throw new RedirectError(`${target}: Is a directory`);
        if (!append) fs.writeFile(path, '');
      } else fs.writeFile(path, '');
    } catch (err) {
      if (err instanceof VfsError) throw new RedirectError(`${target}: ${err.message}`);
      throw err;
    }
    return new FileOutput(fs, path);
  }

  /** Words as `type`/`which` resolve a name: alias, keyword, function, builtin or file. */
  describe(name: string): { kind: 'alias'; value: string } | { kind: 'keyword' } | { kind: 'function'; source: string } | { kind: 'builtin' } | { kind: 'file'; path: string } | undefined {
    const alias = this.state.aliases.get(name);
    if (alias !== undefined) return { kind: 'alias', value: alias };
    if (KEYWORDS.has(name)) return { kind: 'keyword' };
    const fn = this.state.functions.get(name);
    if (fn) return { kind: 'function', source: fn.source };
    if (BUILTINS_SHOWN_AS_FILES.has(name)) return { kind: 'file', path: `/usr/bin/${name}` };
    if (BUILTINS[name] || SHELL_BUILTIN_COMMANDS.has(name)) return { kind: 'builtin' };
    const path = this.findExecutable(name);
    return path ? { kind: 'file', path } : undefined;
  }

  /** The path a command name resolves to on PATH, as `which` prints it. */
  findExecutable(name: string): string | undefined {
    if (name.includes('/')) {
      const p = resolvePath(this.state.cwd, name);
      return this.shared.commands.byPath(p) || this.shared.fs.isFile(p) ? name : undefined;
    }
    const entry = this.shared.commands.get(name);
    if (entry) return entry.path;
    if (BUILTINS_SHOWN_AS_FILES.has(name)) return `/usr/bin/${name}`;
    for (const dir of (this.get('PATH') ?? '').split(':')) {
      if (!dir) continue;
      const p = resolvePath('/', `${dir}/${name}`);
      if (this.shared.fs.isFile(p) && (this.shared.fs.stat(p).mode & 0o111) !== 0) return p;
    }
    return undefined;
  }

  /** The words this shell's command lookup knows, for tab completion. */
  commandNames(): string[] {
    const names = new Set<string>([...Object.keys(BUILTINS), ...this.shared.commands.names(), ...this.state.functions.keys(), ...this.state.aliases.keys()]);
    for (const dir of (this.get('PATH') ?? '').split(':')) {
      try {
        if (dir && this.shared.fs.isDirectory(dir)) for (const n of this.shared.fs.readdir(dir)) names.add(n);
      } catch {
        // unreadable PATH entries are skipped, as bash does
      }
    }
    return [...names].sort();
  }
}

/** A failed redirection: `-bash: x: No such file or directory`. */
export class RedirectError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedirectError';
  }
}

function setFd(io: Io, fd: number, stream: InputStream | OutputStream): void {
  if (fd === 0) io.stdin = stream as InputStream;
  else if (fd === 1) io.stdout = stream as OutputStream;
  else io.stderr = stream as OutputStream;
}

function xtraceQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'case', 'esac', 'for', 'select', 'while', 'until', 'do', 'done', 'in', 'function', 'time', '{', '}', '!', '[[', ']]']);
/** Registered commands that bash implements as builtins (for `type`). */
export const SHELL_BUILTIN_COMMANDS = new Set(['echo', 'printf', 'test', '[', 'true', 'false', 'pwd', 'kill']);

export { patternToRegExp };
export type { Word };
