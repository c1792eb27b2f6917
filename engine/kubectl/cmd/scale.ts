// `kubectl scale`: flags and help; the work is in scale-run.ts.
import type { CommandSpec } from '../cli/command';
import { scaleDocs } from './docs/scale';

export const scaleCommand: CommandSpec = {
  ...scaleDocs,
  short: 'Set a new size for a deployment, replica set, or replication controller',
  requiredFlags: ['replicas'],
  run: async (ctx) => (await import('./scale-run')).runScale(ctx),
};
