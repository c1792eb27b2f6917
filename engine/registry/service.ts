// core/v1 Service: defaults, ClusterIP/NodePort allocation (service-allocator.ts), the type
// transitions that release allocations, validation and the server-side table.
// Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Service), pkg/registry/core/service/strategy.go,
// pkg/registry/core/service/storage/{alloc,storage}.go, pkg/apis/core/validation/validation.go
// (ValidateService, ValidateServiceClusterIPsRelatedFields), printers.go (printService)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { formatLabels } from '../api/label-selector';
import { validateDnsLabel, validateDnsSubdomain, validateLabels, validateQualifiedName } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { internalError, invalid as invalidStatus } from '../api/status-error';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { RegistryContext, ResourceDefinition } from './resource-definition';
import { AllocationError, inUse, isIP, isIPv6, nodePortRange, serviceIPRange, type Rng } from './service-allocator';

const SUPPORTED_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const SUPPORTED_PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const VALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';
export const PORT_RANGE_MSG = 'must be between 1 and 65535, inclusive';

/** Go's %#v of a []string, as field errors print ClusterIPs. */
export function goStringSlice(v: string[] | undefined | null): string {
  if (v === undefined || v === null) return '[]string(nil)';
  return `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

const externallyAccessible = (spec: any) => spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs ?? []).length > 0);
const needsHealthCheck = (spec: any) => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';
const needsNodePort = (spec: any) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const needsClusterIP = (spec: any) => spec.type !== 'ExternalName';
const isHeadless = (spec: any) => (spec.clusterIPs ?? []).length === 1 && spec.clusterIPs[0] === 'None';
const shouldAllocateNodePorts = (spec: any) => spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const sameList = (a: unknown[] | undefined, b: unknown[] | undefined) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** SetDefaults_Service. */
export function defaultService(svc: KubeObject): void {
  const spec = (svc.spec ??= {});
  if (!spec.sessionAffinity) spec.sessionAffinity = 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (!spec.type) spec.type = 'ClusterIP';
  for (const p of spec.ports ?? []) {
    if (!p.protocol) p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === null || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && ['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) spec.internalTrafficPolicy = 'Cluster';
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
}

/** Keeps clusterIP and clusterIPs in step for clients that set only one. Upstream: storage.go normalizeClusterIPs */
function normalizeClusterIPs(spec: any, old?: any): void {
  if (!old) {
    if (spec.clusterIP && !(spec.clusterIPs ?? []).length) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.clusterIPs ?? []).length && !(spec.clusterIPs ?? []).length && (old.clusterIP ?? '') === (spec.clusterIP ?? '')) spec.clusterIPs = old.clusterIPs;
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    const same = sameList(old.clusterIPs, spec.clusterIPs);
    if (old.clusterIP && !spec.clusterIP && same) delete spec.clusterIPs;
    if (spec.clusterIP && same) spec.clusterIPs = [spec.clusterIP];
  }
}

/** A PUT that leaves out allocated values keeps them. Upstream: storage.go patchAllocatedValues */
function patchAllocatedValues(spec: any, old: any): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!(spec.clusterIPs ?? []).length && (old.clusterIPs ?? []).length) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const used = (s: any) => new Set<number>((s.ports ?? []).map((p: any) => p.nodePort).filter((n: any) => n));
    const oldUsed = used(old);
    const both = new Set([...used(spec)].filter((n) => oldUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of old.ports ?? []) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of spec.ports ?? []) {
      if (!p.nodePort) {
        const v = byName.get(p.name ?? '') ?? 0;
        if (v && !both.has(v)) p.nodePort = v;
      }
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort) spec.healthCheckNodePort = old.healthCheckNodePort;
}

/** Clears what the old type allocated when the new type has no use for it. Upstream: strategy.go dropTypeDependentFields */
function dropTypeDependentFields(svc: KubeObject, old: KubeObject): void {
  const spec = svc.spec;
  const o = old.spec ?? {};
  if (needsClusterIP(o) && !needsClusterIP(spec)) {
    if ((o.clusterIP ?? '') === (spec.clusterIP ?? '') && sameList(o.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameList(o.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if ((o.ipFamilyPolicy ?? '') === (spec.ipFamilyPolicy ?? '')) delete spec.ipFamilyPolicy;
  }
  const nodePorts = (s: any) => new Set<number>((s.ports ?? []).map((p: any) => p.nodePort).filter((n: any) => n));
  const oldPorts = nodePorts(o);
  if (needsNodePort(o) && !needsNodePort(spec) && [...nodePorts(spec)].every((n) => oldPorts.has(n))) {
    for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (needsHealthCheck(o) && !needsHealthCheck(spec) && (o.healthCheckNodePort ?? 0) === (spec.healthCheckNodePort ?? 0)) delete spec.healthCheckNodePort;
  if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === o.allocateLoadBalancerNodePorts) {
    delete spec.allocateLoadBalancerNodePorts;
  }
  if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer' && (o.loadBalancerClass ?? null) === (spec.loadBalancerClass ?? null)) delete spec.loadBalancerClass;
  if (needsNodePort(o) && !needsNodePort(spec) && (o.externalTrafficPolicy ?? '') === (spec.externalTrafficPolicy ?? '')) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') svc.status = { ...(svc.status ?? {}), loadBalancer: {} };
}

/** ipFamilyPolicy and ipFamilies on a single-stack IPv4 cluster. Upstream: alloc.go initIPFamilyFields */
function initIPFamilyFields(svc: KubeObject, old?: KubeObject): FieldError[] {
  const spec = svc.spec;
  if (spec.type === 'ExternalName') return [];
  if (!spec.ipFamilyPolicy) {
    if (old?.spec?.ipFamilyPolicy) spec.ipFamilyPolicy = old.spec.ipFamilyPolicy;
    else if (spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length) spec.ipFamilyPolicy = 'RequireDualStack';
    else spec.ipFamilyPolicy = 'SingleStack';
  }
  const pre = validateClusterIPsRelatedFields(spec);
  if (pre.length) return pre;
  const errs: FieldError[] = [];
  const policy = spec.ipFamilyPolicy;
  if (policy === 'SingleStack') {
    if ((spec.clusterIPs ?? []).length === 2) errs.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if ((spec.ipFamilies ?? []).length === 2) errs.push(invalid('spec.ipFamilyPolicy', policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  const ips: string[] = spec.clusterIPs ?? [];
  for (let i = 0; i < ips.length; i++) {
    if (ips[i] === 'None') break;
    const fam = isIPv6(ips[i]) ? 'IPv6' : 'IPv4';
    if (i >= (spec.ipFamilies ?? []).length) {
      if (fam === 'IPv6') errs.push({ type: 'FieldValueInvalid', field: `spec.clusterIPs[${i}]`, rendered: goStringSlice(ips), detail: 'IPv6 is not configured on this cluster' });
      else spec.ipFamilies = [...(spec.ipFamilies ?? []), fam];
    }
  }
  if (errs.length) return errs;
  if (spec.clusterIP === 'None' && !Object.keys(spec.selector ?? {}).length) {
    if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = ['IPv4'];
    if (spec.ipFamilies.length < 2 && spec.ipFamilyPolicy !== 'SingleStack') spec.ipFamilies = [...spec.ipFamilies, spec.ipFamilies[0] === 'IPv4' ? 'IPv6' : 'IPv4'];
    return [];
  }
  if (policy === 'RequireDualStack') errs.push(invalid('spec.ipFamilyPolicy', policy, 'this cluster is not configured for dual-stack services'));
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4') errs.push(invalid(`spec.ipFamilies[${i}]`, f, 'not configured on this cluster'));
  });
  if (errs.length) return errs;
  if (!(spec.ipFamilies ?? []).length) spec.ipFamilies = ['IPv4'];
  return [];
}

function throwInvalid(svc: KubeObject, errs: FieldError[]): never {
  throw invalidStatus('', 'Service', svc.metadata.name, errs);
}

function allocClusterIPs(svc: KubeObject, used: Set<string>, rng?: Rng): void {
  const spec = svc.spec;
  if (spec.type === 'ExternalName' || spec.clusterIPs?.[0] === 'None') return;
  const wanted: string | undefined = spec.clusterIPs?.[0];
  try {
    if (wanted) {
      serviceIPRange.allocateStatic(wanted, used);
      return;
    }
    const ip = serviceIPRange.allocateNext(used, rng);
    spec.clusterIP = ip;
    spec.clusterIPs = [ip, ...(spec.clusterIPs ?? []).slice(1)];
  } catch (e) {
    if (!(e instanceof AllocationError)) throw e;
    if (!wanted) throw internalError(`failed to allocate a serviceIP: ${e.message}`);
    throwInvalid(svc, [{ type: 'FieldValueInvalid', field: 'spec.clusterIPs', rendered: goStringSlice(spec.clusterIPs), detail: `failed to allocate IP ${wanted}: ${e.message}` }]);
  }
}

function staticPort(svc: KubeObject, i: number, port: number, used: Set<number>): void {
  try {
    nodePortRange.allocateStatic(port, used);
  } catch (e) {
    if (!(e instanceof AllocationError)) throw e;
    throwInvalid(svc, [invalid(`spec.ports[${i}].nodePort`, port, e.message)]);
  }
  used.add(port);
}

function nextPort(used: Set<number>, rng?: Rng, what = 'a nodePort'): number {
  try {
    const p = nodePortRange.allocateNext(used, rng);
    used.add(p);
    return p;
  } catch (e) {
    if (e instanceof AllocationError) throw internalError(`failed to allocate ${what}: ${e.message}`);
    throw e;
  }
}

function allocHealthCheckNodePort(svc: KubeObject, used: Set<number>, rng?: Rng): void {
  const spec = svc.spec;
  if (spec.healthCheckNodePort) {
    try {
      nodePortRange.allocateStatic(spec.healthCheckNodePort, used);
      used.add(spec.healthCheckNodePort);
    } catch (e) {
      if (!(e instanceof AllocationError)) throw e;
      throw internalError(`failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${e.message}`);
    }
  } else spec.healthCheckNodePort = nextPort(used, rng, 'a HealthCheck NodePort');
}

/** Upstream: alloc.go allocateCreate (txnAllocClusterIPs, initNodePorts, allocHealthCheckNodePort) */
export function allocateCreate(svc: KubeObject, ctx: RegistryContext, rng?: Rng): void {
  const used = inUse(ctx);
  allocClusterIPs(svc, used.ips, rng);
  const spec = svc.spec;
  if (needsNodePort(spec)) {
    const ports: any[] = spec.ports ?? [];
    const byServicePort = new Map<number, number>();
    ports.forEach((p, i) => {
      if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
      const already = byServicePort.get(p.port) ?? 0;
      if (!already) {
        const requested = ports.find((q) => q.port === p.port && q.nodePort)?.nodePort ?? 0;
        if (requested) {
          staticPort(svc, i, requested, used.nodePorts);
          p.nodePort = requested;
        } else p.nodePort = nextPort(used.nodePorts, rng);
        byServicePort.set(p.port, p.nodePort);
      } else if (p.nodePort !== already) {
        if (!p.nodePort) p.nodePort = already;
        else staticPort(svc, i, p.nodePort, used.nodePorts);
      }
    });
  }
  if (needsHealthCheck(spec)) allocHealthCheckNodePort(svc, used.nodePorts, rng);
}

/** Upstream: alloc.go allocateUpdate (updateClusterIPs, txnUpdateNodePorts, updateHealthCheckNodePort) */
export function allocateUpdate(svc: KubeObject, old: KubeObject, ctx: RegistryContext, rng?: Rng): void {
  const spec = svc.spec;
  const o = old.spec ?? {};
  const used = inUse(ctx, svc.metadata);
  if (o.type === 'ExternalName' && spec.type !== 'ExternalName') allocClusterIPs(svc, used.ips, rng);
  if (needsNodePort(spec)) {
    const oldPorts = new Set<number>((o.ports ?? []).map((p: any) => p.nodePort).filter((n: any) => n));
    // Ports the old object holds stay taken until this write commits.
    const taken = new Set<number>([...used.nodePorts, ...oldPorts]);
    for (const p of spec.ports ?? []) if (p.nodePort) taken.add(p.nodePort);
    const checked = new Set<number>();
    (spec.ports ?? []).forEach((p: any, i: number) => {
      if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
      if (!p.nodePort) p.nodePort = nextPort(taken, rng);
      else if (!oldPorts.has(p.nodePort) && !checked.has(p.nodePort)) {
        staticPort(svc, i, p.nodePort, used.nodePorts);
        checked.add(p.nodePort);
      }
    });
  }
  if (!needsHealthCheck(o) && needsHealthCheck(spec)) allocHealthCheckNodePort(svc, used.nodePorts, rng);
}

function portNameErrors(name: string): string[] {
  const errs: string[] = [];
  if (name.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(name)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(name)) errs.push('must contain at least one letter (a-z)');
  if (name.includes('--')) errs.push('must not contain consecutive hyphens');
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** ValidatePortNumOrName: a port number, or an IANA_SVC_NAME. */
export function validatePortNumOrName(field: string, v: unknown): FieldError[] {
  if (typeof v === 'number') return v < 1 || v > 65535 ? [invalid(field, v, PORT_RANGE_MSG)] : [];
  if (typeof v === 'string') return portNameErrors(v).map((m) => invalid(field, v, m));
  return [];
}

function goServicePortKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

/** Upstream: validation.go ValidateServiceClusterIPsRelatedFields */
export function validateClusterIPsRelatedFields(spec: any): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips: string[] | undefined = spec.clusterIPs;
  if (spec.clusterIP) {
    if (!(ips ?? []).length) errs.push(required('spec.clusterIPs', ''));
    else if (ips![0] !== spec.clusterIP) errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', rendered: goStringSlice(ips), detail: 'first value must match `clusterIP`' });
  } else if ((ips ?? []).length) {
    errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', rendered: goStringSlice(ips), detail: 'must be empty when `clusterIP` is not specified' });
  }
  const seen = new Set<string>();
  (spec.ipFamilies ?? []).forEach((f: string, i: number) => {
    if (f !== 'IPv4' && f !== 'IPv6') errs.push(notSupported(`spec.ipFamilies[${i}]`, f, ['IPv4', 'IPv6']));
    if (seen.has(f)) errs.push(duplicate(`spec.ipFamilies[${i}]`, f));
    seen.add(f);
  });
  if (spec.ipFamilyPolicy && !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(spec.ipFamilyPolicy))
    errs.push(notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, ['PreferDualStack', 'RequireDualStack', 'SingleStack']));
  let badIPs = false;
  (ips ?? []).forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips!.length > 1) {
        badIPs = true;
        errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', rendered: goStringSlice(ips), detail: "'None' must be the first and only value" });
      }
      return;
    }
    if (!isIP(ip)) {
      badIPs = true;
      errs.push(invalid(`spec.clusterIPs[${i}]`, ip, VALID_IP_MSG));
    }
  });
  if ((ips ?? []).length > 2) errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', rendered: goStringSlice(ips), detail: 'may only hold up to 2 values' });
  if (badIPs) return errs;
  if (!isHeadless(spec) && (ips ?? []).length && (spec.ipFamilies ?? []).length) {
    ips!.forEach((ip, i) => {
      const fam = spec.ipFamilies[i];
      if (fam === 'IPv4' && isIPv6(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (fam === 'IPv6' && !isIPv6(ip)) errs.push(invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errs;
}

/** Upstream: validation.go ValidateService (spec part; metadata is checked by the REST layer). */
export function validateService(svc: KubeObject): FieldError[] {
  const spec = svc.spec ?? {};
  const errs: FieldError[] = [];
  const ports: any[] = spec.ports ?? [];
  if (ports.length === 0 && !isHeadless(spec) && spec.type !== 'ExternalName') errs.push(required('spec.ports', ''));
  if ((spec.type === 'LoadBalancer' || spec.type === 'NodePort') && isHeadless(spec))
    errs.push(invalid('spec.clusterIPs[0]', spec.clusterIPs[0], `may not be set to 'None' for ${spec.type} services`));
  if (spec.type === 'ExternalName') {
    if ((spec.clusterIPs ?? []).length) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if ((spec.ipFamilies ?? []).length) errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy) errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    const cname = String(spec.externalName ?? '').replace(/\.$/, '');
    if (cname) errs.push(...validateDnsSubdomain('spec.externalName', cname));
    else errs.push(required('spec.externalName', ''));
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${path}.name`, ''));
    else if (p.name) {
      errs.push(...validateDnsLabel(`${path}.name`, p.name));
      if (names.has(p.name)) errs.push(duplicate(`${path}.name`, p.name));
      else names.add(p.name);
    }
    const port = p.port ?? 0;
    if (port < 1 || port > 65535) errs.push(invalid(`${path}.port`, port, PORT_RANGE_MSG));
    if (!p.protocol) errs.push(required(`${path}.protocol`, ''));
    else if (!SUPPORTED_PROTOCOLS.includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, SUPPORTED_PROTOCOLS));
    errs.push(...validatePortNumOrName(`${path}.targetPort`, p.targetPort));
    if (p.appProtocol !== undefined) errs.push(...validateQualifiedName(`${path}.appProtocol`, p.appProtocol));
  });
  if (spec.selector) errs.push(...validateLabels('spec.selector', spec.selector));
  if (!spec.sessionAffinity) errs.push(required('spec.sessionAffinity', ''));
  else if (!['ClientIP', 'None'].includes(spec.sessionAffinity)) errs.push(notSupported('spec.sessionAffinity', spec.sessionAffinity, ['ClientIP', 'None']));
  if (spec.sessionAffinity === 'ClientIP') {
    const t = spec.sessionAffinityConfig?.clientIP?.timeoutSeconds;
    if (t === undefined) errs.push(required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', ''));
    else if (t <= 0 || t > 86400) errs.push(invalid('spec.sessionAffinityConfig.clientIP.timeoutSeconds', t, 'must be greater than 0 and less than 86400'));
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(spec));
  (spec.externalIPs ?? []).forEach((ip: string, i: number) => {
    if (!isIP(ip)) errs.push(invalid(`spec.externalIPs[${i}]`, ip, VALID_IP_MSG));
  });
  if (!spec.type) errs.push(required('spec.type', ''));
  else if (!SUPPORTED_TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type, SUPPORTED_TYPES));
  if (spec.type === 'ClusterIP') ports.forEach((p, i) => p.nodePort && errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'")));
  const nodePortKeys = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePortKeys.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePortKeys.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push({ type: 'FieldValueDuplicate', field: `spec.ports[${i}]`, rendered: goServicePortKey(p.protocol ?? '', p.port ?? 0) });
    portKeys.add(key);
  });
  if ((spec.loadBalancerSourceRanges ?? []).length && spec.type !== 'LoadBalancer') errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') errs.push(forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) errs.push(required('allocateLoadBalancerNodePorts', ''));
  if (spec.loadBalancerClass !== undefined && spec.type !== 'LoadBalancer') errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) errs.push(invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!spec.externalTrafficPolicy) errs.push(required('spec.externalTrafficPolicy', ''));
  else if (!['Cluster', 'Local'].includes(spec.externalTrafficPolicy)) errs.push(notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, ['Cluster', 'Local']));
  if (!needsHealthCheck(spec)) {
    if (spec.healthCheckNodePort) errs.push(invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (!spec.healthCheckNodePort) errs.push(required('spec.healthCheckNodePort', ''));
  if (spec.internalTrafficPolicy === undefined) {
    if (['NodePort', 'LoadBalancer', 'ClusterIP'].includes(spec.type)) errs.push(required('spec.internalTrafficPolicy', ''));
  } else if (!['Cluster', 'Local'].includes(spec.internalTrafficPolicy)) errs.push(notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, ['Cluster', 'Local']));
  return errs;
}

