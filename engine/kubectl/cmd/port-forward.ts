// `kubectl port-forward`: resolve the pod, require it Running, parse the port pairs, then open the
// tunnel (WebSocket carrying SPDY, falling back to a SPDY POST upgrade). Kubelab's kubectl does
// not implement SPDY framing, so against a server that upgrades it reports that; against the
// Kubelab engine (no portforward upgrade) it prints what kubectl prints: the upgrade error.
// Upstream: kubernetes/kubectl pkg/cmd/portforward/portforward.go (Complete, Validate,
// RunPortForwardContext, convertPodNamedPortToNumber), client-go tools/portforward.

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError, StatusError, UsageError } from '../errors';
import { attachablePod } from './attachable-pod';
import { portForwardDocs } from './docs/port-forward';
import { spdyHeaders } from './remote-command';
import type { Obj } from '../describe/format';

function parsePorts(ports: string[], pod: Obj): { local: string; remote: string }[] {
  return ports.map((p) => {
    const parts = p.split(':');
    let local = parts[0];
    let remote = parts.length > 1 ? parts[1] : parts[0];
    if (parts.length > 2) throw new KubectlError(`invalid port format '${p}'`);
    if (!/^\d+$/.test(remote)) {
      const named = (pod.spec?.containers ?? []).flatMap((c: Obj) => c.ports ?? []).find((cp: Obj) => cp.name === remote);
      if (!named) throw new KubectlError(`Pod '${pod.metadata?.name}' does not have a named port '${remote}'`);
      if (parts.length === 1) local = String(named.containerPort);
      remote = String(named.containerPort);
    }
    return { local, remote };
  });
}

async function runPortForward(ctx: CommandContext): Promise<number> {
  const { args, io } = ctx;
  if (args.length < 2) throw new UsageError(ctx.command.path, 'TYPE/NAME and list of ports are required for port-forward');
  const { namespace, pod } = await attachablePod(ctx, args[0]);
  if (pod.status?.phase !== 'Running') throw new KubectlError(`unable to forward port because pod is not running. Current status=${pod.status?.phase ?? ''}`);
  const ports = parsePorts(args.slice(1), pod);
  // kubectl first tries a WebSocket tunnel (subprotocol SPDY/3.1+portforward.k8s.io), then a SPDY
  // POST upgrade; Kubelab goes straight to the POST, whose refusal is what kubectl reports.
  const client = await ctx.factory.client();
  try {
    await client.request({ method: 'POST', path: `/api/v1/namespaces/${namespace}/pods/${pod.metadata.name}/portforward`, headers: spdyHeaders(['portforward.k8s.io']) });
  } catch (e) {
    if (e instanceof StatusError) throw new KubectlError(`error upgrading connection: ${e.message}`);
    throw e;
  }
  void ports;
  void io;
  throw new KubectlError("error upgrading connection: SPDY is not supported by Kubelab's kubectl");
}

export const portForwardCommand: CommandSpec = { ...portForwardDocs, short: 'Forward one or more local ports to a pod', run: runPortForward };
