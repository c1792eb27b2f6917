// `kubectl exec` and `kubectl attach`: resolve the pod and container, refuse completed pods,
// then stream over WebSocket v5 (remote-command.ts).
// Upstream: kubernetes/kubectl pkg/cmd/exec/exec.go (Complete, Validate, Run),
// pkg/cmd/attach/attach.go (Complete, Run).

import type { CommandContext, CommandSpec } from '../cli/command';
import { ExitError, KubectlError, UsageError } from '../errors';
import { attachablePod, containerFor, type PodTarget } from './attachable-pod';
import { setupTTY, streamRemote } from './remote-command';
import { execDocs } from './docs/exec';
import { attachDocs } from './docs/attach';

/**
 * exec -f: the first object of the manifest, as the file has it (kubectl does not re-read it);
 * a Pod is used as is, anything else through its selector.
 */
async function podFromFile(ctx: CommandContext, filenames: string[]): Promise<PodTarget> {
  const { ResourceBuilder } = await import('../resource/builder');
  const { builderOptions } = await import('./cmd-util');
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { filenames, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false })).build();
  if (res.errors.length) throw res.errors[0];
  if (res.infos.length > 1) throw new KubectlError('cannot exec into multiple objects at a time');
  const info = res.infos[0];
  if (!info) throw new KubectlError('no objects passed to exec');
  if (info.mapping.kind === 'Pod' && info.object) return { namespace: info.namespace, pod: info.object };
  return attachablePod(ctx, `${info.mapping.resource}.${info.mapping.group}/${info.name}`.replace('./', '/'), { namespace: info.namespace });
}

async function runExec(ctx: CommandContext): Promise<number> {
  const { args, flags, argsLenAtDash, io } = ctx;
  const filenames = flags.strings('filename');
  // Upstream: the first argument names the pod unless it comes after `--`.
  const resourceName = args.length > 0 && argsLenAtDash !== 0 ? args[0] : '';
  if (!resourceName && filenames.length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
  let command: string[] = [];
  if (argsLenAtDash > -1) command = args.slice(argsLenAtDash);
  else if (args.length > 1) throw new UsageError(ctx.command.path, 'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead');
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const quiet = flags.bool('quiet');
  const stdin = flags.bool('stdin');
  const { namespace, pod } = filenames.length ? await podFromFile(ctx, filenames) : await attachablePod(ctx, resourceName);
  const tty = setupTTY(io, stdin, flags.bool('tty'), quiet);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  // exec leaves an unknown -c to the server.
  const container = flags.string('container') ? { name: flags.string('container') } : containerFor(ctx, pod, '', quiet);
  const code = await streamRemote(ctx, { subresource: 'exec', namespace, pod: pod.metadata.name, container: container.name, command, stdin, tty });
  if (code !== 0) throw new ExitError(code);
  return 0;
}

async function runAttach(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  if (args.length === 0) throw new KubectlError('at least 1 argument is required for attach');
  if (args.length > 2) throw new KubectlError(`expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${args.length}: [${args.join(' ')}]`);
  const quiet = flags.bool('quiet');
  const stdin = flags.bool('stdin');
  const target = args.length === 2 ? `${args[0]}/${args[1]}` : args[0];
  const { namespace, pod } = await attachablePod(ctx, target);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot attach a container in a completed pod; current phase is ${phase}`);
  let container;
  try {
    container = containerFor(ctx, pod, flags.string('container'), quiet);
  } catch (e) {
    throw e instanceof KubectlError ? new KubectlError(`cannot attach to the container: ${e.message}`) : e;
  }
  // Upstream: a TTY follows the container's own `tty`, whatever -t asked for.
  let wantTTY = flags.bool('tty');
  if (wantTTY && !container.tty) {
    wantTTY = false;
    if (!quiet) io.stderr.write(`error: Unable to use a TTY - container ${container.name} did not allocate one\n`);
  } else if (!wantTTY && container.tty) wantTTY = true;
  const tty = setupTTY(io, stdin, wantTTY, quiet);
  // v1.32 prints this whether or not a TTY is attached (observed with plain `attach POD`).
  if (!quiet) io.stderr.write("If you don't see a command prompt, try pressing enter.\n");
  const code = await streamRemote(ctx, { subresource: 'attach', namespace, pod: pod.metadata.name, container: container.name, stdin, tty });
  if (code !== 0) throw new ExitError(code);
  return 0;
}

export const execCommand: CommandSpec = { ...execDocs, short: 'Execute a command in a container', run: runExec };
export const attachCommand: CommandSpec = { ...attachDocs, short: 'Attach to a running container', run: runAttach };
