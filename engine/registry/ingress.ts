// networking.k8s.io/v1 Ingress. Upstream: pkg/apis/networking/validation (ValidateIngressSpec,
// validateHTTPIngressPath, validateIngressBackend), printers.go (printIngress, formatHosts, formatPorts)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { validateDns1035Label, validateDnsSubdomain } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { isIP } from './service-allocator';
import { validatePortNumOrName } from './service';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const WILDCARD_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character (e.g. '*.example.com', regex used for validation is '\\*\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

function validateHost(field: string, host: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isIP(host)) errs.push(invalid(field, host, 'must be a DNS name, not an IP address'));
  if (host.includes('*')) {
    if (host.length > 253) errs.push(invalid(field, host, 'must be no more than 253 characters'));
    if (!/^\*\.[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host)) errs.push(invalid(field, host, WILDCARD_MSG));
  } else errs.push(...validateDnsSubdomain(field, host));
  return errs;
}

function validateBackend(b: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const hasResource = b?.resource != null;
  const hasService = b?.service != null;
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) {
    if (!b.resource.kind) errs.push(required(`${path}.resource.kind`, ''));
    if (!b.resource.name) errs.push(required(`${path}.resource.name`, ''));
    return errs;
  }
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const svc = b.service;
  if (!svc.name) errs.push(required(`${path}.service.name`, ''));
  else errs.push(...validateDns1035Label(`${path}.service.name`, svc.name));
  const portName = svc.port?.name ?? '';
  const portNumber = svc.port?.number ?? 0;
  if (portName && portNumber) errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName) errs.push(...validatePortNumOrName(`${path}.service.port.name`, portName));
  else if (portNumber) errs.push(...validatePortNumOrName(`${path}.service.port.number`, portNumber));
  else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validatePath(p: any, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (p.pathType === undefined || p.pathType === null) return [required(`${path}.pathType`, 'pathType must be specified')];
  const value: string = p.path ?? '';
  if (p.pathType === 'Exact' || p.pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of ['//', '/./', '/../', '%2f', '%2F']) if (value.includes(seq)) errs.push(invalid(`${path}.path`, value, `must not contain '${seq}'`));
      for (const suf of ['/..', '/.']) if (value.endsWith(suf)) errs.push(invalid(`${path}.path`, value, `cannot end with '${suf}'`));
    }
  } else if (p.pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/')) errs.push(invalid(`${path}.path`, value, 'must be an absolute path'));
  } else errs.push(notSupported(`${path}.pathType`, p.pathType, PATH_TYPES));
  errs.push(...validateBackend(p.backend, `${path}.backend`));
  return errs;
}

export function validateIngress(ing: KubeObject): FieldError[] {
  const spec = ing.spec ?? {};
  const errs: FieldError[] = [];
  const rules: any[] | undefined = spec.rules;
  if (!(rules ?? []).length && !spec.defaultBackend)
    errs.push({ type: 'FieldValueInvalid', field: 'spec', rendered: rules ? '[]networking.IngressRule{}' : '[]networking.IngressRule(nil)', detail: 'either `defaultBackend` or `rules` must be specified' });
  if (spec.defaultBackend) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  (rules ?? []).forEach((r, i) => {
    const rp = `spec.rules[${i}]`;
    if (r.host) errs.push(...validateHost(`${rp}.host`, r.host));
    if (r.http) {
      const paths: any[] = r.http.paths ?? [];
      if (paths.length === 0) errs.push(required(`${rp}.http.paths`, ''));
      paths.forEach((p, j) => errs.push(...validatePath(p, `${rp}.http.paths[${j}]`)));
    }
  });
  (spec.tls ?? []).forEach((t: any, i: number) => {
    (t.hosts ?? []).forEach((h: string, j: number) => errs.push(...validateHost(`spec.tls[${i}].hosts[${j}]`, h)));
    if (t.secretName) errs.push(...validateDnsSubdomain(`spec.tls[${i}].secretName`, t.secretName));
  });
  if (spec.ingressClassName !== undefined && spec.ingressClassName !== null) errs.push(...validateDnsSubdomain('spec.ingressClassName', spec.ingressClassName));
  return errs;
}

/** Up to three rule hosts, `*` when none. Upstream: printers.go formatHosts (counts `more` as rules beyond 3). */
export function formatHosts(rules: any[] | undefined): string {
  const list: string[] = [];
  let more = false;
  for (const r of rules ?? []) {
    if (list.length === 3) more = true;
    if (!more && r.host) list.push(r.host);
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${(rules ?? []).length - 3} more...` : ret;
}

export function loadBalancerAddresses(ingress: any[] | undefined): string {
  return [...new Set<string>((ingress ?? []).map((i: any) => i.ip || i.hostname).filter(Boolean))].sort().join(',');
}

export const ingressDefinition: ResourceDefinition = {
  group: 'networking.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.networking.v1.Ingress' }],
  kind: 'Ingress',
  plural: 'ingresses',
  singular: 'ingress',
  shortNames: ['ing'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  prepareForCreate(ing) {
    ing.status = { loadBalancer: {} };
  },
  validate: validateIngress,
  table: {
    columns: [
      NAME_COLUMN,
      col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
      col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
      col('Ports', 'string', 'Ports of TLS configurations that open'),
      AGE_COLUMN,
    ],
    row: (ing, ctx) => [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      formatHosts(ing.spec?.rules),
      loadBalancerAddresses(ing.status?.loadBalancer?.ingress),
      (ing.spec?.tls ?? []).length ? '80, 443' : '80',
      age(ing.metadata.creationTimestamp, ctx.now),
    ],
  },
};
