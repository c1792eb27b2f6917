// `kubectl expose`: a Service for a pod, service, replication controller, deployment or
// replica set, with the selector, ports and protocols read from the object unless given.
// Also the Service `run --expose` creates.
// Upstream: kubernetes/kubectl pkg/cmd/expose/expose.go (RunExpose, createService),
// pkg/polymorphichelpers/mapbasedselectorforobject.go, portsforobject.go, protocolsforobject.go.

import type { CommandContext } from '../cli/command';
import { AggregateError_, KubectlError } from '../errors';
import { resourcePath } from '../client/rest-mapper';
import { ResourceBuilder } from '../resource/builder';
import { operationWithDryRun, type DryRun, type KubeObject } from '../printers/name-printer';
import { goJsonMarshal } from '../../api/patch/go-json';
import { builderOptions, dryRunStrategy, genericPrinter, printWith } from './cmd-util';
import { recordChangeCause } from './record';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ServiceParams {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  selector: Record<string, string>;
  ports: string[];
  protocols: Record<string, string>;
  protocol?: string;
  targetPort?: string;
  type?: string;
  externalIP?: string;
  loadBalancerIP?: string;
  sessionAffinity?: string;
  clusterIP?: string;
}

// Upstream: expose.go createService — a typed v1.Service, keys in Go struct order.
export function buildService(p: ServiceParams): KubeObject {
  const ports: Json[] = p.ports.map((s, i) => {
    if (!/^\d+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
    const port = Number(s);
    const protocol = p.protocol || p.protocols[s] || 'TCP';
    return { ...(p.ports.length > 1 ? { name: `port-${i + 1}` } : {}), protocol, port };
  });
  for (const sp of ports) {
    sp.targetPort = p.targetPort ? (/^\d+$/.test(p.targetPort) ? Number(p.targetPort) : p.targetPort) : sp.port;
  }
  const spec: Json = { ports, selector: p.selector };
  if (p.clusterIP) spec.clusterIP = p.clusterIP;
  if (p.type) spec.type = p.type;
  if (p.externalIP) spec.externalIPs = [p.externalIP];
  if (p.sessionAffinity) spec.sessionAffinity = p.sessionAffinity;
  if (p.type === 'LoadBalancer' && p.loadBalancerIP) spec.loadBalancerIP = p.loadBalancerIP;
  const metadata: Json = { name: p.name, ...(p.namespace ? { namespace: p.namespace } : {}), creationTimestamp: null };
  if (p.labels && Object.keys(p.labels).length) metadata.labels = p.labels;
  return { kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } };
}

export function parseLabelsFlag(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const part of text.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) throw new KubectlError(`invalid label spec: ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

function templateSpec(obj: Json): Json | undefined {
  return obj.kind === 'Pod' ? obj.spec : obj.spec?.template?.spec;
}

// Upstream: mapbasedselectorforobject.go.
function selectorFor(obj: Json): Record<string, string> {
  switch (obj.kind) {
    case 'Pod':
      if (!obj.metadata?.labels || !Object.keys(obj.metadata.labels).length) throw new KubectlError(`the pod has no labels and cannot be exposed`);
      return obj.metadata.labels;
    case 'Service':
      if (!obj.spec?.selector) throw new KubectlError(`the service has no pod selector set`);
      return obj.spec.selector;
    case 'ReplicationController':
      return obj.spec?.selector ?? {};
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = obj.spec?.selector ?? {};
      if ((sel.matchExpressions ?? []).length) {
        throw new KubectlError(`couldn't convert expressions - "${JSON.stringify(sel.matchExpressions)}" to map-based selector format`);
      }
      return sel.matchLabels ?? {};
    }
  }
  throw new KubectlError(`cannot extract pod selector from ${obj.kind}`);
}

// Upstream: portsforobject.go / protocolsforobject.go.
function portsFor(obj: Json): { ports: string[]; protocols: Record<string, string> } {
  const ports: string[] = [];
  const protocols: Record<string, string> = {};
  if (obj.kind === 'Service') {
    for (const p of obj.spec?.ports ?? []) {
      ports.push(String(p.port));
      protocols[String(p.port)] = p.protocol ?? 'TCP';
    }
    return { ports, protocols };
  }
  for (const c of templateSpec(obj)?.containers ?? []) {
    for (const p of c.ports ?? []) {
      ports.push(String(p.containerPort));
      protocols[String(p.containerPort)] = p.protocol ?? 'TCP';
    }
  }
  return { ports, protocols };
}

const exposable = ['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet'];

// Upstream: expose.go ExposeServiceOptions.RunExpose.
export async function runExpose(ctx: CommandContext): Promise<number> {
  const f = ctx.flags;
  const dryRun = dryRunStrategy(ctx);
  const res = await new ResourceBuilder(ctx.factory, await builderOptions(ctx, { args: ctx.args, continueOnError: true, flatten: true, labelSelector: undefined, fieldSelector: undefined, allNamespaces: false })).build();
  const errors: unknown[] = [...res.errors];
  const output = f.string('output');
  const printer = await genericPrinter(ctx, { output: output || 'name', operation: output ? '' : operationWithDryRun('exposed', dryRun) });
  for (const info of res.infos) {
    try {
      const obj = info.object as Json;
      if (!exposable.includes(info.mapping.kind)) throw new KubectlError(`cannot expose a ${info.mapping.kind}`);
      const selectorText = f.string('selector');
      const selector = selectorText ? parseLabelsFlag(selectorText) : selectorFor(obj);
      if (!Object.keys(selector).length) throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${info.mapping.kind} has no selector`);
      let ports = f.string('port') ? f.string('port').split(',') : [];
      const introspected = portsFor(obj);
      if (!ports.length) {
        ports = introspected.ports;
        if (!ports.length) throw new KubectlError("couldn't find port via --port flag or introspection");
      }
      const labelsText = f.string('labels');
      const labels = labelsText ? parseLabelsFlag(labelsText) : (obj.metadata?.labels ?? undefined);
      let service = buildService({
        name: f.string('name') || info.name,
        // Only an explicit -n shows in the generated object (EnforceNamespace).
        namespace: (await ctx.factory.namespace()).explicit ? info.namespace : undefined,
        labels,
        selector,
        ports,
        protocols: introspected.protocols,
        protocol: f.string('protocol'),
        targetPort: f.string('target-port'),
        type: f.string('type'),
        externalIP: f.string('external-ip'),
        loadBalancerIP: f.string('load-balancer-ip'),
        sessionAffinity: f.string('session-affinity'),
        clusterIP: f.string('cluster-ip'),
      });
      if (f.bool('save-config')) service = (await import('../apply/last-applied')).withApplyAnnotation(service);
      recordChangeCause(ctx, service);
      service = await createObject(ctx, service, 'services', dryRun, f.string('field-manager'));
      ctx.io.stdout.write(printWith(printer, service, dryRun === 'client'));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new AggregateError_(errors);
  return 0;
}

/** POSTs a core/v1 object unless this is a client dry run; returns what to print. */
export async function createObject(ctx: CommandContext, obj: KubeObject, resource: string, dryRun: DryRun, fieldManager: string): Promise<KubeObject> {
  if (dryRun === 'client') return obj;
  const client = await ctx.factory.client();
  const ns = obj.metadata?.namespace ?? (await ctx.factory.namespace()).namespace;
  const query: Record<string, string> = { fieldManager };
  if (dryRun === 'server') query.dryRun = 'All';
  return client.json<KubeObject>({
    method: 'POST',
    path: resourcePath({ group: '', version: 'v1', resource, namespaced: true } as never, ns),
    query,
    body: goJsonMarshal(obj),
  });
}
