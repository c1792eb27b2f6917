// Generates dist/openapi/schemas.json: the Kubernetes API definitions as OpenAPI v3 schemas in the
// upstream shape (`io.k8s.api.apps.v1.Deployment`, ...), derived at build time from the
// `kubernetes-types` package (TypeScript interfaces whose JSDoc carries the upstream descriptions,
// `?` marking optional fields). We parse the .d.ts files with the TypeScript compiler API (syntax
// only, no type checker) and add the facts the package does not carry, from the small tables below:
// integer widths, strategic-merge-patch keys, byte/enum formats.
//
// Upstream shape: kubernetes/kubernetes api/openapi-spec/v3/*.json (built by kube-openapi builder3).
// Run by scripts/build.mjs (`run(root)`), or directly: `node scripts/gen-openapi.mjs`.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const REF = '#/components/schemas/';

// ---- facts the package does not carry ------------------------------------------------------------

// Module folder in kubernetes-types -> upstream definition-name prefix.
const MODULE_PREFIX = {
  'meta/v1': 'io.k8s.apimachinery.pkg.apis.meta.v1',
  'api/resource': 'io.k8s.apimachinery.pkg.api.resource',
  runtime: 'io.k8s.apimachinery.pkg.runtime',
  version: 'io.k8s.apimachinery.pkg.version',
  'apiextensions/v1': 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1',
};
const prefixFor = (mod) => MODULE_PREFIX[mod] ?? `io.k8s.api.${mod.replace(/\//g, '.')}`;

const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';

// Integer width. kubernetes-types only says `number`. Rule: int32, except the Go int64 fields listed
// here by JSON name (seconds counted as durations, generations, revisions, user/group ids), with
// per-definition exceptions; `double` for the few float64 fields.
const INT64_FIELDS = new Set([
  'generation', 'observedGeneration', 'revision', 'resourceVersion', 'remainingItemCount',
  'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'tolerationSeconds', 'startingDeadlineSeconds',
  'deletionGracePeriodSeconds', 'gracePeriodSeconds', 'expirationSeconds', 'seconds',
  'runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'uid', 'gid',
  'maxItems', 'minItems', 'maxLength', 'minLength', 'maxProperties', 'minProperties', 'int', 'ints',
]);
const INT32_EXCEPTIONS = new Set(['io.k8s.api.certificates.v1.CertificateSigningRequestSpec.expirationSeconds']);
const DOUBLE_FIELDS = new Set([
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.maximum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.minimum',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSONSchemaProps.multipleOf',
]);

// []byte fields (base64 strings on the wire): `format: byte`; for maps, the values are.
const BYTE_FIELDS = new Set([
  'io.k8s.api.core.v1.Secret.data',
  'io.k8s.api.core.v1.ConfigMap.binaryData',
  'io.k8s.api.certificates.v1.CertificateSigningRequestSpec.request',
  'io.k8s.api.certificates.v1.CertificateSigningRequestStatus.certificate',
  'io.k8s.api.admissionregistration.v1.WebhookClientConfig.caBundle',
  'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.WebhookClientConfig.caBundle',
]);

