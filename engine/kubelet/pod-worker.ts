// One pod on one node, from binding to deletion: the sandbox (pod IP), image pulls, container
// create/start, the container processes (images' `exec`), restarts with back-off, probes,
// graceful termination. Every delay is a timer on the cluster clock, so a ManualClock steps a
// pod through its whole life. The worker keeps the runtime's truth; `view()` is what the
// kubelet turns into the pod's status (pod-status.ts).
// Upstream: pkg/kubelet/kuberuntime/kuberuntime_manager.go (SyncPod, computePodActions),
// kuberuntime_container.go (startContainer, killContainer), pod_workers.go, prober/worker.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock';
import type { KubeObject } from '../api/object';
import { intValue, quantityValue } from '../controllers/scheduler/resources';
import { Backoff } from './backoff';
import { buildContainerFs, ContainerFsView, volumeFs, type ContainerRootFs, type VolumeMountSpec } from './container-fs';
import { goDuration } from './go-duration';
import type { ImageCatalog, ResolvedImage } from './images/catalog';
import type { ContainerContext, Image, Signal } from './images/image';
import type { Userland } from './images/userland';
import type { ShellClock } from '../shell/shell-clock';
import type { VirtualFs } from '../shell/virtual-fs';
import type { NodeImages } from './node-images';
import type { PodNetwork, PodNetworkNamespace } from './pod-network';
import type { ContainerView, RuntimeView, Terminated } from './pod-status';
import { runProbe } from './probes';
import { runContainerCommand, runMainProcess } from './container-shell';
import { ContainerStdio } from './container-stdio';

export interface WorkerDeps {
  clock: Clock;
  catalog: ImageCatalog;
  images: NodeImages;
  network: PodNetwork;
  nodeName: string;
  hostIP: string;
  allocateIP(): string | undefined;
  releaseIP(ip: string): void;
  /** Reads another object (ConfigMaps and Secrets for env and volumes). */
  lookup(resource: string, namespace: string, name: string): KubeObject | undefined;
  event(pod: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** The runtime changed: the kubelet should write the pod's status. */
  onChange(): void;
  random?: () => number;
}

/** How long the kubelet takes to notice a container exit (PLEG relist period). */
const PLEG_MS = 1000;
const SANDBOX_MS = [250, 500];
const CREATE_MS = [150, 350];
const START_MS = [60, 160];
/** Retry of config errors (missing ConfigMap/Secret) and ErrImageNeverPull: the sync period. */
const CONFIG_RETRY_MS = 10_000;
/** After ErrImagePull, the next pod sync reports ImagePullBackOff. */
const PULL_FAILED_RESYNC_MS = 1500;
/** minimumGracePeriodInSeconds */
const MIN_GRACE_S = 2;
const MAX_LOG_LINES = 2000;

type Kind = 'init' | 'sidecar' | 'regular';

export interface LogLine {
  time: number;
  stream: 'stdout' | 'stderr';
  text: string;
  /** Position in the instance's output (stable while older lines are dropped). */
  seq: number;
}

/** A running container as `kubectl exec` and `attach` see it. */
export interface RunningContainer {
  id: string;
  name: string;
  image: Image;
  tag: string;
  userland?: Userland;
  fs: ContainerRootFs;
  env: Readonly<Record<string, string>>;
  hostname: string;
  podIP: string;
  /** The container's stdin/tty settings from the spec (attach). */
  stdin: boolean;
  tty: boolean;
  /** The main process's standard streams when the runtime keeps its stdin open (`stdin: true`). */
  stdio?: ContainerStdio;
  /** Aborts when the container stops: exec sessions in it end with it. */
  stopped: AbortSignal;
  /** New output of the main process (attach); returns the unsubscribe. */
  onOutput(listener: (line: LogLine) => void): () => void;
}

/** One container instance's log, for `kubectl logs` (with `follow`). */
export interface InstanceLog {
  lines: readonly LogLine[];
  running: boolean;
  /** Calls onLine for each new line and onEnd once the container stopped; returns the unsubscribe. */
  follow(onLine: (line: LogLine) => void, onEnd: () => void): () => void;
}

interface Instance {
  id: string;
  resolved: ResolvedImage;
  specImage: string;
  state: 'running' | 'exited';
  startedAt: number;
  finishedAt?: number;
  exitCode?: number;
  reason?: string;
  killing?: boolean;
  oom?: boolean;
  abort: AbortController;
  signalHandlers: ((sig: Signal) => void)[];
  closers: (() => void)[];
  timers: Set<() => void>;
  fs: ContainerRootFs;
  view: ContainerFsView;
  env: Record<string, string>;
  logs: LogLine[];
  logSeq: number;
  logListeners: Set<(line: LogLine) => void>;
  /** With `stdin: true`: the main process's stdin (a pipe or a terminal), its output for attach. */
  stdio?: ContainerStdio;
  /** Aborted once the container stopped (exited, killed or the pod worker disposed). */
  stopped: AbortController;
  probe: Record<string, { successes: number; failures: number }>;
}

interface ContainerRecord {
  name: string;
  spec: any;
  kind: Kind;
  fieldPath: string;
  restartCount: number;
  current?: Instance;
  /** The instance before the current one (lastState), with its logs for `logs --previous`. */
  previous?: Instance;
  waiting?: { reason: string; message?: string };
  busy: boolean;
  ready: boolean;
  started: boolean;
  /** Don't retry before this time (back-offs, config retries). */
  nextAttemptAt: number;
  pullFailedAt?: number;
  prevPullError?: string;
  /** The exited instance whose CrashLoopBackOff event was already sent. */
  backoffNoticed?: Instance;
  /** lastState carried over from the status when the pod was adopted after a restart. */
  adoptedLastState?: Terminated;
}

export function newContainerId(): string {
  return 'containerd://' + randomBytes(32).toString('hex');
}

export class PodWorker {
  pod: KubeObject;
  readonly uid: string;
  readonly key: string;
  private readonly records: ContainerRecord[] = [];
  private readonly timers = new Set<() => void>();
  private readonly backoff = new Backoff();
  private readonly random: () => number;
  private netns?: PodNetworkNamespace;
  podIP?: string;
  startTime?: number;
  private sandboxState: 'none' | 'creating' | 'ready' | 'torn-down' = 'none';
  private terminating = false;
  /** All containers stopped after a deletion; the pod may be removed. */
  terminated = false;
  private failure?: { reason: string; message: string };
  private disposed = false;
  private wakeAt = Infinity;
  private readonly admittedAt: number;
  private cancelWake?: () => void;

