// The `kubelab` command: engine (and later shell, start, lab, grade).
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { runEngineCommand } from '../engine/cli/engine-command';
import { appDataDir } from '../engine/cli/app-data';
import { runShellCommand } from '../engine/cli/shell-command';
import { runLabCommand } from '../labs/runtime/lab-command';

const USAGE = `Usage: kubelab <command> [options]

Commands:
  engine [--data DIR] [--port N] [--kubeconfig FILE] [--topology NAME]
         Run the simulated cluster in the foreground.
  shell [--node NAME] [--kubeconfig FILE | --data DIR]
         Log in to a node of a running cluster ([root@master ~]#).
  lab list|show|start|check [options]
         Guided labs: the catalogue, a cluster prepared for one, its checkpoints.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'engine': {
      const { values } = parseArgs({
        args: rest,
        options: { data: { type: 'string' }, port: { type: 'string' }, kubeconfig: { type: 'string' }, topology: { type: 'string' } },
        strict: true,
      });
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        process.stderr.write(`kubelab: invalid --port "${values.port}"\n`);
        return 2;
      }
      return runEngineCommand({ data: values.data, port, kubeconfig: values.kubeconfig, topology: values.topology });
    }
    case 'start': {
      const { values } = parseArgs({
        args: rest,
        options: { browser: { type: 'boolean' }, port: { type: 'string' }, data: { type: 'string' }, 'no-open': { type: 'boolean' } },
        strict: true,
      });
      const port = values.port === undefined ? undefined : Number(values.port);
      if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
        process.stderr.write(`kubelab: invalid --port "${values.port}"\n`);
        return 2;
      }
      // Loaded only here: the host (pty, WebSocket) is not needed by the other commands.
      const { runStartCommand } = await import('../main/host/start-command');
      return runStartCommand({ browser: values.browser, port, data: values.data, open: !values['no-open'] });
    }
    case 'shell': {
      const { values } = parseArgs({ args: rest, options: { node: { type: 'string', default: 'master' }, kubeconfig: { type: 'string' }, data: { type: 'string' } }, strict: true });
      const kubeconfig = values.kubeconfig ?? join(values.data ?? appDataDir(), 'kubeconfig');
      return runShellCommand({ node: values.node!, kubeconfig });
    }
    case 'lab':
      return runLabCommand(rest);
    case undefined:
    case '-h':
    case '--help':
    case 'help':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`kubelab: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`kubelab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
