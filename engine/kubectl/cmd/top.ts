// `kubectl top node|pod`: the metrics.k8s.io/v1beta1 API (reported unavailable when discovery
// does not list it), printed with kubectl's metrics printer (every cell tab-terminated).
// Upstream: kubernetes/kubectl pkg/cmd/top/top.go, top_node.go, top_pod.go (Validate, RunTopNode,
// RunTopPod, verifyEmptyMetrics), pkg/metricsutil/metrics_printer.go, metrics_sorter.go.

import type { CommandContext, CommandSpec } from '../cli/command';
import { KubectlError, UsageError } from '../errors';
import { kubectlTableOptions, TabWriter } from '../printers/tabwriter';
import { milliValue, parseQuantity, quantityValue } from '../describe/quantity';
import type { Obj } from '../describe/format';
import { renderHelp } from '../cli/help';
import { topDocs } from './docs/top';
import { topNodeDocs } from './docs/top-node';
import { topPodDocs } from './docs/top-pod';

async function metricsAvailable(ctx: CommandContext): Promise<void> {
  const d = await (await ctx.factory.discovery()).get();
  if (!d.groups.some((g) => g.name === 'metrics.k8s.io' && g.versions.includes('v1beta1'))) throw new KubectlError('Metrics API not available');
}

const cpu = (q: string | undefined) => `${milliValue(parseQuantity(q))}m`;
const mem = (q: string | undefined) => `${Math.floor(quantityValue(parseQuantity(q)) / (1024 * 1024))}Mi`;

