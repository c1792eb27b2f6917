// `kubectl cluster-info` (the control plane and the kube-system services labelled
// kubernetes.io/cluster-service=true, coloured on a terminal) and a basic `cluster-info dump`.
// Upstream: kubernetes/kubectl pkg/cmd/clusterinfo/clusterinfo.go (Complete, Run, printService),
// clusterinfo_dump.go (Run); daviddengcn/go-colortext (ANSI colours on a terminal only).

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError } from '../errors';
import type { KubectlIO } from '../io';
import { toGoJson } from '../printers/json-printer';
import { toYaml } from '../printers/yaml-printer';
import { clusterInfoDocs } from './docs/cluster-info';
import { clusterInfoDumpDocs } from './docs/cluster-info-dump';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

function printService(io: KubectlIO, name: string, link: string): void {
  const tty = !!io.terminal?.isTTY;
  const color = (code: number, s: string) => (tty ? `\x1b[0;${code}m${s}\x1b[0m` : s);
  io.stdout.write(`${color(32, name)} is running at ${color(33, link)}\n`);
}

async function runClusterInfo(ctx: CommandContext): Promise<number> {
  const { io, flags } = ctx;
  const namespace = flags.string('namespace') || 'kube-system';
  const client = await ctx.factory.client();
  let err: unknown;
  try {
    // The builder resolves `services` through discovery first, as kubectl does.
    await ctx.factory.mapper(5);
    const list = await client.json<Obj>({ path: `/api/v1/namespaces/${namespace}/services`, query: { labelSelector: 'kubernetes.io/cluster-service=true' } });
    const host = client.config.server;
    printService(io, 'Kubernetes control plane', host);
    for (const svc of list.items ?? []) {
      let link = '';
      const lb: Obj[] = svc.status?.loadBalancer?.ingress ?? [];
      if (lb.length > 0) {
        const ip = lb[0].ip || lb[0].hostname || '';
        for (const p of svc.spec?.ports ?? []) link += `http://${ip}:${p.port} `;
      } else {
        let name = svc.metadata?.name ?? '';
        const ports: Obj[] = svc.spec?.ports ?? [];
        if (ports.length > 0) {
          const p = ports[0];
          const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
          name = scheme ? `${scheme}:${name}:${p.name ?? ''}` : p.name ? `${name}:${p.name}` : name;
        }
        link = `${host}/api/v1/namespaces/${svc.metadata?.namespace}/services/${name}/proxy`;
      }
      printService(io, svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name, link);
    }
  } catch (e) {
    err = e;
  }
  io.stdout.write("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
  if (err) throw err;
  return 0;
}

// Upstream: clusterinfo_dump.go — nodes, then per namespace events, replication controllers,
// services, daemon sets, deployments, replica sets and pods, then each container's logs.
async function runClusterInfoDump(ctx: CommandContext): Promise<number> {
  const { io, flags } = ctx;
  const output = flags.has('output') ? flags.string('output') : 'json';
  if (output !== 'json' && output !== 'yaml') throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: json,yaml`);
  const print = (o: Obj) => io.stdout.write(output === 'yaml' ? toYaml(o) : toGoJson(o, { indent: '    ' }) + '\n');
  const client = await ctx.factory.client();
  const list = (path: string) => client.json<Obj>({ path, query: { limit: '500' } });
  print(await list('/api/v1/nodes'));
  let namespaces: string[];
  if (flags.bool('all-namespaces')) namespaces = ((await list('/api/v1/namespaces')).items ?? []).map((n: Obj) => n.metadata.name);
  else if (flags.strings('namespaces').length) namespaces = flags.strings('namespaces');
  else namespaces = ['kube-system', (await ctx.factory.namespace()).namespace];
  for (const ns of namespaces) {
    print(await list(`/api/v1/namespaces/${ns}/events`));
    print(await list(`/api/v1/namespaces/${ns}/replicationcontrollers`));
    print(await list(`/api/v1/namespaces/${ns}/services`));
    print(await list(`/apis/apps/v1/namespaces/${ns}/daemonsets`));
    print(await list(`/apis/apps/v1/namespaces/${ns}/deployments`));
    print(await list(`/apis/apps/v1/namespaces/${ns}/replicasets`));
    const pods = await list(`/api/v1/namespaces/${ns}/pods`);
    print(pods);
    for (const pod of pods.items ?? []) {
      for (const c of pod.spec?.containers ?? []) {
        io.stdout.write(`==== START logs for container ${c.name} of pod ${ns}/${pod.metadata.name} ====\n`);
        try {
          const res = await client.request({ path: `/api/v1/namespaces/${ns}/pods/${pod.metadata.name}/log`, query: { container: c.name } });
          io.stdout.write(new TextDecoder().decode(res.body));
        } catch (e) {
          io.stdout.write(`Request log error: ${e instanceof Error ? e.message : String(e)}\n`);
        }
        io.stdout.write(`==== END logs for container ${c.name} of pod ${ns}/${pod.metadata.name} ====\n`);
      }
    }
  }
  return 0;
}

export const clusterInfoCommand: CommandSpec = {
  ...clusterInfoDocs,
  short: 'Display cluster information',
  run: runClusterInfo,
  subcommands: [{ ...clusterInfoDumpDocs, short: 'Dump relevant information for debugging and diagnosis', run: runClusterInfoDump }],
};
