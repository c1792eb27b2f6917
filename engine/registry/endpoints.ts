// core/v1 Endpoints. Upstream: pkg/apis/core/v1/defaults.go (SetDefaults_Endpoints),
// pkg/apis/core/validation (ValidateEndpoints), printers.go (printEndpoints, formatEndpoints)
/* eslint-disable @typescript-eslint/no-explicit-any */
import { invalid, notSupported, required, type FieldError } from '../api/field-errors';
import { validateDnsLabel } from '../api/metadata-validation';
import type { KubeObject } from '../api/object';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { isIP, isIPv6 } from './service-allocator';
import { PORT_RANGE_MSG } from './service';

const VALID_IP_MSG = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

/** net.JoinHostPort */
export function joinHostPort(ip: string, port: number): string {
  return isIPv6(ip) ? `[${ip}]:${port}` : `${ip}:${port}`;
}

/** Up to three ip:port entries over subsets × ports × addresses, then ` + N more...`. */
export function formatEndpoints(ep: KubeObject): string {
  const subsets: any[] = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses: any[] = ss.addresses ?? [];
    const ports: any[] = ss.ports ?? [];
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(a.ip);
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(a.ip, p.port));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss: any, i: number) => {
    const path = `subsets[${i}]`;
    const checkAddr = (a: any, field: string) => {
      if (!isIP(a.ip ?? '')) errs.push(invalid(`${field}.ip`, a.ip ?? '', VALID_IP_MSG));
      if (a.hostname) errs.push(...validateDnsLabel(`${field}.hostname`, a.hostname));
    };
    (ss.addresses ?? []).forEach((a: any, j: number) => checkAddr(a, `${path}.addresses[${j}]`));
    (ss.notReadyAddresses ?? []).forEach((a: any, j: number) => checkAddr(a, `${path}.notReadyAddresses[${j}]`));
    const ports: any[] = ss.ports ?? [];
    ports.forEach((p, j) => {
      const pp = `${path}.ports[${j}]`;
      if (ports.length > 1 && !p.name) errs.push(required(`${pp}.name`, ''));
      else if (p.name) errs.push(...validateDnsLabel(`${pp}.name`, p.name));
      if (typeof p.port !== 'number' || p.port < 1 || p.port > 65535) errs.push(invalid(`${pp}.port`, p.port ?? 0, PORT_RANGE_MSG));
      if (!p.protocol) errs.push(required(`${pp}.protocol`, ''));
      else if (!['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    });
  });
  return errs;
}

export const endpointsDefinition: ResourceDefinition = {
  group: '',
  versions: [{ version: 'v1', schema: 'io.k8s.api.core.v1.Endpoints' }],
  kind: 'Endpoints',
  plural: 'endpoints',
  singular: 'endpoints',
  shortNames: ['ep'],
  namespaced: true,
  defaults(ep) {
    for (const ss of ep.subsets ?? []) for (const p of ss.ports ?? []) p.protocol ||= 'TCP';
  },
  validate: validateEndpoints,
  table: {
    columns: [
      NAME_COLUMN,
      col('Endpoints', 'string', 'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs they share. A single address with multiple ports, some of which are ready and some of which are not (because they come from different containers) will result in the address being displayed in different subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same subset. Sets of addresses and ports that comprise a service.'),
      AGE_COLUMN,
    ],
    row: (ep, ctx) => [ep.metadata.name, formatEndpoints(ep), age(ep.metadata.creationTimestamp, ctx.now)],
  },
};
