// `kubectl get`: the command's flags and help; the work is loaded only when it runs
// (get-run.ts), so other verbs do not pay for it at start-up.
import type { CommandSpec } from '../cli/command';
import { getDocs } from './docs/get';

export const getCommand: CommandSpec = {
  ...getDocs,
  short: 'Display one or many resources',
  suggestFor: ['list', 'ps'],
  run: async (ctx) => (await import('./get-run')).runGet(ctx),
};