async function runTopNode(ctx: CommandContext): Promise<number> {
  const { flags, args, io } = ctx;
  const sortBy = flags.string('sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
  if (args.length > 1) throw new UsageError(ctx.command.path, 'node [NAME | -l label]');
  await metricsAvailable(ctx);
  const client = await ctx.factory.client();
  const selector = flags.string('selector') || undefined;
  const metrics: Obj[] = args[0]
    ? [await client.json<Obj>({ path: `/apis/metrics.k8s.io/v1beta1/nodes/${args[0]}` })]
    : ((await client.json<Obj>({ path: '/apis/metrics.k8s.io/v1beta1/nodes', query: { labelSelector: selector } })).items ?? []);
  const nodes: Obj[] = args[0] ? [await client.json<Obj>({ path: `/api/v1/nodes/${args[0]}` })] : ((await client.json<Obj>({ path: '/api/v1/nodes', query: { labelSelector: selector } })).items ?? []);
  if (metrics.length === 0) throw new KubectlError('metrics not available yet');
  const useCapacity = flags.bool('show-capacity');
  const rows = metrics.map((m) => ({ name: m.metadata.name, cpu: milliValue(parseQuantity(m.usage?.cpu)), mem: quantityValue(parseQuantity(m.usage?.memory)), m }));
  if (sortBy === 'cpu') rows.sort((a, b) => b.cpu - a.cpu);
  else if (sortBy === 'memory') rows.sort((a, b) => b.mem - a.mem);
  else rows.sort((a, b) => (a.name < b.name ? -1 : 1));
  const tw = new TabWriter(kubectlTableOptions);
  if (!flags.bool('no-headers')) tw.write('NAME\tCPU(cores)\tCPU(%)\tMEMORY(bytes)\tMEMORY(%)\t\n');
  for (const r of rows) {
    const node = nodes.find((n) => n.metadata?.name === r.name);
    const avail = useCapacity ? node?.status?.capacity : node?.status?.allocatable;
    const cpuPct = avail ? `${Math.trunc((r.cpu / milliValue(parseQuantity(avail.cpu))) * 100)}%` : '<unknown>';
    const memPct = avail ? `${Math.trunc((r.mem / quantityValue(parseQuantity(avail.memory))) * 100)}%` : '<unknown>';
    tw.write(`${r.name}\t${cpu(r.m.usage?.cpu)}\t${cpuPct}\t${mem(r.m.usage?.memory)}\t${memPct}\t\n`);
  }
  io.stdout.write(tw.flush());
  return 0;
}

async function runTopPod(ctx: CommandContext): Promise<number> {
  const { flags, args, io } = ctx;
  const sortBy = flags.string('sort-by');
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
  if (args.length > 1) throw new UsageError(ctx.command.path, 'pod [NAME | -l label]');
  await metricsAvailable(ctx);
  const all = flags.bool('all-namespaces');
  const { namespace } = await ctx.factory.namespace();
  const client = await ctx.factory.client();
  const base = all ? '/apis/metrics.k8s.io/v1beta1/pods' : `/apis/metrics.k8s.io/v1beta1/namespaces/${namespace}/pods`;
  const metrics: Obj[] = args[0]
    ? [await client.json<Obj>({ path: `${base}/${args[0]}` })]
    : ((await client.json<Obj>({ path: base, query: { labelSelector: flags.string('selector') || undefined, fieldSelector: flags.string('field-selector') || undefined } })).items ?? []);
  if (metrics.length === 0) {
    if (all) io.stderr.write('No resources found\n');
    else io.stderr.write(`No resources found in ${namespace} namespace.\n`);
    return 0;
  }
  const containers = flags.bool('containers');
  const sum = (m: Obj, f: 'cpu' | 'memory') => (m.containers ?? []).reduce((n: number, c: Obj) => n + (f === 'cpu' ? milliValue(parseQuantity(c.usage?.cpu)) : quantityValue(parseQuantity(c.usage?.memory))), 0);
  const rows = metrics.map((m) => ({ m, cpu: sum(m, 'cpu'), mem: sum(m, 'memory') }));
  if (sortBy === 'cpu') rows.sort((a, b) => b.cpu - a.cpu);
  else if (sortBy === 'memory') rows.sort((a, b) => b.mem - a.mem);
  else rows.sort((a, b) => (all ? a.m.metadata.namespace.localeCompare(b.m.metadata.namespace) : 0) || (a.m.metadata.name < b.m.metadata.name ? -1 : 1));
  const tw = new TabWriter(kubectlTableOptions);
  if (!flags.bool('no-headers')) tw.write(`${all ? 'NAMESPACE\t' : ''}${containers ? 'POD\tNAME' : 'NAME'}\tCPU(cores)\tMEMORY(bytes)\t\n`);
  let totalCpu = 0;
  let totalMem = 0;
  for (const r of rows) {
    const ns = all ? `${r.m.metadata.namespace}\t` : '';
    if (containers) for (const c of r.m.containers ?? []) tw.write(`${ns}${r.m.metadata.name}\t${c.name}\t${cpu(c.usage?.cpu)}\t${mem(c.usage?.memory)}\t\n`);
    else tw.write(`${ns}${r.m.metadata.name}\t${r.cpu}m\t${Math.floor(r.mem / (1024 * 1024))}Mi\t\n`);
    totalCpu += r.cpu;
    totalMem += r.mem;
  }
  if (flags.bool('sum')) {
    const pad = (all ? '\t' : '') + (containers ? '\t' : '');
    tw.write(`${pad}\t________\t________\t\n${pad}\t${totalCpu}m\t${Math.floor(totalMem / (1024 * 1024))}Mi\t\n`);
  }
  io.stdout.write(tw.flush());
  return 0;
}

export const topCommand: CommandSpec = {
  ...topDocs,
  short: 'Display resource (CPU/memory) usage',
  // Upstream: cmdutil.DefaultSubCommandRun — help on stderr, exit 1.
  run: async (ctx) => {
    ctx.io.stderr.write(renderHelp(ctx.command, ctx.io.terminal));
    return 1;
  },
  subcommands: [
    { ...topNodeDocs, short: 'Display resource (CPU/memory) usage of nodes', run: runTopNode },
    { ...topPodDocs, short: 'Display resource (CPU/memory) usage of pods', run: runTopPod },
  ],
};
