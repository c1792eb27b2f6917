// `kubectl run` and `kubectl expose`: flags and help; the work is in run-run.ts / expose-run.ts.
import type { CommandSpec } from '../cli/command';
import { runDocs } from './docs/run';
import { exposeDocs } from './docs/expose';

export const runCommand: CommandSpec = {
  ...runDocs,
  short: 'Run a particular image on the cluster',
  requiredFlags: ['image'],
  run: async (ctx) => (await import('./run-run')).runRun(ctx),
};

export const exposeCommand: CommandSpec = {
  ...exposeDocs,
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  run: async (ctx) => (await import('./expose-run')).runExpose(ctx),
};
