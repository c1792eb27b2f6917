// `kubectl run`: one Pod from an image (labels run=<name> unless --labels), with --env, --port,
// --command/args, --restart, --image-pull-policy, --annotations, --expose (a Service first),
// --dry-run and -o. Attaching (-i/-t, --rm) needs the attach stream and is refused for now.
// Upstream: kubernetes/kubectl pkg/cmd/run/run.go (Run, getRestartPolicy, verifyImagePullPolicy,
// generateService, createGeneratedObject), pkg/generate/versioned/run.go (BasicPod).

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError, UsageError } from '../errors';
import { operationWithDryRun, type KubeObject } from '../printers/name-printer';
import { dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { enforcedNamespace } from './create/create-util';
import { buildService, createObject, parseLabelsFlag } from './expose-run';
import { recordChangeCause } from './record';
import { ExitError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { isNotFoundError, type Info } from '../resource/builder';
import { watchUntil } from '../resource/wait-deleted';
import { parseGoDuration } from '../cli/flags';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// A practical subset of the distribution reference grammar (reference.ReferenceRegexp).
const imageRe = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$/;

export async function runRun(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const usage = (m: string) => new UsageError(ctx.command.path, m);
  if (ctx.args.length === 0 || ctx.argsLenAtDash === 0) throw usage('NAME is required for run');
  const name = ctx.args[0];
  const args = ctx.args.slice(1);
  const image = f.string('image');
  if (!image) throw new KubectlError('--image is required');
  if (!imageRe.test(image)) throw new KubectlError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  const interactive = f.bool('stdin');
  const tty = f.bool('tty');
  if (tty && !interactive) throw usage('-i/--stdin is required for containers with -t/--tty=true');
  const port = f.string('port');
  if (f.bool('expose') && !port) throw usage('--port must be set when exposing a service');
  const dryRun = dryRunStrategy(ctx);
  const attach = f.bool('attach') || (interactive && !f.changed('attach'));
  if (!attach && f.bool('rm')) throw usage('--rm should only be used for attached containers');
  if (attach && dryRun !== 'none') throw usage("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  const pullPolicy = f.string('image-pull-policy');
  if (pullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(pullPolicy)) {
    throw usage(`invalid image pull policy: ${pullPolicy}`);
  }
  let restart = f.string('restart');
  if (!restart) restart = interactive ? 'OnFailure' : 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usage(`invalid restart policy: ${restart}`);

  const labelsText = f.string('labels');
  const labels = labelsText ? parseLabelsFlag(labelsText) : { run: name };
  const annotations: Record<string, string> = {};
  for (const a of f.strings('annotations')) {
    const i = a.indexOf('=');
    if (i < 0) throw new KubectlError(`invalid annotation spec: ${a}`);
    annotations[a.slice(0, i)] = a.slice(i + 1);
  }
  // Upstream: BasicPod.Generate — v1.Container fields in struct order.
  const container: Json = { name, image };
  if (args.length) container[f.bool('command') ? 'command' : 'args'] = args;
  if (port) {
    if (!/^\d+$/.test(port)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
    container.ports = [{ containerPort: Number(port) }];
  }
  const env = f.strings('env').map((e) => {
    const i = e.indexOf('=');
    if (i < 0) throw new KubectlError(`invalid env: ${e}`);
    return { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  if (env.length) container.env = env;
  container.resources = {};
  if (pullPolicy) container.imagePullPolicy = pullPolicy;
  if (interactive) {
    container.stdin = true;
    if (!f.bool('leave-stdin-open')) container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  if (f.bool('privileged')) container.securityContext = { privileged: true };
  const namespace = await enforcedNamespace(ctx);
  const metadata: Json = { name, ...(namespace ? { namespace } : {}), creationTimestamp: null, labels };
  if (Object.keys(annotations).length) metadata.annotations = annotations;
  let pod: KubeObject = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata,
    spec: { containers: [container], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  const overrides = f.string('overrides');
  if (overrides) {
    const { applyMergePatch } = await import('../../api/patch/merge-patch');
    try {
      pod = applyMergePatch(pod, JSON.parse(overrides)) as KubeObject;
    } catch (e) {
      throw new KubectlError(`unable to parse ${JSON.stringify(overrides)}: ${(e as Error).message}`);
    }
  }
  if (f.bool('save-config')) pod = (await import('../apply/last-applied')).withApplyAnnotation(pod);
  recordChangeCause(ctx, pod);

  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('created', dryRun) });
  const fieldManager = f.string('field-manager');
  const created = await createObject(ctx, pod, 'pods', dryRun, fieldManager);
  if (attach) return attachToPod(ctx, created, restart, interactive, tty);
  const errors: unknown[] = [];
  if (f.bool('expose')) {
    try {
      const svc = buildService({ name, namespace, selector: labels, ports: [port], protocols: {}, targetPort: undefined });
      const createdSvc = await createObject(ctx, svc, 'services', dryRun, fieldManager);
      ctx.io.stdout.write(printWith(printer, createdSvc, dryRun === 'client'));
    } catch (e) {
      errors.push(e);
    }
  }
  ctx.io.stdout.write(printWith(printer, created, dryRun === 'client'));
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

const podMapping = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true } as Info['mapping'];

// Upstream: run.go waitForPod — a watch on the pod until `done` says so (or it is deleted).
async function waitForPod(ctx: CommandContext, ns: string, name: string, timeoutMs: number, done: (pod: Json) => boolean): Promise<Json> {
  let last: Json | undefined;
  let deleted = false;
  const info: Info = { mapping: podMapping, namespace: ns, name };
  await watchUntil(ctx, info, timeoutMs, () => new KubectlError('timed out waiting for the condition'), (type, obj) => {
    if (type === 'DELETED') {
      deleted = true;
      return true;
    }
    if (!obj) return false;
    last = obj as Json;
    return done(last);
  });
  if (deleted) throw new KubectlError(`pod "${name}" was deleted`);
  return last!;
}

const completed = (p: Json) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const runningAndReady = (p: Json) =>
  completed(p) || (p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((c: Json) => c.type === 'Ready' && c.status === 'True'));

// Upstream: run.go Run (attach branch), handleAttachPod, removeCreatedObjects.
async function attachToPod(ctx: CommandContext, created: KubeObject, restart: string, interactive: boolean, tty: boolean): Promise<number> {
  const f = ctx.flags;
  const ns = created.metadata?.namespace ?? (await ctx.factory.namespace()).namespace;
  const name = created.metadata!.name!;
  const timeoutText = f.has('pod-running-timeout') ? f.string('pod-running-timeout') : '1m0s';
  const timeoutMs = Number(f.value('pod-running-timeout')) || parseGoDuration(timeoutText || '1m0s');
  const remove = f.bool('rm');
  const client = await ctx.factory.client();
  const cleanup = async () => {
    if (!remove) return;
    try {
      await client.json({ method: 'DELETE', path: resourcePath(podMapping, ns, name), body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: 0, propagationPolicy: 'Background' } });
      ctx.io.stdout.write(`pod "${name}" deleted\n`);
    } catch (e) {
      if (!isNotFoundError(e)) throw e;
    }
  };
  try {
    let pod = await waitForPod(ctx, ns, name, timeoutMs, runningAndReady);
    if (completed(pod)) {
      await printLogs(ctx, ns, name);
    } else {
      const { streamRemote, setupTTY } = await import('./remote-command');
      const quiet = f.bool('quiet');
      const useTTY = setupTTY(ctx.io, interactive, tty, quiet);
      if (!quiet) ctx.io.stderr.write("If you don't see a command prompt, try pressing enter.\n");
      try {
        await streamRemote(ctx, { subresource: 'attach', namespace: ns, pod: name, container: name, stdin: interactive, tty: useTTY });
      } catch (e) {
        if (e instanceof ExitError) throw e;
        ctx.io.stderr.write(`warning: couldn't attach to pod/${name}, falling back to streaming logs: ${(e as Error).message}\n`);
        await printLogs(ctx, ns, name);
      }
    }
    const waitForExitCode = !f.bool('leave-stdin-open') && (restart === 'Never' || restart === 'OnFailure');
    if (!waitForExitCode) return 0;
    pod = await waitForPod(ctx, ns, name, timeoutMs, restart === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : completed);
    if (pod.status?.phase === 'Succeeded') return 0;
    if (pod.status?.phase === 'Failed') {
      const term = pod.status?.containerStatuses?.[0]?.state?.terminated;
      if (!term || !term.exitCode) throw new KubectlError(`pod ${ns}/${name} failed with unknown exit code`);
      // CodeExitError: the text `…terminated (reason)\nmessage`, a newline added only if missing.
      const text = `pod ${ns}/${name} terminated (${term.reason ?? ''})\n${term.message ?? ''}`;
      ctx.io.stderr.write(text.endsWith('\n') ? text : text + '\n');
      throw new ExitError(term.exitCode);
    }
    throw new KubectlError(`pod ${ns}/${name} left in phase ${pod.status?.phase}`);
  } finally {
    await cleanup();
  }
}

async function printLogs(ctx: CommandContext, ns: string, name: string): Promise<void> {
  const client = await ctx.factory.client();
  const res = await client.request({ path: `/api/v1/namespaces/${ns}/pods/${name}/log`, query: { container: name } });
  ctx.io.stdout.write(new TextDecoder().decode(res.body));
}
