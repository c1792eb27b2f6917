// `kubectl autoscale|wait|replace`: flags and help; the work is in misc-run.ts.
import type { CommandSpec } from '../cli/command';
import { autoscaleDocs } from './docs/autoscale';
import { waitDocs } from './docs/wait';
import { replaceDocs } from './docs/replace';

const impl = () => import('./misc-run');

export const autoscaleCommand: CommandSpec = {
  ...autoscaleDocs,
  short: 'Auto-scale a deployment, replica set, stateful set, or replication controller',
  requiredFlags: ['max'],
  run: async (ctx) => (await impl()).runAutoscale(ctx),
};
export const waitCommand: CommandSpec = {
  ...waitDocs,
  short: 'Experimental: Wait for a specific condition on one or many resources',
  run: async (ctx) => (await impl()).runWait(ctx),
};
export const replaceCommand: CommandSpec = {
  ...replaceDocs,
  short: 'Replace a resource by file name or stdin',
  run: async (ctx) => (await impl()).runReplace(ctx),
};
