// The host's terminal tabs, by id. Sessions are created by the renderer (POST /api/sessions),
// survive page reloads, and end when the renderer closes the tab or the host stops.
import type { SessionInfo, SessionProfile } from '../protocol';
import type { SessionDeps } from './terminal-session';
import { TerminalSession } from './terminal-session';
import { profileTitle } from './session-profiles';

/** Bounds what a misbehaving page can make the host spawn. */
export const MAX_SESSIONS = 16;

export class SessionManager {
  private readonly sessions = new Map<string, TerminalSession>();
  private lastGeneration: number;

  constructor(private readonly deps: SessionDeps) {
    this.lastGeneration = deps.generation();
  }

  create(profile: SessionProfile, cols: number, rows: number): TerminalSession {
    if (this.sessions.size >= MAX_SESSIONS) throw new Error(`at most ${MAX_SESSIONS} terminals`);
    const session = new TerminalSession(profile, profileTitle(profile), cols, rows, this.deps);
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): TerminalSession | undefined {
    return this.sessions.get(id);
  }

  list(): SessionInfo[] {
    return [...this.sessions.values()].sort((a, b) => a.createdAt - b.createdAt).map((s) => s.info);
  }

  async close(id: string): Promise<boolean> {
    const s = this.sessions.get(id);
    if (!s) return false;
    this.sessions.delete(id);
    await s.dispose();
    return true;
  }

  /** Called on every engine status change that reaches "ready". */
  engineReady(generation: number): void {
    const restarted = generation !== this.lastGeneration;
    this.lastGeneration = generation;
    for (const s of this.sessions.values()) s.engineReady(restarted);
  }

  async dispose(): Promise<void> {
    const all = [...this.sessions.values()];
    this.sessions.clear();
    await Promise.all(all.map((s) => s.dispose()));
  }
}
