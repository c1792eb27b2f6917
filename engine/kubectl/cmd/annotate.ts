// `kubectl annotate`: flags and help; the work (shared with label) is in label-run.ts.
import type { CommandSpec } from '../cli/command';
import { annotateDocs } from './docs/annotate';

export const annotateCommand: CommandSpec = {
  ...annotateDocs,
  short: 'Update the annotations on a resource',
  run: async (ctx) => (await import('./label-run')).runLabelOrAnnotate(ctx, 'annotate'),
};
