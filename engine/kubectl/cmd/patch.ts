// `kubectl patch`: flags and help; the work is in patch-run.ts.
import type { CommandSpec } from '../cli/command';
import { patchDocs } from './docs/patch';

export const patchCommand: CommandSpec = {
  ...patchDocs,
  short: 'Update fields of a resource',
  run: async (ctx) => (await import('./patch-run')).runPatch(ctx),
};
