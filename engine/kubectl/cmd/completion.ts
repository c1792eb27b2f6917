// `kubectl completion SHELL`: print the shell's completion script (cobra's V2 generator output,
// kept as captured data), and the hidden `__complete` callback those scripts invoke: it completes
// subcommand names and flag names from our command tree, ending with cobra's directive line.
// Upstream: kubernetes/kubectl pkg/cmd/completion/completion.go (RunCompletion),
// spf13/cobra completions.go (getCompletions, ShellCompDirective), bash_completionsV2.go.

import type { Command, CommandContext, CommandSpec } from '../cli/command';
import { findCommand } from '../cli/command';
import { UsageError } from '../errors';
import { completionDocs } from './docs/completion';
import { completionScripts } from './docs/completion-scripts';

async function runCompletion(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  if (args.length === 0) throw new UsageError(ctx.command.path, 'Shell not specified.');
  if (args.length > 1) throw new UsageError(ctx.command.path, 'Too many arguments. Expected only the shell type.');
  const script = completionScripts[args[0]];
  if (!script) throw new UsageError(ctx.command.path, `Unsupported shell type ${JSON.stringify(args[0])}.`);
  io.stdout.write(script);
  return 0;
}

// cobra ShellCompDirective bits.
const directiveNoFileComp = 4;

// Upstream: cobra getCompletions — command names (or flags when the word starts with `-`).
async function runComplete(ctx: CommandContext): Promise<number> {
  const words = ctx.args;
  const toComplete = words.length ? words[words.length - 1] : '';
  const root = ctx.command.root;
  let cmd: Command = root;
  try {
    cmd = findCommand(root, words.slice(0, -1)).command;
  } catch {
    cmd = root;
  }
  const out: string[] = [];
  if (toComplete.startsWith('-')) {
    for (const f of cmd.allFlagSpecs()) {
      if (f.hidden) continue;
      if (`--${f.name}`.startsWith(toComplete)) out.push(`--${f.name}\t${f.usage ?? ''}`);
      if (f.shorthand && `-${f.shorthand}`.startsWith(toComplete) && toComplete.length <= 2) out.push(`-${f.shorthand}\t${f.usage ?? ''}`);
    }
  } else {
    for (const c of cmd.availableChildren()) if (c.name.startsWith(toComplete)) out.push(`${c.name}\t${c.spec.short ?? ''}`);
  }
  ctx.io.stdout.write(out.map((l) => l + '\n').join('') + `:${directiveNoFileComp}\n`);
  ctx.io.stderr.write(`Completion ended with directive: ShellCompDirectiveNoFileComp\n`);
  return 0;
}

export const completionCommand: CommandSpec = { ...completionDocs, short: 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)', run: runCompletion };
export const completeCommand: CommandSpec = { use: '__complete', hidden: true, disableFlagParsing: true, short: 'Request shell completion choices for the specified command-line', run: runComplete };
