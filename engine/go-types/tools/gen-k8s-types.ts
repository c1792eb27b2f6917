// Dev-time generator of ../k8s-types.ts. Run once per Kubernetes minor, by hand:
//   node --import tsx engine/go-types/tools/gen-k8s-types.ts /usr/lib/google-cloud-sdk/bin/kubectl.1.32 > engine/go-types/k8s-types.ts
//
// Why a Go binary and not generated.proto: decoding to the JSON kubectl would have sent needs two facts
// the .proto files do not carry — whether a Go field is a pointer (a zero on the wire is then kept:
// `replicas: 0`) and whether its json tag says omitempty (a zero is then dropped: `nodePort: 0`).
// Both sit in the reflection metadata that every Go binary keeps for encoding/json: the struct
// fields with their tags (`json:"port" protobuf:"varint,3,opt,name=port"`) and their types. So we
// read kubectl's own types — exactly the v1.32 API kubectl encodes — and print our table from them.
// Field numbers were cross-checked against upstream k8s.io/api */generated.proto (see README.md).
//
// Layout facts (Go 1.23, amd64, non-PIE ELF; Upstream: go src/internal/abi/type.go):
//   abi.Type: Size_ 0, PtrBytes 8, Hash 16, TFlag 20, Align 21, FieldAlign 22, Kind_ 23, Equal 24,
//             GCData 32, Str(nameOff) 40, PtrToThis 44 — 48 bytes; StructType adds PkgPath 48 and
//             Fields []StructField 56/64/72, then UncommonType (PkgPath nameOff) at 80 when TFlag&1.
//   PtrType/SliceType: Elem at 48. MapType (pre-swiss): Key 48, Elem 56.
//   StructField: Name *byte 0, Typ *Type 8, Offset 16. abi.Name: flags byte (2 = has tag),
//             varint length, bytes, then varint tag length and tag.
import { readFileSync } from 'node:fs';

const KIND = { Bool: 1, Int: 2, Int32: 5, Int64: 6, Uint32: 10, Uint64: 11, Uint8: 8, Float32: 13, Float64: 14, Map: 21, Ptr: 22, Slice: 23, String: 24, Struct: 25 } as const;

/** Go packages whose top-level objects (structs embedding TypeMeta) we want, with our short alias. */
const PACKAGES: Record<string, string> = {
  'k8s.io/api/core/v1': 'core/v1',
  'k8s.io/api/apps/v1': 'apps/v1',
  'k8s.io/api/batch/v1': 'batch/v1',
  'k8s.io/api/networking/v1': 'networking/v1',
  'k8s.io/api/autoscaling/v1': 'autoscaling/v1',
  'k8s.io/api/autoscaling/v2': 'autoscaling/v2',
  'k8s.io/api/policy/v1': 'policy/v1',
  'k8s.io/api/rbac/v1': 'rbac/v1',
  'k8s.io/api/scheduling/v1': 'scheduling/v1',
  'k8s.io/api/authentication/v1': 'authentication/v1',
  'k8s.io/api/authorization/v1': 'authorization/v1',
  'k8s.io/api/coordination/v1': 'coordination/v1',
  'k8s.io/api/discovery/v1': 'discovery/v1',
  'k8s.io/api/storage/v1': 'storage/v1',
  'k8s.io/api/certificates/v1': 'certificates/v1',
  'k8s.io/api/events/v1': 'events/v1',
  'k8s.io/api/node/v1': 'node/v1',
  'k8s.io/apimachinery/pkg/apis/meta/v1': 'meta/v1',
};
/** Packages of shared value types, reached from the above. */
const SHARED: Record<string, string> = {
  'k8s.io/apimachinery/pkg/util/intstr': 'intstr',
  'k8s.io/apimachinery/pkg/api/resource': 'resource',
  'k8s.io/apimachinery/pkg/runtime': 'runtime',
};
/** Go types with a hand-written protobuf and JSON form; the decoder knows them by these names. */
const SPECIAL = new Set(['meta/v1.Time', 'meta/v1.MicroTime', 'meta/v1.Duration', 'meta/v1.FieldsV1', 'intstr.IntOrString', 'resource.Quantity', 'runtime.RawExtension']);
/** Objects of meta/v1 a client may send as a request body. */
const META_ROOTS = new Set(['DeleteOptions', 'Status']);

const binPath = process.argv[2];
if (!binPath) throw new Error('usage: gen-k8s-types.ts <path to a go1.23 kubectl binary>');
const bin = readFileSync(binPath);

