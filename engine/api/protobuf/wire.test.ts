import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDouble, readFloat, readPackedVarints, varintToInt32, varintToInt64, varintToUint32, varintToUint64, WireError, WireReader, WireType } from './wire';
import { cat, double, fixed32, int, len, str, varintBytes } from './testing/wire-writer';

const one = (bytes: Uint8Array) => new WireReader(bytes).readVarint();

describe('varints', () => {
  test('one and two bytes', () => {
    assert.deepEqual(one(Uint8Array.of(0x01)), { lo: 1, hi: 0 });
    assert.deepEqual(one(Uint8Array.of(0xac, 0x02)), { lo: 300, hi: 0 });
  });

  test('an int32 -1 is ten bytes of two\'s complement', () => {
    const bytes = varintBytes(-1);
    assert.equal(bytes.length, 10);
    const v = one(bytes);
    assert.equal(varintToInt32(v), -1);
    assert.equal(varintToInt64(v), -1);
    assert.equal(varintToUint32(v), 0xffff_ffff);
  });

  test('int64 values around the 32-bit boundary and the zero Go time', () => {
    for (const n of [0, 1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 32 + 5, 2 ** 53 - 1, -2, -62135596800, 1_700_000_000]) {
      assert.equal(varintToInt64(one(varintBytes(n))), n, String(n));
    }
    assert.equal(varintToUint64(one(varintBytes(2 ** 40 + 3))), 2 ** 40 + 3);
  });

  test('a truncated or overlong varint is an error', () => {
    assert.throws(() => one(Uint8Array.of(0x80)), WireError);
    assert.throws(() => one(new Uint8Array(11).fill(0x80)), /longer than 10 bytes/);
  });
});

describe('fields', () => {
  test('all wire types, in order, as views into the input', () => {
    const buf = cat(int(1, 150), str(2, 'hi'), double(3, 1.5), fixed32(4, 7), len(5));
    const fields = new WireReader(buf).fields();
    assert.deepEqual(fields.map((f) => [f.number, f.wireType]), [[1, WireType.Varint], [2, WireType.Len], [3, WireType.Fixed64], [4, WireType.Fixed32], [5, WireType.Len]]);
    const [a, b, c, d, e] = fields;
    assert.equal(a.wireType === WireType.Varint && a.varint.lo, 150);
    assert.equal(b.wireType === WireType.Len && Buffer.from(b.bytes).toString(), 'hi');
    assert.equal(c.wireType === WireType.Fixed64 && readDouble(c.bytes), 1.5);
    assert.equal(d.wireType === WireType.Fixed32 && Buffer.from(d.bytes).readUInt32LE(), 7);
    assert.equal(e.wireType === WireType.Len && e.bytes.length, 0);
    assert.equal(b.wireType === WireType.Len && b.bytes.buffer, buf.buffer);
  });

  test('large field numbers', () => {
    const [f] = new WireReader(str(536_870_911, 'x')).fields();
    assert.equal(f.number, 536_870_911);
  });

  test('floats', () => {
    const b = Buffer.alloc(4);
    b.writeFloatLE(0.25);
    assert.equal(readFloat(b), 0.25);
  });

  test('malformed input is a WireError', () => {
    assert.throws(() => new WireReader(Uint8Array.of(0x12, 0x05, 0x61)).fields(), /truncated field/);
    assert.throws(() => new WireReader(Uint8Array.of(0x00, 0x01)).fields(), /field number 0/);
    assert.throws(() => new WireReader(Uint8Array.of(0x0b)).fields(), /unsupported wire type 3/);
    assert.throws(() => new WireReader(Uint8Array.of(0x09, 1, 2)).fields(), /truncated field/);
  });

  test('packed varints', () => {
    const run = cat(varintBytes(1), varintBytes(300), varintBytes(-1));
    assert.deepEqual(readPackedVarints(run).map(varintToInt32), [1, 300, -1]);
  });
});
