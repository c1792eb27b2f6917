// The API status the kubelet reports for a pod, computed from what its runtime knows about the
// containers: phase, the kubelet-owned conditions, container statuses. Pure: the pod worker
// builds a RuntimeView and this turns it into `status`.
// Upstream: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase, convertToAPIContainerStatuses),
// pkg/kubelet/status/generate.go (GeneratePod*Condition), status_manager.go (lastTransitionTime)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { rfc3339 } from '../clock';
import type { KubeObject } from '../api/object';
import { qosClass } from '../registry/pod';

export interface Terminated {
  containerID?: string;
  exitCode: number;
  reason?: string;
  message?: string;
  signal?: number;
  startedAt?: number;
  finishedAt: number;
}

export type ContainerState = { running: { startedAt: number } } | { terminated: Terminated } | { waiting: { reason: string; message?: string } };

export interface ContainerView {
  name: string;
  /** The image as the spec says (`nginx`). */
  specImage: string;
  /** Fully qualified image of the current instance (`docker.io/library/nginx:latest`). */
  image?: string;
  imageID?: string;
  containerID?: string;
  restartCount: number;
  state: ContainerState;
  lastState?: Terminated;
  ready: boolean;
  started: boolean;
  volumeMounts?: any[];
}

export interface RuntimeView {
  hostIP: string;
  podIP?: string;
  startTime?: number;
  sandboxReady: boolean;
  init: ContainerView[];
  containers: ContainerView[];
  /** The pod is being shut down for good (deleted, deadline): its phase becomes terminal. */
  terminal: boolean;
  /** Pod-level failure (activeDeadlineSeconds). */
  failure?: { reason: string; message: string };
}

const restartable = (c: any) => c?.restartPolicy === 'Always';

