// Decoding an incoming object against the Kubernetes schemas the way kube-apiserver decodes a
// request body into its Go struct: unknown and duplicate fields are collected as "strict" errors
// (reported, warned about or dropped per the fieldValidation query parameter), wrong JSON types
// give Go's `json: cannot unmarshal …` error, and scalars with their own decoders (Quantity,
// IntOrString, Time, []byte) give theirs.
//
// Upstream: kubernetes/apimachinery pkg/runtime/serializer/json/json.go (strict Decode),
// sigs.k8s.io/json internal/golang/encoding/json (decode.go, kubernetes_patch.go: strict errors with
// full paths, first type error wins, a custom decoder's error aborts), kubernetes/apiserver
// pkg/endpoints/handlers/rest.go (transformDecodeError).
import { base64Error, quantityError, timeError } from './go-scalars';
import { parseJSONWithKeys, type KeyOrder } from './json-keys';
import {
  definition,
  INT_OR_STRING,
  MICRO_TIME,
  OPAQUE_DEFINITIONS,
  QUANTITY,
  referencedDefinition,
  TIME,
  type Schema,
} from './schemas';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export interface DecodeResult {
  /** The object as the server keeps it: unknown fields and null struct fields dropped. */
  object: unknown;
  /**
   * The decode error, worded as kube-apiserver words it (0 or 1 entries): a type error
   * (`json: cannot unmarshal …`), a scalar's own error, or in Strict mode
   * `strict decoding error: unknown field "spec.foo", duplicate field "x"`.
   */
  errors: string[];
  /** Warn mode: one warning per strict error (`unknown field "spec.foo"`). */
  warnings: string[];
  /** The individual strict errors, whatever the mode. */
  strictErrors: string[];
}

export interface DecodeOptions {
  /** Keys in document order including repeats, from parseJSONWithKeys (for duplicate fields). */
  keyOrder?: KeyOrder;
}

/** Decodes `obj` (already parsed JSON) as the definition `schemaName` (throws if there is none). */
export function decodeStrict(schemaName: string, obj: unknown, mode: FieldValidation = 'Strict', opts: DecodeOptions = {}): DecodeResult {
  if (!definition(schemaName)) throw new Error(`openapi: no schema named ${schemaName}`);
  const d = new Decoder(opts.keyOrder);
  const object = d.decode({ $ref: `#/components/schemas/${schemaName}` }, obj, { strictPath: '', fieldStack: [], struct: undefined, owner: undefined });
  const fatal = d.abortError ?? d.firstError;
  const strictErrors = d.strictErrors;
  const errors = fatal ? [fatal] : mode === 'Strict' && strictErrors.length ? [`strict decoding error: ${strictErrors.join(', ')}`] : [];
  const warnings = !fatal && mode === 'Warn' ? [...strictErrors] : [];
  return { object: fatal ? obj : object, errors, warnings, strictErrors };
}

/** Parses a JSON request body and decodes it, reporting repeated keys as duplicate fields. */
export function decodeStrictJSON(schemaName: string, json: string, mode: FieldValidation = 'Strict'): DecodeResult {
  const { value, keyOrder } = parseJSONWithKeys(json);
  return decodeStrict(schemaName, value, mode, { keyOrder });
}

/** The object with fields the schema does not know removed (fieldValidation=Ignore). */
export function pruneUnknown(schemaName: string, obj: unknown): unknown {
  return decodeStrict(schemaName, obj, 'Ignore').object;
}

/**
 * The BadRequest message: `Deployment in version "v1" cannot be handled as a Deployment: <cause>`.
 * `kind`/`version` are what the body declared, `intoKind` the kind the endpoint decodes into.
 */
// Upstream: kubernetes/apiserver pkg/endpoints/handlers/rest.go (transformDecodeError).
export function cannotBeHandledMessage(kind: string, version: string, intoKind: string, cause: string): string {
  return `${kind} in version ${JSON.stringify(version)} cannot be handled as a ${intoKind}: ${cause}`;
}

/** Fits engine/api/decoder.ts `SchemaChecker`: `setSchemaChecker(schemaChecker)`. */
export const schemaChecker = {
  check(schemaName: string, obj: unknown, mode: FieldValidation): DecodeResult {
    return decodeStrict(schemaName, obj, mode);
  },
  checkJSON(schemaName: string, json: string, mode: FieldValidation): DecodeResult {
    return decodeStrictJSON(schemaName, json, mode);
  },
};

// ---- the walk --------------------------------------------------------------------------------------

