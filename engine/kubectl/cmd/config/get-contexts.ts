// `kubectl config get-contexts [NAME...]`. Upstream: kubernetes/kubectl pkg/cmd/config/get_contexts.go.

import type { CommandSpec } from '../../cli/command';
import { AggregateError_, KubectlError } from '../../errors';
import { kubectlTableOptions, TabWriter } from '../../printers/tabwriter';
import { configGetContextsDocs } from '../docs/config-get-contexts';

export const getContextsCommand: CommandSpec = {
  ...configGetContextsDocs,
  short: 'Describe one or many contexts',
  run: async (ctx) => {
    const output = ctx.flags.string('output');
    if (output !== '' && output !== 'name') {
      throw new KubectlError(`--output ${output} is not available in kubectl config get-contexts; resetting to default output format`);
    }
    const nameOnly = output === 'name';
    const cfg = await ctx.factory.rawConfig();
    const errors: Error[] = [];
    let names: string[];
    if (ctx.args.length === 0) names = [...cfg.contexts.keys()];
    else {
      names = ctx.args.filter((n) => cfg.contexts.has(n));
      for (const n of ctx.args) if (!cfg.contexts.has(n)) errors.push(new Error(`context ${n} not found`));
    }
    names.sort();
    const w = new TabWriter(kubectlTableOptions);
    if (!ctx.flags.bool('no-headers') && !nameOnly) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const n of names) {
      const b = cfg.contexts.get(n)!.body;
      if (nameOnly) w.write(`${n}\n`);
      else w.write(`${cfg.currentContext === n ? '*' : ''}\t${n}\t${b.cluster ?? ''}\t${b.user ?? ''}\t${b.namespace ?? ''}\n`);
    }
    ctx.io.stdout.write(w.flush());
    if (errors.length) throw new AggregateError_(errors);
    return 0;
  },
};
