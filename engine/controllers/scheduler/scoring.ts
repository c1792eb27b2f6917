// The default scheduler's Score plugins and their weights: each scores the feasible nodes 0-100
// after its own normalisation, and the weighted sum picks the node.
// Upstream: pkg/scheduler/apis/config/v1/default_plugins.go (weights), plugins/tainttoleration,
// nodeaffinity, noderesources (least_allocated.go, balanced_allocation.go), podtopologyspread
// (scoring.go, system default constraints), interpodaffinity (scoring.go)
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KubeObject } from '../../api/object';
import { matches, type Selector } from '../../api/label-selector';
import { nodeSelectorTermMatches, preferredAffinityTerms, requiredAffinityTerms, termMatches, toleratesTaint } from './filters';
import type { ClusterSnapshot, NodeInfo } from './node-info';
import { podRequests } from './resources';

export const MAX_NODE_SCORE = 100;

type Scores = Map<string, number>;

/** framework.DefaultNormalizeScore */
function defaultNormalize(scores: Scores, reverse: boolean): void {
  let max = 0;
  for (const v of scores.values()) max = Math.max(max, v);
  for (const [k, v] of scores) {
    if (max === 0) scores.set(k, reverse ? MAX_NODE_SCORE : 0);
    else {
      const s = Math.trunc((MAX_NODE_SCORE * v) / max);
      scores.set(k, reverse ? MAX_NODE_SCORE - s : s);
    }
  }
}

// Upstream: tainttoleration/taint_toleration.go (Score: intolerable PreferNoSchedule taints, reversed)
export function taintTolerationScores(pod: KubeObject, nodes: NodeInfo[]): Scores {
  const tolerations: any[] = (pod.spec?.tolerations ?? []).filter((t: any) => !t.effect || t.effect === 'PreferNoSchedule');
  const scores: Scores = new Map();
  for (const ni of nodes) {
    let n = 0;
    for (const taint of ni.node.spec?.taints ?? []) {
      if (taint.effect !== 'PreferNoSchedule') continue;
      if (!tolerations.some((t) => toleratesTaint(t, taint))) n++;
    }
    scores.set(ni.name, n);
  }
  defaultNormalize(scores, true);
  return scores;
}

// Upstream: nodeaffinity/node_affinity.go (Score: sum of matching preferred term weights)
export function nodeAffinityScores(pod: KubeObject, nodes: NodeInfo[]): Scores {
  const preferred: any[] = pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  const scores: Scores = new Map();
  for (const ni of nodes) {
    let s = 0;
    for (const p of preferred) if (p.weight && nodeSelectorTermMatches(p.preference, ni.node)) s += p.weight;
    scores.set(ni.name, s);
  }
  defaultNormalize(scores, false);
  return scores;
}

// Upstream: noderesources/least_allocated.go (cpu and memory, weight 1 each, non-zero requests)
export function leastAllocatedScores(pod: KubeObject, nodes: NodeInfo[]): Scores {
  const req = podRequests(pod.spec, true);
  const scores: Scores = new Map();
  const part = (cap: number, used: number) => (cap === 0 || used > cap ? 0 : Math.trunc(((cap - used) * MAX_NODE_SCORE) / cap));
  for (const ni of nodes) {
    const cpu = part(ni.allocatable.milliCPU, ni.nonZeroRequested.milliCPU + req.milliCPU);
    const mem = part(ni.allocatable.memory, ni.nonZeroRequested.memory + req.memory);
    scores.set(ni.name, Math.trunc((cpu + mem) / 2));
  }
  return scores;
}

// Upstream: noderesources/balanced_allocation.go (1 - standard deviation of the fractions)
export function balancedAllocationScores(pod: KubeObject, nodes: NodeInfo[]): Scores {
  const req = podRequests(pod.spec);
  const scores: Scores = new Map();
  for (const ni of nodes) {
    const f = (cap: number, used: number) => (cap === 0 ? 0 : Math.min(1, used / cap));
    const cpu = f(ni.allocatable.milliCPU, ni.requested.milliCPU + req.milliCPU);
    const mem = f(ni.allocatable.memory, ni.requested.memory + req.memory);
    const std = Math.abs(cpu - mem) / 2;
    scores.set(ni.name, Math.trunc((1 - std) * MAX_NODE_SCORE));
  }
  return scores;
}

/**
 * PodTopologySpread with the system default constraints (hostname maxSkew 3, zone maxSkew 5,
 * ScheduleAnyway): fewer matching pods in a domain scores higher. `selector` is the union of the
 * selectors of the Services and the owning ReplicaSet/StatefulSet that select the pod; without
 * one, every node scores the same.
 */
