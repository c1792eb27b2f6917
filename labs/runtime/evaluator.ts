// Evaluates a lab's checkpoints against a record: in dependency order (a checkpoint whose
// `requires` have not passed is not passed either), each CEL program once per round, conditional
// hints only for checkpoints still open. Pure: the same record always gives the same verdicts.
import { compile, createLabEnv, type EvalContext, type Program } from './cel-env';
import { HistoryIndex } from './history-index';
import type { CommandEntry, HistoryEntry, LabRecord } from './history';
import type { Checkpoint, LabPack, Localized } from './lab-pack';

export interface CheckpointResult {
  id: string;
  step: string;
  title: Localized;
  passed: boolean;
  points: number;
  maxPoints: number;
  /** The success message once passed. */
  message?: Localized;
  /** Checkpoints in `requires` that have not passed. */
  waitingFor: string[];
  /** Hints whose `when` holds (only while not passed). */
  hints: Localized[];
  /** An evaluation error (a field missing is an error in CEL; it counts as not passed). */
  error?: string;
}

export interface LabVerdict {
  labId: string;
  score: number;
  maxScore: number;
  checkpoints: CheckpointResult[];
}

interface CompiledCheckpoint {
  cp: Checkpoint;
  program: Program;
  hints: Array<{ program: Program; text: Localized }>;
}

/** Topological order of checkpoints by `requires` (the loader rejects cycles). */
export function dependencyOrder(cps: Checkpoint[]): Checkpoint[] {
  const byId = new Map(cps.map((c) => [c.id, c]));
  const out: Checkpoint[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (c: Checkpoint, path: string[]) => {
    const s = state.get(c.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`checkpoints require each other in a cycle: ${[...path, c.id].join(' -> ')}`);
    state.set(c.id, 'visiting');
    for (const r of c.requires) {
      const dep = byId.get(r);
      if (dep) visit(dep, [...path, c.id]);
    }
    state.set(c.id, 'done');
    out.push(c);
  };
  for (const c of cps) visit(c, []);
  return out;
}

export class LabEvaluator {
  readonly index: HistoryIndex;
  private commands: CommandEntry[] = [];
  private readonly compiled: CompiledCheckpoint[];
  private ctx: EvalContext;

  constructor(
    readonly lab: LabPack,
    history: HistoryEntry[] = [],
  ) {
    this.index = new HistoryIndex(history);
    this.ctx = { index: this.index, commands: this.commands };
    const env = createLabEnv(() => this.ctx);
    this.compiled = dependencyOrder(lab.checkpoints).map((cp) => ({
      cp,
      program: compile(env, cp.expr),
      hints: cp.hints.map((h) => ({ program: compile(env, h.when), text: h.text })),
    }));
  }

  append(entries: Iterable<HistoryEntry>): void {
    for (const e of entries) this.index.append(e);
  }

  setCommands(commands: CommandEntry[]): void {
    this.commands = commands;
    this.ctx = { index: this.index, commands };
  }

  /**
   * `latched`: checkpoints the live runner already showed green; they satisfy `requires` even if
   * a later change made their condition false (a pure re-evaluation, as in grading, passes none).
   */
  evaluate(opts: { now: number; startedAt: number; namespace?: string; latched?: ReadonlySet<string>; skipLatched?: boolean }): LabVerdict {
    const passed: Record<string, boolean> = {};
    const events = this.index.objects('v1', 'Event');
    const commands = this.commands.map((c) => ({ seq: BigInt(c.seq), time: BigInt(Math.round(c.time)), node: c.node, line: c.line }));
    const bindings = {
      now: BigInt(Math.round(opts.now)),
      startedAt: BigInt(Math.round(opts.startedAt)),
      namespace: opts.namespace ?? this.lab.setup.namespace,
      history: this.index.all,
      events,
      commands,
      passed,
    };
    const results = new Map<string, CheckpointResult>();
    for (const { cp, program, hints } of this.compiled) {
      const waitingFor = cp.requires.filter((r) => !passed[r]);
      let ok = false;
      let error: string | undefined;
      if (opts.latched?.has(cp.id) && opts.skipLatched) {
        // Already green in the live runner: not evaluated again (the cost of a round then only
        // falls on the open checkpoints).
        ok = true;
      } else if (waitingFor.length === 0) {
        const r = program(bindings);
        if (r.error) error = r.error;
        else if (typeof r.value !== 'boolean') error = `the expression gave ${typeof r.value}, not a bool`;
        else ok = r.value;
      }
      passed[cp.id] = ok || !!opts.latched?.has(cp.id);
      const activeHints: Localized[] = [];
      if (!ok) for (const h of hints) if (h.program(bindings).value === true) activeHints.push(h.text);
      results.set(cp.id, {
        id: cp.id,
        step: cp.step,
        title: cp.title,
        passed: ok,
        points: ok ? cp.points : 0,
        maxPoints: cp.points,
        message: ok ? cp.message : undefined,
        waitingFor,
        hints: activeHints,
        error,
      });
    }
    // Report in the pack's order, not the evaluation order.
    const checkpoints = this.lab.checkpoints.map((c) => results.get(c.id)!);
    return {
      labId: this.lab.id,
      score: checkpoints.reduce((a, c) => a + c.points, 0),
      maxScore: checkpoints.reduce((a, c) => a + c.maxPoints, 0),
      checkpoints,
    };
  }
}

/** One-shot evaluation of a complete record (lab check, grading, golden tests). */
export function evaluateRecord(lab: LabPack, record: LabRecord): LabVerdict {
  const ev = new LabEvaluator(lab, record.history);
  ev.setCommands(record.commands);
  return ev.evaluate({ now: record.now, startedAt: record.startedAt, namespace: record.namespace });
}
