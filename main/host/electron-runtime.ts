// Finds the Electron runtime for `kubelab start`. Electron 45+ installs without its binary and
// downloads it on first launch; offline that download fails, and the app then runs in the browser.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pkg = join(root, 'node_modules', 'electron');
  let rel: string | undefined;
  try {
    rel = readFileSync(join(pkg, 'path.txt'), 'utf8').trim();
  } catch {
    rel = undefined;
  }
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(env.ELECTRON_OVERRIDE_DIST_PATH, rel || 'electron');
    return existsSync(p) ? p : undefined;
  }
  if (!rel) return undefined;
  const p = join(pkg, 'dist', rel);
  return existsSync(p) ? p : undefined;
}

/** The binary, downloading it first when it is missing; undefined when that is impossible. */
export function ensureElectron(root: string, timeoutMs = 120_000): string | undefined {
  const found = electronBinary(root);
  if (found) return found;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return undefined;
  // Quiet: offline this fails in a fraction of a second, and the caller says so in one line.
  spawnSync(process.execPath, [installer], { cwd: join(root, 'node_modules', 'electron'), stdio: 'ignore', timeout: timeoutMs });
  return electronBinary(root);
}
