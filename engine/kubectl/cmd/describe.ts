// `kubectl describe`: flags and help are kubectl's; describers are still to be written.
import type { CommandSpec } from '../cli/command';
import { describeDocs } from './docs/describe';
import { notImplemented } from './not-implemented';

export const describeCommand: CommandSpec = {
  ...describeDocs,
  short: 'Show details of a specific resource or group of resources',
  run: notImplemented,
};