// Strategic-merge-patch and list-type facts (Go struct tags `patchStrategy`/`patchMergeKey` and
// `+listType`/`+listMapKey` markers in kubernetes/kubernetes staging/src/k8s.io/api/*/v1/types.go).
// Value: [patchStrategy, mergeKey, listType, listMapKeys]; empty strings / missing = not set.
const CONTAINER_LISTS = {
  ports: ['merge', 'containerPort', 'map', ['containerPort', 'protocol']],
  env: ['merge', 'name'],
  volumeMounts: ['merge', 'mountPath'],
  volumeDevices: ['merge', 'devicePath'],
};
const CONDITIONS_MAP = { conditions: ['merge', 'type', 'map', ['type']] };
const CONDITIONS = { conditions: ['merge', 'type'] };
const PATCH_FACTS = {
  'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': {
    finalizers: ['merge', '', 'set'],
    ownerReferences: ['merge', 'uid', 'map', ['uid']],
  },
  'io.k8s.apimachinery.pkg.apis.meta.v1.LabelSelector': { matchExpressions: ['', '', 'atomic'] },
  'io.k8s.api.core.v1.PodSpec': {
    containers: ['merge', 'name'],
    initContainers: ['merge', 'name'],
    ephemeralContainers: ['merge', 'name'],
    volumes: ['merge,retainKeys', 'name'],
    imagePullSecrets: ['merge', 'name'],
    hostAliases: ['merge', 'ip'],
    topologySpreadConstraints: ['merge', 'topologyKey', 'map', ['topologyKey', 'whenUnsatisfiable']],
    schedulingGates: ['merge', 'name', 'map', ['name']],
    resourceClaims: ['merge,retainKeys', 'name', 'map', ['name']],
  },
  'io.k8s.api.core.v1.Container': CONTAINER_LISTS,
  'io.k8s.api.core.v1.EphemeralContainer': CONTAINER_LISTS,
  'io.k8s.api.core.v1.PodStatus': {
    conditions: ['merge', 'type', 'map', ['type']],
    podIPs: ['merge', 'ip'],
    hostIPs: ['merge', 'ip'],
    resourceClaimStatuses: ['merge', 'name', 'map', ['name']],
  },
  'io.k8s.api.core.v1.ServiceSpec': { ports: ['merge', 'port', 'map', ['port', 'protocol']] },
  'io.k8s.api.core.v1.ServiceStatus': CONDITIONS_MAP,
  'io.k8s.api.core.v1.ServiceAccount': { secrets: ['merge', 'name'] },
  'io.k8s.api.core.v1.NodeSpec': { podCIDRs: ['merge', '', 'set'] },
  'io.k8s.api.core.v1.NodeStatus': { conditions: ['merge', 'type'], addresses: ['merge', 'type'] },
  'io.k8s.api.core.v1.NamespaceStatus': CONDITIONS,
  'io.k8s.api.core.v1.PersistentVolumeClaimStatus': CONDITIONS,
  'io.k8s.api.core.v1.ReplicationControllerStatus': CONDITIONS,
  'io.k8s.api.apps.v1.DeploymentSpec': { strategy: ['retainKeys'] },
  'io.k8s.api.apps.v1.DeploymentStatus': CONDITIONS_MAP,
  'io.k8s.api.apps.v1.ReplicaSetStatus': CONDITIONS_MAP,
  'io.k8s.api.apps.v1.DaemonSetStatus': CONDITIONS_MAP,
  'io.k8s.api.apps.v1.StatefulSetStatus': CONDITIONS_MAP,
  'io.k8s.api.batch.v1.JobStatus': { conditions: ['merge', 'type', 'atomic'] },
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscalerStatus': CONDITIONS_MAP,
  'io.k8s.api.policy.v1.PodDisruptionBudgetStatus': CONDITIONS_MAP,
};

