// The message of a failed scheduling attempt: the reasons histogram over all nodes, then what
// the DefaultPreemption PostFilter found. This text is the FailedScheduling event and the
// PodScheduled condition's message, e.g.
// `0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`
import type { KubeObject } from '../../api/object';
import type { FilterStatus } from './filters';
import { runFilters, type PreparedPod } from './filters';
import { removePod, type NodeInfo } from './node-info';
import { addResources } from './resources';

export interface Diagnosis {
  numAllNodes: number;
  /** The rejecting status of each evaluated node. */
  statuses: Map<string, FilterStatus>;
  /** Status of nodes the PreFilter excluded (not evaluated). */
  absentStatus?: FilterStatus;
  /** A PreFilter rejection that applies to every node. */
  preFilterMsg?: string;
}

// Upstream: pkg/scheduler/framework/types.go (FitError.Error)
export function fitErrorMessage(d: Diagnosis, postFilterMsg?: string): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) {
    msg += ` ${d.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    for (const s of d.statuses.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    if (d.statuses.size < d.numAllNodes && d.absentStatus) {
      for (const r of d.absentStatus.reasons) counts.set(r, (counts.get(r) ?? 0) + d.numAllNodes - d.statuses.size);
    }
    const histogram = [...counts].map(([r, n]) => `${n} ${r}`).sort();
    if (histogram.length) msg += ` ${histogram.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_PREEMPTION_VICTIMS = 'No preemption victims found for incoming pod';

/**
 * What DefaultPreemption reports when it cannot help. Nodes rejected as unresolvable are not
 * candidates; on the others it looks for lower-priority victims whose removal would let the
 * pod fit. (The engine reports rather than evicts: with no victims the pod just waits.)
 */
// Upstream: pkg/scheduler/framework/preemption/preemption.go (Preempt, findCandidates,
// nodesWherePreemptionMightHelp), plugins/defaultpreemption/default_preemption.go (SelectVictimsOnNode)
export function preemptionMessage(p: PreparedPod, nodes: NodeInfo[], d: Diagnosis): string {
  const pod: KubeObject = p.pod;
  if (pod.spec?.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const priority = pod.spec?.priority ?? 0;
  const statuses = new Map<string, FilterStatus>();
  for (const ni of nodes) {
    const s = d.preFilterMsg ? undefined : (d.statuses.get(ni.name) ?? d.absentStatus);
    if (!s || s.code === 'UnschedulableAndUnresolvable') {
      statuses.set(ni.name, { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL] });
      continue;
    }
    const victims = [...ni.pods.values()].filter((e) => (e.pod.spec?.priority ?? 0) < priority);
    if (victims.length === 0) {
      statuses.set(ni.name, { plugin: 'DefaultPreemption', code: 'UnschedulableAndUnresolvable', reasons: [NO_PREEMPTION_VICTIMS] });
      continue;
    }
    const trial: NodeInfo = { ...ni, pods: new Map(ni.pods), requested: addResources(ni.requested, { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} }) };
    for (const v of victims) removePod(trial, v.key);
    const after = runFilters(p, trial);
    statuses.set(ni.name, after ?? { plugin: 'DefaultPreemption', code: 'Unschedulable', reasons: [NO_PREEMPTION_VICTIMS] });
  }
  return `preemption: ${fitErrorMessage({ numAllNodes: statuses.size, statuses })}`;
}
