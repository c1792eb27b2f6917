// One scheduling attempt for one pod, as a pure function of the pod and the cluster snapshot:
// PreFilter, Filter on every node, then either Score + selectHost or a FitError with the
// preemption PostFilter's message. The controller turns the result into a binding or a
// FailedScheduling event.
// Upstream: pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod, prioritizeNodes)
import type { KubeObject } from '../../api/object';
import type { Selector } from '../../api/label-selector';
import { ERR_AFFINITY_CONFLICT, preFilterNodeNames, preparePod, runFilters, type FilterStatus } from './filters';
import { fitErrorMessage, preemptionMessage, type Diagnosis } from './fit-error';
import type { ClusterSnapshot, NodeInfo } from './node-info';
import { scoreNodes, selectHost } from './scoring';

export type ScheduleResult = { nodeName: string; feasible: number } | { message: string; diagnosis: Diagnosis };

export interface ScheduleOptions {
  nsLabels?: (ns: string) => Record<string, string> | undefined;
  spreadSelector?: Selector;
  random?: () => number;
}

export function schedulePod(pod: KubeObject, snapshot: ClusterSnapshot, opts: ScheduleOptions = {}): ScheduleResult {
  const nsLabels = opts.nsLabels ?? (() => undefined);
  const all = snapshot.nodeList();
  const diagnosis: Diagnosis = { numAllNodes: all.length, statuses: new Map() };
  if (all.length === 0) {
    return { message: 'no nodes available to schedule pods', diagnosis };
  }
  const prepared = preparePod(pod, snapshot, nsLabels);
  let candidates: NodeInfo[] = all;
  const names = preFilterNodeNames(pod);
  if (names === 'conflict') {
    diagnosis.preFilterMsg = ERR_AFFINITY_CONFLICT;
    return { message: fitErrorMessage(diagnosis, preemptionMessage(prepared, all, diagnosis)), diagnosis };
  }
  if (names) {
    candidates = all.filter((n) => names.has(n.name));
    diagnosis.absentStatus = { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] } satisfies FilterStatus;
  }
  const feasible: NodeInfo[] = [];
  for (const ni of candidates) {
    const s = runFilters(prepared, ni);
    if (s) diagnosis.statuses.set(ni.name, s);
    else feasible.push(ni);
  }
  if (feasible.length === 0) {
    return { message: fitErrorMessage(diagnosis, preemptionMessage(prepared, all, diagnosis)), diagnosis };
  }
  if (feasible.length === 1) return { nodeName: feasible[0].name, feasible: 1 };
  const scores = scoreNodes({ pod, nodes: feasible, snapshot, spreadSelector: opts.spreadSelector, nsLabels });
  return { nodeName: selectHost(scores, opts.random)!, feasible: feasible.length };
}
