// Where the host finds what it runs and serves. In development and in `kubelab start` the code
// runs from dist/*.js (or from source under tsx); in the packaged app from app.asar, with bin/
// as an extra resource. Every path can be overridden (tests, packaging).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPaths {
  root: string;
  /** dist/kubelab.js: `kubelab engine` and `kubelab shell` run from it. */
  kubelabEntry: string;
  rendererDir: string;
  binDir: string;
}

/** The folder holding package.json, found by walking up from this file (or its bundle). */
export function findAppRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist'))) return dir;
    if (dirname(dir) === dir) return join(from, '..');
  }
}

export function appPaths(env: NodeJS.ProcessEnv = process.env): AppPaths {
  const root = env.KUBELAB_APP_ROOT ?? findAppRoot();
  return {
    root,
    kubelabEntry: env.KUBELAB_ENTRY ?? join(root, 'dist', 'kubelab.js'),
    rendererDir: env.KUBELAB_RENDERER_DIR ?? join(root, 'dist', 'renderer'),
    binDir: env.KUBELAB_BIN_DIR ?? join(root, 'bin'),
  };
}

/** argv prefixes for the engine and the node shell (KUBELAB_SHELL_COMMAND overrides the shell: JSON array). */
export function childCommands(paths: AppPaths, env: NodeJS.ProcessEnv = process.env): { engine: string[]; shell: string[] } {
  const node = process.execPath;
  let shell = [node, paths.kubelabEntry, 'shell'];
  if (env.KUBELAB_SHELL_COMMAND) {
    const parsed: unknown = JSON.parse(env.KUBELAB_SHELL_COMMAND);
    if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every((a) => typeof a === 'string')) throw new Error('KUBELAB_SHELL_COMMAND must be a JSON array of strings');
    shell = parsed;
  }
  return { engine: [node, paths.kubelabEntry, 'engine'], shell };
}
