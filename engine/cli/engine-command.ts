// `kubelab engine`: runs the simulated cluster in the foreground until SIGINT/SIGTERM.
import { Engine } from '../engine';
import { appDataDir } from './app-data';

export interface EngineCommandOptions {
  data?: string;
  port?: number;
  kubeconfig?: string;
  topology?: string;
}

export async function runEngineCommand(opts: EngineCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<number> {
  const engine = await Engine.start({
    dataDir: opts.data ?? appDataDir(),
    port: opts.port,
    kubeconfigPath: opts.kubeconfig,
    topology: opts.topology,
  });
  out.write(`kubelab engine ready: kubeconfig=${engine.kubeconfigPath} server=${engine.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await engine.stop();
  return 0;
}
