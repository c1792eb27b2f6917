// `kubectl api-resources` and `kubectl api-versions`: what discovery says the server serves.
// Upstream: kubernetes/kubectl pkg/cmd/apiresources/apiresources.go (Validate, RunAPIResources,
// sortableResource), apiversions.go (RunAPIVersions); client-go discovery ServerPreferredResources.

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError, UsageError } from '../errors';
import type { ApiResource } from '../client/discovery';
import { kubectlTableOptions, TabWriter } from '../printers/tabwriter';
import { apiResourcesDocs } from './docs/api-resources';
import { apiVersionsDocs } from './docs/api-versions';

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** ServerPreferredResources: per group, each resource from the first version that serves it. */
async function preferredResources(ctx: CommandContext): Promise<ApiResource[]> {
  const d = await (await ctx.factory.discovery()).get();
  const out: ApiResource[] = [];
  for (const g of d.groups) {
    const seen = new Set<string>();
    for (const v of g.versions) {
      for (const r of d.resources) {
        if (r.group !== g.name || r.version !== v || r.resource.includes('/') || seen.has(r.resource)) continue;
        seen.add(r.resource);
        out.push(r);
      }
    }
  }
  return out;
}

async function runApiResources(ctx: CommandContext): Promise<number> {
  const { flags, args, io } = ctx;
  if (args.length > 0) throw new UsageError(ctx.command.path, `unexpected arguments: [${args.join(' ')}]`);
  const output = flags.string('output');
  if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlError(`--output ${output} is not available`);
  const sortBy = flags.string('sort-by');
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlError('--sort-by accepts only name or kind');

  let resources = await preferredResources(ctx);
  const group = flags.string('api-group');
  if (flags.changed('api-group')) resources = resources.filter((r) => r.group === group);
  if (flags.changed('namespaced')) resources = resources.filter((r) => r.namespaced === flags.bool('namespaced'));
  const verbs = flags.strings('verbs');
  if (verbs.length) resources = resources.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const categories = flags.strings('categories');
  if (categories.length) resources = resources.filter((r) => categories.every((c) => r.categories.includes(c)));

  // Upstream: sortableResource — by group (default), name or kind, ties by name; stable.
  const key = (r: ApiResource) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  resources = resources
    .map((r, i) => ({ r, i }))
    .sort((a, b) => byString(key(a.r), key(b.r)) || byString(a.r.resource, b.r.resource) || a.i - b.i)
    .map((x) => x.r);

  if (output === 'name') {
    for (const r of resources) io.stdout.write(r.group ? `${r.resource}.${r.group}\n` : `${r.resource}\n`);
    return 0;
  }
  const tw = new TabWriter(kubectlTableOptions);
  const wide = output === 'wide';
  if (!flags.bool('no-headers')) tw.write(wide ? 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\tVERBS\tCATEGORIES\n' : 'NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n');
  for (const r of resources) {
    const gv = r.group ? `${r.group}/${r.version}` : r.version;
    let line = `${r.resource}\t${r.shortNames.join(',')}\t${gv}\t${r.namespaced}\t${r.kind}`;
    if (wide) line += `\t${[...new Set(r.verbs)].sort(byString).join(',')}\t${r.categories.join(',')}`;
    tw.write(line + '\n');
  }
  io.stdout.write(tw.flush());
  return 0;
}

async function runApiVersions(ctx: CommandContext): Promise<number> {
  if (ctx.args.length > 0) throw new UsageError(ctx.command.path, `unexpected arguments: [${ctx.args.join(' ')}]`);
  const d = await (await ctx.factory.discovery()).get();
  const versions = d.groups.flatMap((g) => g.versions.map((v) => (g.name ? `${g.name}/${v}` : v)));
  ctx.io.stdout.write(versions.sort(byString).map((v) => v + '\n').join(''));
  return 0;
}

export const apiResourcesCommand: CommandSpec = { ...apiResourcesDocs, short: 'Print the supported API resources on the server', run: runApiResources };
export const apiVersionsCommand: CommandSpec = {
  ...apiVersionsDocs,
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  run: runApiVersions,
};
