// Kubernetes protobuf request bodies → the JSON object the same client would have sent as JSON.
import { goDuration, microTimeJson, timeJson } from './go-values';
import { k8sMessages, type FieldSpec, type FieldType, type MessageSpec, type MessageTable, type Scalar } from '../../go-types/schema';
import {
  readDouble,
  readFloat,
  readPackedVarints,
  varintToInt32,
  varintToInt64,
  varintToUint32,
  varintToUint64,
  WireError,
  WireReader,
  WireType,
  type Varint,
  type WireField,
} from './wire';

/** `k8s\0`: the prefix of every Kubernetes protobuf body. */
const MAGIC = [0x6b, 0x38, 0x73, 0x00];

export const PROTOBUF_CONTENT_TYPE = 'application/vnd.kubernetes.protobuf';

export class ProtobufDecodeError extends Error {
  override name = 'ProtobufDecodeError';
  /** An object kind we have no table for: the caller answers 415, as for any unknown format. */
  constructor(message: string, readonly unknownKind = false) {
    super(message);
  }
}

export interface DecodeOptions {
  table?: MessageTable;
  /** Told about field numbers a known message does not declare (they are skipped). */
  onUnknownField?: (message: string, number: number) => void;
}

export function isKubernetesProtobuf(buf: Uint8Array): boolean {
  return buf.length >= 4 && MAGIC.every((b, i) => buf[i] === b);
}

// Upstream: apimachinery pkg/runtime/serializer/protobuf/protobuf.go (Serializer.Decode: magic, then
// runtime.Unknown{typeMeta{apiVersion, kind}, raw, contentEncoding, contentType} wrapping the object).
export function decodeKubernetesProtobuf(buf: Uint8Array, opts: DecodeOptions = {}): Record<string, unknown> {
  if (!isKubernetesProtobuf(buf)) throw new ProtobufDecodeError('missing the k8s\\0 protobuf prefix');
  try {
    const unknown = readUnknown(buf.subarray(MAGIC.length));
    if (!unknown.kind) throw new ProtobufDecodeError('the protobuf body names no kind');
    if (unknown.contentEncoding) throw new ProtobufDecodeError(`unsupported protobuf content encoding "${unknown.contentEncoding}"`, true);
    if (unknown.contentType && unknown.contentType !== PROTOBUF_CONTENT_TYPE) {
      throw new ProtobufDecodeError(`unsupported protobuf content type "${unknown.contentType}"`, true);
    }
    const table = opts.table ?? k8sMessages;
    const spec = table.messageForKind(unknown.apiVersion, unknown.kind);
    if (!spec) throw new ProtobufDecodeError(`no protobuf schema for ${unknown.apiVersion}, Kind=${unknown.kind}`, true);
    const body = new MessageDecoder(table, opts.onUnknownField).decode(spec, unknown.raw) as Record<string, unknown>;
    // encoding/json writes the inlined TypeMeta first: kind, then apiVersion.
    return { kind: unknown.kind, apiVersion: unknown.apiVersion, ...body };
  } catch (e) {
    if (e instanceof WireError) throw new ProtobufDecodeError(`malformed protobuf body: ${e.message}`);
    throw e;
  }
}

interface Unknown {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

function readUnknown(bytes: Uint8Array): Unknown {
  const out: Unknown = { apiVersion: '', kind: '', raw: new Uint8Array(), contentEncoding: '', contentType: '' };
  for (const f of new WireReader(bytes).fields()) {
    if (f.wireType !== WireType.Len) continue;
    if (f.number === 1) {
      for (const t of new WireReader(f.bytes).fields()) {
        if (t.wireType !== WireType.Len) continue;
        if (t.number === 1) out.apiVersion = utf8(t.bytes);
        if (t.number === 2) out.kind = utf8(t.bytes);
      }
    } else if (f.number === 2) out.raw = f.bytes;
    else if (f.number === 3) out.contentEncoding = utf8(f.bytes);
    else if (f.number === 4) out.contentType = utf8(f.bytes);
  }
  return out;
}

const decoder = new TextDecoder();
const utf8 = (b: Uint8Array) => decoder.decode(b);

/** Decodes one message of a known type; exported for tests and for callers holding a bare message. */
export function decodeMessage(name: string, bytes: Uint8Array, opts: DecodeOptions = {}): unknown {
  const table = opts.table ?? k8sMessages;
  try {
    return new MessageDecoder(table, opts.onUnknownField).decode(table.message(name), bytes);
  } catch (e) {
    if (e instanceof WireError) throw new ProtobufDecodeError(`malformed protobuf body: ${e.message}`);
    throw e;
  }
}

class MessageDecoder {
  constructor(
    private readonly table: MessageTable,
    private readonly onUnknownField?: (message: string, number: number) => void,
  ) {}