// Enum values upstream publishes (Go `+enum` types) for fields the course touches. The package has
// none; upstream 1.32 prints them in `kubectl explain` (`enum: Recreate, RollingUpdate`).
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const ENUMS = {
  'io.k8s.api.apps.v1.DeploymentStrategy.type': ['Recreate', 'RollingUpdate'],
  'io.k8s.api.apps.v1.DaemonSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetUpdateStrategy.type': ['OnDelete', 'RollingUpdate'],
  'io.k8s.api.apps.v1.StatefulSetSpec.podManagementPolicy': ['OrderedReady', 'Parallel'],
  'io.k8s.api.batch.v1.CronJobSpec.concurrencyPolicy': ['Allow', 'Forbid', 'Replace'],
  'io.k8s.api.batch.v1.JobSpec.completionMode': ['Indexed', 'NonIndexed'],
  'io.k8s.api.core.v1.Container.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'io.k8s.api.core.v1.EphemeralContainer.imagePullPolicy': ['Always', 'IfNotPresent', 'Never'],
  'io.k8s.api.core.v1.Container.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'io.k8s.api.core.v1.EphemeralContainer.terminationMessagePolicy': ['FallbackToLogsOnError', 'File'],
  'io.k8s.api.core.v1.ContainerPort.protocol': PROTOCOLS,
  'io.k8s.api.core.v1.ServicePort.protocol': PROTOCOLS,
  'io.k8s.api.core.v1.EndpointPort.protocol': PROTOCOLS,
  'io.k8s.api.core.v1.PodSpec.restartPolicy': ['Always', 'Never', 'OnFailure'],
  'io.k8s.api.core.v1.PodSpec.dnsPolicy': ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  'io.k8s.api.core.v1.PodStatus.phase': ['Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'],
  'io.k8s.api.core.v1.PodStatus.qosClass': ['BestEffort', 'Burstable', 'Guaranteed'],
  'io.k8s.api.core.v1.ServiceSpec.type': ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  'io.k8s.api.core.v1.ServiceSpec.sessionAffinity': ['ClientIP', 'None'],
  'io.k8s.api.core.v1.ServiceSpec.externalTrafficPolicy': ['Cluster', 'Local'],
  'io.k8s.api.core.v1.ServiceSpec.internalTrafficPolicy': ['Cluster', 'Local'],
  'io.k8s.api.core.v1.Toleration.operator': ['Equal', 'Exists'],
  'io.k8s.api.core.v1.Toleration.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'io.k8s.api.core.v1.Taint.effect': ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
  'io.k8s.api.core.v1.NodeSelectorRequirement.operator': ['DoesNotExist', 'Exists', 'Gt', 'In', 'Lt', 'NotIn'],
  'io.k8s.api.core.v1.HTTPGetAction.scheme': ['HTTP', 'HTTPS'],
  'io.k8s.api.networking.v1.HTTPIngressPath.pathType': ['Exact', 'ImplementationSpecific', 'Prefix'],
  'io.k8s.api.autoscaling.v2.MetricSpec.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'io.k8s.api.autoscaling.v2.MetricStatus.type': ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'],
  'io.k8s.api.autoscaling.v2.HPAScalingPolicy.type': ['Percent', 'Pods'],
};

// Scalar types that kubernetes-types declares as `type X = string` or inlines.
const INT_OR_STRING_DESCRIPTION =
  'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.';

// ---- parsing ---------------------------------------------------------------------------------------

function listDts(dir, base = dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) listDts(p, base, out);
    else if (name.endsWith('.d.ts')) out.push(relative(base, p).replace(/\\/g, '/').replace(/\.d\.ts$/, ''));
  }
  return out;
}

// The JSDoc text above a node, as upstream's description: single-line comments are trimmed;
// multi-line ones keep one line per line (dropping the ` * ` gutter but not deeper indentation).
function jsDocOf(ts, text, node) {
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const doc = ranges.filter((r) => text.startsWith('/**', r.pos)).pop();
  if (!doc) return undefined;
  const raw = text.slice(doc.pos + 3, doc.end - 2);
  if (!raw.includes('\n')) return raw.trim() || undefined;
  const lines = raw.split('\n').map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''));
  while (lines.length && lines[0].trim() === '') lines.shift();
  while (lines.length && lines[lines.length - 1].trim() === '') lines.pop();
  return lines.join('\n') || undefined;
}

function parseModule(ts, pkgDir, mod) {
  const file = join(pkgDir, `${mod}.d.ts`);
  const text = readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const imports = new Map(); // local name -> definition name
  const decls = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const from = st.moduleSpecifier.text;
      const target = join(dirname(mod), from).replace(/\\/g, '/');
      for (const el of st.importClause?.namedBindings?.elements ?? []) {
        imports.set(el.name.text, `${prefixFor(target)}.${(el.propertyName ?? el.name).text}`);
      }
    } else if (ts.isInterfaceDeclaration(st) || ts.isTypeAliasDeclaration(st)) {
      decls.push(st);
    }
  }
  const prefix = prefixFor(mod);
  const resolveName = (name) => imports.get(name) ?? `${prefix}.${name}`;
  return { ts, text, prefix, decls, resolveName };
}

function numberSchema(defName, field) {
  const key = `${defName}.${field}`;
  if (DOUBLE_FIELDS.has(key)) return { type: 'number', format: 'double' };
  const int64 = INT64_FIELDS.has(field) && !INT32_EXCEPTIONS.has(key);
  return { type: 'integer', format: int64 ? 'int64' : 'int32' };
}

