// `kubectl delete`: flags and help here, the work in delete-run.ts (loaded when it runs).
import type { CommandSpec } from '../cli/command';
import { deleteDocs } from './docs/delete';

export const deleteCommand: CommandSpec = {
  ...deleteDocs,
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  run: async (ctx) => (await import('./delete-run')).runDelete(ctx),
};