  constructor(
    pod: KubeObject,
    private readonly deps: WorkerDeps,
  ) {
    this.pod = pod;
    this.uid = pod.metadata.uid ?? '';
    this.key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    this.random = deps.random ?? Math.random;
    this.admittedAt = deps.clock.now();
    const spec = pod.spec ?? {};
    (spec.initContainers ?? []).forEach((c: any) => this.records.push(this.record(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', `spec.initContainers{${c.name}}`)));
    (spec.containers ?? []).forEach((c: any) => this.records.push(this.record(c, 'regular', `spec.containers{${c.name}}`)));
  }

  private record(spec: any, kind: Kind, fieldPath: string): ContainerRecord {
    return { name: spec.name, spec, kind, fieldPath, restartCount: 0, busy: false, ready: false, started: false, nextAttemptAt: 0 };
  }

  /**
   * Takes over a pod that was already running before the engine restarted: same IP, same
   * container ids, start times and restart counts, processes started again without events.
   */
  adopt(pod: KubeObject): void {
    const st = pod.status ?? {};
    if (st.podIP && !pod.spec?.hostNetwork) this.podIP = st.podIP; // reserved by the kubelet at start-up
    if (!st.podIP && !pod.spec?.hostNetwork) return;
    const statuses: any[] = [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])];
    if (!statuses.some((cs) => cs.state?.running || cs.state?.terminated)) return;
    this.podIP = pod.spec?.hostNetwork ? this.deps.hostIP : st.podIP;
    this.netns = this.deps.network.open(this.podIP!, this.key);
    this.sandboxState = 'ready';
    this.startTime = st.startTime ? Date.parse(st.startTime) : this.deps.clock.now();
    for (const rec of this.records) {
      const cs = statuses.find((x) => x.name === rec.name);
      if (!cs || !(cs.state?.running || cs.state?.terminated)) continue;
      const res = this.deps.catalog.resolve(rec.spec.image);
      if (!res.ok) continue;
      this.deps.images.add(res.resolved.ref.full);
      const env = this.containerEnv(rec.spec, res.resolved);
      const t = cs.state.terminated;
      const fs = this.newContainerFs(rec.spec, res.resolved);
      const inst: Instance = {
        id: cs.containerID ?? newContainerId(),
        resolved: res.resolved,
        specImage: rec.spec.image,
        state: 'running',
        startedAt: Date.parse(cs.state.running?.startedAt ?? t?.startedAt ?? '') || this.deps.clock.now(),
        abort: new AbortController(),
        signalHandlers: [],
        closers: [],
        timers: new Set(),
        fs,
        view: new ContainerFsView(fs),
        env: 'env' in env ? env.env : {},
        logs: [],
        logSeq: 0,
        logListeners: new Set(),
        stopped: new AbortController(),
        probe: {},
      };
      rec.current = inst;
      rec.restartCount = cs.restartCount ?? 0;
      const lt = cs.lastState?.terminated;
      if (lt) rec.adoptedLastState = { containerID: lt.containerID, exitCode: lt.exitCode, reason: lt.reason, startedAt: Date.parse(lt.startedAt) || undefined, finishedAt: Date.parse(lt.finishedAt) || 0 };
      if (t) {
        inst.state = 'exited';
        inst.exitCode = t.exitCode;
        inst.reason = t.reason;
        inst.finishedAt = Date.parse(t.finishedAt) || inst.startedAt;
        continue;
      }
      this.launch(rec, inst);
      if (cs.started === false) this.startProbes(rec, inst);
      else {
        rec.started = true;
        rec.ready = !!cs.ready;
        const spec = rec.spec;
        if (spec.readinessProbe) this.scheduleProbe(rec, inst, 'Readiness', spec.readinessProbe, this.firstProbeDelay(spec.readinessProbe, inst));
        else rec.ready = true;
        if (spec.livenessProbe) this.scheduleProbe(rec, inst, 'Liveness', spec.livenessProbe, this.firstProbeDelay(spec.livenessProbe, inst));
      }
    }
  }

  // ---- public surface ----

  /** Starts the pod (admission) or applies a newer version of it. */
  update(pod: KubeObject): void {
    if (this.disposed) return;
    this.pod = pod;
    const byName = new Map<string, any>([...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map((c: any) => [c.name, c]));
    for (const rec of this.records) {
      const spec = byName.get(rec.name);
      if (!spec) continue;
      const changed = spec.image !== rec.spec.image;
      rec.spec = spec;
      // A new image: the kubelet kills the container and starts it again (no back-off).
      if (changed && rec.current?.state === 'running' && !this.terminating) {
        this.event('Normal', 'Killing', `Container ${rec.name} definition changed, will be restarted`, rec);
        this.backoff.reset(rec.name);
        this.kill(rec, rec.current, this.graceSeconds() * 1000);
      } else if (changed) {
        this.backoff.reset(`pull/${rec.name}`);
        rec.nextAttemptAt = 0;
      }
    }
    if (pod.metadata.deletionTimestamp && !this.terminating) {
      const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
      this.startTermination(grace, 'deleted');
    }
    this.advance();
  }

  /** Stops everything at once without events (force deletion, engine shutdown). */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const rec of this.records)
      for (const inst of [rec.current, rec.previous])
        if (inst) {
          this.silence(inst);
          inst.stopped.abort();
        }
    for (const c of this.timers) c();
    this.timers.clear();
    this.cancelWake?.();
    this.teardownSandbox();
  }

  get done(): boolean {
    return this.disposed;
  }