// Converts a TypeScript type node to a schema. `ctx` names the definition and field (for the fact
// tables). Returns `{ ref }` for named definitions so the caller can wrap it as upstream does.
function convertType(m, node, ctx) {
  const { ts } = m;
  const K = ts.SyntaxKind;
  switch (node.kind) {
    case K.StringKeyword:
      return BYTE_FIELDS.has(`${ctx.def}.${ctx.field}`) ? { type: 'string', format: 'byte' } : { type: 'string' };
    case K.NumberKeyword:
      return numberSchema(ctx.def, ctx.field);
    case K.BooleanKeyword:
      return { type: 'boolean' };
    case K.LiteralType:
      return { type: 'string' };
    case K.ParenthesizedType:
      return convertType(m, node.type, ctx);
    case K.ArrayType:
      return { type: 'array', items: itemSchema(m, node.elementType, ctx) };
    case K.UnionType: {
      const kinds = node.types.map((t) => t.kind).sort();
      if (kinds.length === 2 && kinds.includes(K.NumberKeyword) && kinds.includes(K.StringKeyword)) {
        return { ref: INT_OR_STRING };
      }
      return {}; // JSONSchemaProps | boolean and friends: any value
    }
    case K.TypeLiteral: {
      const index = node.members.find((mm) => ts.isIndexSignatureDeclaration(mm));
      if (!index) return { type: 'object' };
      return { type: 'object', additionalProperties: itemSchema(m, index.type, ctx, false) };
    }
    case K.TypeReference: {
      const name = node.typeName.text;
      if (name === 'Array' && node.typeArguments?.length === 1) {
        return { type: 'array', items: itemSchema(m, node.typeArguments[0], ctx) };
      }
      return { ref: m.resolveName(name) };
    }
    default:
      throw new Error(`gen-openapi: unsupported type syntax ${K[node.kind]} in ${ctx.def}.${ctx.field}`);
  }
}

// Items of arrays and values of maps. Struct elements get `default: {}` (Go zero value of a
// non-pointer struct), as upstream's builder does.
function itemSchema(m, node, ctx, structDefault = true) {
  const s = convertType(m, node, ctx);
  if (!s.ref) return s;
  if (structDefault && ctx.isStruct(s.ref)) return { allOf: [{ $ref: REF + s.ref }], default: {} };
  return { $ref: REF + s.ref };
}

const STRUCT_DEFAULT_FIELDS = new Set(['metadata', 'spec', 'status', 'template']);

