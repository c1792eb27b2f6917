// `kubectl rollout` and its subcommands: flags and help; the work is in rollout-run.ts.
import type { CommandSpec } from '../cli/command';
import { goQuote } from '../cli/flags';
import { renderHelp } from '../cli/help';
import { ExitError, UsageError } from '../errors';
import { rolloutDocs } from './docs/rollout';
import { rolloutHistoryDocs } from './docs/rollout-history';
import { rolloutPauseDocs } from './docs/rollout-pause';
import { rolloutRestartDocs } from './docs/rollout-restart';
import { rolloutResumeDocs } from './docs/rollout-resume';
import { rolloutStatusDocs } from './docs/rollout-status';
import { rolloutUndoDocs } from './docs/rollout-undo';

const impl = () => import('./rollout-run');

export const rolloutCommand: CommandSpec = {
  ...rolloutDocs,
  short: 'Manage the rollout of a resource',
  // cmdutil.DefaultSubCommandRun(streams.Out): help on stdout, exit 1.
  run: async (ctx) => {
    if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `unknown command ${goQuote(ctx.args[0])}`);
    ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
    throw new ExitError(1);
  },
  subcommands: [
    { ...rolloutHistoryDocs, short: 'View rollout history', run: async (ctx) => (await impl()).runRolloutHistory(ctx) },
    { ...rolloutPauseDocs, short: 'Mark the provided resource as paused', run: async (ctx) => (await impl()).runRolloutPause(ctx) },
    { ...rolloutRestartDocs, short: 'Restart a resource', run: async (ctx) => (await impl()).runRolloutRestart(ctx) },
    { ...rolloutResumeDocs, short: 'Resume a paused resource', run: async (ctx) => (await impl()).runRolloutResume(ctx) },
    { ...rolloutStatusDocs, short: 'Show the status of the rollout', run: async (ctx) => (await impl()).runRolloutStatus(ctx) },
    { ...rolloutUndoDocs, short: 'Undo a previous rollout', run: async (ctx) => (await impl()).runRolloutUndo(ctx) },
  ],
};
