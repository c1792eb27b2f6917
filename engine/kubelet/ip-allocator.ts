// Pod IPs from a node's podCIDR, as the host-local IPAM of flannel's CNI hands them out: .1 is
// the cni0 bridge, addresses go round-robin from the last one given, never two pods at once.
export class IpAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  private last = 1;

  constructor(readonly cidr: string) {
    const [addr, bits] = cidr.split('/');
    const prefix = Number(bits ?? 24);
    this.base = ipToInt(addr) & (prefix === 0 ? 0 : (~0 << (32 - prefix)) >>> 0);
    this.size = 2 ** (32 - prefix);
  }

  /** The next free address, or undefined when the range is exhausted. */
  allocate(): string | undefined {
    const lo = 2;
    const hi = this.size - 2;
    const span = hi - lo + 1;
    for (let n = 0; n < span; n++) {
      const off = lo + ((((this.last + 1 - lo + n) % span) + span) % span);
      if (this.used.has(off)) continue;
      this.used.add(off);
      this.last = off;
      return intToIp(this.base + off);
    }
    return undefined;
  }

  /** Marks an address as taken (pods found running at start-up). */
  reserve(ip: string): boolean {
    const off = ipToInt(ip) - this.base;
    if (off <= 0 || off >= this.size) return false;
    this.used.add(off);
    return true;
  }

  release(ip: string): void {
    this.used.delete(ipToInt(ip) - this.base);
  }

  contains(ip: string): boolean {
    const off = ipToInt(ip) - this.base;
    return off > 0 && off < this.size;
  }
}

export function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, p) => ((acc << 8) >>> 0) + Number(p), 0) >>> 0;
}

export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}
