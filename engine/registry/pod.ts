// core/v1 Pod: defaulting (with the admission-time service account volume and default
// tolerations), validation, graceful deletion and the server-side table.
// Upstream: kubernetes pkg/registry/core/pod/strategy.go, pkg/printers/internalversion/printers.go (printPod)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { forbidden, invalid, required, type FieldError } from '../api/field-errors';
import { validateDnsLabel } from '../api/metadata-validation';
import { randomSuffix } from '../api/names';
import type { KubeObject } from '../api/object';
import { defaultPodSpec } from './pod-defaults';
import { age, AGE_COLUMN, col, humanDuration, NAME_COLUMN } from './printing';
import type { ResourceDefinition, TableCell } from './resource-definition';

function serviceAccountVolume(name: string) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** What the ServiceAccount and DefaultTolerationSeconds admission plugins add to a new pod. */
export function admitPod(pod: KubeObject): void {
  const spec = pod.spec;
  spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken !== false && !(spec.volumes ?? []).some((v: any) => v.name?.startsWith('kube-api-access-'))) {
    const volName = `kube-api-access-${randomSuffix()}`;
    spec.volumes = [...(spec.volumes ?? []), serviceAccountVolume(volName)];
    for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
      if ((c.volumeMounts ?? []).some((m: any) => m.mountPath === SA_MOUNT_PATH)) continue;
      c.volumeMounts = [...(c.volumeMounts ?? []), { mountPath: SA_MOUNT_PATH, name: volName, readOnly: true }];
    }
  }
  const tolerations: any[] = spec.tolerations ?? [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === 'NoExecute' || !t.effect));
    if (!has) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
  spec.enableServiceLinks ??= true;
  spec.priority ??= 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

/** QoS class from requests and limits. Upstream: pkg/apis/core/helper/qos/qos.go */
export function qosClass(spec: any): string {
  const containers = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
  let anyRequest = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    for (const r of ['cpu', 'memory']) {
      if (req[r] !== undefined || lim[r] !== undefined) anyRequest = true;
      if (lim[r] === undefined || (req[r] !== undefined && String(req[r]) !== String(lim[r]))) guaranteed = false;
    }
  }
  if (!anyRequest) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function validatePodSpec(spec: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec) return [required(path, '')];
  const containers: any[] = spec.containers ?? [];
  if (containers.length === 0) errs.push(required(`${path}.containers`, ''));
  const names = new Set<string>();
  const check = (list: any[], field: string) =>
    list.forEach((c, i) => {
      const p = `${path}.${field}[${i}]`;
      if (!c.name) errs.push(required(`${p}.name`, ''));
      else {
        errs.push(...validateDnsLabel(`${p}.name`, c.name));
        if (names.has(c.name)) errs.push({ type: 'FieldValueDuplicate', field: `${p}.name`, value: c.name });
        names.add(c.name);
      }
      if (!c.image) errs.push(required(`${p}.image`, ''));
      (c.ports ?? []).forEach((port: any, j: number) => {
        const cp = port.containerPort;
        if (typeof cp === 'number' && (cp < 1 || cp > 65535)) errs.push(invalid(`${p}.ports[${j}].containerPort`, cp, 'must be between 1 and 65535, inclusive'));
      });
      if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy))
        errs.push({ type: 'FieldValueNotSupported', field: `${p}.imagePullPolicy`, value: c.imagePullPolicy, detail: 'supported values: "Always", "IfNotPresent", "Never"' });
    });
  check(spec.initContainers ?? [], 'initContainers');
  check(containers, 'containers');
  if (spec.restartPolicy && !['Always', 'OnFailure', 'Never'].includes(spec.restartPolicy))
    errs.push({ type: 'FieldValueNotSupported', field: `${path}.restartPolicy`, value: spec.restartPolicy, detail: 'supported values: "Always", "OnFailure", "Never"' });
  return errs;
}

/** The fields of a running pod's spec that an update may change. */
function mutableView(spec: any): any {
  const s = structuredClone(spec ?? {});
  for (const c of [...(s.containers ?? []), ...(s.initContainers ?? [])]) delete c.image;
  delete s.activeDeadlineSeconds;
  delete s.tolerations;
  delete s.terminationGracePeriodSeconds;
  delete s.nodeName; // set once through binding
  return s;
}