// Upstream: kubelet_pods.go (getPhase)
export function podPhase(spec: any, init: ContainerView[], containers: ContainerView[], podIsTerminal: boolean): string {
  let pendingInitialization = 0;
  let failedInitialization = 0;
  const initSpecs: any[] = spec.initContainers ?? [];
  const anyRegularStarted = containers.some((c) => 'running' in c.state || 'terminated' in c.state || c.lastState);
  for (const cs of initSpecs) {
    if (restartable(cs)) {
      const st = init.find((v) => v.name === cs.name);
      if (!st || !st.started) pendingInitialization++;
      continue;
    }
    const st = init.find((v) => v.name === cs.name);
    if (!st) {
      pendingInitialization++;
      continue;
    }
    if ('running' in st.state) pendingInitialization++;
    else if ('terminated' in st.state) {
      if (st.state.terminated.exitCode !== 0) failedInitialization++;
    } else if (st.lastState) {
      if (st.lastState.exitCode !== 0) failedInitialization++;
    } else pendingInitialization++;
  }
  let unknown = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of spec.containers ?? []) {
    const st = containers.find((v) => v.name === c.name);
    if (!st) {
      unknown++;
      continue;
    }
    if ('running' in st.state) running++;
    else if ('terminated' in st.state) {
      stopped++;
      if (st.state.terminated.exitCode === 0) succeeded++;
    } else if (st.lastState) stopped++;
    else waiting++;
  }
  if (failedInitialization > 0 && spec.restartPolicy === 'Never') return 'Failed';
  if ((pendingInitialization > 0 && !anyRegularStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (spec.restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (spec.restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

interface Condition {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

// Upstream: status/generate.go (GeneratePodReadyToStartContainersCondition, GeneratePodInitializedCondition,
// GenerateContainersReadyCondition, GeneratePodReadyCondition)
export function kubeletConditions(pod: KubeObject, view: RuntimeView, phase: string): Condition[] {
  const spec = pod.spec ?? {};
  const out: Condition[] = [];
  out.push({ type: 'PodReadyToStartContainers', status: view.sandboxReady ? 'True' : 'False' });

  // Initialized
  const initSpecs: any[] = spec.initContainers ?? [];
  let initialized: Condition;
  const anyRegularStarted = view.containers.some((c) => 'running' in c.state || 'terminated' in c.state || c.lastState);
  const unknownInit = initSpecs.filter((c) => !view.init.find((v) => v.name === c.name)).map((c) => c.name);
  if (phase === 'Succeeded' && unknownInit.length === 0) initialized = { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  else if (anyRegularStarted) initialized = { type: 'Initialized', status: 'True' };
  else {
    const incomplete = initSpecs
      .filter((c) => {
        const v = view.init.find((x) => x.name === c.name);
        if (!v) return false;
        if (restartable(c)) return !v.started;
        return !('terminated' in v.state && v.state.terminated.exitCode === 0);
      })
      .map((c) => c.name);
    const msgs: string[] = [];
    if (unknownInit.length) msgs.push(`containers with unknown status: ${goList(unknownInit)}`);
    if (incomplete.length) msgs.push(`containers with incomplete status: ${goList(incomplete)}`);
    initialized = msgs.length ? { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ') } : { type: 'Initialized', status: 'True' };
  }
  out.push(initialized);

  // ContainersReady
  let containersReady: Condition;
  if (phase === 'Succeeded') containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodCompleted' };
  else if (phase === 'Failed') containersReady = { type: 'ContainersReady', status: 'False', reason: 'PodFailed' };
  else {
    const unknown: string[] = [];
    const unready: string[] = [];
    for (const c of [...initSpecs.filter(restartable), ...(spec.containers ?? [])]) {
      const v = (restartable(c) ? view.init : view.containers).find((x) => x.name === c.name);
      if (!v) unknown.push(c.name);
      else if (!v.ready) unready.push(c.name);
    }
    const msgs: string[] = [];
    if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
    if (unready.length) msgs.push(`containers with unready status: ${goList(unready)}`);
    containersReady = msgs.length ? { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ') } : { type: 'ContainersReady', status: 'True' };
  }

  // Ready
  let ready: Condition = { ...containersReady, type: 'Ready' };
  if (containersReady.status === 'True') {
    const conds: any[] = pod.status?.conditions ?? [];
    const unready: string[] = [];
    for (const g of spec.readinessGates ?? []) {
      const c = conds.find((x) => x.type === g.conditionType);
      if (!c) unready.push(`corresponding condition of pod readiness gate "${g.conditionType}" does not exist.`);
      else if (c.status !== 'True') unready.push(`the status of pod readiness gate "${g.conditionType}" is not "True", but ${c.status}`);
    }
    if (unready.length) ready = { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: unready.join(', ') };
  }
  out.push(ready, containersReady);
  return out;
}

function apiTerminated(t: Terminated): any {
  const out: any = { containerID: t.containerID, exitCode: t.exitCode, finishedAt: rfc3339(t.finishedAt) };
  if (t.message) out.message = t.message;
  if (t.reason) out.reason = t.reason;
  if (t.signal) out.signal = t.signal;
  out.startedAt = t.startedAt !== undefined ? rfc3339(t.startedAt) : null;
  if (!t.containerID) delete out.containerID;
  return out;
}

export function apiContainerStatus(v: ContainerView): any {
  const out: any = {};
  if (v.containerID) out.containerID = v.containerID;
  out.image = v.image ?? v.specImage;
  out.imageID = v.imageID ?? '';
  out.lastState = v.lastState ? { terminated: apiTerminated(v.lastState) } : {};
  out.name = v.name;
  out.ready = v.ready;
  out.restartCount = v.restartCount;
  out.started = v.started;
  if ('running' in v.state) out.state = { running: { startedAt: rfc3339(v.state.running.startedAt) } };
  else if ('terminated' in v.state) out.state = { terminated: apiTerminated(v.state.terminated) };
  else out.state = { waiting: v.state.waiting.message ? { message: v.state.waiting.message, reason: v.state.waiting.reason } : { reason: v.state.waiting.reason } };
  if (v.volumeMounts?.length) out.volumeMounts = v.volumeMounts;
  return out;
}

/** The full status the kubelet writes, keeping the scheduler's PodScheduled and unchanged transition times. */
export function generatePodStatus(pod: KubeObject, view: RuntimeView, now: number): any {
  const spec = pod.spec ?? {};
  const old = pod.status ?? {};
  let phase = podPhase(spec, view.init, view.containers, view.terminal);
  if (view.failure) phase = 'Failed';
  // A pod that already reached a terminal phase never leaves it.
  if (old.phase === 'Succeeded' || old.phase === 'Failed') phase = old.phase;
  const kubelet = kubeletConditions(pod, view, phase);
  const oldConds: any[] = old.conditions ?? [];
  const stamp = (c: Condition) => {
    const prev = oldConds.find((x) => x.type === c.type);
    const same = prev && prev.status === c.status;
    const out: any = { lastProbeTime: null, lastTransitionTime: same ? prev.lastTransitionTime : rfc3339(now) };
    if (c.message) out.message = c.message;
    if (c.reason) out.reason = c.reason;
    out.status = c.status;
    out.type = c.type;
    return out;
  };
  const scheduled = oldConds.find((x) => x.type === 'PodScheduled') ?? { lastProbeTime: null, lastTransitionTime: rfc3339(now), status: 'True', type: 'PodScheduled' };
  const others = oldConds.filter((x) => !['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'].includes(x.type));
  const status: any = {
    conditions: [...kubelet.map(stamp), ...others, scheduled],
  };
  const sortByName = (a: ContainerView, b: ContainerView) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  status.containerStatuses = [...view.containers].sort(sortByName).map(apiContainerStatus);
  status.hostIP = view.hostIP;
  status.hostIPs = [{ ip: view.hostIP }];
  if (view.init.length) status.initContainerStatuses = view.init.map(apiContainerStatus);
  if (view.failure) {
    status.message = view.failure.message;
    status.reason = view.failure.reason;
  } else if (old.reason && (phase === 'Failed' || phase === 'Succeeded')) {
    status.message = old.message;
    status.reason = old.reason;
  }
  status.phase = phase;
  const ip = view.podIP ?? old.podIP;
  if (ip) {
    status.podIP = ip;
    status.podIPs = [{ ip }];
  }
  status.qosClass = old.qosClass ?? qosClass(spec);
  const start = view.startTime ?? (old.startTime ? Date.parse(old.startTime) : undefined);
  if (start !== undefined) status.startTime = rfc3339(start);
  return status;
}
