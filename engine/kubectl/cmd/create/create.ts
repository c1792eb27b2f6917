// `kubectl create`: from files (-f/-k, still to be written) and the generator subcommands.
// Upstream: kubernetes/kubectl pkg/cmd/create/create.go (ValidateArgs, RunCreate).

import type { CommandSpec } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { createDocs } from '../docs/create';
import { notImplemented, placeholder } from '../not-implemented';
import { createDeploymentCommand } from './create-deployment';
import { createConfigMapCommand } from './create-configmap';
import { createSecretCommand } from './create-secret';

export const createCommand: CommandSpec = {
  ...createDocs,
  short: 'Create a resource from a file or from stdin',
  run: async (ctx) => {
    if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `Unexpected args: [${ctx.args.join(' ')}]`);
    if (ctx.flags.strings('filename').length === 0 && ctx.flags.string('kustomize') === '') {
      throw new KubectlError('must specify one of -f and -k');
    }
    return notImplemented(ctx);
  },
  subcommands: [
    placeholder('clusterrole', 'Create a cluster role'),
    placeholder('clusterrolebinding', 'Create a cluster role binding for a particular cluster role'),
    createConfigMapCommand,
    placeholder('cronjob', 'Create a cron job with the specified name'),
    createDeploymentCommand,
    placeholder('ingress', 'Create an ingress with the specified name'),
    placeholder('job', 'Create a job with the specified name'),
    placeholder('namespace', 'Create a namespace with the specified name'),
    placeholder('poddisruptionbudget', 'Create a pod disruption budget with the specified name'),
    placeholder('priorityclass', 'Create a priority class with the specified name'),
    placeholder('quota', 'Create a quota with the specified name'),
    placeholder('role', 'Create a role with single rule'),
    placeholder('rolebinding', 'Create a role binding for a particular role or cluster role'),
    createSecretCommand,
    placeholder('service', 'Create a service using a specified subcommand'),
    placeholder('serviceaccount', 'Create a service account with the specified name'),
    placeholder('token', 'Request a service account token'),
  ],
};
