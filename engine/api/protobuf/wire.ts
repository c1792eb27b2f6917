// The protobuf wire format, read side: just enough to walk Kubernetes messages.
// Upstream: protobuf encoding spec (https://protobuf.dev/programming-guides/encoding/).

export const WireType = { Varint: 0, Fixed64: 1, Len: 2, StartGroup: 3, EndGroup: 4, Fixed32: 5 } as const;
export type WireType = (typeof WireType)[keyof typeof WireType];

export class WireError extends Error {
  override name = 'WireError';
}

/**
 * A varint as the two 32-bit halves it carries. Kubernetes numbers are int32, int64 and bool; the
 * halves let us read each exactly (an int32 -1 arrives as ten bytes of two's complement) without
 * BigInt, and int64 only loses precision beyond 2^53, as it would in any JSON number anyway.
 */
export interface Varint {
  lo: number;
  hi: number;
}

export function varintToInt32(v: Varint): number {
  return v.lo | 0;
}

export function varintToUint32(v: Varint): number {
  return v.lo >>> 0;
}

export function varintToInt64(v: Varint): number {
  return (v.hi | 0) * 0x1_0000_0000 + (v.lo >>> 0);
}

export function varintToUint64(v: Varint): number {
  return (v.hi >>> 0) * 0x1_0000_0000 + (v.lo >>> 0);
}

/** One field occurrence on the wire. `bytes` is a view into the input, never a copy. */
export type WireField =
  | { number: number; wireType: typeof WireType.Varint; varint: Varint }
  | { number: number; wireType: typeof WireType.Fixed64; bytes: Uint8Array }
  | { number: number; wireType: typeof WireType.Len; bytes: Uint8Array }
  | { number: number; wireType: typeof WireType.Fixed32; bytes: Uint8Array };

export class WireReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  readVarint(): Varint {
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new WireError('truncated varint');
      const b = this.buf[this.pos++];
      if (i < 4) lo |= (b & 0x7f) << (7 * i);
      else if (i === 4) {
        lo |= (b & 0x0f) << 28;
        hi |= (b & 0x7f) >> 4;
      } else hi |= (b & 0x7f) << (7 * i - 32);
      if (!(b & 0x80)) return { lo: lo >>> 0, hi: hi >>> 0 };
    }
    throw new WireError('varint longer than 10 bytes');
  }

  /** A length or field key: must fit comfortably in a JS number. */
  readLength(): number {
    const v = this.readVarint();
    if (v.hi !== 0 || v.lo > 0x7fff_ffff) throw new WireError('length out of range');
    return v.lo;
  }

  readBytes(n: number): Uint8Array {
    if (this.pos + n > this.buf.length) throw new WireError(`truncated field: need ${n} bytes, have ${this.buf.length - this.pos}`);
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }

  /** The next field, or undefined at the end. Groups (proto2, unused by Kubernetes) are an error. */
  next(): WireField | undefined {
    if (this.done) return undefined;
    const key = this.readVarint();
    if (key.hi !== 0) throw new WireError('field key out of range');
    const number = key.lo >>> 3;
    const wireType = key.lo & 7;
    if (number === 0) throw new WireError('field number 0');
    switch (wireType) {
      case WireType.Varint:
        return { number, wireType, varint: this.readVarint() };
      case WireType.Fixed64:
        return { number, wireType, bytes: this.readBytes(8) };
      case WireType.Len:
        return { number, wireType, bytes: this.readBytes(this.readLength()) };
      case WireType.Fixed32:
        return { number, wireType, bytes: this.readBytes(4) };
      default:
        throw new WireError(`unsupported wire type ${wireType} for field ${number}`);
    }
  }

  /** All remaining fields, in wire order. */
  fields(): WireField[] {
    const out: WireField[] = [];
    for (let f = this.next(); f; f = this.next()) out.push(f);
    return out;
  }
}

/** Reads a packed run of varints (a repeated scalar written as one length-delimited field). */
export function readPackedVarints(bytes: Uint8Array): Varint[] {
  const r = new WireReader(bytes);
  const out: Varint[] = [];
  while (!r.done) out.push(r.readVarint());
  return out;
}

export function readDouble(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 8).getFloat64(0, true);
}

export function readFloat(bytes: Uint8Array): number {
  return new DataView(bytes.buffer, bytes.byteOffset, 4).getFloat32(0, true);
}
