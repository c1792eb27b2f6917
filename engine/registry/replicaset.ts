// apps/v1 ReplicaSet. Upstream: kubernetes pkg/registry/apps/replicaset/strategy.go, printers.go (printReplicaSet)
import { formatLabelSelector, fromLabelSelector, selectorString } from '../api/label-selector';
import { containersCell } from './deployment';
import { defaultPodTemplate } from './pod-defaults';
import { age, AGE_COLUMN, col, NAME_COLUMN } from './printing';
import type { ResourceDefinition } from './resource-definition';
import { validateNonNegative, validateSelectorAndTemplate, validateSelectorImmutable } from './workload-validation';

export const replicaSetDefinition: ResourceDefinition = {
  group: 'apps',
  versions: [{ version: 'v1', schema: 'io.k8s.api.apps.v1.ReplicaSet' }],
  kind: 'ReplicaSet',
  plural: 'replicasets',
  singular: 'replicaset',
  shortNames: ['rs'],
  categories: ['all'],
  namespaced: true,
  hasStatus: true,
  tracksGeneration: true,
  scale: {
    specReplicasPath: ['spec', 'replicas'],
    statusReplicasPath: ['status', 'replicas'],
    selector: (o) => selectorString(fromLabelSelector(o.spec?.selector)),
  },
  defaults(rs) {
    const spec = (rs.spec ??= {});
    spec.replicas ??= 1;
    defaultPodTemplate(spec.template);
  },
  prepareForCreate(rs) {
    rs.status = { replicas: 0 };
  },
  validate(rs) {
    const spec = rs.spec ?? {};
    return [...validateNonNegative('spec.replicas', spec.replicas), ...validateSelectorAndTemplate(spec)];
  },
  validateUpdate(rs, old) {
    return validateSelectorImmutable(rs.spec, old.spec);
  },
  table: {
    columns: [
      NAME_COLUMN,
      col('Desired', 'integer', 'Replicas is the number of desired replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
      col('Current', 'integer', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
      col('Ready', 'integer', 'readyReplicas is the number of pods targeted by this ReplicaSet with a Ready Condition.'),
      AGE_COLUMN,
      col('Containers', 'string', 'Names of each container in the template.', 1),
      col('Images', 'string', 'Images referenced by each container in the template.', 1),
      col('Selector', 'string', 'Selector is a label query over pods that should match the replica count. Label keys and values that must match in order to be controlled by this replica set. It must match the pod template\'s labels. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors', 1),
    ],
    row(rs, ctx) {
      const [names, images] = containersCell(rs.spec?.template?.spec);
      return [rs.metadata.name, rs.spec?.replicas ?? 0, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0, age(rs.metadata.creationTimestamp, ctx.now), names, images, formatLabelSelector(rs.spec?.selector)];
    },
  },
};
