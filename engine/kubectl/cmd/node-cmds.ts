// `kubectl cordon|uncordon|drain|taint`: flags and help; the work is in node-run.ts.
import type { CommandSpec } from '../cli/command';
import { cordonDocs } from './docs/cordon';
import { uncordonDocs } from './docs/uncordon';
import { drainDocs } from './docs/drain';
import { taintDocs } from './docs/taint';

const impl = () => import('./node-run');

export const cordonCommand: CommandSpec = { ...cordonDocs, short: 'Mark node as unschedulable', run: async (ctx) => (await impl()).runCordon(ctx, true) };
export const uncordonCommand: CommandSpec = { ...uncordonDocs, short: 'Mark node as schedulable', run: async (ctx) => (await impl()).runCordon(ctx, false) };
export const drainCommand: CommandSpec = { ...drainDocs, short: 'Drain node in preparation for maintenance', run: async (ctx) => (await impl()).runDrain(ctx) };
export const taintCommand: CommandSpec = { ...taintDocs, short: 'Update the taints on one or more nodes', run: async (ctx) => (await impl()).runTaint(ctx) };
