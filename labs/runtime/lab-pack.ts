// The shape of a lab pack (labs/<id>/lab.yaml) once loaded and validated. A pack is data only:
// texts, setup, steps and checkpoints whose conditions are CEL expressions (README.md).
import type { KubeObject } from '../../engine/api/object';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in both languages the app speaks. */
export type Localized = Record<Language, string>;

export interface SetupFile {
  /** Relative to /root on the master node (or absolute). */
  path: string;
  content: string;
  mode?: number;
}

export interface LabSetup {
  /** The namespace the lab works in (created by setup when it does not exist). */
  namespace: string;
  objects: KubeObject[];
  files: SetupFile[];
}

export interface LabStep {
  id: string;
  title: Localized;
  /** Markdown; fenced blocks marked `console` or `sh` are commands the panel can paste. */
  text: Localized;
  /** Progressive hints, revealed one at a time. */
  hints: Localized[];
  /** The commands a student would type for this step, in order (solve-to-here replays them). */
  solution: string[];
}

export interface ConditionalHint {
  /** CEL: the hint shows while this is true and the checkpoint has not passed. */
  when: string;
  text: Localized;
}

export interface Checkpoint {
  id: string;
  step: string;
  points: number;
  title: Localized;
  /** CEL over the recorded cluster (README.md, "The CEL environment"); true = passed. */
  expr: string;
  message: Localized;
  requires: string[];
  hints: ConditionalHint[];
}

export interface WatchedKind {
  apiVersion: string;
  kind: string;
}

export interface LabPack {
  id: string;
  version: number;
  title: Localized;
  summary: Localized;
  topology: 'course' | 'k8s-master';
  /** Minutes; absent when the lab is untimed. */
  timeLimitMinutes?: number;
  /** Whether the panel offers the clock fast-forward, and by how much at most per click. */
  fastForward?: { maxSeconds: number };
  setup: LabSetup;
  steps: LabStep[];
  checkpoints: Checkpoint[];
  /** Kinds recorded beyond the default set (history-recorder.ts DEFAULT_KINDS). */
  watch: WatchedKind[];
  /** The folder it was loaded from. */
  dir: string;
}

/** What the catalogue shows for a pack that failed to load. */
export interface BrokenLab {
  id: string;
  dir: string;
  error: string;
}
