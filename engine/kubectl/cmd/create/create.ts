// `kubectl create`: from files (-f, create-from-files.ts) and the generator subcommands.
// Upstream: kubernetes/kubectl pkg/cmd/create/create.go (ValidateArgs, RunCreate).

import type { CommandSpec } from '../../cli/command';
import { KubectlError, UsageError } from '../../errors';
import { createDocs } from '../docs/create';
import { createDeploymentCommand } from './create-deployment';
import { createConfigMapCommand } from './create-configmap';
import { createSecretCommand } from './create-secret';
import {
  createClusterRoleBindingCommand,
  createClusterRoleCommand,
  createCronJobCommand,
  createIngressCommand,
  createJobCommand,
  createNamespaceCommand,
  createPdbCommand,
  createPriorityClassCommand,
  createQuotaCommand,
  createRoleBindingCommand,
  createRoleCommand,
  createServiceAccountCommand,
  createServiceCommand,
  createTokenCommand,
} from './create-generators';

export const createCommand: CommandSpec = {
  ...createDocs,
  short: 'Create a resource from a file or from stdin',
  run: async (ctx) => {
    if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `Unexpected args: [${ctx.args.join(' ')}]`);
    if (ctx.flags.strings('filename').length === 0 && ctx.flags.string('kustomize') === '') {
      throw new KubectlError('must specify one of -f and -k');
    }
    return (await import('./create-from-files')).runCreateFromFiles(ctx);
  },
  subcommands: [
    createClusterRoleCommand,
    createClusterRoleBindingCommand,
    createConfigMapCommand,
    createCronJobCommand,
    createDeploymentCommand,
    createIngressCommand,
    createJobCommand,
    createNamespaceCommand,
    createPdbCommand,
    createPriorityClassCommand,
    createQuotaCommand,
    createRoleCommand,
    createRoleBindingCommand,
    createSecretCommand,
    createServiceCommand,
    createServiceAccountCommand,
    createTokenCommand,
  ],
};
