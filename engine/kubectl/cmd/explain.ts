// `kubectl explain`: resolve RESOURCE[.field...] with the REST mapper (the longest prefix that
// names a resource), fetch the group-version's OpenAPI v3 document and render kubectl's
// plaintext template. `-o plaintext-openapiv2` (and servers without /openapi/v3) take the v2 path,
// which the Kubelab engine does not serve: kubectl then reports the kind as not found.
// Upstream: kubernetes/kubectl pkg/cmd/explain/explain.go (Complete, Validate, Run),
// pkg/explain/explain.go (SplitAndParseResourceRequestWithMatchingPrefix), pkg/explain/v2/explain.go.

import type { CommandContext, CommandSpec } from '../cli/command';
import { ExitError, KubectlError, UsageError } from '../errors';
import type { RestMapping } from '../client/rest-mapper';
import { ExplainError, gvrString, renderExplain, type Gvr } from '../explain/plaintext';
import { explainDocs } from './docs/explain';

function mapPrefix(mapper: { mappingFor(arg: string): RestMapping }, input: string): { mapping: RestMapping; fields: string[] } | undefined {
  const parts = input.split('.');
  // Observed in v1.32: `deployments.v1.apps` resolves `deployments.v1` (fields: apps), so a
  // resource.version.group prefix is not taken whole, while resource.version names the resource.
  for (let i = parts.length; i >= 1; i--) {
    try {
      if (i === 3) continue;
      if (i === 2 && /^v\d+(?:(?:alpha|beta)\d+)?$/.test(parts[1])) return { mapping: mapper.mappingFor(parts[0]), fields: parts.slice(2) };
      return { mapping: mapper.mappingFor(parts.slice(0, i).join('.')), fields: parts.slice(i) };
    } catch {
      /* try a shorter prefix */
    }
  }
  return undefined;
}

// Upstream: schema.ParseGroupVersion.
function parseGroupVersion(gv: string): { group: string; version: string } {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  throw new KubectlError(`unexpected GroupVersion string: ${gv}`);
}

async function runExplain(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  if (args.length === 0) throw new KubectlError('You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
  if (args.length > 1) throw new KubectlError('We accept only this format: explain RESOURCE\n');
  const output = flags.string('output');
  if (output !== 'plaintext' && output !== 'plaintext-openapiv2') throw new KubectlError(`unrecognized format: ${output}`);
  const apiVersion = flags.string('api-version');
  const recursive = flags.bool('recursive');

  let found = mapPrefix(await ctx.factory.mapper(), args[0]);
  if (!found) {
    // Maybe only the cached discovery lacks it.
    const fresh = await ctx.factory.freshMapper();
    if (fresh) found = mapPrefix(fresh, args[0]);
  }
  if (!found) {
    // checkErr prints a NoResourceMatchError without the `error: ` prefix.
    io.stderr.write(`the server doesn't have a resource type ${JSON.stringify(args[0].split('.')[0])}\n`);
    throw new ExitError(1);
  }
  const { mapping, fields } = found;
  const gvr: Gvr = { group: mapping.group, version: mapping.version, resource: mapping.resource };
  const client = await ctx.factory.client();

  const v2Error = () => new KubectlError(`couldn't find resource for "${mapping.group ? `${mapping.group}/${mapping.version}` : `/${mapping.version}`}, Kind=${mapping.kind}"`);
  if (output === 'plaintext-openapiv2') throw v2Error();
  let paths: Record<string, { serverRelativeURL?: string }>;
  try {
    paths = (await client.json<{ paths?: Record<string, { serverRelativeURL?: string }> }>({ path: '/openapi/v3' })).paths ?? {};
  } catch {
    throw v2Error();
  }
  if (apiVersion) Object.assign(gvr, parseGroupVersion(apiVersion));
  const key = gvr.group ? `apis/${gvr.group}/${gvr.version}` : `api/${gvr.version}`;
  const entry = paths[key];
  if (!entry) throw new KubectlError(`couldn't find resource for "${gvrString(gvr)}"`);
  const url = entry.serverRelativeURL ?? `/openapi/v3/${key}`;
  const [path, query] = url.split('?');
  const doc = await client.json<Record<string, unknown>>({ path, query: Object.fromEntries(new URLSearchParams(query ?? '')) });
  try {
    renderExplain(doc, gvr, mapping.kind, fields, recursive, (s) => io.stdout.write(s));
  } catch (e) {
    if (e instanceof ExplainError) throw new KubectlError(e.message);
    throw e;
  }
  return 0;
}

export const explainCommand: CommandSpec = {
  ...explainDocs,
  short: 'Get documentation for a resource',
  run: runExplain,
};
void UsageError;
