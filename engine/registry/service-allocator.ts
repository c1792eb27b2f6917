// ClusterIP and NodePort allocation for Services. Nothing is persisted besides the Services
// themselves: what is in use is read from the stored Services (RegistryContext.list) at the moment
// of a write, so deleting a Service or changing its type releases its IP and ports by itself.
// Writes are synchronous in the engine, so the scan and the store write cannot interleave.
// Upstream: pkg/registry/core/service/ipallocator/bitmap.go, portallocator/allocator.go,
// allocator/bitmap.go (randomScanStrategyWithOffset), storage/alloc.go
/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomInt } from 'node:crypto';
import type { KubeObject } from '../api/object';
import type { RegistryContext } from './resource-definition';

/** kubeadm's --service-cluster-ip-range (engine/topology uses the same range). */
export const SERVICE_CLUSTER_IP_RANGE = '10.96.0.0/12';
/** The apiserver's default --service-node-port-range. */
export const NODE_PORT_RANGE = { base: 30000, size: 2768, text: '30000-32767' };

export class AllocationError extends Error {}

/** An IPv4 address as an unsigned 32-bit number, or undefined when it is not dotted-quad IPv4. */
export function parseIPv4(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

export function formatIPv4(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Go's net.ParseIP: IPv4 dotted quad or an IPv6 literal. */
export function isIP(s: string): boolean {
  if (parseIPv4(s) !== undefined) return true;
  return isIPv6(s);
}

export function isIPv6(s: string): boolean {
  if (!s.includes(':')) return false;
  try {
    return new URL(`http://[${s}]/`).hostname.length > 0;
  } catch {
    return false;
  }
}

/**
 * min(max(min, size/step), max): the low part of a range kept for user-chosen values; dynamic
 * allocation starts in the part above it. Upstream: ipallocator calculateRangeOffset,
 * portallocator calculateRangeOffset.
 */
export function rangeOffset(size: number, min: number, max: number, step: number): number {
  if (size <= min) return 0;
  const offset = Math.floor(size / step);
  if (offset < min) return min;
  if (offset > max) return max;
  return offset;
}

export type Rng = (n: number) => number;
const defaultRng: Rng = (n) => randomInt(n);

/**
 * The bitmap allocator's "random scan with offset": a random start in [offset, size), scanning up
 * with wrap-around inside that band; only when the band is full, the low [0, offset) band.
 */
function pickFree(size: number, offset: number, taken: (i: number) => boolean, rng: Rng): number | undefined {
  const upper = size - offset;
  if (upper > 0) {
    const start = rng(upper);
    for (let k = 0; k < upper; k++) {
      const i = offset + ((start + k) % upper);
      if (!taken(i)) return i;
    }
  }
  if (offset > 0) {
    const start = rng(offset);
    for (let k = 0; k < offset; k++) {
      const i = (start + k) % offset;
      if (!taken(i)) return i;
    }
  }
  return undefined;
}

/** The usable addresses of an IPv4 CIDR: without the network and broadcast addresses. */
export class IPRange {
  readonly base: number;
  readonly size: number;
  readonly offset: number;

  constructor(readonly cidr: string) {
    const [ip, bits] = cidr.split('/');
    const prefix = Number(bits);
    const net = parseIPv4(ip)!;
    const total = 2 ** (32 - prefix);
    this.base = net + 1;
    this.size = Math.max(0, total - 2);
    this.offset = rangeOffset(total, 16, 256, 16);
  }

  contains(ip: string): boolean {
    const n = parseIPv4(ip);
    return n !== undefined && n >= this.base && n < this.base + this.size;
  }

  allocateStatic(ip: string, used: Set<string>): void {
    if (!this.contains(ip)) throw new AllocationError(`the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.cidr}`);
    if (used.has(formatIPv4(parseIPv4(ip)!))) throw new AllocationError('provided IP is already allocated');
  }

  allocateNext(used: Set<string>, rng: Rng = defaultRng): string {
    const i = pickFree(this.size, this.offset, (k) => used.has(formatIPv4(this.base + k)), rng);
    if (i === undefined) throw new AllocationError('range is full');
    return formatIPv4(this.base + i);
  }
}

export class PortRange {
  readonly offset: number;

  constructor(
    readonly base: number,
    readonly size: number,
    readonly text: string,
  ) {
    this.offset = rangeOffset(size, 16, 128, 32);
  }

  allocateStatic(port: number, used: Set<number>): void {
    if (port < this.base || port >= this.base + this.size) throw new AllocationError(`provided port is not in the valid range. The range of valid ports is ${this.text}`);
    if (used.has(port)) throw new AllocationError('provided port is already allocated');
  }

  allocateNext(used: Set<number>, rng: Rng = defaultRng): number {
    const i = pickFree(this.size, this.offset, (k) => used.has(this.base + k), rng);
    if (i === undefined) throw new AllocationError('range is full');
    return this.base + i;
  }
}

export const serviceIPRange = new IPRange(SERVICE_CLUSTER_IP_RANGE);
export const nodePortRange = new PortRange(NODE_PORT_RANGE.base, NODE_PORT_RANGE.size, NODE_PORT_RANGE.text);

export interface InUse {
  ips: Set<string>;
  nodePorts: Set<number>;
}

/** Cluster IPs and node ports held by stored Services, leaving out the one being written. */
export function inUse(ctx: RegistryContext, self?: { namespace?: string; name: string }): InUse {
  const ips = new Set<string>();
  const nodePorts = new Set<number>();
  for (const svc of ctx.list('services')) {
    if (self && svc.metadata.namespace === self.namespace && svc.metadata.name === self.name) continue;
    addServiceAllocations(svc, ips, nodePorts);
  }
  return { ips, nodePorts };
}

function addServiceAllocations(svc: KubeObject, ips: Set<string>, nodePorts: Set<number>): void {
  const spec = svc.spec ?? {};
  for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
    const n = parseIPv4(ip);
    if (n !== undefined) ips.add(formatIPv4(n));
  }
  for (const p of spec.ports ?? []) if (typeof p.nodePort === 'number' && p.nodePort > 0) nodePorts.add(p.nodePort);
  if (typeof spec.healthCheckNodePort === 'number' && spec.healthCheckNodePort > 0) nodePorts.add(spec.healthCheckNodePort);
}
