// What the cluster view says about a pod: the STATUS column kubectl prints, the READY count,
// restarts, and the colour class of its tile. Pure, so it is table-tested without a browser.
// Upstream: kubernetes pkg/printers/internalversion/printers.go printPod.
import type { Pod } from 'kubernetes-types/core/v1';

export type Tone = 'running' | 'ready' | 'pending' | 'succeeded' | 'failed' | 'terminating' | 'unknown';

export interface PodSummary {
  /** As kubectl prints it: Running, Pending, ContainerCreating, ErrImagePull, Terminating, Completed… */
  status: string;
  ready: number;
  total: number;
  restarts: number;
  tone: Tone;
}

export function podSummary(pod: Pod): PodSummary {
  const containers = pod.spec?.containers ?? [];
  const statuses = pod.status?.containerStatuses ?? [];
  const total = containers.length;
  let ready = 0;
  let restarts = 0;
  let reason = pod.status?.reason || pod.status?.phase || 'Unknown';

  let initializing = false;
  const initStatuses = pod.status?.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    if (c.state?.terminated && c.state.terminated.exitCode === 0) continue;
    if (c.state?.terminated) {
      reason = c.state.terminated.reason ? `Init:${c.state.terminated.reason}` : c.state.terminated.signal ? `Init:Signal:${c.state.terminated.signal}` : `Init:ExitCode:${c.state.terminated.exitCode}`;
    } else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${c.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing) {
    let hasRunning = false;
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    // Some containers running and none waiting: the pod is Running (or NotReady when not ready).
    if (reason === 'Completed' && hasRunning) {
      const readyCond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      reason = readyCond?.status === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata?.deletionTimestamp) {
    reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  }

  return { status: reason, ready, total, restarts, tone: toneOf(reason, pod.status?.phase, ready, total) };
}

function toneOf(status: string, phase: string | undefined, ready: number, total: number): Tone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Completed' || phase === 'Succeeded') return 'succeeded';
  if (status === 'Running') return total > 0 && ready === total ? 'ready' : 'running';
  if (/Err|BackOff|Failed|Error|OOMKilled|ExitCode|Signal|Evicted|Invalid/.test(status) || phase === 'Failed') return 'failed';
  if (status === 'Unknown') return 'unknown';
  return 'pending';
}

/** Ready condition of a Node: "Ready", "NotReady" or "Unknown", with SchedulingDisabled appended like kubectl. */
export function nodeStatus(node: { spec?: { unschedulable?: boolean }; status?: { conditions?: Array<{ type: string; status: string }> } }): string {
  const c = node.status?.conditions?.find((x) => x.type === 'Ready');
  const s = c?.status === 'True' ? 'Ready' : c?.status === 'False' ? 'NotReady' : 'Unknown';
  return node.spec?.unschedulable ? `${s},SchedulingDisabled` : s;
}