  decode(spec: MessageSpec, bytes: Uint8Array): unknown {
    if (spec.special) return this.special(spec, bytes);
    const byNumber = new Map<number, WireField[]>();
    for (const f of new WireReader(bytes).fields()) {
      const field = spec.byNumber.get(f.number);
      // An unknown number, or a known one with a wire type its type never has: skipped, not fatal.
      if (!field || !wireTypeFits(field.type, f.wireType)) {
        this.onUnknownField?.(spec.name, f.number);
        continue;
      }
      const seen = byNumber.get(f.number);
      if (seen) seen.push(f);
      else byNumber.set(f.number, [f]);
    }
    const out: Record<string, unknown> = {};
    // Keys in Go struct order, which is also the order kubectl's JSON would have had.
    for (const field of spec.fields) {
      const occurrences = byNumber.get(field.number);
      if (!occurrences) continue;
      const value = this.field(field, occurrences);
      if (value === OMIT) continue;
      if (field.json === undefined) Object.assign(out, value);
      else out[field.json] = value;
    }
    return out;
  }

  private field(field: FieldSpec, occurrences: WireField[]): unknown {
    const { type } = field;
    if (type.kind === 'list') return occurrences.flatMap((f) => this.repeated(type.elem, f));
    if (type.kind === 'map') {
      const out: Record<string, unknown> = {};
      for (const f of occurrences) {
        const [k, v] = this.mapEntry(type.key, type.value, lenBytes(f));
        // Own data property even for a key like `__proto__`, as JSON.parse would make it.
        Object.defineProperty(out, String(k), { value: v, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    if (type.kind === 'message') {
      // Several occurrences of one message merge, which for the wire is their concatenation.
      return this.decode(this.table.message(type.message), concat(occurrences.map(lenBytes)));
    }
    // A scalar field that repeats on the wire: the last one wins.
    const value = this.scalar(type.scalar, occurrences[occurrences.length - 1]);
    // Upstream: Go encoding/json omitempty — generated protobuf writes every non-pointer scalar, even
    // a zero one, so a zero here is only kept where JSON would have carried it too.
    if (field.omitempty && !field.pointer && isZero(value)) return OMIT;
    return value;
  }

  private repeated(elem: FieldType, f: WireField): unknown[] {
    if (elem.kind === 'message') return [this.decode(this.table.message(elem.message), lenBytes(f))];
    if (elem.kind !== 'scalar') throw new ProtobufDecodeError('a repeated field of lists or maps is not protobuf');
    // Packed numbers arrive as one length-delimited run (proto3 writers); Kubernetes writes them unpacked.
    if (f.wireType === WireType.Len && isVarintScalar(elem.scalar)) return readPackedVarints(f.bytes).map((v) => varintScalar(elem.scalar, v));
    return [this.scalar(elem.scalar, f)];
  }

  private mapEntry(keyType: FieldType, valueType: FieldType, bytes: Uint8Array): [unknown, unknown] {
    let key: unknown;
    let value: unknown;
    const valueParts: Uint8Array[] = [];
    for (const f of new WireReader(bytes).fields()) {
      if (f.number === 1 && keyType.kind === 'scalar') key = this.scalar(keyType.scalar, f);
      else if (f.number === 2) {
        if (valueType.kind === 'scalar') value = this.scalar(valueType.scalar, f);
        else if (f.wireType === WireType.Len) valueParts.push(f.bytes);
      }
    }
    if (valueType.kind === 'message') value = this.decode(this.table.message(valueType.message), concat(valueParts));
    // A slice-valued map (map[string]ExtraValue) wraps each value in a message of `repeated items = 1`.
    else if (valueType.kind === 'list') value = this.wrappedList(valueType.elem, concat(valueParts));
    if (key === OMIT || key === undefined) key = '';
    if (value === OMIT || value === undefined) value = valueType.kind === 'scalar' ? zeroOf(valueType.scalar) : null;
    return [key, value];
  }

  private wrappedList(elem: FieldType, bytes: Uint8Array): unknown[] {
    const out: unknown[] = [];
    for (const f of new WireReader(bytes).fields()) {
      if (f.number !== 1) continue;
      if (elem.kind === 'scalar') {
        const v = this.scalar(elem.scalar, f);
        if (v !== OMIT) out.push(v);
      } else if (elem.kind === 'message' && f.wireType === WireType.Len) out.push(this.decode(this.table.message(elem.message), f.bytes));
    }
    return out;
  }

  private scalar(scalar: Scalar, f: WireField): unknown {
    switch (scalar) {
      case 'string':
        return f.wireType === WireType.Len ? utf8(f.bytes) : OMIT;
      // encoding/json writes []byte as standard base64, which is what Secret.data carries in JSON.
      case 'bytes':
        return f.wireType === WireType.Len ? Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.length).toString('base64') : OMIT;
      case 'double':
        return f.wireType === WireType.Fixed64 ? readDouble(f.bytes) : OMIT;
      case 'float':
        return f.wireType === WireType.Fixed32 ? readFloat(f.bytes) : OMIT;
      default:
        return f.wireType === WireType.Varint ? varintScalar(scalar, f.varint) : OMIT;
    }
  }

  private special(spec: MessageSpec, bytes: Uint8Array): unknown {
    const fields = new WireReader(bytes).fields();
    const get = (n: number) => fields.filter((f) => f.number === n).pop();
    const int = (n: number) => {
      const f = get(n);
      return f?.wireType === WireType.Varint ? varintToInt64(f.varint) : 0;
    };
    const bytesOf = (n: number) => {
      const f = get(n);
      return f?.wireType === WireType.Len ? f.bytes : undefined;
    };
    switch (spec.special) {
      // Upstream: apimachinery pkg/apis/meta/v1/time_proto.go — the zero Time is an empty message,
      // and encoding/json writes it as null (`creationTimestamp: null`).
      case 'Time':
        return bytes.length ? timeJson(int(1)) : null;
      case 'MicroTime':
        return bytes.length ? microTimeJson(int(1), int(2)) : null;
      case 'Duration':
        return goDuration(int(1));
      // Upstream: apimachinery pkg/util/intstr/intstr.go (type 0 = Int, 1 = String).
      case 'IntOrString': {
        const str = bytesOf(3);
        return int(1) === 1 ? (str ? utf8(str) : '') : varintInt32(get(2));
      }
      // Upstream: apimachinery pkg/api/resource/quantity_proto.go — field 1 is the canonical string.
      case 'Quantity': {
        const s = bytesOf(1);
        return s ? utf8(s) : '0';
      }
      // Upstream: apimachinery pkg/runtime/types.go RawExtension / meta/v1 FieldsV1 — the raw bytes
      // are the JSON itself (or a nested protobuf object); none at all is JSON null.
      case 'RawExtension':
      case 'FieldsV1': {
        const raw = bytesOf(1);
        if (!raw || !raw.length) return null;
        if (isKubernetesProtobuf(raw)) return decodeKubernetesProtobuf(raw, { table: this.table, onUnknownField: this.onUnknownField });
        try {
          return JSON.parse(utf8(raw));
        } catch {
          throw new ProtobufDecodeError(`${spec.name} holds neither JSON nor a Kubernetes protobuf object`);
        }
      }
      default:
        throw new ProtobufDecodeError(`unknown special type ${spec.name}`);
    }
  }
}

const OMIT = Symbol('omit');

/** Whether a field of this type can arrive with this wire type (numbers may come packed). */
function wireTypeFits(type: FieldType, wireType: number): boolean {
  if (type.kind === 'list') return type.elem.kind === 'scalar' && isVarintScalar(type.elem.scalar) ? wireType === WireType.Varint || wireType === WireType.Len : wireTypeFits(type.elem, wireType);
  if (type.kind !== 'scalar') return wireType === WireType.Len;
  switch (type.scalar) {
    case 'string':
    case 'bytes':
      return wireType === WireType.Len;
    case 'double':
      return wireType === WireType.Fixed64;
    case 'float':
      return wireType === WireType.Fixed32;
    default:
      return wireType === WireType.Varint;
  }
}

function lenBytes(f: WireField): Uint8Array {
  return f.wireType === WireType.Len ? f.bytes : new Uint8Array();
}

function varintInt32(f: WireField | undefined): number {
  return f?.wireType === WireType.Varint ? varintToInt32(f.varint) : 0;
}

function isVarintScalar(s: Scalar): boolean {
  return s === 'bool' || s === 'int32' || s === 'int64' || s === 'uint32' || s === 'uint64';
}

function varintScalar(s: Scalar, v: Varint): unknown {
  switch (s) {
    case 'bool':
      return v.lo !== 0 || v.hi !== 0;
    case 'int32':
      return varintToInt32(v);
    case 'uint32':
      return varintToUint32(v);
    case 'uint64':
      return varintToUint64(v);
    default:
      return varintToInt64(v);
  }
}

function zeroOf(s: Scalar): unknown {
  if (s === 'string' || s === 'bytes') return '';
  if (s === 'bool') return false;
  return 0;
}

function isZero(v: unknown): boolean {
  return v === '' || v === 0 || v === false;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  return Buffer.concat(parts);
}
