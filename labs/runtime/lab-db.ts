// The runner's SQLite database in the app-data folder: runs (one per start or reset of a lab),
// their recorded history and commands, when each checkpoint first passed, and per-lab progress.
// Everything survives a restart; a run left active is resumed by the runner.
import Database from 'better-sqlite3';
import type { CommandEntry, HistoryEntry } from './history';

export interface RunRow {
  id: number;
  lab: string;
  labVersion: number;
  namespace: string;
  startedAt: number;
  endedAt: number | null;
  step: string;
  hintsShown: number;
}

export interface ProgressRow {
  lab: string;
  bestScore: number;
  maxScore: number;
  completedAt: number | null;
  lastRun: number | null;
}

export class LabDb {
  private readonly db: Database.Database;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS runs (id INTEGER PRIMARY KEY AUTOINCREMENT, lab TEXT NOT NULL, lab_version INTEGER NOT NULL, namespace TEXT NOT NULL,
        started_at INTEGER NOT NULL, ended_at INTEGER, step TEXT NOT NULL DEFAULT '', hints_shown INTEGER NOT NULL DEFAULT 0,
        known_lines TEXT NOT NULL DEFAULT '[]');
      CREATE TABLE IF NOT EXISTS history (run INTEGER NOT NULL, seq INTEGER NOT NULL, time INTEGER NOT NULL, type TEXT NOT NULL, api_version TEXT NOT NULL,
        kind TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (run, seq));
      CREATE TABLE IF NOT EXISTS commands (run INTEGER NOT NULL, seq INTEGER NOT NULL, time INTEGER NOT NULL, node TEXT NOT NULL, line TEXT NOT NULL, PRIMARY KEY (run, seq));
      CREATE TABLE IF NOT EXISTS checkpoints (run INTEGER NOT NULL, id TEXT NOT NULL, passed_at INTEGER NOT NULL, points INTEGER NOT NULL, PRIMARY KEY (run, id));
      CREATE TABLE IF NOT EXISTS progress (lab TEXT PRIMARY KEY, best_score INTEGER NOT NULL, max_score INTEGER NOT NULL, completed_at INTEGER, last_run INTEGER);
    `);
  }

  startRun(lab: string, labVersion: number, namespace: string, startedAt: number, step: string): RunRow {
    this.db.prepare('UPDATE runs SET ended_at = ? WHERE ended_at IS NULL').run(startedAt);
    const info = this.db.prepare('INSERT INTO runs (lab, lab_version, namespace, started_at, step) VALUES (?, ?, ?, ?, ?)').run(lab, labVersion, namespace, startedAt, step);
    return this.run(Number(info.lastInsertRowid))!;
  }

  run(id: number): RunRow | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(id) as Record<string, unknown> | undefined;
    return r && toRun(r);
  }

  activeRun(): RunRow | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1').get() as Record<string, unknown> | undefined;
    return r && toRun(r);
  }

  endRun(id: number, at: number): void {
    this.db.prepare('UPDATE runs SET ended_at = ? WHERE id = ?').run(at, id);
  }

  setStep(id: number, step: string, hintsShown = 0): void {
    this.db.prepare('UPDATE runs SET step = ?, hints_shown = ? WHERE id = ?').run(step, hintsShown, id);
  }

  setHintsShown(id: number, n: number): void {
    this.db.prepare('UPDATE runs SET hints_shown = ? WHERE id = ?').run(n, id);
  }

  /** The shell history lines already seen (commands typed before the run do not count). */
  knownLines(id: number): string[] {
    const r = this.db.prepare('SELECT known_lines FROM runs WHERE id = ?').get(id) as { known_lines: string } | undefined;
    return r ? (JSON.parse(r.known_lines) as string[]) : [];
  }

  setKnownLines(id: number, lines: string[]): void {
    this.db.prepare('UPDATE runs SET known_lines = ? WHERE id = ?').run(JSON.stringify(lines), id);
  }

  appendHistory(run: number, entries: HistoryEntry[]): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO history (run, seq, time, type, api_version, kind, namespace, name, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const e of entries) ins.run(run, e.seq, e.time, e.type, e.apiVersion, e.kind, e.namespace, e.name, JSON.stringify(e.object));
    })();
  }

  history(run: number): HistoryEntry[] {
    const rows = this.db.prepare('SELECT seq, time, type, api_version, kind, namespace, name, json FROM history WHERE run = ? ORDER BY seq').all(run) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      seq: r.seq as number,
      time: r.time as number,
      type: r.type as HistoryEntry['type'],
      apiVersion: r.api_version as string,
      kind: r.kind as string,
      namespace: r.namespace as string,
      name: r.name as string,
      object: JSON.parse(r.json as string),
    }));
  }

  appendCommands(run: number, commands: CommandEntry[]): void {
    const ins = this.db.prepare('INSERT OR IGNORE INTO commands (run, seq, time, node, line) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const c of commands) ins.run(run, c.seq, c.time, c.node, c.line);
    })();
  }

  commands(run: number): CommandEntry[] {
    return this.db.prepare('SELECT seq, time, node, line FROM commands WHERE run = ? ORDER BY seq').all(run) as CommandEntry[];
  }

  markPassed(run: number, id: string, at: number, points: number): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO checkpoints (run, id, passed_at, points) VALUES (?, ?, ?, ?)').run(run, id, at, points).changes > 0;
  }

  passed(run: number): Map<string, number> {
    const rows = this.db.prepare('SELECT id, passed_at FROM checkpoints WHERE run = ?').all(run) as Array<{ id: string; passed_at: number }>;
    return new Map(rows.map((r) => [r.id, r.passed_at]));
  }

  recordScore(lab: string, run: number, score: number, maxScore: number, at: number): void {
    const prev = this.progress(lab);
    const best = Math.max(prev?.bestScore ?? 0, score);
    const completed = prev?.completedAt ?? (score >= maxScore && maxScore > 0 ? at : null);
    this.db
      .prepare('INSERT INTO progress (lab, best_score, max_score, completed_at, last_run) VALUES (?, ?, ?, ?, ?) ON CONFLICT(lab) DO UPDATE SET best_score = excluded.best_score, max_score = excluded.max_score, completed_at = excluded.completed_at, last_run = excluded.last_run')
      .run(lab, best, maxScore, completed, run);
  }

  progress(lab: string): ProgressRow | undefined {
    const r = this.db.prepare('SELECT * FROM progress WHERE lab = ?').get(lab) as Record<string, unknown> | undefined;
    return r && { lab: r.lab as string, bestScore: r.best_score as number, maxScore: r.max_score as number, completedAt: (r.completed_at as number | null) ?? null, lastRun: (r.last_run as number | null) ?? null };
  }

  allProgress(): ProgressRow[] {
    return (this.db.prepare('SELECT lab FROM progress').all() as Array<{ lab: string }>).map((r) => this.progress(r.lab)!);
  }

  close(): void {
    this.db.close();
  }
}

function toRun(r: Record<string, unknown>): RunRow {
  return {
    id: r.id as number,
    lab: r.lab as string,
    labVersion: r.lab_version as number,
    namespace: r.namespace as string,
    startedAt: r.started_at as number,
    endedAt: (r.ended_at as number | null) ?? null,
    step: r.step as string,
    hintsShown: r.hints_shown as number,
  };
}