/** Upstream: validation.go ValidateServiceUpdate (validateUpgradeDowngradeClusterIPs); the create checks follow. */
export function validateServiceUpdate(svc: KubeObject, old: KubeObject): FieldError[] {
  const spec = svc.spec ?? {};
  const o = old.spec ?? {};
  const errs: FieldError[] = [];
  if (spec.type !== 'ExternalName' && o.type !== 'ExternalName' && !(isHeadless(spec) && isHeadless(o))) {
    const now: string[] = spec.clusterIPs ?? [];
    const before: string[] = o.clusterIPs ?? [];
    const ipErr = (i: number, detail: string): FieldError => ({ type: 'FieldValueInvalid', field: `spec.clusterIPs[${i}]`, rendered: goStringSlice(spec.clusterIPs), detail });
    if (before.length === now.length) {
      before.forEach((ip, i) => ip !== now[i] && errs.push(ipErr(i, 'may not change once set')));
    } else if (before.length > now.length) {
      if (now.length === 0) errs.push(ipErr(0, 'primary clusterIP can not be unset'));
      if (before.length && now.length && now[0] !== before[0]) errs.push(ipErr(0, 'may not change once set'));
      if (now.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') errs.push(invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    } else if (before.length && now[0] !== before[0]) errs.push(ipErr(0, 'may not change once set'));
  }
  if (needsHealthCheck(o) && needsHealthCheck(spec) && spec.healthCheckNodePort !== o.healthCheckNodePort) errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  if (o.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && (o.loadBalancerClass ?? null) !== (spec.loadBalancerClass ?? null))
    errs.push(invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
  return errs;
}

function externalIPCell(svc: KubeObject): string {
  const spec = svc.spec ?? {};
  const ext: string[] = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return ext.length ? ext.join(',') : '<none>';
    case 'LoadBalancer': {
      // The apiserver prints the wide form: the load-balancer list is never cut.
      const lb = [...new Set<string>((svc.status?.loadBalancer?.ingress ?? []).map((i: any) => i.ip || i.hostname).filter(Boolean))].sort();
      if (ext.length) return [...lb, ...ext].join(',');
      return lb.length ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
  }
  return '<unknown>';
}

/** Upstream: printers.go printService, getServiceExternalIP, makePortString */
export function serviceRow(svc: KubeObject, now: number): (string | number)[] {
  const spec = svc.spec ?? {};
  const ports = (spec.ports ?? []).map((p: any) => (p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
  return [svc.metadata.name, spec.type ?? '', spec.clusterIPs?.[0] ?? '<none>', externalIPCell(svc), ports || '<none>', age(svc.metadata.creationTimestamp, now), formatLabels(spec.selector)];
}

export const serviceDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Service' }],
  kind: 'Service',
  plural: 'services',
  singular: 'service',
  shortNames: ['svc'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  nameRule: 'dns1035',
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  extraSubresources: [{ name: 'proxy', kind: { group: '', version: 'v1', kind: 'ServiceProxyOptions' }, verbs: ['create', 'delete', 'get', 'patch', 'update'] }],
  prepareForCreate(svc, ctx) {
    svc.status = { loadBalancer: {} };
    defaultService(svc);
    normalizeClusterIPs(svc.spec);
    const errs = initIPFamilyFields(svc);
    if (errs.length) throwInvalid(svc, errs);
    allocateCreate(svc, ctx);
  },
  prepareForUpdate(svc, old, ctx) {
    defaultService(svc);
    dropTypeDependentFields(svc, old);
    patchAllocatedValues(svc.spec, old.spec ?? {});
    normalizeClusterIPs(svc.spec, old.spec ?? {});
    const errs = initIPFamilyFields(svc, old);
    if (errs.length) throwInvalid(svc, errs);
    allocateUpdate(svc, old, ctx);
  },
  defaults: defaultService,
  validate: validateService,
  validateUpdate: validateServiceUpdate,
  fieldSelectors: {
    'spec.clusterIP': (o) => o.spec?.clusterIP ?? '',
    'spec.type': (o) => o.spec?.type ?? '',
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Type', 'string', 'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other fields do not apply to ExternalName services. More info: https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types'),
      col('Cluster-IP', 'string', 'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; otherwise creation of the service will fail. This field may not be changed through updates unless the type field is also being changed to ExternalName (which requires this field to be blank) or the type field is being changed from ExternalName (in which case this field may optionally be specified, as describe above).  Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service to type ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
      col('External-IP', 'string', 'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic arrives at a node with this IP.  A common example is external load-balancers that are not part of the Kubernetes system.'),
      col('Port(s)', 'string', 'The list of ports that are exposed by this service. More info: https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies'),
      AGE_COLUMN,
      col('Selector', 'string', 'Route service traffic to pods with label keys and values matching this selector. If empty or not present, the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: https://kubernetes.io/docs/concepts/services-networking/service/', 1),
    ],
    row: (svc, ctx) => serviceRow(svc, ctx.now),
  },
};
