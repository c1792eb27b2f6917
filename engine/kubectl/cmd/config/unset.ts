// `kubectl config unset PROPERTY_NAME`: zeroes a field or drops a map entry (a missing entry is
// not an error). Upstream: kubernetes/kubectl pkg/cmd/config/unset.go.

import type { CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configUnsetDocs } from '../docs/config-unset';
import { goStrings, helpError, startingConfig } from './helpers';
import { applyProperty, navigationSteps } from './property-path';

export const unsetCommand: CommandSpec = {
  ...configUnsetDocs,
  short: 'Unset an individual value in a kubeconfig file',
  run: async (ctx) => {
    if (ctx.args.length !== 1) helpError(ctx, `Unexpected args: ${goStrings(ctx.args)}`);
    const property = ctx.args[0];
    if (!property) throw new KubectlError('you must specify a property');
    const { starting, next } = await startingConfig(ctx);
    applyProperty(next, navigationSteps(property), '', true, true);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, false);
    ctx.io.stdout.write(`Property ${goQuote(property)} unset.\n`);
    return 0;
  },
};
