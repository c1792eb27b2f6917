// Resource quantities and a pod's effective requests, as the scheduler (and the kubelet) count them.
// Upstream: apimachinery pkg/api/resource/quantity.go (values only),
// component-helpers resource/helpers.go (PodRequests), pkg/scheduler/util/pod_resources.go (non-zero defaults)
/* eslint-disable @typescript-eslint/no-explicit-any */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The numeric value of a Quantity (`100m` → 0.1, `128Mi` → 134217728); NaN when malformed. */
export function quantityValue(q: unknown): number {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:[eE]([+-]?\d+))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?$/.exec(q.trim());
  if (!m) return NaN;
  let v = Number(m[1]);
  if (m[2] !== undefined) v *= 10 ** Number(m[2]);
  const suffix = m[3] ?? '';
  return v * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

/** Milli-units rounded up, as Quantity.MilliValue (CPU). */
export function milliValue(q: unknown): number {
  const v = quantityValue(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e9) / 1e6) : 0;
}

/** Whole units rounded up, as Quantity.Value (memory, pods, storage). */
export function intValue(q: unknown): number {
  const v = quantityValue(q);
  return Number.isFinite(v) ? Math.ceil(Math.round(v * 1e3) / 1e3) : 0;
}

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (nvidia.com/gpu...) by name. */
  scalar: Record<string, number>;
}

export function emptyResources(): Resources {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} };
}

export function resourcesFromList(list: Record<string, unknown> | undefined): Resources {
  const r = emptyResources();
  for (const [name, q] of Object.entries(list ?? {})) {
    if (name === 'cpu') r.milliCPU += milliValue(q);
    else if (name === 'memory') r.memory += intValue(q);
    else if (name === 'ephemeral-storage') r.ephemeralStorage += intValue(q);
    else if (name !== 'pods' && name.includes('/') && !name.startsWith('hugepages-')) r.scalar[name] = (r.scalar[name] ?? 0) + intValue(q);
  }
  return r;
}

export function addResources(a: Resources, b: Resources, sign = 1): Resources {
  const out: Resources = { milliCPU: a.milliCPU + sign * b.milliCPU, memory: a.memory + sign * b.memory, ephemeralStorage: a.ephemeralStorage + sign * b.ephemeralStorage, scalar: { ...a.scalar } };
  for (const [k, v] of Object.entries(b.scalar)) out.scalar[k] = (out.scalar[k] ?? 0) + sign * v;
  return out;
}

function maxResources(a: Resources, b: Resources): Resources {
  const out: Resources = { milliCPU: Math.max(a.milliCPU, b.milliCPU), memory: Math.max(a.memory, b.memory), ephemeralStorage: Math.max(a.ephemeralStorage, b.ephemeralStorage), scalar: { ...a.scalar } };
  for (const [k, v] of Object.entries(b.scalar)) out.scalar[k] = Math.max(out.scalar[k] ?? 0, v);
  return out;
}

/** The scheduler's defaults for containers without cpu/memory requests (scoring only). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/**
 * A pod's effective requests: the sum of its containers (and sidecars), or the largest init
 * container if that is more, plus overhead. With `nonZero`, containers without a cpu or memory
 * request count the scheduler's defaults (used for spreading scores, not for fit).
 */
// Upstream: component-helpers resource/helpers.go (PodRequests, with restartable init containers)
export function podRequests(spec: any, nonZero = false): Resources {
  const containerReq = (c: any): Resources => {
    const r = resourcesFromList(c?.resources?.requests);
    if (nonZero) {
      if (c?.resources?.requests?.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (c?.resources?.requests?.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  };
  let reqs = emptyResources();
  for (const c of spec?.containers ?? []) reqs = addResources(reqs, containerReq(c));
  let restartable = emptyResources();
  let initMax = emptyResources();
  for (const c of spec?.initContainers ?? []) {
    const r = containerReq(c);
    if (c.restartPolicy === 'Always') {
      reqs = addResources(reqs, r);
      restartable = addResources(restartable, r);
      initMax = maxResources(initMax, restartable);
    } else {
      initMax = maxResources(initMax, addResources(r, restartable));
    }
  }
  reqs = maxResources(reqs, initMax);
  if (spec?.overhead) reqs = addResources(reqs, resourcesFromList(spec.overhead));
  return reqs;
}
