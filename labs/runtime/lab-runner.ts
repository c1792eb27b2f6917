// The lab runner: starts a lab on the cluster (reset, setup), records its history and the
// student's commands, re-evaluates the checkpoints on every change (debounced a little) and
// keeps progress in SQLite so a restart resumes where the student was. The host mounts it on
// HTTP (main/host/labs/); `kubelab lab` uses its parts directly.
import { targetFromKubeconfig } from '../../engine/cli/kubeconfig-target';
import { applySetup, EngineExtras, masterNode, resetCluster } from './cluster-ops';
import { newLines } from './command-log';
import { LabEvaluator, type LabVerdict } from './evaluator';
import type { CommandEntry, HistoryEntry } from './history';
import { KubeApi } from './kube-api';
import { LabDb, type RunRow } from './lab-db';
import { BUNDLED_LABS_DIR, loadCatalogue, type LabCatalogue } from './lab-loader';
import type { BrokenLab, LabPack } from './lab-pack';
import type { LabCheckpointView, LabRunView, LabSummary } from './lab-view';
import { ShellDriver } from './shell-driver';
import { kindsFor, WatchRecorder } from './watch-recorder';

export type { LabSummary, LabCheckpointView, LabRunView } from './lab-view';

export interface LabRunnerOptions {
  dbPath: string;
  /** The cluster's kubeconfig (the engine's, or a real cluster's); undefined while it is not ready. */
  kubeconfig: () => string | undefined;
  labsDir?: string;
  debounceMs?: number;
  commandPollMs?: number;
  log?: (line: string) => void;
}

interface Active {
  lab: LabPack;
  run: RunRow;
  api: KubeApi;
  extras: EngineExtras;
  node?: string;
  recorder?: WatchRecorder;
  evaluator: LabEvaluator;
  commands: CommandEntry[];
  verdict?: LabVerdict;
  passedAt: Map<string, number>;
  clockOffset: number;
  canAdvance: boolean;
  pollTimer?: ReturnType<typeof setInterval>;
  evalTimer?: ReturnType<typeof setTimeout>;
  polling: boolean;
}

export type RunnerListener = (view: LabRunView | undefined) => void;

export class LabRunner {
  private catalogueCache: LabCatalogue;
  private readonly db: LabDb;
  private active: Active | undefined;
  private busy: string | undefined;
  private error: string | undefined;
  private readonly listeners = new Set<RunnerListener>();
  /** Evaluation hooks for the bench: called with the time each checkpoint first turned green. */
  readonly passedHooks = new Set<(id: string, at: number) => void>();

  constructor(private readonly opts: LabRunnerOptions) {
    this.db = new LabDb(opts.dbPath);
    this.catalogueCache = loadCatalogue(opts.labsDir ?? BUNDLED_LABS_DIR);
  }

  reloadCatalogue(): void {
    this.catalogueCache = loadCatalogue(this.opts.labsDir ?? BUNDLED_LABS_DIR);
  }

  catalogue(): { labs: LabSummary[]; broken: BrokenLab[] } {
    const labs = this.catalogueCache.labs.map((l) => {
      const p = this.db.progress(l.id);
      const maxScore = l.checkpoints.reduce((a, c) => a + c.points, 0);
      return {
        id: l.id,
        version: l.version,
        title: l.title,
        summary: l.summary,
        topology: l.topology,
        timeLimitMinutes: l.timeLimitMinutes,
        steps: l.steps.length,
        maxScore,
        bestScore: p?.bestScore ?? 0,
        completed: p?.completedAt != null,
      };
    });
    return { labs, broken: this.catalogueCache.broken };
  }

  private lab(id: string): LabPack {
    const l = this.catalogueCache.labs.find((x) => x.id === id);
    if (!l) {
      const broken = this.catalogueCache.broken.find((b) => b.id === id);
      throw new Error(broken ? broken.error : `no lab "${id}"`);
    }
    return l;
  }

