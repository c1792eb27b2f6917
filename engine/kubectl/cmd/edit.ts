// `kubectl edit`: flags and help; the work is in edit-run.ts.
import type { CommandSpec } from '../cli/command';
import { editDocs } from './docs/edit';

export const editCommand: CommandSpec = {
  ...editDocs,
  short: 'Edit a resource on the server',
  run: async (ctx) => (await import('./edit-run')).runEdit(ctx),
};
