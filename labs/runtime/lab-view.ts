// What the lab panel sees: the catalogue and the running lab, as plain data. It imports nothing,
// so the browser-only renderer can `import type` it (STYLE rule 7).

export type LabLanguage = 'en' | 'zh-CN';
export type LocalizedText = Record<LabLanguage, string>;

export interface LabSummary {
  id: string;
  version: number;
  title: LocalizedText;
  summary: LocalizedText;
  topology: 'course' | 'k8s-master';
  timeLimitMinutes?: number;
  steps: number;
  maxScore: number;
  bestScore: number;
  completed: boolean;
}

export interface BrokenLabView {
  id: string;
  error: string;
}

export interface LabCatalogueView {
  labs: LabSummary[];
  broken: BrokenLabView[];
}

export interface LabCheckpointView {
  id: string;
  step: string;
  title: LocalizedText;
  points: number;
  passed: boolean;
  passedAt?: number;
  message?: LocalizedText;
  hints: LocalizedText[];
  waitingFor: string[];
  error?: string;
}

export interface LabStepView {
  id: string;
  title: LocalizedText;
  /** Markdown; ```console / ```sh blocks are commands to paste. */
  text: LocalizedText;
  hints: LocalizedText[];
  solution: string[];
}

/** The running lab. */
export interface LabRunView {
  lab: { id: string; version: number; title: LocalizedText; summary: LocalizedText; namespace: string; steps: LabStepView[] };
  run: { id: number; startedAt: number; deadline?: number; timeUp: boolean; step: string; hintsShown: number };
  score: number;
  maxScore: number;
  checkpoints: LabCheckpointView[];
  clock: { canAdvance: boolean; maxSeconds: number; now: number };
  /** An operation in progress: starting, resetting, solving, fast-forwarding. */
  busy?: string;
  /** The last operation's error. */
  error?: string;
}

/** Host routes of the lab API (main/host/labs/). */
export const LAB_ROUTES = {
  catalogue: '/api/labs',
  current: '/api/labs/current',
  events: '/api/labs/events',
  start: '/api/labs/start',
  reset: '/api/labs/reset',
  resetToStep: '/api/labs/reset-to-step',
  solveTo: '/api/labs/solve-to',
  fastForward: '/api/labs/fast-forward',
  step: '/api/labs/step',
  hint: '/api/labs/hint',
  stop: '/api/labs/stop',
  record: '/api/labs/record',
} as const;