  /** Everything the pod's status needs. */
  view(): RuntimeView {
    const toView = (rec: ContainerRecord): ContainerView => {
      const cur = rec.current;
      const base = { name: rec.name, specImage: rec.spec.image, restartCount: rec.restartCount, ready: rec.ready, started: rec.started };
      const mounts = (rec.spec.volumeMounts ?? []).map((m: any) => (m.readOnly ? { mountPath: m.mountPath, name: m.name, readOnly: true, recursiveReadOnly: 'Disabled' } : { mountPath: m.mountPath, name: m.name }));
      if (!cur) {
        const defaultReason = (this.pod.spec?.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating';
        return { ...base, state: { waiting: rec.waiting ?? { reason: defaultReason } } };
      }
      const withImage = { ...base, image: cur.resolved.ref.full, imageID: cur.resolved.imageId, containerID: cur.id, volumeMounts: mounts };
      if (cur.state === 'running') return { ...withImage, state: { running: { startedAt: cur.startedAt } }, lastState: rec.previous ? this.terminatedOf(rec.previous) : rec.adoptedLastState };
      if (rec.waiting) return { ...withImage, state: { waiting: rec.waiting }, lastState: this.terminatedOf(cur) };
      return { ...withImage, state: { terminated: this.terminatedOf(cur) }, lastState: rec.previous ? this.terminatedOf(rec.previous) : rec.adoptedLastState };
    };
    return {
      hostIP: this.deps.hostIP,
      podIP: this.podIP,
      startTime: this.startTime,
      sandboxReady: this.sandboxState === 'ready',
      init: this.records.filter((r) => r.kind !== 'regular').map(toView),
      containers: this.records.filter((r) => r.kind === 'regular').map(toView),
      terminal: this.terminated,
      failure: this.failure,
    };
  }

  /** Container logs (`kubectl logs`), current or previous instance. */
  logs(container: string, previous = false): LogLine[] | undefined {
    const rec = this.records.find((r) => r.name === container);
    const inst = previous ? rec?.previous : rec?.current;
    return inst?.logs;
  }

  /** The log of the instance with this container ID (as the pod status names it). */
  instanceLog(container: string, containerID: string): InstanceLog | undefined {
    const rec = this.records.find((r) => r.name === container);
    const inst = [rec?.current, rec?.previous].find((i) => i?.id === containerID);
    if (!inst) return undefined;
    return {
      lines: inst.logs,
      running: inst.state === 'running',
      follow: (onLine, onEnd) => {
        if (inst.stopped.signal.aborted) {
          onEnd();
          return () => undefined;
        }
        const end = () => onEnd();
        inst.logListeners.add(onLine);
        inst.stopped.signal.addEventListener('abort', end, { once: true });
        return () => {
          inst.logListeners.delete(onLine);
          inst.stopped.signal.removeEventListener('abort', end);
        };
      },
    };
  }

  /** A running container (kubectl exec/attach), or undefined when it is not running. */
  running(container: string): RunningContainer | undefined {
    const rec = this.records.find((r) => r.name === container);
    const inst = rec?.current;
    if (!rec || !inst || inst.state !== 'running' || this.disposed) return undefined;
    return this.containerView(rec, inst);
  }

  private containerView(rec: ContainerRecord, inst: Instance): RunningContainer {
    const tag = inst.resolved.ref.tag;
    return {
      id: inst.id,
      name: rec.name,
      image: inst.resolved.image,
      tag,
      userland: inst.resolved.image.userland(tag),
      fs: inst.fs,
      env: inst.env,
      hostname: this.hostname(),
      podIP: this.podIP ?? '',
      stdin: !!rec.spec.stdin,
      tty: !!rec.spec.tty,
      stdio: inst.stdio,
      stopped: inst.stopped.signal,
      onOutput: (listener) => {
        inst.logListeners.add(listener);
        return () => inst.logListeners.delete(listener);
      },
    };
  }

  /** The pod's hostname (spec.hostname, else the pod name cut to 63 characters). */
  hostname(): string {
    return this.pod.spec?.hostname ?? this.pod.metadata.name.slice(0, 63);
  }

  /** Runs a command in a running container (exec probes, later `kubectl exec`). */
  async exec(container: string, argv: string[], timeoutMs = 10_000): Promise<{ code: number; output: string; timedOut?: boolean }> {
    const rec = this.records.find((r) => r.name === container);
    const inst = rec?.current;
    if (!rec || !inst || inst.state !== 'running') return { code: 126, output: `container ${container} is not running` };
    let output = '';
    const ac = new AbortController();
    const ctx = this.context(rec, inst, { pid1: false, abort: ac, out: (t) => (output += t) });
    let timedOut = false;
    const cancel = this.deps.clock.setTimer(timeoutMs, () => {
      timedOut = true;
      ac.abort();
    });
    try {
      const code = await inst.resolved.image.exec(ctx, argv, inst.resolved.ref.tag);
      return { code, output };
    } catch {
      return { code: 137, output, timedOut };
    } finally {
      cancel();
    }
  }

  // ---- the sync loop ----

  private changed(): void {
    if (!this.disposed) this.deps.onChange();
  }

  /** Looks at every container and starts whatever is due. Idempotent; called after each change. */
  private advance(): void {
    if (this.disposed) return;
    if (this.terminating) return this.advanceTermination();
    if (this.failure) return;
    if (this.sandboxState === 'none') return this.createSandbox();
    if (this.sandboxState !== 'ready') return;
    const now = this.deps.clock.now();
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    // Init containers run one at a time, each to success.
    for (const rec of this.records) {
      if (rec.kind === 'regular') continue;
      if (rec.busy) return;
      const cur = rec.current;
      if (rec.kind === 'sidecar') {
        if (cur?.state === 'running') {
          if (!rec.started) return;
          continue;
        }
        if (!cur) return this.attempt(rec, now, () => this.startContainer(rec));
        return void this.restartIfDue(rec, now);
      }
      if (cur?.state === 'running') return;
      if (cur?.state === 'exited') {
        if (cur.exitCode === 0 && !rec.waiting) continue;
        if (policy === 'Never') return this.finishIfDone();
        return void this.restartIfDue(rec, now);
      }
      return this.attempt(rec, now, () => this.startContainer(rec));
    }
    // Regular containers start one after another (a failing one does not block the others),
    // then restart per the restart policy.
    for (const rec of this.records) {
      if (rec.kind !== 'regular') continue;
      if (rec.busy) return;
      const cur = rec.current;
      if (!cur) {
        this.attempt(rec, now, () => this.startContainer(rec));
        if (rec.busy) return;
        continue;
      }
      if (cur.state === 'exited' && (policy === 'Always' || (policy === 'OnFailure' && cur.exitCode !== 0))) {
        if (this.restartIfDue(rec, now)) return;
      }
    }
    this.finishIfDone();
  }

  /** Runs `fn` now, or wakes up when the record's back-off/retry allows it. */
  private attempt(rec: ContainerRecord, now: number, fn: () => void): void {
    if (now < rec.nextAttemptAt) return this.wakeUpAt(rec.nextAttemptAt);
    fn();
  }

  /** Restarts an exited container unless it is in CrashLoopBackOff; true if a start began. */
  private restartIfDue(rec: ContainerRecord, now: number): boolean {
    const cur = rec.current!;
    const noticed = (cur.finishedAt ?? now) + PLEG_MS;
    if (now < noticed) {
      this.wakeUpAt(noticed);
      return false;
    }
    if (now < rec.nextAttemptAt) {
      this.wakeUpAt(rec.nextAttemptAt);
      return false;
    }
    if (this.backoff.isInBackOffSince(rec.name, cur.finishedAt!, now)) {
      const d = this.backoff.get(rec.name);
      const p = this.pod.metadata;
      rec.waiting = { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(d)} restarting failed container=${rec.name} pod=${p.name}_${p.namespace}(${p.uid})` };
      if (rec.backoffNoticed !== cur) {
        rec.backoffNoticed = cur;
        this.event('Warning', 'BackOff', `Back-off restarting failed container ${rec.name} in pod ${p.name}_${p.namespace}(${p.uid})`, rec);
      }
      rec.nextAttemptAt = cur.finishedAt! + d;
      this.wakeUpAt(rec.nextAttemptAt);
      this.changed();
      return false;
    }
    this.backoff.next(rec.name, now);
    this.startContainer(rec);
    return true;
  }

  /** Pod done: every container finished for good (restart policy Never/OnFailure). */
  private finishIfDone(): void {
    const policy = this.pod.spec?.restartPolicy ?? 'Always';
    if (policy === 'Always') return;
    const initFailed = policy === 'Never' && this.records.some((r) => r.kind === 'init' && r.current?.state === 'exited' && r.current.exitCode !== 0);
    const regular = this.records.filter((r) => r.kind === 'regular');
    const allDone = regular.every((r) => r.current?.state === 'exited' && !r.busy && (policy === 'Never' || r.current.exitCode === 0));
    if (!initFailed && !allDone) return;
    // Sidecars are stopped once the main containers are done.
    for (const r of this.records) if (r.kind === 'sidecar' && r.current?.state === 'running') this.kill(r, r.current, this.graceSeconds() * 1000);
    if (this.records.some((r) => r.current?.state === 'running') || this.finishing) return;
    this.finishing = true;
    this.after(PLEG_MS / 2, () => {
      this.teardownSandbox();
      this.changed();
    });
  }

  private wakeUpAt(t: number): void {
    if (t >= this.wakeAt && this.cancelWake) return;
    this.cancelWake?.();
    this.wakeAt = t;
    const cancel = this.deps.clock.setTimer(Math.max(0, t - this.deps.clock.now()), () => {
      this.timers.delete(cancel);
      if (this.cancelWake === cancel) {
        this.cancelWake = undefined;
        this.wakeAt = Infinity;
      }
      this.advance();
      this.changed();
    });
    this.cancelWake = cancel;
    this.timers.add(cancel);
  }

  private after(ms: number, fn: () => void): () => void {
    const cancel = this.deps.clock.setTimer(Math.max(0, ms), () => {
      this.timers.delete(cancel);
      if (this.disposed) return;
      fn();
      this.changed(); // every timed step may change the status
    });
    this.timers.add(cancel);
    return cancel;
  }

  private between([lo, hi]: number[]): number {
    return Math.round(lo + (hi - lo) * this.random());
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string, rec?: ContainerRecord): void {
    this.deps.event(this.pod, type, reason, message, rec?.fieldPath);
  }

  // ---- sandbox ----

  private createSandbox(): void {
    this.sandboxState = 'creating';
    this.startTime ??= this.deps.clock.now();
    this.after(this.between(SANDBOX_MS), () => {
      const ip = this.pod.spec?.hostNetwork ? this.deps.hostIP : (this.podIP ?? this.deps.allocateIP());
      if (!ip) {
        this.event('Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: plugin type="flannel" failed (add): failed to allocate for range 0: no IP addresses available in range set`);
        this.sandboxState = 'none';
        return this.wakeUpAt(this.deps.clock.now() + CONFIG_RETRY_MS);
      }
      this.podIP = ip;
      this.netns = this.deps.network.open(ip, this.key);
      this.sandboxState = 'ready';
      const deadline = this.pod.spec?.activeDeadlineSeconds;
      if (typeof deadline === 'number') this.after(this.startTime! + deadline * 1000 - this.deps.clock.now(), () => this.deadlineExceeded());
      this.advance();
    });
  }

  private teardownSandbox(): void {
    if (this.sandboxState === 'torn-down' || this.sandboxState === 'none') return;
    this.sandboxState = 'torn-down';
    if (this.podIP) {
      this.deps.network.close(this.podIP, this.key);
      if (!this.pod.spec?.hostNetwork) this.deps.releaseIP(this.podIP);
    }
  }

  // ---- starting a container ----

  // Upstream: kuberuntime_container.go (startContainer), images/image_manager.go (EnsureImageExists)
  private startContainer(rec: ContainerRecord): void {
    const spec = rec.spec;
    const image: string = spec.image;
    const now = this.deps.clock.now();
    const res = this.deps.catalog.resolve(image);
    if (!res.ok && res.reason === 'InvalidImageName') {
      rec.waiting = { reason: 'InvalidImageName', message: res.message };
      this.event('Warning', 'InspectFailed', res.message, rec);
      this.event('Warning', 'Failed', 'Error: InvalidImageName', rec);
      rec.nextAttemptAt = now + CONFIG_RETRY_MS;
      return this.wakeUpAt(rec.nextAttemptAt);
    }
    const full = res.ok ? res.resolved.ref.full : res.ref!.full;
    const present = this.deps.images.has(full);
    const policy = spec.imagePullPolicy ?? 'IfNotPresent';
    rec.busy = true;
    if (present && policy !== 'Always' && res.ok) {
      this.event('Normal', 'Pulled', `Container image "${image}" already present on machine`, rec);
      this.after(this.between(CREATE_MS), () => this.createContainer(rec, res.resolved));
      return;
    }
    if (policy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      rec.busy = false;
      rec.waiting = { reason: 'ErrImageNeverPull', message: msg };
      this.event('Warning', 'ErrImageNeverPull', msg, rec);
      this.event('Warning', 'Failed', 'Error: ErrImageNeverPull', rec);
      rec.nextAttemptAt = now + CONFIG_RETRY_MS;
      this.wakeUpAt(rec.nextAttemptAt);
      return this.changed();
    }
    const bkey = `pull/${rec.name}`;
    if (this.backoff.isInBackOffSinceUpdate(bkey, now)) {
      const msg = `Back-off pulling image "${image}"`;
      rec.busy = false;
      rec.waiting = { reason: 'ImagePullBackOff', message: rec.prevPullError ? `${msg}: ${rec.prevPullError}` : msg };
      this.event('Normal', 'BackOff', msg, rec);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff', rec);
      rec.nextAttemptAt = this.backoff.until(bkey, rec.pullFailedAt ?? now);
      this.wakeUpAt(rec.nextAttemptAt);
      return this.changed();
    }
    this.event('Normal', 'Pulling', `Pulling image "${image}"`, rec);
    const timing = this.deps.images.schedulePull(now, res.ok ? res.resolved : undefined);
    this.after(timing.doneAt - now, () => {
      const t = this.deps.clock.now();
      if (!res.ok) {
        const err = `rpc error: code = ${res.reason === 'NotFound' ? 'NotFound' : 'Unknown'} desc = ${res.message}`;
        this.event('Warning', 'Failed', `Failed to pull image "${image}": ${err}`, rec);
        this.event('Warning', 'Failed', 'Error: ErrImagePull', rec);
        this.backoff.next(bkey, t);
        rec.pullFailedAt = t;
        rec.prevPullError = `ErrImagePull: ${err}`;
        rec.waiting = { reason: 'ErrImagePull', message: err };
        rec.busy = false;
        rec.nextAttemptAt = t + PULL_FAILED_RESYNC_MS;
        this.wakeUpAt(rec.nextAttemptAt);
        return this.changed();
      }
      this.deps.images.add(full);
      this.backoff.reset(bkey);
      rec.prevPullError = undefined;
      this.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(timing.pullMs)} (${goDuration(timing.totalMs)} including waiting). Image size: ${res.resolved.sizeBytes} bytes.`, rec);
      this.after(this.between(CREATE_MS), () => this.createContainer(rec, res.resolved));
    });
  }

  private createContainer(rec: ContainerRecord, resolved: ResolvedImage): void {
    const env = this.containerEnv(rec.spec, resolved);
    if ('error' in env) {
      rec.busy = false;
      rec.waiting = { reason: 'CreateContainerConfigError', message: env.error };
      this.event('Warning', 'Failed', `Error: ${env.error}`, rec);
      rec.nextAttemptAt = this.deps.clock.now() + CONFIG_RETRY_MS;
      this.wakeUpAt(rec.nextAttemptAt);
      return this.changed();
    }
    const id = newContainerId();
    this.event('Normal', 'Created', `Created container: ${rec.name}`, rec);
    this.after(this.between(START_MS), () => {
      const fs = this.newContainerFs(rec.spec, resolved);
      const inst: Instance = {
        id,
        resolved,
        specImage: rec.spec.image,
        state: 'running',
        startedAt: this.deps.clock.now(),
        abort: new AbortController(),
        signalHandlers: [],
        closers: [],
        timers: new Set(),
        fs,
        view: new ContainerFsView(fs),
        env: env.env,
        logs: [],
        logSeq: 0,
        logListeners: new Set(),
        stopped: new AbortController(),
        probe: {},
      };
      if (rec.current) {
        rec.previous = rec.current;
        rec.restartCount++;
      }
      rec.current = inst;
      rec.waiting = undefined;
      rec.busy = false;
      rec.ready = false;
      rec.started = false;
      this.event('Normal', 'Started', `Started container ${rec.name}`, rec);
      this.launch(rec, inst);
      this.startProbes(rec, inst);
      this.advance();
    });
  }

  private argv(spec: any, resolved: ResolvedImage, env: Record<string, string>): string[] {
    const tag = resolved.ref.tag;
    const expand = (s: string) => s.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n) => (n in env ? env[n] : m)).replace(/\$\$/g, '$');
    const command: string[] = spec.command ?? resolved.image.entrypoint(tag);
    const args: string[] = spec.args ?? (spec.command ? [] : resolved.image.cmd(tag));
    return [...command, ...args].map(expand);
  }

  private context(rec: ContainerRecord, inst: Instance, opts: { pid1: boolean; abort: AbortController; out?: (t: string) => void }): ContainerContext {
    // The main process of a container with stdin open writes to its stdio (attach, then the log);
    // a terminal turns "\n" into "\r\n" for what an image writes itself.
    const stdio = opts.pid1 ? inst.stdio : undefined;
    const log = (stream: 'stdout' | 'stderr') => (text: string) => {
      if (opts.out) return opts.out(text);
      if (stdio) return stdio.write(stream, stdio.tty ? text.replace(/\r?\n/g, '\r\n') : text);
      for (const text_ of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) this.appendLog(inst, stream, text_);
    };
    const run = (argv: string[]) =>
      stdio
        ? runMainProcess(this.containerView(rec, inst), argv, stdio, opts.abort.signal, this.shellClock())
        : runContainerCommand(this.containerView(rec, inst), argv, { stdout: log('stdout'), stderr: log('stderr') }, opts.abort.signal, this.shellClock());
    const limit = rec.spec.resources?.limits?.memory;
    return {
      clock: this.deps.clock,
      signal: opts.abort.signal,
      env: inst.env,
      hostname: this.hostname(),
      podIP: this.podIP ?? '',
      fs: inst.view,
      pid1: opts.pid1,
      run,
      stdout: log('stdout'),
      stderr: log('stderr'),
      listen: (port, l) => {
        if (!this.netns) return () => undefined;
        const close = this.deps.network.listen(this.netns, port, { ...l, container: rec.name });
        inst.closers.push(close);
        return close;
      },
      onSignal: (h) => {
        if (opts.pid1) inst.signalHandlers.push(h);
      },
      useMemory: (bytes) => {
        if (!opts.pid1 || limit === undefined) return;
        if (bytes > intValue(limit)) this.oomKill(rec, inst);
      },
    };
  }

  private appendLog(inst: Instance, stream: 'stdout' | 'stderr', text: string): void {
    const line: LogLine = { time: this.deps.clock.now(), stream, text, seq: inst.logSeq++ };
    inst.logs.push(line);
    if (inst.logs.length > MAX_LOG_LINES) inst.logs.splice(0, inst.logs.length - MAX_LOG_LINES);
    for (const l of [...inst.logListeners]) l(line);
  }

  private launch(rec: ContainerRecord, inst: Instance): void {
    // Upstream: containerd keeps a container's stdin open from its start when the spec asks for it.
    if (rec.spec.stdin) inst.stdio = new ContainerStdio(!!rec.spec.tty, !!rec.spec.stdinOnce, (stream, text) => this.appendLog(inst, stream, text));
    const ctx = this.context(rec, inst, { pid1: true, abort: inst.abort });
    const argv = this.argv(rec.spec, inst.resolved, inst.env);
    let p: Promise<number>;
    try {
      p = inst.resolved.image.exec(ctx, argv, inst.resolved.ref.tag);
    } catch (e) {
      p = Promise.reject(e);
    }
    p.then(
      (code) => this.exited(rec, inst, code),
      () => this.exited(rec, inst, 137),
    );
  }

  /** The process ended (or was killed). */
  private exited(rec: ContainerRecord, inst: Instance, code: number): void {
    if (inst.state !== 'running' || this.disposed) return;
    inst.state = 'exited';
    inst.exitCode = inst.oom ? 137 : code;
    inst.finishedAt = this.deps.clock.now();
    inst.reason = inst.oom ? 'OOMKilled' : inst.exitCode === 0 ? 'Completed' : 'Error';
    inst.stdio?.end();
    this.silence(inst);
    inst.stopped.abort();
    if (rec.current === inst) {
      rec.ready = false;
      rec.started = false;
    }
    if (!inst.killing && !this.terminating && (this.pod.spec?.restartPolicy ?? 'Always') !== 'Never') this.wakeUpAt(inst.finishedAt + PLEG_MS);
    this.advance();
    this.changed();
  }

  /** Stops an instance's listeners, probes and timers (the process is gone or going). */
  private silence(inst: Instance): void {
    for (const c of inst.closers.splice(0)) c();
    for (const c of inst.timers) c();
    inst.timers.clear();
    if (inst.state === 'running') inst.abort.abort();
  }

  private oomKill(rec: ContainerRecord, inst: Instance): void {
    if (inst.state !== 'running') return;
    inst.oom = true;
    // The kernel's OOM killer: SIGKILL, no grace.
    this.after(0, () => {
      if (inst.state !== 'running') return;
      inst.abort.abort();
      this.exited(rec, inst, 137);
    });
  }

  /** SIGTERM now, SIGKILL after the grace period. */
  // Upstream: kuberuntime_container.go (killContainer)
  private kill(rec: ContainerRecord, inst: Instance, graceMs: number): void {
    if (inst.state !== 'running' || inst.killing) return;
    inst.killing = true;
    for (const c of [...inst.timers]) c(); // stop probing
    inst.timers.clear();
    for (const h of inst.signalHandlers) h('SIGTERM');
    const killTimer = this.after(Math.max(graceMs, MIN_GRACE_S * 1000), () => {
      if (inst.state !== 'running') return;
      inst.abort.abort();
      this.exited(rec, inst, 137);
    });
    inst.timers.add(killTimer);
  }

  private graceSeconds(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }

  // ---- termination ----

  private startTermination(graceS: number, why: 'deleted' | 'deadline'): void {
    this.terminating = true;
    // Pending pulls, creates and back-offs are abandoned.
    for (const c of [...this.timers]) c();
    this.timers.clear();
    this.cancelWake = undefined;
    this.wakeAt = Infinity;
    for (const rec of this.records) {
      rec.busy = false;
      const cur = rec.current;
      if (cur?.state === 'running') {
        this.event('Normal', 'Killing', `Stopping container ${rec.name}`, rec);
        cur.killing = false; // a liveness kill in progress gets the pod's grace period instead
        this.kill(rec, cur, graceS * 1000);
      }
    }
    void why;
  }

  private advanceTermination(): void {
    if (this.records.some((r) => r.current?.state === 'running')) return;
    if (this.terminated || this.terminationPending) return;
    this.terminationPending = true;
    this.after(this.between([300, 700]), () => {
      this.terminated = true;
      this.teardownSandbox();
      this.changed();
    });
  }
  private terminationPending = false;
  private finishing = false;

  private deadlineExceeded(): void {
    if (this.terminating || this.failure) return;
    this.failure = { reason: 'DeadlineExceeded', message: 'Pod was active on the node longer than the specified deadline' };
    this.event('Normal', 'DeadlineExceeded', this.failure.message);
    this.startTermination(this.graceSeconds(), 'deadline');
    this.advance();
  }

  // ---- probes ----

  // Upstream: prober/worker.go (doProbe), prober_manager.go
  private startProbes(rec: ContainerRecord, inst: Instance): void {
    const spec = rec.spec;
    if (spec.startupProbe) this.scheduleProbe(rec, inst, 'Startup', spec.startupProbe, this.firstProbeDelay(spec.startupProbe, inst));
    else this.containerStarted(rec, inst);
  }

  /**
   * Probe workers tick every periodSeconds from the pod's admission and skip ticks until the
   * container has run for initialDelaySeconds; the first probe is the first such tick.
   */
  private firstProbeDelay(probe: any, inst: Instance): number {
    const now = this.deps.clock.now();
    const period = Math.max(1, probe.periodSeconds ?? 10) * 1000;
    const earliest = Math.max(now, inst.startedAt + (probe.initialDelaySeconds ?? 0) * 1000);
    const k = Math.ceil((earliest - this.admittedAt) / period);
    return this.admittedAt + Math.max(0, k) * period - now;
  }

  private containerStarted(rec: ContainerRecord, inst: Instance): void {
    rec.started = true;
    const spec = rec.spec;
    if (spec.readinessProbe) this.scheduleProbe(rec, inst, 'Readiness', spec.readinessProbe, this.firstProbeDelay(spec.readinessProbe, inst));
    else rec.ready = true;
    if (spec.livenessProbe) this.scheduleProbe(rec, inst, 'Liveness', spec.livenessProbe, this.firstProbeDelay(spec.livenessProbe, inst));
    this.changed();
  }

  private scheduleProbe(rec: ContainerRecord, inst: Instance, kind: 'Startup' | 'Readiness' | 'Liveness', probe: any, delayMs: number): void {
    const timer = this.after(delayMs, () => {
      inst.timers.delete(timer);
      if (inst.state !== 'running' || inst.killing || this.terminating) return;
      void this.probeOnce(rec, inst, kind, probe);
    });
    inst.timers.add(timer);
  }

  private async probeOnce(rec: ContainerRecord, inst: Instance, kind: 'Startup' | 'Readiness' | 'Liveness', probe: any): Promise<void> {
    const result = await runProbe(probe, {
      podIP: this.podIP ?? '',
      ports: rec.spec.ports ?? [],
      network: this.deps.network,
      exec: (argv, timeoutMs) => this.exec(rec.name, argv, timeoutMs),
    });
    if (inst.state !== 'running' || inst.killing || this.disposed || this.terminating) return;
    const st = (inst.probe[kind] ??= { successes: 0, failures: 0 });
    const successThreshold = probe.successThreshold ?? 1;
    const failureThreshold = probe.failureThreshold ?? 3;
    let keepProbing = true;
    if (result.ok) {
      st.successes++;
      st.failures = 0;
      if (kind === 'Readiness' && st.successes >= successThreshold && !rec.ready) {
        rec.ready = true;
        this.changed();
      }
      if (kind === 'Startup' && st.successes >= successThreshold) {
        keepProbing = false;
        this.containerStarted(rec, inst);
      }
    } else {
      st.failures++;
      st.successes = 0;
      this.event('Warning', 'Unhealthy', `${kind} probe failed: ${result.output}`, rec);
      if (st.failures >= failureThreshold) {
        if (kind === 'Readiness' && rec.ready) {
          rec.ready = false;
          this.changed();
        }
        if (kind !== 'Readiness') {
          keepProbing = false;
          this.event('Normal', 'Killing', `Container ${rec.name} failed ${kind.toLowerCase()} probe, will be restarted`, rec);
          const grace = probe.terminationGracePeriodSeconds ?? this.graceSeconds();
          this.kill(rec, inst, grace * 1000);
        }
      }
    }
    if (keepProbing) this.scheduleProbe(rec, inst, kind, probe, (probe.periodSeconds ?? 10) * 1000);
  }

  // ---- configuration ----

  private terminatedOf(inst: Instance): Terminated {
    return { containerID: inst.id, exitCode: inst.exitCode ?? 0, reason: inst.reason, startedAt: inst.startedAt, finishedAt: inst.finishedAt ?? inst.startedAt };
  }

  /** The container's environment, or the CreateContainerConfigError message. */
  // Upstream: pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables)
  private containerEnv(spec: any, resolved: ResolvedImage): { env: Record<string, string> } | { error: string } {
    const pod = this.pod;
    const ns = pod.metadata.namespace ?? 'default';
    const env: Record<string, string> = {
      ...resolved.image.env(resolved.ref.tag),
      HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
    };
    if (pod.spec?.enableServiceLinks !== false || ns === 'default') {
      Object.assign(env, {
        KUBERNETES_SERVICE_HOST: '10.96.0.1',
        KUBERNETES_SERVICE_PORT: '443',
        KUBERNETES_SERVICE_PORT_HTTPS: '443',
        KUBERNETES_PORT: 'tcp://10.96.0.1:443',
        KUBERNETES_PORT_443_TCP: 'tcp://10.96.0.1:443',
        KUBERNETES_PORT_443_TCP_PROTO: 'tcp',
        KUBERNETES_PORT_443_TCP_PORT: '443',
        KUBERNETES_PORT_443_TCP_ADDR: '10.96.0.1',
      });
    }
    const data = (kind: 'ConfigMap' | 'Secret', name: string): Record<string, string> | undefined => {
      const o = this.deps.lookup(kind === 'ConfigMap' ? 'configmaps' : 'secrets', ns, name);
      if (!o) return undefined;
      if (kind === 'ConfigMap') return { ...(o.data ?? {}) };
      const out: Record<string, string> = {};
      for (const [k, v] of Object.entries(o.data ?? {})) out[k] = Buffer.from(String(v), 'base64').toString('utf8');
      for (const [k, v] of Object.entries(o.stringData ?? {})) out[k] = String(v);
      return out;
    };
    for (const from of spec.envFrom ?? []) {
      const ref = from.configMapRef ?? from.secretRef;
      const kind = from.configMapRef ? 'ConfigMap' : 'Secret';
      const d = data(kind, ref?.name);
      if (!d) {
        if (ref?.optional) continue;
        return { error: `${kind.toLowerCase()} "${ref?.name}" not found` };
      }
      for (const [k, v] of Object.entries(d)) env[(from.prefix ?? '') + k] = v;
    }
    const expand = (s: string) => s.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, n) => (n in env ? env[n] : m)).replace(/\$\$/g, '$');
    for (const e of spec.env ?? []) {
      if (e.value !== undefined || !e.valueFrom) {
        env[e.name] = expand(e.value ?? '');
        continue;
      }
      const vf = e.valueFrom;
      if (vf.fieldRef) env[e.name] = this.fieldValue(vf.fieldRef.fieldPath);
      else if (vf.resourceFieldRef) env[e.name] = this.resourceValue(vf.resourceFieldRef);
      else if (vf.configMapKeyRef || vf.secretKeyRef) {
        const ref = vf.configMapKeyRef ?? vf.secretKeyRef;
        const kind = vf.configMapKeyRef ? 'ConfigMap' : 'Secret';
        const d = data(kind, ref.name);
        if (!d) {
          if (ref.optional) continue;
          return { error: `${kind.toLowerCase()} "${ref.name}" not found` };
        }
        if (!(ref.key in d)) {
          if (ref.optional) continue;
          return { error: `couldn't find key ${ref.key} in ${kind} ${ns}/${ref.name}` };
        }
        env[e.name] = d[ref.key];
      }
    }
    return { env };
  }

  private fieldValue(path: string): string {
    const p = this.pod;
    const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
    if (m) return (m[1] === 'labels' ? p.metadata.labels : p.metadata.annotations)?.[m[2]] ?? '';
    switch (path) {
      case 'metadata.name':
        return p.metadata.name;
      case 'metadata.namespace':
        return p.metadata.namespace ?? 'default';
      case 'metadata.uid':
        return p.metadata.uid ?? '';
      case 'spec.nodeName':
        return this.deps.nodeName;
      case 'spec.serviceAccountName':
        return p.spec?.serviceAccountName ?? '';
      case 'status.hostIP':
      case 'status.hostIPs':
        return this.deps.hostIP;
      case 'status.podIP':
      case 'status.podIPs':
        return this.podIP ?? '';
      default:
        return '';
    }
  }

  private resourceValue(ref: any): string {
    const c = [...(this.pod.spec?.containers ?? []), ...(this.pod.spec?.initContainers ?? [])].find((x: any) => !ref.containerName || x.name === ref.containerName);
    const [kind, res] = String(ref.resource).split('.');
    const q = c?.resources?.[kind]?.[res];
    const divisor = quantityValue(ref.divisor ?? '1') || 1;
    if (q === undefined) return res === 'cpu' ? '2' : '2076364800';
    return String(Math.ceil(quantityValue(q) / divisor));
  }

  // ---- container filesystems ----

  private shellClock(): ShellClock {
    return { now: () => this.deps.clock.now(), sleep: (ms, signal) => this.deps.clock.sleep(ms, signal) };
  }

  /** A new container's root filesystem with the pod's volumes mounted. */
  private newContainerFs(spec: any, resolved: ResolvedImage): ContainerRootFs {
    const tag = resolved.ref.tag;
    const mounts: VolumeMountSpec[] = [];
    for (const m of spec.volumeMounts ?? []) {
      const fs = this.volume(m.name);
      if (fs) mounts.push({ mountPath: m.mountPath, fs, subPath: m.subPath });
    }
    return buildContainerFs({
      clock: this.shellClock(),
      userland: resolved.image.userland(tag),
      imageFiles: resolved.image.files(tag),
      hostname: this.hostname(),
      hosts: this.hostsFile(),
      resolvConf: this.resolvConf(),
      mounts,
    });
  }

  /** /etc/hosts as the kubelet writes it (the node's own for hostNetwork pods). */
  // Upstream: pkg/kubelet/kubelet_pods.go (managedHostsFileContent, nodeHostsFileContent)
  private hostsFile(): string {
    const spec = this.pod.spec ?? {};
    let out: string;
    if (spec.hostNetwork) {
      out = `127.0.0.1   localhost localhost.localdomain localhost4 localhost4.localdomain4\n::1         localhost localhost.localdomain localhost6 localhost6.localdomain6\n${this.deps.hostIP} ${this.deps.nodeName}\n`;
    } else {
      out = '# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n';
      const host = this.hostname();
      const ns = this.pod.metadata.namespace ?? 'default';
      if (this.podIP) out += spec.subdomain ? `${this.podIP}\t${host}.${spec.subdomain}.${ns}.svc.cluster.local\t${host}\n` : `${this.podIP}\t${host}\n`;
    }
    const aliases: any[] = spec.hostAliases ?? [];
    if (aliases.length) {
      out += '\n# Entries added by HostAliases.\n';
      for (const a of aliases) out += `${a.ip}\t${(a.hostnames ?? []).join('\t')}\n`;
    }
    return out;
  }

  /** /etc/resolv.conf for the pod's dnsPolicy and dnsConfig. */
  // Upstream: pkg/kubelet/network/dns/dns.go (GetPodDNS)
  private resolvConf(): string {
    const spec = this.pod.spec ?? {};
    const ns = this.pod.metadata.namespace ?? 'default';
    const policy: string = spec.dnsPolicy ?? 'ClusterFirst';
    const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !spec.hostNetwork);
    let nameservers: string[] = [];
    let searches: string[] = [];
    let options: string[] = [];
    if (cluster) {
      nameservers = ['10.96.0.10'];
      searches = [`${ns}.svc.cluster.local`, 'svc.cluster.local', 'cluster.local'];
      options = ['ndots:5'];
    } else if (policy !== 'None') {
      nameservers = ['192.168.109.2'];
    }
    const cfg = spec.dnsConfig ?? {};
    nameservers = [...new Set([...nameservers, ...(cfg.nameservers ?? [])])];
    searches = [...new Set([...searches, ...(cfg.searches ?? [])])];
    for (const o of cfg.options ?? []) {
      const text = o.value !== undefined ? `${o.name}:${o.value}` : o.name;
      options = [...options.filter((x) => x.split(':')[0] !== o.name), text];
    }
    let out = '';
    if (searches.length) out += `search ${searches.join(' ')}\n`;
    for (const n of nameservers) out += `nameserver ${n}\n`;
    if (options.length) out += `options ${options.join(' ')}\n`;
    return out;
  }

  private readonly volumes = new Map<string, VirtualFs>();

  /**
   * The pod's volume named `name`: created once per pod, so containers share it and it outlives
   * container restarts. configMap, secret, downwardAPI and projected volumes hold their files;
   * emptyDir and the volumes the simulator does not back with storage start empty.
   */
  private volume(name: string): VirtualFs | undefined {
    const existing = this.volumes.get(name);
    if (existing) return existing;
    const v = (this.pod.spec?.volumes ?? []).find((x: any) => x.name === name);
    if (!v) return undefined;
    const clock = this.shellClock();
    let fs: VirtualFs;
    if (v.configMap) fs = volumeFs(clock, this.projectKeys(this.configMapData(v.configMap.name), v.configMap.items), v.configMap.defaultMode ?? 0o644);
    else if (v.secret) fs = volumeFs(clock, this.projectKeys(this.secretData(v.secret.secretName), v.secret.items), v.secret.defaultMode ?? 0o644);
    else if (v.downwardAPI) fs = volumeFs(clock, this.downwardFiles(v.downwardAPI.items ?? []), v.downwardAPI.defaultMode ?? 0o644);
    else if (v.projected) {
      const files: Record<string, string> = {};
      for (const src of v.projected.sources ?? []) {
        if (src.configMap) Object.assign(files, this.projectKeys(this.configMapData(src.configMap.name), src.configMap.items));
        else if (src.secret) Object.assign(files, this.projectKeys(this.secretData(src.secret.name), src.secret.items));
        else if (src.downwardAPI) Object.assign(files, this.downwardFiles(src.downwardAPI.items ?? []));
        else if (src.serviceAccountToken) files[src.serviceAccountToken.path ?? 'token'] = SERVICE_ACCOUNT_TOKEN;
      }
      fs = volumeFs(clock, files, v.projected.defaultMode ?? 0o644);
    } else fs = volumeFs(clock);
    this.volumes.set(name, fs);
    return fs;
  }

  private configMapData(name: string): Record<string, string> {
    const ns = this.pod.metadata.namespace ?? 'default';
    return { ...(this.deps.lookup('configmaps', ns, name)?.data ?? {}) };
  }

  private secretData(name: string): Record<string, string> {
    const ns = this.pod.metadata.namespace ?? 'default';
    const s = this.deps.lookup('secrets', ns, name);
    const d: Record<string, string> = {};
    for (const [k, val] of Object.entries(s?.data ?? {})) d[k] = Buffer.from(String(val), 'base64').toString('utf8');
    return d;
  }

  private projectKeys(data: Record<string, string>, items?: any[]): Record<string, string> {
    if (!items?.length) return data;
    const out: Record<string, string> = {};
    for (const it of items) if (it.key in data) out[it.path] = data[it.key];
    return out;
  }

  private downwardFiles(items: any[]): Record<string, string> {
    const out: Record<string, string> = {};
    for (const it of items) {
      if (it.fieldRef) {
        const path: string = it.fieldRef.fieldPath;
        // labels and annotations files hold every entry as key="value" lines.
        if (path === 'metadata.labels' || path === 'metadata.annotations') {
          const m = (path === 'metadata.labels' ? this.pod.metadata.labels : this.pod.metadata.annotations) ?? {};
          out[it.path] = Object.keys(m)
            .sort()
            .map((k) => `${k}=${JSON.stringify(m[k])}`)
            .join('\n');
        } else out[it.path] = this.fieldValue(path);
      } else if (it.resourceFieldRef) out[it.path] = this.resourceValue(it.resourceFieldRef);
    }
    return out;
  }
}

/** What the projected service account token file holds (the simulator does not sign tokens). */
const SERVICE_ACCOUNT_TOKEN = 'eyJhbGciOiJSUzI1NiIsImtpZCI6Imt1YmVsYWIifQ.e30.c2lnbmF0dXJl';