function podStatus(pod: KubeObject, now: number): { ready: number; total: number; reason: string; restarts: number; lastRestart?: number } {
  const spec = pod.spec ?? {};
  const status = pod.status ?? {};
  const restartableInit = (spec.initContainers ?? []).filter((c: any) => c.restartPolicy === 'Always').length;
  const total = (spec.containers ?? []).length + restartableInit;
  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  let reason: string = status.reason || status.phase || '';
  if ((status.conditions ?? []).some((c: any) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';
  const noteRestart = (cs: any) => {
    restarts += cs.restartCount ?? 0;
    const fin = cs.lastState?.terminated?.finishedAt;
    if (fin) {
      const t = Date.parse(fin);
      if (lastRestart === undefined || t > lastRestart) lastRestart = t;
    }
  };
  let initializing = false;
  const initStatuses: any[] = status.initContainerStatuses ?? [];
  const initSpecs: any[] = spec.initContainers ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const cs = initStatuses[i];
    noteRestart(cs);
    const sidecar = initSpecs.find((c) => c.name === cs.name)?.restartPolicy === 'Always';
    if (cs.state?.terminated && cs.state.terminated.exitCode === 0) continue;
    if (sidecar && cs.started) {
      if (cs.ready) ready++;
      continue;
    }
    if (cs.state?.terminated) {
      const t = cs.state.terminated;
      reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    } else if (cs.state?.waiting?.reason && cs.state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${cs.state.waiting.reason}`;
    } else {
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some((c: any) => c.type === 'Initialized' && c.status === 'True');
  if (!initializing || initialized) {
    restarts = 0;
    for (const cs of initStatuses) if (initSpecs.find((c) => c.name === cs.name)?.restartPolicy === 'Always') restarts += cs.restartCount ?? 0;
    let hasRunning = false;
    const statuses: any[] = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const cs = statuses[i];
      noteRestart(cs);
      if (cs.state?.waiting?.reason) reason = cs.state.waiting.reason;
      else if (cs.state?.terminated?.reason) reason = cs.state.terminated.reason;
      else if (cs.state?.terminated) reason = cs.state.terminated.signal ? `Signal:${cs.state.terminated.signal}` : `ExitCode:${cs.state.terminated.exitCode}`;
      else if (cs.ready && cs.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      const podReady = (status.conditions ?? []).some((c: any) => c.type === 'Ready' && c.status === 'True');
      reason = podReady ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';
  void now;
  return { ready, total, reason, restarts, lastRestart };
}

export function podRow(pod: KubeObject, now: number): TableCell[] {
  const s = podStatus(pod, now);
  const restarts = s.restarts > 0 && s.lastRestart !== undefined ? `${s.restarts} (${humanDuration(now - s.lastRestart)} ago)` : String(s.restarts);
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
  const gates: any[] = pod.spec?.readinessGates ?? [];
  let gatesCell = '<none>';
  if (gates.length) {
    const trueCount = gates.filter((g) => (pod.status?.conditions ?? []).some((c: any) => c.type === g.conditionType && c.status === 'True')).length;
    gatesCell = `${trueCount}/${gates.length}`;
  }
  return [
    pod.metadata.name,
    `${s.ready}/${s.total}`,
    s.reason,
    restarts,
    age(pod.metadata.creationTimestamp, now),
    ip,
    pod.spec?.nodeName || '<none>',
    pod.status?.nominatedNodeName || '<none>',
    gatesCell,
  ];
}

export const podDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Pod' }],
  kind: 'Pod',
  plural: 'pods',
  singular: 'pod',
  shortNames: ['po'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  extraSubresources: [
    { name: 'attach', kind: { group: '', version: 'v1', kind: 'PodAttachOptions' }, verbs: ['create', 'get'] },
    { name: 'binding', kind: { group: '', version: 'v1', kind: 'Binding' }, verbs: ['create'] },
    { name: 'ephemeralcontainers', kind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get', 'patch', 'update'] },
    { name: 'eviction', kind: { group: 'policy', version: 'v1', kind: 'Eviction' }, verbs: ['create'] },
    { name: 'exec', kind: { group: '', version: 'v1', kind: 'PodExecOptions' }, verbs: ['create', 'get'] },
    { name: 'log', kind: { group: '', version: 'v1', kind: 'Pod' }, verbs: ['get'] },
    { name: 'portforward', kind: { group: '', version: 'v1', kind: 'PodPortForwardOptions' }, verbs: ['create', 'get'] },
    { name: 'proxy', kind: { group: '', version: 'v1', kind: 'PodProxyOptions' }, verbs: ['create', 'delete', 'get', 'patch', 'update'] },
  ],
  prepareForCreate(pod) {
    pod.spec ??= {};
    admitPod(pod);
    pod.status = { phase: 'Pending', qosClass: qosClass(pod.spec) };
  },
  defaults(pod) {
    defaultPodSpec(pod.spec);
  },
  validate(pod) {
    return validatePodSpec(pod.spec, 'spec');
  },
  validateUpdate(pod, old) {
    const a = mutableView(pod.spec);
    const b = mutableView(old.spec);
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      return [
        forbidden(
          'spec',
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        ),
      ];
    }
    return [];
  },
  gracePeriod(pod, requested) {
    // Pods never bound to a node, or already finished, go at once.
    if (!pod.spec?.nodeName) return 0;
    if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
    const g = requested ?? pod.spec?.terminationGracePeriodSeconds ?? 30;
    return Math.max(0, g);
  },
  awaitsGracefulTermination(pod) {
    return !!pod.spec?.nodeName && (pod.metadata.deletionGracePeriodSeconds ?? 0) > 0 && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
  },
  fieldSelectors: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(!!o.spec?.hostNetwork),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
      col('Status', 'string', 'The aggregate status of the containers in this pod.'),
      col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
      AGE_COLUMN,
      col('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
      col('Node', 'string', 'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.', 1),
      col('Nominated Node', 'string', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.', 1),
      col('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', 1),
    ],
    row: (pod, ctx) => podRow(pod, ctx.now),
    conditions: (pod) => (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' ? [{ type: 'Completed', status: 'True' }] : []),
  },
};