interface Section { addr: number; off: number; size: number }
function elfSection(name: string): Section {
  const shoff = Number(bin.readBigUInt64LE(0x28));
  const shentsize = bin.readUInt16LE(0x3a);
  const shnum = bin.readUInt16LE(0x3c);
  const shstrndx = bin.readUInt16LE(0x3e);
  const strOff = Number(bin.readBigUInt64LE(shoff + shstrndx * shentsize + 0x18));
  for (let i = 0; i < shnum; i++) {
    const h = shoff + i * shentsize;
    const n = bin.toString('latin1', strOff + bin.readUInt32LE(h), bin.indexOf(0, strOff + bin.readUInt32LE(h)));
    if (n === name) return { addr: Number(bin.readBigUInt64LE(h + 0x10)), off: Number(bin.readBigUInt64LE(h + 0x18)), size: Number(bin.readBigUInt64LE(h + 0x20)) };
  }
  throw new Error(`no ${name} section`);
}
const ro = elfSection('.rodata');
const inRo = (a: number) => a >= ro.addr && a < ro.addr + ro.size;
const at = (a: number) => a - ro.addr + ro.off;
const u64 = (a: number) => Number(bin.readBigUInt64LE(at(a)));
const kindOf = (t: number) => bin[at(t) + 23] & 31;

function varint(p: number): [number, number] {
  let v = 0;
  let s = 0;
  for (;;) {
    const b = bin[p++];
    v += (b & 0x7f) * 2 ** s;
    s += 7;
    if (!(b & 0x80)) return [v, p];
  }
}
function readName(a: number): { name: string; tag: string } {
  let p = at(a);
  const flags = bin[p++];
  let n: number;
  [n, p] = varint(p);
  const name = bin.toString('latin1', p, p + n);
  p += n;
  let tag = '';
  if (flags & 2) {
    [n, p] = varint(p);
    tag = bin.toString('latin1', p, p + n);
  }
  return { name, tag };
}

interface GoField { name: string; tag: string; typ: number }
interface GoStruct { addr: number; pkg: string; name: string; fields: GoField[] }

// Find every named struct type in .rodata (types live there in a non-PIE Go binary).
const structs = new Map<number, GoStruct>();
for (let a = ro.addr; a + 96 < ro.addr + ro.size; a += 8) {
  const p = at(a);
  if ((bin[p + 23] & 31) !== KIND.Struct || !(bin[p + 20] & 1)) continue;
  const str = bin.readInt32LE(p + 40);
  const pkgOff = bin.readInt32LE(p + 80);
  if (str <= 0 || str >= ro.size || pkgOff <= 0 || pkgOff >= ro.size) continue;
  const fptr = u64(a + 56);
  const flen = u64(a + 64);
  if (flen !== u64(a + 72) || flen > 400 || (flen > 0 && !inRo(fptr))) continue;
  let name: string;
  let pkg: string;
  try {
    name = readName(ro.addr + str).name;
    pkg = readName(ro.addr + pkgOff).name;
  } catch {
    continue;
  }
  if (!/^\*?\w+\.\w+$/.test(name) || !(pkg in PACKAGES || pkg in SHARED)) continue;
  if (bin[p + 20] & 2) name = name.slice(1);
  const fields: GoField[] = [];
  for (let i = 0; i < flen; i++) {
    const f = fptr + 24 * i;
    const { name: fname, tag } = readName(u64(f));
    fields.push({ name: fname, tag, typ: u64(f + 8) });
  }
  structs.set(a, { addr: a, pkg, name: name.split('.')[1], fields });
}

const alias = (s: GoStruct) => `${PACKAGES[s.pkg] ?? SHARED[s.pkg]}.${s.name}`;
const tagOf = (tag: string, key: string) => new RegExp(`${key}:"([^"]*)"`).exec(tag)?.[1];

// Go type → our type expression: string int32 int64 bool bytes double, *T, []T, map[K]V, Pkg.Message.
function typeExpr(t: number, need: (s: GoStruct) => void): string {
  const k = kindOf(t);
  switch (k) {
    case KIND.String: return 'string';
    case KIND.Bool: return 'bool';
    case KIND.Int32: return 'int32';
    case KIND.Int64: case KIND.Int: return 'int64';
    case KIND.Uint32: return 'uint32';
    case KIND.Uint64: return 'uint64';
    case KIND.Float64: return 'double';
    case KIND.Float32: return 'float';
    case KIND.Ptr: return `*${typeExpr(u64(t + 48), need)}`;
    case KIND.Slice: {
      const elem = u64(t + 48);
      return kindOf(elem) === KIND.Uint8 ? 'bytes' : `[]${typeExpr(elem, need)}`;
    }
    case KIND.Map: return `map[${typeExpr(u64(t + 48), need)}]${typeExpr(u64(t + 56), need)}`;
    case KIND.Struct: {
      const s = structs.get(t);
      if (!s) throw new Error(`struct at ${t.toString(16)} is outside the known packages`);
      need(s);
      return alias(s);
    }
    default: throw new Error(`unsupported Go kind ${k}`);
  }
}

