// `kubectl version`. Upstream: kubernetes/kubectl pkg/cmd/version/version.go
// (Validate, Run: yaml/json of {clientVersion, kustomizeVersion, serverVersion}, skew warning).

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError } from '../errors';
import { toGoJson } from '../printers/json-printer';
import { toYaml } from '../printers/yaml-printer';
import { clientVersion, kustomizeVersion } from '../version-info';
import { versionDocs } from './docs/version';

interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  [k: string]: string;
}

async function runVersion(ctx: CommandContext): Promise<number> {
  const { io, flags, args } = ctx;
  if (args.length !== 0) throw new KubectlError(`extra arguments: [${args.join(' ')}]`);
  const output = flags.string('output');
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlError("--output must be 'yaml' or 'json'");
  const client: VersionInfo = { ...clientVersion, platform: io.platform ?? 'linux/amd64' };
  const result: Record<string, unknown> = { clientVersion: client, kustomizeVersion };
  let serverError: unknown;
  if (!flags.bool('client')) {
    try {
      const rest = await ctx.factory.client();
      result.serverVersion = await rest.json<VersionInfo>({ path: '/version' });
    } catch (e) {
      serverError = e;
    }
  }
  const server = result.serverVersion as VersionInfo | undefined;
  if (output === 'yaml') io.stdout.write(toYaml(result) + '\n');
  else if (output === 'json') io.stdout.write(toGoJson(result, { indent: '  ' }) + '\n');
  else {
    io.stdout.write(`Client Version: ${client.gitVersion}\nKustomize Version: ${kustomizeVersion}\n`);
    if (server) io.stdout.write(`Server Version: ${server.gitVersion}\n`);
  }
  if (server) warnSkew(ctx, client, server);
  if (serverError) throw serverError;
  return 0;
}

// Upstream: version.go printVersionSkewWarning (minor versions more than one apart).
function warnSkew(ctx: CommandContext, client: VersionInfo, server: VersionInfo): void {
  const parse = (v: string) => /^v(\d+)\.(\d+)/.exec(v);
  const c = parse(client.gitVersion);
  const s = parse(server.gitVersion);
  if (!c || !s || c[1] !== s[1]) return;
  if (Math.abs(Number(c[2]) - Number(s[2])) > 1) {
    ctx.io.stderr.write(
      `WARNING: version difference between client (${c[1]}.${c[2]}) and server (${s[1]}.${s[2]}) exceeds the supported minor version skew of +/-1\n`,
    );
  }
}

export const versionCommand: CommandSpec = { ...versionDocs, short: 'Print the client and server version information', run: runVersion };
