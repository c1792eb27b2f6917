// Finding the pod a streaming command talks to: `POD`, `pod/POD`, or any object with a selector
// (`deploy/x`, `svc/x`, …) whose pods are listed and the best one picked; and the container
// defaulting every streaming command shares.
// Upstream: kubernetes/kubectl pkg/polymorphichelpers/attachablepodforobject.go, helpers.go
// (GetFirstPod, SelectorsForObject), pkg/util/podutils (ByLogging, ActivePods),
// pkg/cmd/util/podcmd/podcmd.go (FindOrDefaultContainerByName, AllContainerNames).

import type { CommandContext } from '../cli/command';
import { resourcePath } from '../client/rest-mapper';
import { KubectlError, StatusError, isNotFound } from '../errors';
import { setSelectorString, selectorString, type Obj } from '../describe/format';

export interface PodTarget {
  namespace: string;
  pod: Obj;
}

function isReady(p: Obj): boolean {
  return (p.status?.conditions ?? []).some((c: Obj) => c.type === 'Ready' && c.status === 'True');
}

const phaseRank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const restarts = (p: Obj) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c: Obj) => c.restartCount ?? 0));

// Upstream: podutils.ByLogging — assigned, running, ready, most restarts, oldest first.
function byLogging(a: Obj, b: Obj): number {
  const na = a.spec?.nodeName ? 1 : 0;
  const nb = b.spec?.nodeName ? 1 : 0;
  if (na !== nb) return nb - na;
  const pa = phaseRank[a.status?.phase] ?? -1;
  const pb = phaseRank[b.status?.phase] ?? -1;
  if (pa !== pb) return pb - pa;
  const ra = isReady(a) ? 1 : 0;
  const rb = isReady(b) ? 1 : 0;
  if (ra !== rb) return rb - ra;
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0;
  const tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  return ta - tb;
}

/** Resolves POD or TYPE/NAME to one pod; prints `Found N pods, using pod/X` when it chose. */
export async function attachablePod(ctx: CommandContext, arg: string, opts: { forLogs?: boolean; namespace?: string } = {}): Promise<PodTarget> {
  const namespace = opts.namespace ?? (await ctx.factory.namespace()).namespace;
  const client = await ctx.factory.client();
  let resource = 'pods';
  let name = arg;
  const slash = arg.indexOf('/');
  if (slash >= 0) {
    resource = arg.slice(0, slash);
    name = arg.slice(slash + 1);
  }
  const mapping = await ctx.factory.withMapper((mapper) => mapper.mappingFor(resource));
  let obj: Obj;
  try {
    obj = await client.json<Obj>({ path: resourcePath(mapping, namespace, name) });
  } catch (e) {
    // logs wraps the lookup error: `error from server (NotFound): <msg> in namespace "<ns>"`.
    if (opts.forLogs && isNotFound(e)) {
      throw new KubectlError(`error from server (NotFound): ${(e as Error).message} in namespace ${JSON.stringify(namespace)}`);
    }
    throw e;
  }
  if (mapping.kind === 'Pod') return { namespace, pod: obj };
  let selector: string;
  if (mapping.kind === 'Service' || mapping.kind === 'ReplicationController') selector = setSelectorString(obj.spec?.selector);
  else if (obj.spec?.selector) selector = selectorString(obj.spec.selector);
  else throw new KubectlError(`cannot attach to ${mapping.kind}: selector for ${mapping.kind} not implemented`);
  const list = await client.json<Obj>({ path: `/api/v1/namespaces/${namespace}/pods`, query: { labelSelector: selector } });
  const pods: Obj[] = [...(list.items ?? [])].sort(byLogging);
  if (pods.length === 0) throw new KubectlError('timed out waiting for the condition');
  if (pods.length > 1 && opts.forLogs) ctx.io.stderr.write(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}\n`);
  return { namespace, pod: pods[0] };
}

export function allContainerNames(pod: Obj): string {
  const names: string[] = (pod.spec?.containers ?? []).map((c: Obj) => c.name);
  for (const c of pod.spec?.ephemeralContainers ?? []) names.push(`${c.name} (ephem)`);
  for (const c of pod.spec?.initContainers ?? []) names.push(`${c.name} (init)`);
  return names.join(', ');
}

/** FindOrDefaultContainerByName: -c, the default-container annotation, or the first container. */
export function containerFor(ctx: CommandContext, pod: Obj, requested: string, quiet = false): Obj {
  const spec = pod.spec ?? {};
  const all: Obj[] = [...(spec.containers ?? []), ...(spec.initContainers ?? []), ...(spec.ephemeralContainers ?? [])];
  if (requested) {
    const c = all.find((x) => x.name === requested);
    if (!c) throw new KubectlError(`container ${requested} not found in pod ${pod.metadata?.name}`);
    return c;
  }
  const annotated = pod.metadata?.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) {
    const c = (spec.containers ?? []).find((x: Obj) => x.name === annotated);
    if (c) return c;
    ctx.io.stderr.write(`Warning: default container name "${annotated}" not found in pod ${pod.metadata?.name}\n`);
  }
  const first = spec.containers?.[0];
  if (!first) throw new KubectlError(`pod ${pod.metadata?.name} does not have any containers`);
  if (!quiet && ((spec.containers?.length ?? 0) > 1 || spec.initContainers?.length || spec.ephemeralContainers?.length)) {
    ctx.io.stderr.write(`Defaulted container ${JSON.stringify(first.name)} out of: ${allContainerNames(pod)}\n`);
  }
  return first;
}

export { StatusError };