function buildDefinitions(ts, pkgDir) {
  const modules = listDts(pkgDir).map((mod) => parseModule(ts, pkgDir, mod));
  // First pass: which names are object definitions (interfaces) vs scalars.
  const structs = new Set();
  for (const m of modules) {
    for (const d of m.decls) if (ts.isInterfaceDeclaration(d)) structs.add(`${m.prefix}.${d.name.text}`);
  }
  const OPAQUE = new Set([
    'io.k8s.apimachinery.pkg.runtime.RawExtension',
    'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    'io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON',
  ]);
  const isStruct = (name) => structs.has(name) && !OPAQUE.has(name);

  const defs = {};
  for (const m of modules) {
    for (const d of m.decls) {
      const name = `${m.prefix}.${d.name.text}`;
      const description = jsDocOf(ts, m.text, d);
      if (ts.isTypeAliasDeclaration(d)) {
        defs[name] = scalarDefinition(name, d, description);
        continue;
      }
      const def = { description, type: 'object' };
      if (name === 'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON') delete def.type;
      const properties = {};
      const required = [];
      let apiVersion;
      let kind;
      for (const p of d.members) {
        if (!ts.isPropertySignature(p) || !p.type) continue;
        const fieldName = p.name.text;
        if (!p.questionToken) required.push(fieldName);
        if (p.type.kind === ts.SyntaxKind.LiteralType && ts.isStringLiteral(p.type.literal)) {
          if (fieldName === 'apiVersion') apiVersion = p.type.literal.text;
          if (fieldName === 'kind') kind = p.type.literal.text;
        }
        const ctx = { def: name, field: fieldName, isStruct };
        const s = convertType(m, p.type, ctx);
        const desc = jsDocOf(ts, m.text, p);
        let prop;
        if (s.ref) {
          prop = { allOf: [{ $ref: REF + s.ref }] };
          if (isStruct(s.ref) && (STRUCT_DEFAULT_FIELDS.has(fieldName) || !p.questionToken) && fieldName !== 'selector') {
            prop.default = {};
          }
          if (desc) prop.description = desc;
          if (!desc && prop.default === undefined) prop = { $ref: REF + s.ref };
        } else {
          prop = { ...s };
          if (desc) prop.description = desc;
          if (!p.questionToken && s.type && s.type !== 'array' && s.type !== 'object') {
            prop.default = s.type === 'string' ? '' : s.type === 'boolean' ? false : 0;
          }
        }
        const enumValues = ENUMS[`${name}.${fieldName}`];
        if (enumValues) prop.enum = enumValues;
        const facts = PATCH_FACTS[name]?.[fieldName];
        if (facts) {
          const [strategy, mergeKey, listType, mapKeys] = facts;
          if (strategy) prop['x-kubernetes-patch-strategy'] = strategy;
          if (mergeKey) prop['x-kubernetes-patch-merge-key'] = mergeKey;
          if (listType) prop['x-kubernetes-list-type'] = listType;
          if (mapKeys) prop['x-kubernetes-list-map-keys'] = mapKeys;
        }
        properties[fieldName] = prop;
      }
      if (Object.keys(properties).length) def.properties = properties;
      if (required.length) def.required = required;
      if (apiVersion && kind) {
        const slash = apiVersion.indexOf('/');
        const group = slash < 0 ? '' : apiVersion.slice(0, slash);
        const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
        def['x-kubernetes-group-version-kind'] = [{ group, kind, version }];
      }
      if (!description) delete def.description;
      defs[name] = def;
    }
  }
  defs[INT_OR_STRING] = {
    description: INT_OR_STRING_DESCRIPTION,
    format: 'int-or-string',
    oneOf: [{ type: 'integer' }, { type: 'string' }],
  };
  checkFacts(defs);
  return defs;
}

// Every fact must name a field that exists, so a typo or a package upgrade cannot drop it silently.
function checkFacts(defs) {
  const missing = [];
  const has = (def, field) => Boolean(defs[def]?.properties?.[field]);
  for (const key of [...Object.keys(ENUMS), ...BYTE_FIELDS, ...DOUBLE_FIELDS, ...INT32_EXCEPTIONS]) {
    const i = key.lastIndexOf('.');
    if (!has(key.slice(0, i), key.slice(i + 1))) missing.push(key);
  }
  for (const [def, fields] of Object.entries(PATCH_FACTS)) {
    for (const field of Object.keys(fields)) if (!has(def, field)) missing.push(`${def}.${field}`);
  }
  if (missing.length) throw new Error(`gen-openapi: facts name unknown fields: ${missing.join(', ')}`);
}

function scalarDefinition(name, decl, description) {
  const base = description ? { description } : {};
  if (name === QUANTITY) return { ...base, oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (name.endsWith('.meta.v1.Time') || name.endsWith('.meta.v1.MicroTime')) {
    return { ...base, type: 'string', format: 'date-time' };
  }
  return base; // JSONSchemaPropsOr*: any value
}

// Deterministic output: object keys sorted, as Go's encoding/json writes upstream's maps.
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

export async function generateSchemas(root) {
  const require = createRequire(join(root, 'package.json'));
  const ts = require('typescript');
  const pkgDir = dirname(require.resolve('kubernetes-types/package.json'));
  const pkgVersion = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')).version;
  const definitions = sortKeys(buildDefinitions(ts, pkgDir));
  return { source: `kubernetes-types@${pkgVersion}`, definitions };
}

export async function run(root) {
  const out = await generateSchemas(root);
  const dir = join(root, 'dist', 'openapi');
  mkdirSync(dir, { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const tmp = join(dir, `schemas.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(out));
  renameSync(tmp, join(dir, 'schemas.json'));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run(join(dirname(fileURLToPath(import.meta.url)), '..'));
}
