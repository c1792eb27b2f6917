// The host as its own process, started by the Electron main process (main/host-process.ts) with
// ELECTRON_RUN_AS_NODE. It reports where it listens as one JSON line on stdout and stops when its
// parent goes away (stdin closes), so a crashed window never leaves a cluster running.
import { parseArgs } from 'node:util';
import { startHost } from './host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, port: { type: 'string' }, version: { type: 'string' }, 'bin-dir': { type: 'string' } },
    strict: true,
  });
  if (!values.data) throw new Error('--data is required');
  if (values['bin-dir']) process.env.KUBELAB_BIN_DIR = values['bin-dir'];
  const host = await startHost({ openDefaultSession: true, dataDir: values.data, port: values.port ? Number(values.port) : 0, version: values.version, log: (l) => process.stderr.write(`${l}\n`) });
  process.stdout.write(`${JSON.stringify({ type: 'ready', url: host.url, origin: host.origin, token: host.token })}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    host.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.stdin.on('end', stop);
  process.stdin.on('error', stop);
  process.stdin.resume();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((e) => {
  process.stderr.write(`kubelab host: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
