// `kubelab start [--browser] [--port N] [--data DIR] [--no-open]`: the desktop app. With the
// Electron runtime it opens the window; without it (offline machines cannot download it), or
// with --browser, it runs the host here and serves the same UI to the default browser.
import { spawn } from 'node:child_process';
import { appDataDir } from '../../engine/cli/app-data';
import { appPaths } from './app-paths';
import { ensureElectron } from './electron-runtime';
import { startHost } from './host';
import { openBrowser } from './open-browser';

export interface StartCommandOptions {
  browser?: boolean;
  port?: number;
  data?: string;
  open?: boolean;
  version?: string;
}

/** The line tests and scripts read to find the app. */
export const READY_PREFIX = 'kubelab app ready: url=';

export async function runStartCommand(opts: StartCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const dataDir = opts.data ?? appDataDir();
  if (!opts.browser) {
    const paths = appPaths();
    const electron = ensureElectron(paths.root);
    if (electron) return runElectron(electron, paths.root, dataDir, opts.port);
    out.write('kubelab: the Electron runtime is missing and cannot be downloaded (offline?), so Kubelab opens in your browser instead\n');
  }
  const host = await startHost({ openDefaultSession: true, dataDir, port: opts.port, version: opts.version, log: (l) => process.stderr.write(`${l}\n`) });
  out.write(`${READY_PREFIX}${host.url}\n`);
  if (opts.open !== false) openBrowser(host.url);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await host.close();
  return 0;
}

function runElectron(binary: string, root: string, dataDir: string, port: number | undefined): Promise<number> {
  const args = [root, `--kubelab-data=${dataDir}`, ...(port ? [`--kubelab-port=${port}`] : [])];
  const child = spawn(binary, args, { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
  const forward = (sig: NodeJS.Signals) => child.kill(sig);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.on('error', () => resolve(1));
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}
