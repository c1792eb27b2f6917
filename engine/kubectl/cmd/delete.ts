// `kubectl delete`: flags and help are kubectl's; deleting is still to be written.
import type { CommandSpec } from '../cli/command';
import { deleteDocs } from './docs/delete';
import { notImplemented } from './not-implemented';

export const deleteCommand: CommandSpec = {
  ...deleteDocs,
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  run: notImplemented,
};
