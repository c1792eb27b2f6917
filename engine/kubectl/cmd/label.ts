// `kubectl label`: flags and help; the work (shared with annotate) is in label-run.ts.
import type { CommandSpec } from '../cli/command';
import { labelDocs } from './docs/label';

export const labelCommand: CommandSpec = {
  ...labelDocs,
  short: 'Update the labels on a resource',
  run: async (ctx) => (await import('./label-run')).runLabelOrAnnotate(ctx, 'label'),
};
