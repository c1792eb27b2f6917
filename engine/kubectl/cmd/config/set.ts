// `kubectl config set PROPERTY_NAME PROPERTY_VALUE`. Upstream: kubernetes/kubectl pkg/cmd/config/set.go
// (paths are written back without relativizing, ModifyConfig(..., false)).

import type { CommandSpec } from '../../cli/command';
import { goQuote } from '../../cli/flags';
import { KubectlError } from '../../errors';
import { modifyConfig } from '../../kubeconfig';
import { configSetDocs } from '../docs/config-set';
import { goStrings, helpError, startingConfig } from './helpers';
import { applyProperty, navigationSteps } from './property-path';

export const setCommand: CommandSpec = {
  ...configSetDocs,
  short: 'Set an individual value in a kubeconfig file',
  run: async (ctx) => {
    if (ctx.args.length !== 2) helpError(ctx, `Unexpected args: ${goStrings(ctx.args)}`);
    const [property, value] = ctx.args;
    if (!value) throw new KubectlError('you cannot use set to unset a property');
    if (!property) throw new KubectlError('you must specify a property');
    const { starting, next } = await startingConfig(ctx);
    const steps = navigationSteps(property);
    // A tristate flag: only an explicit --set-raw-bytes counts.
    const rawBytes = ctx.flags.changed('set-raw-bytes') && ctx.flags.bool('set-raw-bytes');
    applyProperty(next, steps, value, false, rawBytes);
    await modifyConfig(ctx.io, ctx.factory.loadOptions(), starting, next, false);
    ctx.io.stdout.write(`Property ${goQuote(property)} set.\n`);
    return 0;
  },
};
