// Shared shapes of the kubectl golden corpus (cases.json → goldens.json).

export interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Files (relative to the case directory) whose content after the run is recorded. */
  checkFiles?: string[];
}

export interface Golden {
  name: string;
  stdout: string;
  stderr: string;
  code: number;
  files?: Record<string, string | null>;
}

/** Fixture files copied into each case's working directory. */
export const fixtureFiles = ['kubeconfig.yaml', 'kubeconfig-password.yaml'];

/** HOME during capture and replay (it shows in `kubectl options`). */
export const goldenHome = '/tmp/kubelab-kubectl-golden-home';

/** klog headers carry time and pid: `W1122 02:08:11.424987   14907 helpers.go:702] `. */
export function normalizeKlog(s: string): string {
  return s.replace(/^([IWEF])\d{4} \d{2}:\d{2}:\d{2}\.\d{6} +\d+ ([^\]]+)\] /gm, '$1MMDD hh:mm:ss.uuuuuu PID $2] ');
}
