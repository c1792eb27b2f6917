// discovery.k8s.io/v1 EndpointSlice. Upstream: pkg/apis/discovery/v1/defaults.go,
// pkg/apis/discovery/validation (ValidateEndpointSlice), printers.go (printEndpointSlice,
// formatDiscoveryPorts, formatDiscoveryEndpoints)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { validateDnsLabel, validateDnsSubdomain } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { isIP, isIPv6, parseIPv4 } from './service-allocator';
import { PORT_RANGE_MSG } from './service';

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export function formatDiscoveryPorts(ports: any[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of ports ?? []) {
    if (list.length < 3) list.push(p.port !== undefined && p.port !== null ? String(p.port) : p.name !== undefined && p.name !== null ? p.name : '*');
    else if (list.length === 3) more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

export function formatDiscoveryEndpoints(endpoints: any[] | undefined): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      else if (list.length === 3) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

export function validateEndpointSlice(es: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const type = es.addressType;
  if (!type) errs.push(required('addressType', ''));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(notSupported('addressType', type, ADDRESS_TYPES));
  const endpoints: any[] = es.endpoints ?? [];
  if (endpoints.length > 1000) errs.push({ type: 'FieldValueTooMany', field: 'endpoints', detail: `must have at most 1000 items` });
  endpoints.forEach((e, i) => {
    const path = `endpoints[${i}]`;
    const addrs: any[] = e.addresses ?? [];
    if (addrs.length === 0) errs.push(required(`${path}.addresses`, 'must contain at least 1 address'));
    else if (addrs.length > 100) errs.push({ type: 'FieldValueTooMany', field: `${path}.addresses`, detail: 'must have at most 100 items' });
    addrs.forEach((a, j) => {
      const ap = `${path}.addresses[${j}]`;
      if (type === 'IPv4') {
        if (!isIP(a)) errs.push(invalid(ap, a, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        else if (parseIPv4(a) === undefined) errs.push(invalid(ap, a, 'must be an IPv4 address'));
      } else if (type === 'IPv6') {
        if (!isIP(a)) errs.push(invalid(ap, a, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'));
        else if (!isIPv6(a)) errs.push(invalid(ap, a, 'must be an IPv6 address'));
      } else if (type === 'FQDN') errs.push(...validateDnsSubdomain(ap, a));
    });
    if (e.nodeName) errs.push(...validateDnsSubdomain(`${path}.nodeName`, e.nodeName));
    if (e.hostname) errs.push(...validateDnsLabel(`${path}.hostname`, e.hostname));
  });
  const ports: any[] = es.ports ?? [];
  if (ports.length > 20000) errs.push({ type: 'FieldValueTooMany', field: 'ports', detail: 'must have at most 20000 items' });
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `ports[${i}]`;
    const name = p.name ?? '';
    if (name) errs.push(...validateDnsLabel(`${path}.name`, name));
    if (names.has(name)) errs.push({ type: 'FieldValueDuplicate', field: `${path}.name`, value: name });
    names.add(name);
    if (p.port !== undefined && p.port !== null && (p.port < 1 || p.port > 65535)) errs.push(invalid(`${path}.port`, p.port, PORT_RANGE_MSG));
    if (!p.protocol) errs.push(required(`${path}.protocol`, ''));
    else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${path}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
  });
  return errs;
}

export const endpointSliceDefinition: ResourceDefinition = {
  group: 'discovery.k8s.io',
  versions: [{ version: 'v1', schema: 'io.k8s.api.discovery.v1.EndpointSlice' }],
  kind: 'EndpointSlice',
  plural: 'endpointslices',
  singular: 'endpointslice',
  namespaced: true,
  defaults(es) {
    for (const p of es.ports ?? []) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  validate: validateEndpointSlice,
  validateUpdate(es, old) {
    if (es.addressType !== old.addressType) return [invalid('addressType', es.addressType, 'field is immutable')];
    return [];
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.'),
      col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.'),
      col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
      AGE_COLUMN,
    ],
    row: (es, ctx) => [es.metadata.name, es.addressType ?? '', formatDiscoveryPorts(es.ports), formatDiscoveryEndpoints(es.endpoints), age(es.metadata.creationTimestamp, ctx.now)],
  },
};

