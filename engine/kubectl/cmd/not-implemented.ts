// Commands that exist in kubectl's command tree (so help, suggestions and the
// "unknown command" check see them) but whose behaviour Kubelab does not have yet.

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError } from '../errors';

export async function notImplemented(ctx: CommandContext): Promise<number> {
  throw new KubectlError(`"${ctx.command.path}" is not available in Kubelab's kubectl yet`);
}

/** A placeholder command: listed in help with kubectl's short text, flags not parsed. */
export function placeholder(name: string, short: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return { use: name, short, disableFlagParsing: true, run: notImplemented, ...extra };
}
