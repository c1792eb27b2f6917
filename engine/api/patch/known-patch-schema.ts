// A compiled-in PatchSchema for the built-in kinds, from the patchStrategy/patchMergeKey
// struct tags of k8s.io/api v1.32 — the fallback kubectl also has (its Go structs), so
// strategic merge works before the engine serves OpenAPI documents.
import { emptyPatchSchema, type PatchSchema } from './patch-schema';

/** One field: strategy `s`, merge key `k`, type `t` (a struct below; for lists, the element's). */
interface FieldSpec {
  s?: string;
  k?: string;
  t?: string;
}

const merge = (k: string, t?: string): FieldSpec => ({ s: 'merge', k, t });
const conditions = { conditions: merge('type') };

// Upstream: k8s.io/api core/v1, apps/v1, batch/v1, autoscaling/v2, policy/v1 types.go struct tags
const STRUCTS: Record<string, Record<string, FieldSpec>> = {
  ObjectMeta: { ownerReferences: merge('uid'), finalizers: { s: 'merge' } },
  PodTemplateSpec: { metadata: { t: 'ObjectMeta' }, spec: { t: 'PodSpec' } },
  PodSpec: {
    volumes: { s: 'merge,retainKeys', k: 'name' },
    initContainers: merge('name', 'Container'),
    containers: merge('name', 'Container'),
    ephemeralContainers: merge('name', 'Container'),
    imagePullSecrets: merge('name'),
    hostAliases: merge('ip'),
    topologySpreadConstraints: merge('topologyKey'),
    schedulingGates: merge('name'),
    resourceClaims: { s: 'merge,retainKeys', k: 'name' },
  },
  Container: {
    ports: merge('containerPort'),
    env: merge('name'),
    volumeMounts: merge('mountPath'),
    volumeDevices: merge('devicePath'),
  },
  PodStatus: { ...conditions, podIPs: merge('ip'), hostIPs: merge('ip'), resourceClaimStatuses: { s: 'merge,retainKeys', k: 'name' } },
  Conditions: conditions,
  WithTemplateSpec: { template: { t: 'PodTemplateSpec' } },
  DeploymentSpec: { template: { t: 'PodTemplateSpec' }, strategy: { s: 'retainKeys' } },
  CronJobSpec: { jobTemplate: { t: 'JobTemplateSpec' } },
  JobTemplateSpec: { metadata: { t: 'ObjectMeta' }, spec: { t: 'WithTemplateSpec' } },
  ServiceSpec: { ports: merge('port') },
  NodeSpec: { podCIDRs: { s: 'merge' } },
  NodeStatus: { ...conditions, addresses: merge('type') },
  ServiceAccount: { metadata: { t: 'ObjectMeta' }, secrets: merge('name') },
  PodTemplate: { metadata: { t: 'ObjectMeta' }, template: { t: 'PodTemplateSpec' } },
};

/** kind → [spec struct, status struct]. */
const KINDS: Record<string, [string | undefined, string | undefined]> = {
  Pod: ['PodSpec', 'PodStatus'],
  ReplicationController: ['WithTemplateSpec', 'Conditions'],
  Deployment: ['DeploymentSpec', 'Conditions'],
  ReplicaSet: ['WithTemplateSpec', 'Conditions'],
  StatefulSet: ['WithTemplateSpec', 'Conditions'],
  DaemonSet: ['WithTemplateSpec', 'Conditions'],
  Job: ['WithTemplateSpec', 'Conditions'],
  CronJob: ['CronJobSpec', undefined],
  Service: ['ServiceSpec', 'Conditions'],
  Node: ['NodeSpec', 'NodeStatus'],
};

class TableNode implements PatchSchema {
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;

  /** `type` is the struct of this node — of the object, or of each element for a list. */
  constructor(
    private readonly type: string | undefined,
    spec?: FieldSpec,
    private readonly fields: Record<string, FieldSpec> | undefined = STRUCTS[type ?? ''],
  ) {
    this.patchStrategy = spec?.s;
    this.patchMergeKey = spec?.k;
  }

  field(name: string): PatchSchema {
    const spec = this.fields && Object.prototype.hasOwnProperty.call(this.fields, name) ? this.fields[name] : undefined;
    return spec ? new TableNode(spec.t, spec) : emptyPatchSchema;
  }

  items(): PatchSchema {
    return this.type ? new TableNode(this.type) : emptyPatchSchema;
  }
}

/**
 * The compiled-in patch schema of a built-in kind (Pod, Deployment, Service, Node, …).
 * Any kind gets ObjectMeta's merge lists and status.conditions merged by type.
 */
export function knownPatchSchema(kind: string): PatchSchema {
  if (kind === 'ServiceAccount' || kind === 'PodTemplate') return new TableNode(kind);
  const [spec, status] = KINDS[kind] ?? [undefined, 'Conditions'];
  const root: Record<string, FieldSpec> = { metadata: { t: 'ObjectMeta' } };
  if (spec) root.spec = { t: spec };
  if (status) root.status = { t: status };
  return new TableNode(undefined, undefined, root);
}
