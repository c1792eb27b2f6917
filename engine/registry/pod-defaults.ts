// Defaulting of PodSpec and containers, shared by Pod and every pod template (Deployment,
// ReplicaSet, DaemonSet, StatefulSet, Job, CronJob). Admission-time additions that only pods get
// (service account volume, default tolerations) live in pod.ts.
// Upstream: kubernetes pkg/apis/core/v1/defaults.go
/* eslint-disable @typescript-eslint/no-explicit-any */

/** `:latest` or untagged images are pulled Always, others IfNotPresent. */
export function defaultPullPolicy(image: string | undefined): string {
  if (!image) return 'IfNotPresent';
  const noDigest = image.split('@')[0];
  const lastSlash = noDigest.lastIndexOf('/');
  const tagPart = noDigest.slice(lastSlash + 1);
  const colon = tagPart.lastIndexOf(':');
  if (image.includes('@')) return 'IfNotPresent';
  if (colon === -1) return 'Always';
  return tagPart.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultProbe(p: any): void {
  if (!p) return;
  p.timeoutSeconds ??= 1;
  p.periodSeconds ??= 10;
  p.successThreshold ??= 1;
  p.failureThreshold ??= 3;
  if (p.httpGet) {
    p.httpGet.path ??= '/';
    p.httpGet.scheme ??= 'HTTP';
  }
  if (p.grpc) p.grpc.service ??= '';
}

export function defaultContainer(c: any): void {
  c.imagePullPolicy ??= defaultPullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  // Limits without requests: requests default to the limits.
  if (c.resources.limits) {
    c.resources.requests ??= {};
    for (const [k, v] of Object.entries(c.resources.limits)) c.resources.requests[k] ??= v;
  }
  for (const p of c.ports ?? []) p.protocol ??= 'TCP';
  for (const e of c.env ?? []) {
    if (e.valueFrom?.fieldRef) e.valueFrom.fieldRef.apiVersion ??= 'v1';
  }
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
}

export function defaultVolume(v: any): void {
  if (v.secret) v.secret.defaultMode ??= 420;
  if (v.configMap) v.configMap.defaultMode ??= 420;
  if (v.projected) v.projected.defaultMode ??= 420;
  if (v.downwardAPI) v.downwardAPI.defaultMode ??= 420;
  if (v.hostPath) v.hostPath.type ??= '';
  if (v.emptyDir === null) v.emptyDir = {};
}

export function defaultPodSpec(spec: any): void {
  if (!spec) return;
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) defaultVolume(v);
  // serviceAccount mirrors serviceAccountName (deprecated field kept in sync).
  if (spec.serviceAccountName && !spec.serviceAccount) spec.serviceAccount = spec.serviceAccountName;
  if (spec.serviceAccount && !spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount;
}

/** A pod template as stored in workloads: template metadata shows `creationTimestamp: null`. */
export function defaultPodTemplate(template: any): void {
  if (!template) return;
  template.metadata ??= {};
  if (!('creationTimestamp' in template.metadata)) template.metadata.creationTimestamp = null;
  defaultPodSpec(template.spec);
}
