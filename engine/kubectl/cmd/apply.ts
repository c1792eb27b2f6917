// `kubectl apply` and its last-applied subcommands: flags and help here, the work in
// apply-run.ts (loaded only when apply runs).
import type { CommandSpec } from '../cli/command';
import { applyDocs } from './docs/apply';
import { placeholder } from './not-implemented';
import { applySetLastAppliedDocs } from './docs/apply-set-last-applied';
import { applyViewLastAppliedDocs } from './docs/apply-view-last-applied';

export const applyCommand: CommandSpec = {
  ...applyDocs,
  short: 'Apply a configuration to a resource by file name or stdin',
  run: async (ctx) => (await import('./apply-run')).runApply(ctx),
  subcommands: [
    placeholder('edit-last-applied', 'Edit latest last-applied-configuration annotations of a resource/object'),
    {
      ...applySetLastAppliedDocs,
      short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
      run: async (ctx) => (await import('./apply-last-applied')).runSetLastApplied(ctx),
    },
    {
      ...applyViewLastAppliedDocs,
      short: 'View the latest last-applied-configuration annotations of a resource/object',
      run: async (ctx) => (await import('./apply-last-applied')).runViewLastApplied(ctx),
    },
  ],
};
