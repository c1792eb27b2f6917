// The `kubelab` command: engine (and later shell, start, lab, grade).
import { parseArgs } from 'node:util';
import { runEngineCommand } from '../engine/cli/engine-command';

const USAGE = `Usage: kubelab <command> [options]

Commands:
  engine [--data DIR] [--port N] [--kubeconfig FILE] [--topology NAME]
         Run the simulated cluster in the foreground.
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
