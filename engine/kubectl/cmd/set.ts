// `kubectl set` and its image/resources/env subcommands: flags and help; the work is in
// set-run.ts. The other subcommands are listed for help and suggestions only.
import type { CommandSpec } from '../cli/command';
import { setDocs } from './docs/set';
import { setImageDocs } from './docs/set-image';
import { setResourcesDocs } from './docs/set-resources';
import { setEnvDocs } from './docs/set-env';
import { setServiceaccountDocs } from './docs/set-serviceaccount';
import { placeholder } from './not-implemented';
import { defaultSubCommandRun } from './config/config';

export const setCommand: CommandSpec = {
  ...setDocs,
  short: 'Set specific features on objects',
  run: defaultSubCommandRun,
  subcommands: [
    { ...setEnvDocs, short: 'Update environment variables on a pod template', run: async (ctx) => (await import('./set-run')).runSetEnv(ctx) },
    { ...setImageDocs, short: 'Update the image of a pod template', run: async (ctx) => (await import('./set-run')).runSetImage(ctx) },
    { ...setResourcesDocs, short: 'Update resource requests/limits on objects with pod templates', run: async (ctx) => (await import('./set-run')).runSetResources(ctx) },
    placeholder('selector', 'Set the selector on a resource'),
    { ...setServiceaccountDocs, short: 'Update the service account of a resource', run: async (ctx) => (await import('./set-run')).runSetServiceAccount(ctx) },
    placeholder('subject', 'Update the user, group, or service account in a role binding or cluster role binding'),
  ],
};