interface Ctx {
  /** Path for strict errors: `spec.template.spec.containers[0].image`. */
  strictPath: string;
  /** Go's field stack for type errors: struct field names only, no indices or map keys. */
  fieldStack: string[];
  /** The Go struct whose field is being decoded (type errors name it). */
  struct: string | undefined;
  /** Definition and field owning the value (for named Go string types). */
  owner: { def: string; field: string } | undefined;
}

type Resolved =
  | { kind: 'struct'; def: string; schema: Schema }
  | { kind: 'special'; def: string }
  | { kind: 'opaque' }
  | { kind: 'array'; items: Schema }
  | { kind: 'map'; values: Schema }
  | { kind: 'scalar'; type: 'string' | 'integer' | 'number' | 'boolean'; format?: string }
  | { kind: 'any' };

const SPECIAL = new Set([INT_OR_STRING, QUANTITY, TIME, MICRO_TIME]);

function resolve(s: Schema): Resolved {
  const ref = referencedDefinition(s);
  if (ref) {
    if (SPECIAL.has(ref)) return { kind: 'special', def: ref };
    if (OPAQUE_DEFINITIONS.has(ref)) return { kind: 'opaque' };
    const def = definition(ref);
    if (!def) return { kind: 'any' };
    if (def.type === 'object' && !def.additionalProperties) return { kind: 'struct', def: ref, schema: def };
    return resolve(def);
  }
  if (s.type === 'array' && s.items) return { kind: 'array', items: s.items };
  if (s.type === 'object') {
    if (s.additionalProperties && typeof s.additionalProperties === 'object') return { kind: 'map', values: s.additionalProperties };
    return { kind: 'opaque' };
  }
  if (s.type === 'string' || s.type === 'integer' || s.type === 'number' || s.type === 'boolean') {
    return { kind: 'scalar', type: s.type, format: s.format };
  }
  return { kind: 'any' };
}

/** A JSON value's kind as Go's decoder names it in errors. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  return 'string';
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

class Decoder {
  readonly strictErrors: string[] = [];
  /** First type error (Go saves the first and keeps decoding). */
  firstError: string | undefined;
  /** An error from a type with its own decoder: Go stops at once. */
  abortError: string | undefined;

  constructor(private readonly keyOrder: KeyOrder | undefined) {}

  decode(s: Schema, v: unknown, ctx: Ctx): unknown {
    if (this.abortError) return v;
    if (v === null || v === undefined) return v;
    const r = resolve(s);
    switch (r.kind) {
      case 'opaque':
      case 'any':
        return v;
      case 'struct':
        return this.struct(r.def, r.schema, v, ctx);
      case 'special':
        return this.special(r.def, v, ctx);
      case 'array': {
        if (!Array.isArray(v)) return this.typeError(v, goType(s, ctx.owner), ctx);
        return v.map((item, i) => this.decode(r.items, item, { ...ctx, strictPath: `${ctx.strictPath}[${i}]` }));
      }
      case 'map': {
        if (!isPlainObject(v)) return this.typeError(v, goType(s, ctx.owner), ctx);
        const out: Record<string, unknown> = {};
        for (const [k, item] of Object.entries(v)) {
          defineKey(out, k, this.decode(r.values, item, { ...ctx, strictPath: joinPath(ctx.strictPath, k) }));
        }
        return out;
      }
      case 'scalar':
        return this.scalar(r.type, r.format, s, v, ctx);
    }
  }

  private struct(def: string, schema: Schema, v: unknown, ctx: Ctx): unknown {
    if (!isPlainObject(v)) return this.typeError(v, goStructType(def), ctx);
    const props = schema.properties ?? {};
    const out: Record<string, unknown> = {};
    const seen = new Set<string>();
    const order = this.keyOrder?.get(v) ?? Object.keys(v);
    for (const key of order) {
      const path = joinPath(ctx.strictPath, key);
      if (seen.has(key)) {
        this.strictErrors.push(`duplicate field ${JSON.stringify(path)}`);
        continue;
      }
      seen.add(key);
      const prop = Object.prototype.hasOwnProperty.call(props, key) ? props[key] : undefined;
      if (!prop) {
        this.strictErrors.push(`unknown field ${JSON.stringify(path)}`);
        continue;
      }
      const value = this.decode(prop, v[key], {
        strictPath: path,
        fieldStack: [...ctx.fieldStack, key],
        struct: shortName(def),
        owner: { def, field: key },
      });
      if (value !== null && value !== undefined) defineKey(out, key, value);
    }
    return out;
  }

  private special(def: string, v: unknown, ctx: Ctx): unknown {
    if (def === INT_OR_STRING) {
      // IntOrString.UnmarshalJSON: a JSON string, or else json.Unmarshal into an int32.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && v >= -2147483648 && v <= 2147483647) return v;
      this.abort(withContext(`json: cannot unmarshal ${typeof v === 'number' ? `number ${goNumber(v)}` : jsonKind(v)}`, 'int32', ctx));
      return v;
    }
    if (def === QUANTITY) {
      // Quantity.UnmarshalJSON parses the literal (quotes removed) whatever its JSON type.
      const text = typeof v === 'string' ? v.trim() : typeof v === 'number' ? goNumber(v) : typeof v === 'boolean' ? String(v) : JSON.stringify(v);
      const err = quantityError(text);
      if (err) this.abort(err);
      return v;
    }
    // metav1.Time / MicroTime: a JSON string in RFC 3339.
    if (typeof v !== 'string') {
      this.abort(withContext(`json: cannot unmarshal ${jsonKind(v)}`, 'string', ctx));
      return v;
    }
    const err = timeError(v, def === MICRO_TIME);
    if (err) this.abort(err);
    return v;
  }

  private scalar(type: 'string' | 'integer' | 'number' | 'boolean', format: string | undefined, s: Schema, v: unknown, ctx: Ctx): unknown {
    const want = goType(s, ctx.owner);
    switch (type) {
      case 'string':
        if (typeof v !== 'string') return this.typeError(v, want, ctx);
        if (format === 'byte') {
          const err = base64Error(v);
          if (err && !this.firstError) this.firstError = err;
        }
        return v;
      case 'boolean':
        return typeof v === 'boolean' ? v : this.typeError(v, want, ctx);
      case 'number':
        return typeof v === 'number' ? v : this.typeError(v, want, ctx);
      case 'integer': {
        if (typeof v !== 'number') return this.typeError(v, want, ctx);
        const [min, max] = format === 'int64' ? [-9223372036854775808, 9223372036854775807] : [-2147483648, 2147483647];
        if (!Number.isInteger(v) || v < min || v > max) return this.typeError(v, want, ctx, `number ${goNumber(v)}`);
        return v;
      }
    }
  }

  private typeError(v: unknown, goTypeName: string, ctx: Ctx, value = jsonKind(v)): unknown {
    if (!this.firstError) this.firstError = withContext(`json: cannot unmarshal ${value}`, goTypeName, ctx);
    return undefined;
  }

  private abort(message: string): void {
    if (!this.abortError) this.abortError = message;
  }
}