// Upstream: podtopologyspread/scoring.go (PreScore, Score, NormalizeScore), plugin.go (systemDefaultConstraints)
export function topologySpreadScores(pod: KubeObject, nodes: NodeInfo[], snapshot: ClusterSnapshot, selector: Selector | undefined): Scores {
  const scores: Scores = new Map();
  if (!selector || selector.length === 0 || nodes.length === 0) {
    for (const ni of nodes) scores.set(ni.name, 0);
    return scores;
  }
  const ns = pod.metadata.namespace ?? 'default';
  const constraints = [
    { key: 'kubernetes.io/hostname', maxSkew: 3 },
    { key: 'topology.kubernetes.io/zone', maxSkew: 5 },
  ];
  const countOn = (ni: NodeInfo) => {
    let n = 0;
    for (const e of ni.pods.values()) if (e.namespace === ns && !e.pod.metadata.deletionTimestamp && matches(selector, e.labels)) n++;
    return n;
  };
  const perNode = new Map<string, number>();
  for (const ni of nodes) perNode.set(ni.name, countOn(ni));
  const raw: Scores = new Map();
  for (const c of constraints) {
    const domains = new Set<string>();
    for (const ni of nodes) if (ni.labels[c.key] !== undefined) domains.add(ni.labels[c.key]);
    if (domains.size === 0) continue;
    const weight = Math.log(domains.size + 2);
    // Pods per domain, counted over all nodes of the cluster for non-hostname keys.
    const perDomain = new Map<string, number>();
    if (c.key !== 'kubernetes.io/hostname') {
      for (const ni of snapshot.nodes.values()) {
        const v = ni.labels[c.key];
        if (v !== undefined && domains.has(v)) perDomain.set(v, (perDomain.get(v) ?? 0) + countOn(ni));
      }
    }
    for (const ni of nodes) {
      const v = ni.labels[c.key];
      if (v === undefined) continue;
      const cnt = c.key === 'kubernetes.io/hostname' ? perNode.get(ni.name)! : (perDomain.get(v) ?? 0);
      raw.set(ni.name, (raw.get(ni.name) ?? 0) + cnt * weight + (c.maxSkew - 1));
    }
  }
  let min = Infinity;
  let max = 0;
  for (const ni of nodes) {
    const s = Math.round(raw.get(ni.name) ?? 0);
    raw.set(ni.name, s);
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  for (const ni of nodes) {
    const s = raw.get(ni.name)!;
    scores.set(ni.name, max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - s)) / max));
  }
  return scores;
}

/** Preferred pod (anti-)affinity of the incoming pod and of the pods already placed. */
// Upstream: interpodaffinity/scoring.go (PreScore, Score, NormalizeScore); hardPodAffinityWeight 1
export function interPodAffinityScores(pod: KubeObject, nodes: NodeInfo[], snapshot: ClusterSnapshot, nsLabels: (ns: string) => Record<string, string> | undefined): Scores {
  const scores: Scores = new Map();
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels ?? {};
  const preferred = [...preferredAffinityTerms(pod, false).map((t) => ({ t, sign: 1 })), ...preferredAffinityTerms(pod, true).map((t) => ({ t, sign: -1 }))];
  const topo = new Map<string, number>(); // "key\0value" -> weight
  const add = (key: string, value: string | undefined, w: number) => {
    if (value === undefined || w === 0) return;
    const k = `${key}\u0000${value}`;
    topo.set(k, (topo.get(k) ?? 0) + w);
  };
  const candidates = preferred.length > 0 ? [...snapshot.pods.values()] : [...snapshot.podsWithAffinity].map((k) => snapshot.pods.get(k)!).filter(Boolean);
  for (const e of candidates) {
    const node = snapshot.nodes.get(e.nodeName);
    if (!node) continue;
    for (const { t, sign } of preferred) if (termMatches(t, e.namespace, e.labels, nsLabels)) add(t.topologyKey, node.labels[t.topologyKey], sign * t.weight);
    if (e.affinity?.podAffinity || e.affinity?.podAntiAffinity) {
      for (const t of requiredAffinityTerms(e.pod)) if (termMatches(t, ns, labels, nsLabels)) add(t.topologyKey, node.labels[t.topologyKey], 1);
      for (const t of preferredAffinityTerms(e.pod, false)) if (termMatches(t, ns, labels, nsLabels)) add(t.topologyKey, node.labels[t.topologyKey], t.weight);
      for (const t of preferredAffinityTerms(e.pod, true)) if (termMatches(t, ns, labels, nsLabels)) add(t.topologyKey, node.labels[t.topologyKey], -t.weight);
    }
  }
  let min = Infinity;
  let max = -Infinity;
  for (const ni of nodes) {
    let s = 0;
    if (topo.size) for (const [k, v] of Object.entries(ni.labels)) s += topo.get(`${k}\u0000${v}`) ?? 0;
    scores.set(ni.name, s);
    min = Math.min(min, s);
    max = Math.max(max, s);
  }
  for (const [k, s] of scores) scores.set(k, max - min > 0 ? Math.trunc((MAX_NODE_SCORE * (s - min)) / (max - min)) : 0);
  return scores;
}

export interface ScoreInput {
  pod: KubeObject;
  nodes: NodeInfo[];
  snapshot: ClusterSnapshot;
  spreadSelector?: Selector;
  nsLabels: (ns: string) => Record<string, string> | undefined;
}

/** Weighted sum of every plugin's normalised score, per feasible node. */
export function scoreNodes(input: ScoreInput): Scores {
  const { pod, nodes, snapshot } = input;
  const parts: [number, Scores][] = [
    [3, taintTolerationScores(pod, nodes)],
    [2, nodeAffinityScores(pod, nodes)],
    [1, leastAllocatedScores(pod, nodes)],
    [2, topologySpreadScores(pod, nodes, snapshot, input.spreadSelector)],
    [2, interPodAffinityScores(pod, nodes, snapshot, input.nsLabels)],
    [1, balancedAllocationScores(pod, nodes)],
  ];
  const total: Scores = new Map();
  for (const ni of nodes) total.set(ni.name, parts.reduce((sum, [w, s]) => sum + w * (s.get(ni.name) ?? 0), 0));
  return total;
}

/** The best-scoring node; ties are broken at random, as upstream's selectHost does. */
// Upstream: pkg/scheduler/schedule_one.go (selectHost)
export function selectHost(scores: Scores, random: () => number = Math.random): string | undefined {
  let best: string | undefined;
  let bestScore = -Infinity;
  let ties = 0;
  for (const [name, s] of scores) {
    if (s > bestScore) {
      best = name;
      bestScore = s;
      ties = 1;
    } else if (s === bestScore) {
      ties++;
      if (random() * ties < 1) best = name;
    }
  }
  return best;
}
