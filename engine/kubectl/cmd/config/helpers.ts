// What the kubeconfig-editing subcommands share. Upstream: kubernetes/kubectl pkg/cmd/config
// (helpErrorf in config.go; configAccess.GetDefaultFilename / GetExplicitFile).

import type { CommandContext } from '../../cli/command';
import { renderHelp } from '../../cli/help';
import { KubectlError } from '../../errors';
import { cloneKubeconfig, defaultFilename, type Kubeconfig } from '../../kubeconfig';

/** helpErrorf: the command's help on stdout, then the error. */
export function helpError(ctx: CommandContext, message: string): never {
  ctx.io.stdout.write(renderHelp(ctx.command, ctx.io.terminal));
  throw new KubectlError(message);
}

/** Go's `%v` of a []string: `[a b]`. */
export function goStrings(items: string[]): string {
  return `[${items.join(' ')}]`;
}

/** The file named in messages: the --kubeconfig file, else the default file of the chain. */
export async function configFileName(ctx: CommandContext): Promise<string> {
  const opts = ctx.factory.loadOptions();
  return opts.explicitPath ?? (await defaultFilename(ctx.io, opts));
}

/** GetStartingConfig, plus a copy for the command to edit (both go to modifyConfig). */
export async function startingConfig(ctx: CommandContext): Promise<{ starting: Kubeconfig; next: Kubeconfig }> {
  const starting = await ctx.factory.rawConfig();
  return { starting, next: cloneKubeconfig(starting) };
}