function withContext(prefix: string, goTypeName: string, ctx: Ctx): string {
  if (ctx.struct || ctx.fieldStack.length) {
    return `${prefix} into Go struct field ${ctx.struct ?? ''}.${ctx.fieldStack.join('.')} of type ${goTypeName}`;
  }
  return `${prefix} into Go value of type ${goTypeName}`;
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function defineKey(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Go formats a float64 literal the way it appeared; for JS numbers, the shortest form. */
function goNumber(n: number): string {
  return String(n);
}

function shortName(def: string): string {
  return def.slice(def.lastIndexOf('.') + 1);
}

/** `io.k8s.api.apps.v1.DeploymentSpec` -> `v1.DeploymentSpec` (Go's reflect type string). */
function goStructType(def: string): string {
  const parts = def.split('.');
  return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
}

// Go named string types of fields the course touches, for `… of type v1.PullPolicy` messages.
// Upstream: kubernetes/api */v1/types.go.
const NAMED_STRINGS: Record<string, string> = {
  'core.v1.Container.imagePullPolicy': 'v1.PullPolicy',
  'core.v1.Container.terminationMessagePolicy': 'v1.TerminationMessagePolicy',
  'core.v1.ContainerPort.protocol': 'v1.Protocol',
  'core.v1.ServicePort.protocol': 'v1.Protocol',
  'core.v1.EndpointPort.protocol': 'v1.Protocol',
  'core.v1.PodSpec.restartPolicy': 'v1.RestartPolicy',
  'core.v1.PodSpec.dnsPolicy': 'v1.DNSPolicy',
  'core.v1.PodSpec.preemptionPolicy': 'v1.PreemptionPolicy',
  'core.v1.PodStatus.phase': 'v1.PodPhase',
  'core.v1.PodStatus.qosClass': 'v1.PodQOSClass',
  'core.v1.PodCondition.type': 'v1.PodConditionType',
  'core.v1.PodCondition.status': 'v1.ConditionStatus',
  'core.v1.ServiceSpec.type': 'v1.ServiceType',
  'core.v1.ServiceSpec.sessionAffinity': 'v1.ServiceAffinity',
  'core.v1.ServiceSpec.externalTrafficPolicy': 'v1.ServiceExternalTrafficPolicy',
  'core.v1.ServiceSpec.internalTrafficPolicy': 'v1.ServiceInternalTrafficPolicy',
  'core.v1.ServiceSpec.ipFamilyPolicy': 'v1.IPFamilyPolicy',
  'core.v1.Toleration.operator': 'v1.TolerationOperator',
  'core.v1.Toleration.effect': 'v1.TaintEffect',
  'core.v1.Taint.effect': 'v1.TaintEffect',
  'core.v1.NodeSelectorRequirement.operator': 'v1.NodeSelectorOperator',
  'core.v1.HTTPGetAction.scheme': 'v1.URIScheme',
  'core.v1.VolumeMount.mountPropagation': 'v1.MountPropagationMode',
  'core.v1.HostPathVolumeSource.type': 'v1.HostPathType',
  'core.v1.Secret.type': 'v1.SecretType',
  'core.v1.NamespaceStatus.phase': 'v1.NamespacePhase',
  'core.v1.NodeCondition.type': 'v1.NodeConditionType',
  'core.v1.NodeCondition.status': 'v1.ConditionStatus',
  'core.v1.NodeAddress.type': 'v1.NodeAddressType',
  'core.v1.OwnerReference.uid': 'types.UID',
  'core.v1.ObjectReference.uid': 'types.UID',
  'apps.v1.DeploymentStrategy.type': 'v1.DeploymentStrategyType',
  'apps.v1.DaemonSetUpdateStrategy.type': 'v1.DaemonSetUpdateStrategyType',
  'apps.v1.StatefulSetUpdateStrategy.type': 'v1.StatefulSetUpdateStrategyType',
  'apps.v1.StatefulSetSpec.podManagementPolicy': 'v1.PodManagementPolicyType',
  'apps.v1.DeploymentCondition.type': 'v1.DeploymentConditionType',
  'apps.v1.DeploymentCondition.status': 'v1.ConditionStatus',
  'apps.v1.ReplicaSetCondition.type': 'v1.ReplicaSetConditionType',
  'apps.v1.ReplicaSetCondition.status': 'v1.ConditionStatus',
  'batch.v1.CronJobSpec.concurrencyPolicy': 'v1.ConcurrencyPolicy',
  'batch.v1.JobSpec.completionMode': 'v1.CompletionMode',
  'batch.v1.JobCondition.type': 'v1.JobConditionType',
  'batch.v1.JobCondition.status': 'v1.ConditionStatus',
  'autoscaling.v2.MetricSpec.type': 'v2.MetricSourceType',
  'autoscaling.v2.MetricTarget.type': 'v2.MetricTargetType',
  'autoscaling.v2.HPAScalingPolicy.type': 'v2.HPAScalingPolicyType',
  'autoscaling.v2.HPAScalingRules.selectPolicy': 'v2.ScalingPolicySelect',
  'networking.v1.HTTPIngressPath.pathType': 'v1.PathType',
};
const NAMED_META: Record<string, string> = {
  'LabelSelectorRequirement.operator': 'v1.LabelSelectorOperator',
  'ObjectMeta.uid': 'types.UID',
  'OwnerReference.uid': 'types.UID',
};

function namedString(owner: Ctx['owner']): string | undefined {
  if (!owner) return undefined;
  const { def, field } = owner;
  if (def.startsWith('io.k8s.api.')) return NAMED_STRINGS[`${def.slice('io.k8s.api.'.length)}.${field}`];
  if (def.startsWith('io.k8s.apimachinery.pkg.apis.meta.v1.')) return NAMED_META[`${shortName(def)}.${field}`];
  return undefined;
}

/** The Go type of a schema as reflect prints it (`int32`, `[]v1.Container`, `map[string]string`). */
function goType(s: Schema, owner: Ctx['owner']): string {
  const r = resolve(s);
  switch (r.kind) {
    case 'struct':
      return goStructType(r.def);
    case 'special':
      return r.def === INT_OR_STRING ? 'intstr.IntOrString' : r.def === QUANTITY ? 'resource.Quantity' : goStructType(r.def);
    case 'array':
      return `[]${goType(r.items, undefined)}`;
    case 'map': {
      const values = resolve(r.values);
      if (values.kind === 'special' && values.def === QUANTITY) return 'v1.ResourceList';
      return `map[string]${goType(r.values, undefined)}`;
    }
    case 'scalar':
      if (r.type === 'string') return r.format === 'byte' ? '[]uint8' : namedString(owner) ?? 'string';
      if (r.type === 'integer') return r.format === 'int64' ? 'int64' : 'int32';
      if (r.type === 'number') return 'float64';
      return 'bool';
    case 'opaque':
    case 'any':
      return 'interface {}';
  }
}
