// `kubectl events`: flags and help; the work is in events-run.ts.
import type { CommandSpec } from '../cli/command';
import { eventsDocs } from './docs/events';

export const eventsCommand: CommandSpec = {
  ...eventsDocs,
  short: 'List events',
  run: async (ctx) => (await import('./events-run')).runEvents(ctx),
};
