// `kubectl apply` and its last-applied subcommands: flags and help here, the work in
// apply-run.ts, apply-last-applied.ts and apply-edit-last-applied-run.ts (loaded only when they run).
import type { CommandSpec } from '../cli/command';
import { applyDocs } from './docs/apply';
import { applyEditLastAppliedDocs } from './docs/apply-edit-last-applied';
import { applySetLastAppliedDocs } from './docs/apply-set-last-applied';
import { applyViewLastAppliedDocs } from './docs/apply-view-last-applied';

export const applyCommand: CommandSpec = {
  ...applyDocs,
  short: 'Apply a configuration to a resource by file name or stdin',
  run: async (ctx) => (await import('./apply-run')).runApply(ctx),
  subcommands: [
    {
      ...applyEditLastAppliedDocs,
      short: 'Edit latest last-applied-configuration annotations of a resource/object',
      run: async (ctx) => (await import('./apply-edit-last-applied-run')).runApplyEditLastApplied(ctx),
    },
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
