// `kubectl logs`: the pod's /log subresource, streamed to stdout (`-f` keeps reading until the
// server closes or Ctrl-C), for one container, all containers, or the pods of a selector.
// Upstream: kubernetes/kubectl pkg/cmd/logs/logs.go (Complete, Validate, RunLogs, parallelConsumeRequest),
// pkg/polymorphichelpers/logsforobject.go.

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError, UsageError } from '../errors';
import type { Obj } from '../describe/format';
import { attachablePod, containerFor } from './attachable-pod';
import { logsDocs } from './docs/logs';

const usage = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

async function streamLog(ctx: CommandContext, namespace: string, pod: string, container: string, prefix: string): Promise<void> {
  const { flags, io } = ctx;
  const query: Record<string, string | undefined> = { container };
  if (flags.bool('follow')) query.follow = 'true';
  if (flags.bool('previous')) query.previous = 'true';
  if (flags.bool('timestamps')) query.timestamps = 'true';
  // Upstream: with a selector and no --tail, the last 10 lines of each pod.
  let tail = flags.number('tail');
  if (flags.string('selector') && !flags.changed('tail')) tail = 10;
  if (tail >= 0) query.tailLines = String(tail);
  if (flags.changed('limit-bytes')) query.limitBytes = flags.string('limit-bytes');
  if (flags.changed('since')) query.sinceSeconds = String(Math.ceil(flags.number('since') / 1000));
  if (flags.changed('since-time')) query.sinceTime = flags.string('since-time');
  if (flags.bool('insecure-skip-tls-verify-backend')) query.insecureSkipTLSVerifyBackend = 'true';
  const client = await ctx.factory.client();
  const res = await client.stream({ path: `/api/v1/namespaces/${namespace}/pods/${pod}/log`, query });
  const dec = new TextDecoder();
  let pending = '';
  try {
    for await (const chunk of res.body) {
      const text = dec.decode(chunk, { stream: true });
      if (!prefix) {
        io.stdout.write(text);
        continue;
      }
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const l of lines) io.stdout.write(`${prefix} ${l}\n`);
    }
  } catch (e) {
    if (!io.signal?.aborted) throw e;
  }
  if (prefix && pending) io.stdout.write(`${prefix} ${pending}`);
}

async function runLogs(ctx: CommandContext): Promise<number> {
  const { args, flags, io } = ctx;
  const selector = flags.string('selector');
  let target = args[0];
  let container = flags.string('container');
  // `logs POD CONTAINER` is the legacy form of `-c`.
  if (args.length === 2 && !selector) {
    if (container) throw new UsageError(ctx.command.path, 'only one of -c or an inline [CONTAINER] arg is allowed');
    container = args[1];
  } else if (args.length > 2 || (args.length > 0 && selector)) {
    if (selector) throw new UsageError(ctx.command.path, 'only a selector (-l) or a POD name is allowed');
    throw new UsageError(ctx.command.path, usage);
  }
  if (!target && !selector) throw new UsageError(ctx.command.path, usage);

  const prefixOn = flags.bool('prefix');
  const allContainers = flags.bool('all-containers');
  const { namespace } = await ctx.factory.namespace();
  let pods: Obj[];
  if (selector) {
    const client = await ctx.factory.client();
    const list = await client.json<Obj>({ path: `/api/v1/namespaces/${namespace}/pods`, query: { labelSelector: selector } });
    pods = list.items ?? [];
    if (pods.length === 0) {
      io.stderr.write(`No resources found in ${namespace} namespace.\n`);
      return 0;
    }
  } else {
    pods = [(await attachablePod(ctx, target, { forLogs: true })).pod];
  }
  // Upstream Validate runs after Complete has resolved the pods.
  if (flags.changed('limit-bytes') && flags.number('limit-bytes') < 1) throw new KubectlError('--limit-bytes must be greater than 0');
  if (allContainers && container) throw new KubectlError('--all-containers=true should not be specified with container name ' + container);
  const plan: { pod: Obj; names: string[] }[] = [];
  for (const pod of pods) {
    const names: string[] = allContainers
      ? [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? []), ...(pod.spec?.ephemeralContainers ?? [])].map((c: Obj) => c.name)
      : [];
    if (!allContainers) {
      if (container) {
        const all = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []), ...(pod.spec?.ephemeralContainers ?? [])];
        if (!all.some((c: Obj) => c.name === container)) throw new KubectlError(`container ${container} is not valid for pod ${pod.metadata?.name}`);
        names.push(container);
      } else names.push(containerFor(ctx, pod, '').name);
    }
    plan.push({ pod, names });
  }
  const streams = plan.reduce((n, p) => n + p.names.length, 0);
  const max = flags.number('max-log-requests');
  if (selector && flags.bool('follow') && streams > max) {
    throw new KubectlError(`you are attempting to follow ${streams} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
  }
  for (const { pod, names } of plan) {
    for (const c of names) {
      const prefix = prefixOn || (selector && pods.length > 1 && prefixOn) ? `[pod/${pod.metadata?.name}/${c}]` : '';
      await streamLog(ctx, pod.metadata?.namespace ?? namespace, pod.metadata?.name, c, prefix);
    }
  }
  void target;
  target = '';
  return 0;
}

export const logsCommand: CommandSpec = { ...logsDocs, short: 'Print the logs for a container in a pod', run: runLogs };
