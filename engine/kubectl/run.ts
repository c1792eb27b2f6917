// The kubectl library entry point: run(argv, io) → exit code. It finds the command,
// parses flags, prints help, runs the command and renders any error exactly as kubectl
// does. It never exits the process and never touches process.*; everything is in io.
// Upstream: k8s.io/component-base/cli/run.go (Run: `Error: …` before logging is set up,
// klog "command failed" after), spf13/cobra command.go (ExecuteC/execute),
// kubernetes/kubectl pkg/util/templates/templater.go (FlagErrorFunc).

import { CliError, Command, findCommand, parseFlags, type CommandContext } from './cli/command';
import { goQuote } from './cli/flags';
import { renderHelp } from './cli/help';
import { AggregateError_, renderError, StatusError } from './errors';
import { Factory } from './factory';
import { homeDir, type KubectlIO } from './io';
import { klogf, klogStructured } from './klog';
import { toGoJson } from './printers/json-printer';
import { rootSpec } from './cmd/root';

export type { KubectlIO } from './io';

export async function run(argv: string[], io: KubectlIO): Promise<number> {
  const root = new Command(rootSpec(homeDir(io)));
  let command: Command;
  let rest: string[];
  try {
    ({ command, args: rest } = findCommand(root, argv));
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stderr.write(`Error: ${e.message}\n`);
    return 1;
  }

  if (command.spec.disableFlagParsing) {
    const parsed = parseFlags(command, []);
    return execute(io, command, { args: rest, argsLenAtDash: -1, flags: parsed.flags });
  }

  let parsed;
  try {
    parsed = parseFlags(command, rest);
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    io.stderr.write(`Error: ${e.message}\nSee '${command.path} --help' for usage.\n`);
    return 1;
  }
  for (const notice of parsed.notices) io.stderr.write(notice);
  if (parsed.help || !command.runnable) {
    io.stdout.write(renderHelp(command, io.terminal));
    return 0;
  }
  const argsError = command.spec.args?.(parsed.positional, command);
  if (argsError) {
    io.stderr.write(`Error: ${argsError}\n`);
    return 1;
  }
  // From here on kubectl's logging is initialised: cobra's own failures are logged by klog.
  const missing = (command.spec.requiredFlags ?? []).filter((f) => !parsed.flags.changed(f));
  if (missing.length > 0) {
    klogStructured(io, 'E', 'run.go:72', 'command failed', {
      err: `required flag(s) ${missing.map((m) => goQuote(m)).join(', ')} not set`,
    });
    return 1;
  }
  return execute(io, command, { args: parsed.positional, argsLenAtDash: parsed.argsLenAtDash, flags: parsed.flags });
}

async function execute(io: KubectlIO, command: Command, p: Pick<CommandContext, 'args' | 'argsLenAtDash' | 'flags'>): Promise<number> {
  const ctx: CommandContext = { io, command, ...p, factory: new Factory(io, p.flags) };
  try {
    return (await command.spec.run!(ctx)) ?? 0;
  } catch (e) {
    if (ctx.factory.verbosity() >= 4) {
      const flat = (x: unknown): unknown[] => (x instanceof AggregateError_ ? x.errors.flatMap(flat) : [x]);
      for (const one of flat(e)) if (one instanceof StatusError) logServerResponse(io, one);
    }
    const { text, exitCode } = renderError(e);
    io.stderr.write(text);
    return exitCode;
  }
}

// Upstream: cmdutil.StandardErrorMessage logs StatusError.DebugError() at -v=4 with Infof(f()),
// so the format's %s stays and the argument slice follows in brackets.
function logServerResponse(io: KubectlIO, e: StatusError): void {
  const st = e.status;
  const d = st.details;
  const typed = {
    kind: st.kind,
    apiVersion: st.apiVersion,
    metadata: {},
    status: st.status || undefined,
    message: st.message || undefined,
    reason: st.reason || undefined,
    details: d ? { name: d.name || undefined, group: d.group || undefined, kind: d.kind || undefined, uid: d.uid || undefined, causes: d.causes?.length ? d.causes.map((c) => ({ reason: c.reason || undefined, message: c.message || undefined, field: c.field || undefined })) : undefined, retryAfterSeconds: d.retryAfterSeconds || undefined } : undefined,
    code: st.code || undefined,
  };
  klogf(io, 'I', 'helpers.go:246', `server response object: %s[${toGoJson(typed, { indent: '  ' })}]`);
}
