// Test support: builds protobuf bytes by hand, field by field, so tests state the wire exactly.

export type Bytes = Uint8Array;

export function varintBytes(value: number | bigint): Bytes {
  // Negative numbers are 64-bit two's complement on the wire (ten bytes), as Go writes an int32 -1.
  let v = BigInt.asUintN(64, BigInt(value));
  const out: number[] = [];
  do {
    let b = Number(v & 0x7fn);
    v >>= 7n;
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Uint8Array.from(out);
}

const key = (field: number, wireType: number) => varintBytes(field * 8 + wireType);

export function cat(...parts: Bytes[]): Bytes {
  return Uint8Array.from(Buffer.concat(parts));
}

/** A varint field: int32, int64, bool (pass 0/1 or a boolean). */
export function int(field: number, value: number | bigint | boolean): Bytes {
  return cat(key(field, 0), varintBytes(typeof value === 'boolean' ? Number(value) : value));
}

/** A length-delimited field from raw bytes (bytes fields, embedded messages, packed runs). */
export function len(field: number, ...parts: Bytes[]): Bytes {
  const body = cat(...parts);
  return cat(key(field, 2), varintBytes(body.length), body);
}

export function str(field: number, s: string): Bytes {
  return len(field, Buffer.from(s, 'utf8'));
}

export function double(field: number, v: number): Bytes {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(v);
  return cat(key(field, 1), b);
}

export function fixed32(field: number, v: number): Bytes {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v);
  return cat(key(field, 5), b);
}

/** A map<string, string> entry field. */
export function entry(field: number, k: string, value: Bytes): Bytes {
  return len(field, str(1, k), value);
}

/** A Kubernetes protobuf body: `k8s\0` + runtime.Unknown{typeMeta, raw}. */
export function envelope(apiVersion: string, kind: string, raw: Bytes, extra: Bytes = new Uint8Array()): Buffer {
  return Buffer.concat([Buffer.from([0x6b, 0x38, 0x73, 0x00]), len(1, str(1, apiVersion), str(2, kind)), len(2, raw), extra]);
}