// Walk from the roots, emitting each message once: "<number> <json name|...> <type>[ omitempty]".
const emitted = new Map<string, string[]>();
const queue: GoStruct[] = [];
const need = (s: GoStruct) => {
  if (!emitted.has(alias(s)) && !queue.includes(s)) queue.push(s);
};
const roots: GoStruct[] = [];
for (const s of structs.values()) {
  const isObject = s.fields[0]?.name === 'TypeMeta' && s.fields.some((f) => tagOf(f.tag, 'protobuf'));
  if (!isObject || s.name.endsWith('List')) continue;
  if (s.pkg in SHARED) continue;
  if (PACKAGES[s.pkg] === 'meta/v1' && !META_ROOTS.has(s.name)) continue;
  roots.push(s);
}
roots.sort((a, b) => alias(a).localeCompare(alias(b)));
roots.forEach(need);
while (queue.length) {
  const s = queue.shift()!;
  const name = alias(s);
  if (SPECIAL.has(name)) {
    emitted.set(name, []);
    continue;
  }
  const lines: string[] = [];
  for (const f of s.fields) {
    const pb = tagOf(f.tag, 'protobuf');
    if (!pb || pb === '-') continue;
    const num = Number(pb.split(',')[1]);
    const json = tagOf(f.tag, 'json') ?? '';
    const [jsonName, ...opts] = json.split(',');
    if (jsonName === '-') continue;
    const inline = opts.includes('inline') || jsonName === '';
    const type = typeExpr(f.typ, need);
    lines.push(`${num} ${inline ? '...' : jsonName} ${type}${opts.includes('omitempty') && !inline ? ' omitempty' : ''}`);
  }
  emitted.set(name, lines);
}

// Print, packages together, messages sorted, types inside a package written without its prefix.
const out: string[] = [];
out.push('// GENERATED by tools/gen-k8s-types.ts from the Go types compiled into kubectl v1.32 — do not edit.');
out.push('// Our own compact format (see schema.ts): per message, one "<field number> <json name> <type>[ omitempty]"');
out.push('// string per protobuf-tagged Go field, in Go struct order. "..." marks an inlined (embedded) struct;');
out.push('// *T a Go pointer; []T a repeated field; map[K]V repeated {1: key, 2: value} entries; a slice-typed map');
out.push('// value is a message wrapping `repeated items = 1`. Special types (Time, MicroTime, Duration, FieldsV1,');
out.push('// IntOrString, Quantity, RawExtension) have an empty field list; decode.ts converts them.');
out.push('');
out.push('export const K8S_MESSAGES: Readonly<Record<string, readonly string[]>> = {');
const names = [...emitted.keys()].sort();
for (const name of names) {
  const pkg = name.slice(0, name.lastIndexOf('.'));
  const lines = emitted.get(name)!.map((l) => l.replace(new RegExp(`(?<=[ \\]*]|^)${pkg.replace('/', '\\/')}\\.`, 'g'), ''));
  if (!lines.length) {
    out.push(`  '${name}': [],`);
    continue;
  }
  out.push(`  '${name}': [`);
  for (const l of lines) out.push(`    '${l}',`);
  out.push('  ],');
}
out.push('};');
out.push('');
out.push('/** The objects a client may send as a request body: Go package alias → kinds. */');
out.push('export const K8S_ROOT_KINDS: Readonly<Record<string, readonly string[]>> = {');
const byPkg = new Map<string, string[]>();
for (const r of roots) {
  const p = PACKAGES[r.pkg];
  byPkg.set(p, [...(byPkg.get(p) ?? []), r.name]);
}
for (const [p, kinds] of byPkg) {
  out.push(`  '${p}': [`);
  for (let i = 0; i < kinds.length; i += 6) out.push(`    ${kinds.slice(i, i + 6).map((k) => `'${k}'`).join(', ')},`);
  out.push('  ],');
}
out.push('};');
process.stdout.write(out.join('\n') + '\n');
