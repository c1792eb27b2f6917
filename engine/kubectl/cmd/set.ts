// `kubectl set` and its subcommands: flags and help; the work is in set-run.ts
// (image/resources/env/serviceaccount), set-selector-run.ts and set-subject-run.ts.
import type { CommandSpec } from '../cli/command';
import { setDocs } from './docs/set';
import { setImageDocs } from './docs/set-image';
import { setResourcesDocs } from './docs/set-resources';
import { setEnvDocs } from './docs/set-env';
import { setServiceaccountDocs } from './docs/set-serviceaccount';
import { setSelectorDocs } from './docs/set-selector';
import { setSubjectDocs } from './docs/set-subject';
import { defaultSubCommandRun } from './config/config';

export const setCommand: CommandSpec = {
  ...setDocs,
  short: 'Set specific features on objects',
  run: defaultSubCommandRun,
  subcommands: [
    { ...setEnvDocs, short: 'Update environment variables on a pod template', run: async (ctx) => (await import('./set-run')).runSetEnv(ctx) },
    { ...setImageDocs, short: 'Update the image of a pod template', run: async (ctx) => (await import('./set-run')).runSetImage(ctx) },
    { ...setResourcesDocs, short: 'Update resource requests/limits on objects with pod templates', run: async (ctx) => (await import('./set-run')).runSetResources(ctx) },
    { ...setSelectorDocs, short: 'Set the selector on a resource', run: async (ctx) => (await import('./set-selector-run')).runSetSelector(ctx) },
    { ...setServiceaccountDocs, short: 'Update the service account of a resource', run: async (ctx) => (await import('./set-run')).runSetServiceAccount(ctx) },
    {
      ...setSubjectDocs,
      short: 'Update the user, group, or service account in a role binding or cluster role binding',
      run: async (ctx) => (await import('./set-subject-run')).runSetSubject(ctx),
    },
  ],
};