  onChange(l: RunnerListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private notify(): void {
    const v = this.view();
    for (const l of this.listeners) l(v);
  }

  private api(): KubeApi {
    const kc = this.opts.kubeconfig();
    if (!kc) throw new Error('the cluster is not ready');
    return new KubeApi(targetFromKubeconfig(kc));
  }

  private now(): number {
    return Date.now() + (this.active?.clockOffset ?? 0);
  }

  view(): LabRunView | undefined {
    const a = this.active;
    if (!a) return undefined;
    const v = a.verdict;
    const deadline = a.lab.timeLimitMinutes ? a.run.startedAt + a.lab.timeLimitMinutes * 60_000 : undefined;
    const checkpoints: LabCheckpointView[] = a.lab.checkpoints.map((c) => {
      const r = v?.checkpoints.find((x) => x.id === c.id);
      const passedAt = a.passedAt.get(c.id);
      const passed = passedAt !== undefined || !!r?.passed;
      return { id: c.id, step: c.step, title: c.title, points: c.points, passed, passedAt, message: passed ? c.message : undefined, hints: passed ? [] : (r?.hints ?? []), waitingFor: r?.waitingFor ?? [], error: r?.error };
    });
    return {
      lab: {
        id: a.lab.id,
        version: a.lab.version,
        title: a.lab.title,
        summary: a.lab.summary,
        namespace: a.lab.setup.namespace,
        steps: a.lab.steps.map((s) => ({ id: s.id, title: s.title, text: s.text, hints: s.hints, solution: s.solution })),
      },
      run: { id: a.run.id, startedAt: a.run.startedAt, deadline, timeUp: deadline !== undefined && this.now() > deadline, step: a.run.step, hintsShown: a.run.hintsShown },
      score: checkpoints.filter((c) => c.passed).reduce((s, c) => s + c.points, 0),
      maxScore: a.lab.checkpoints.reduce((s, c) => s + c.points, 0),
      checkpoints,
      clock: { canAdvance: a.canAdvance && !!a.lab.fastForward, maxSeconds: a.lab.fastForward?.maxSeconds ?? 0, now: this.now() },
      busy: this.busy,
      error: this.error,
    };
  }

  /** Picks up the run that was active when the app stopped (history and progress are in SQLite). */
  async resume(): Promise<void> {
    const run = this.db.activeRun();
    if (!run) return;
    let lab: LabPack;
    try {
      lab = this.lab(run.lab);
    } catch {
      this.db.endRun(run.id, Date.now());
      return;
    }
    await this.attach(lab, run, this.db.history(run.id));
  }

  private async attach(lab: LabPack, run: RunRow, history: HistoryEntry[]): Promise<void> {
    const api = this.api();
    const extras = new EngineExtras(api);
    const clock = await extras.clock().catch(() => undefined);
    const a: Active = {
      lab,
      run,
      api,
      extras,
      node: await masterNode(api),
      evaluator: new LabEvaluator(lab, history),
      commands: this.db.commands(run.id),
      passedAt: this.db.passed(run.id),
      clockOffset: clock ? clock.now - Date.now() : 0,
      canAdvance: clock?.canAdvance ?? false,
      polling: false,
    };
    a.evaluator.setCommands(a.commands);
    this.active = a;
    a.recorder = new WatchRecorder({
      api,
      kinds: kindsFor(lab.watch),
      now: () => this.now(),
      lastSeq: history.length ? history[history.length - 1].seq : 0,
      known: history,
      sink: (entries) => {
        if (this.active !== a) return;
        this.db.appendHistory(run.id, entries);
        a.evaluator.append(entries);
        this.scheduleEvaluation(a);
      },
      onError: (e) => this.opts.log?.(`lab recorder: ${e.message}`),
    });
    await a.recorder.start();
    await this.pollCommands(a);
    a.pollTimer = setInterval(() => void this.pollCommands(a), this.opts.commandPollMs ?? 1000);
    a.pollTimer.unref?.();
    this.evaluateNow(a);
  }

  private async detach(): Promise<void> {
    const a = this.active;
    if (!a) return;
    this.active = undefined;
    if (a.pollTimer) clearInterval(a.pollTimer);
    if (a.evalTimer) clearTimeout(a.evalTimer);
    await a.recorder?.stop();
    a.api.close();
  }

  private async pollCommands(a: Active): Promise<void> {
    if (!a.node || a.polling || this.active !== a) return;
    a.polling = true;
    try {
      const lines = await a.extras.commands(a.node);
      if (!lines || this.active !== a) return;
      const known = this.db.knownLines(a.run.id);
      const fresh = newLines(known, lines);
      if (fresh.length === 0) return;
      const time = this.now();
      let seq = a.commands.length ? a.commands[a.commands.length - 1].seq : 0;
      const added = fresh.map((line) => ({ seq: ++seq, time, node: a.node!, line }));
      this.db.appendCommands(a.run.id, added);
      this.db.setKnownLines(a.run.id, lines);
      a.commands = [...a.commands, ...added];
      a.evaluator.setCommands(a.commands);
      this.scheduleEvaluation(a);
    } catch (e) {
      this.opts.log?.(`lab commands: ${(e as Error).message}`);
    } finally {
      a.polling = false;
    }
  }

  private scheduleEvaluation(a: Active): void {
    if (a.evalTimer) return;
    // A burst of watch events (a rollout writes dozens) is evaluated once.
    a.evalTimer = setTimeout(() => {
      a.evalTimer = undefined;
      if (this.active === a) this.evaluateNow(a);
    }, this.opts.debounceMs ?? 20);
    a.evalTimer.unref?.();
  }

  private evaluateNow(a: Active): void {
    const now = this.now();
    const verdict = a.evaluator.evaluate({ now, startedAt: a.run.startedAt, namespace: a.lab.setup.namespace, latched: new Set(a.passedAt.keys()), skipLatched: true });
    a.verdict = verdict;
    const deadline = a.lab.timeLimitMinutes ? a.run.startedAt + a.lab.timeLimitMinutes * 60_000 : Infinity;
    for (const c of verdict.checkpoints) {
      if (c.passed && !a.passedAt.has(c.id) && now <= deadline) {
        a.passedAt.set(c.id, now);
        this.db.markPassed(a.run.id, c.id, now, c.points);
        for (const h of this.passedHooks) h(c.id, Date.now());
      }
    }
    // The current step moves on by itself once all its checkpoints are green.
    const stepIdx = a.lab.steps.findIndex((s) => s.id === a.run.step);
    const stepCps = a.lab.checkpoints.filter((c) => c.step === a.run.step);
    if (stepIdx >= 0 && stepIdx < a.lab.steps.length - 1 && stepCps.length && stepCps.every((c) => a.passedAt.has(c.id))) {
      a.run = { ...a.run, step: a.lab.steps[stepIdx + 1].id, hintsShown: 0 };
      this.db.setStep(a.run.id, a.run.step, 0);
    }
    const score = a.lab.checkpoints.filter((c) => a.passedAt.has(c.id)).reduce((s, c) => s + c.points, 0);
    this.db.recordScore(a.lab.id, a.run.id, score, verdict.maxScore, now);
    this.notify();
  }

  private async exclusive<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy) throw new Error(`busy: ${this.busy}`);
    this.busy = what;
    this.error = undefined;
    this.notify();
    try {
      return await fn();
    } catch (e) {
      this.error = (e as Error).message;
      throw e;
    } finally {
      this.busy = undefined;
      this.notify();
    }
  }

  /** A fresh cluster with the lab's setup, and a new run. */
  start(labId: string): Promise<LabRunView> {
    return this.exclusive('starting', () => this.startInner(labId));
  }

  private async startInner(labId: string): Promise<LabRunView> {
    const lab = this.lab(labId);
    await this.detach();
    const api = this.api();
    try {
      const node = await masterNode(api);
      const expectMaster = lab.topology === 'k8s-master' ? 'k8s-master' : 'master';
      const extras = new EngineExtras(api);
      const clock = await extras.clock();
      if (clock && node !== expectMaster) throw new Error(`the lab "${lab.id}" needs the ${lab.topology} topology (nodes named ${expectMaster}); restart the cluster with it`);
      await resetCluster(api);
      const startedAt = clock ? (await extras.clock())!.now : Date.now();
      await applySetup(api, lab, startedAt);
      const run = this.db.startRun(lab.id, lab.version, lab.setup.namespace, startedAt, lab.steps[0].id);
      if (node) this.db.setKnownLines(run.id, (await extras.commands(node)) ?? []);
      await this.attach(lab, this.db.run(run.id)!, []);
    } finally {
      api.close();
    }
    return this.view()!;
  }

  /** Starts the current lab again. */
  reset(): Promise<LabRunView> {
    const a = this.active;
    if (!a) return Promise.reject(new Error('no lab is running'));
    return this.start(a.lab.id);
  }

  /** A fresh start, then the solution of every step before `stepId` replayed through the shell. */
  resetToStep(stepId: string): Promise<LabRunView> {
    const a = this.active;
    if (!a) return Promise.reject(new Error('no lab is running'));
    const labId = a.lab.id;
    return this.exclusive('resetting', async () => {
      await this.startInner(labId);
      const lab = this.lab(labId);
      const idx = lab.steps.findIndex((s) => s.id === stepId);
      if (idx < 0) throw new Error(`no step "${stepId}"`);
      await this.replay(lab.steps.slice(0, idx).flatMap((s) => s.solution));
      this.setStep(stepId);
      return this.view()!;
    });
  }

  /** Replays the solution of the open steps up to and including `stepId`. */
  solveTo(stepId: string): Promise<LabRunView> {
    const a = this.active;
    if (!a) return Promise.reject(new Error('no lab is running'));
    return this.exclusive('solving', async () => {
      const idx = a.lab.steps.findIndex((s) => s.id === stepId);
      if (idx < 0) throw new Error(`no step "${stepId}"`);
      // From the current step on (steps before it count as done), skipping steps already green.
      const from = Math.max(0, a.lab.steps.findIndex((s) => s.id === a.run.step));
      const open = a.lab.steps.slice(Math.min(from, idx), idx + 1).filter((s) => {
        const cps = a.lab.checkpoints.filter((c) => c.step === s.id);
        return cps.length === 0 || !cps.every((c) => a.passedAt.has(c.id));
      });
      await this.replay(open.flatMap((s) => s.solution));
      return this.view()!;
    });
  }

  private async replay(commands: string[]): Promise<void> {
    const a = this.active;
    if (!a || commands.length === 0) return;
    if (!a.node) throw new Error('this cluster has no node shell to type the solution into');
    const shell = await ShellDriver.connect(a.api.target, a.node);
    try {
      for (const c of commands) await shell.run(c);
    } finally {
      shell.close();
    }
    await this.pollCommands(a);
  }

  /** Moves the cluster clock forward (labs that allow it, on the simulated cluster). */
  fastForward(seconds: number): Promise<LabRunView> {
    const a = this.active;
    if (!a) return Promise.reject(new Error('no lab is running'));
    if (!a.lab.fastForward) return Promise.reject(new Error('this lab does not allow fast-forward'));
    if (!(seconds > 0 && seconds <= a.lab.fastForward.maxSeconds)) return Promise.reject(new Error(`seconds must be between 1 and ${a.lab.fastForward.maxSeconds}`));
    return this.exclusive('fast-forwarding', async () => {
      const r = await a.extras.advance(seconds);
      if (!r) throw new Error('this cluster clock cannot be advanced');
      a.clockOffset = r.now - Date.now();
      this.evaluateNow(a);
      return this.view()!;
    });
  }

  setStep(stepId: string): LabRunView {
    const a = this.active;
    if (!a) throw new Error('no lab is running');
    if (!a.lab.steps.some((s) => s.id === stepId)) throw new Error(`no step "${stepId}"`);
    a.run = { ...a.run, step: stepId, hintsShown: 0 };
    this.db.setStep(a.run.id, stepId, 0);
    this.notify();
    return this.view()!;
  }

  /** Reveals the next hint of the current step. */
  revealHint(): LabRunView {
    const a = this.active;
    if (!a) throw new Error('no lab is running');
    const step = a.lab.steps.find((s) => s.id === a.run.step);
    const n = Math.min((a.run.hintsShown ?? 0) + 1, step?.hints.length ?? 0);
    a.run = { ...a.run, hintsShown: n };
    this.db.setHintsShown(a.run.id, n);
    this.notify();
    return this.view()!;
  }

  /** Ends the run (the cluster stays as it is). */
  async stop(): Promise<void> {
    const a = this.active;
    if (!a) return;
    await this.detach();
    this.db.endRun(a.run.id, this.now());
    this.notify();
  }

  /** The recorded history of the active run (export, grading). */
  record(): { lab: string; startedAt: number; now: number; namespace: string; history: HistoryEntry[]; commands: CommandEntry[] } | undefined {
    const a = this.active;
    if (!a) return undefined;
    return { lab: a.lab.id, startedAt: a.run.startedAt, now: this.now(), namespace: a.lab.setup.namespace, history: this.db.history(a.run.id), commands: a.commands };
  }

  async close(): Promise<void> {
    await this.detach();
    this.db.close();
    this.listeners.clear();
  }
}
