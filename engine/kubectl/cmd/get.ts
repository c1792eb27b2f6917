// `kubectl get`: flags and help are kubectl's; listing is still to be written.
import type { CommandSpec } from '../cli/command';
import { getDocs } from './docs/get';
import { notImplemented } from './not-implemented';

export const getCommand: CommandSpec = { ...getDocs, short: 'Display one or many resources', run: notImplemented };
