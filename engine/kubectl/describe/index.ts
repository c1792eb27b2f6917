// Which describer prints which kind, as kubectl's describerMap does (by group and kind); any
// other kind gets the generic describer. Every describer takes (api, namespace, name, showEvents).
// Upstream: kubernetes/kubectl pkg/describe/describe.go (describerMap, DescriberFor, GenericDescriberFor).

import type { RestMapping } from '../client/rest-mapper';
import { resourcePath } from '../client/rest-mapper';
import type { DescribeApi } from './api';
import {
  describeConfigMapByName,
  describeHPAByName,
  describeNamespaceByName,
  describePDBByName,
  describePriorityClassByName,
  describeRoleBindingByName,
  describeRoleByName,
  describeSecretByName,
  describeServiceAccountByName,
} from './cluster';
import { describeGeneric } from './generic';
import { describeEndpointsByName, describeEndpointSliceByName, describeIngressByName, describeIngressClassByName, describeServiceByName } from './network';
import { describeNodeByName } from './node';
import { describePodByName } from './pod';
import { describePersistentVolumeByName, describePersistentVolumeClaimByName, describeStorageClassByName } from './storage';
import {
  describeCronJobByName,
  describeDaemonSetByName,
  describeDeploymentByName,
  describeJobByName,
  describeReplicaSetByName,
  describeReplicationControllerByName,
  describeStatefulSetByName,
} from './workloads';

export type Describer = (api: DescribeApi, namespace: string, name: string, showEvents: boolean) => Promise<string>;

const describers: Record<string, Describer> = {
  '/Pod': describePodByName,
  '/ReplicationController': describeReplicationControllerByName,
  '/Secret': (api, ns, name) => describeSecretByName(api, ns, name),
  '/Service': describeServiceByName,
  '/ServiceAccount': describeServiceAccountByName,
  '/Node': describeNodeByName,
  '/PersistentVolume': describePersistentVolumeByName,
  '/PersistentVolumeClaim': describePersistentVolumeClaimByName,
  '/Namespace': (api, ns, name) => describeNamespaceByName(api, ns, name),
  '/Endpoints': describeEndpointsByName,
  '/ConfigMap': describeConfigMapByName,
  'discovery.k8s.io/EndpointSlice': describeEndpointSliceByName,
  'autoscaling/HorizontalPodAutoscaler': describeHPAByName,
  'networking.k8s.io/Ingress': describeIngressByName,
  'extensions/Ingress': describeIngressByName,
  'networking.k8s.io/IngressClass': describeIngressClassByName,
  'batch/Job': describeJobByName,
  'batch/CronJob': describeCronJobByName,
  'apps/StatefulSet': describeStatefulSetByName,
  'apps/Deployment': describeDeploymentByName,
  'apps/DaemonSet': describeDaemonSetByName,
  'apps/ReplicaSet': describeReplicaSetByName,
  'storage.k8s.io/StorageClass': describeStorageClassByName,
  'policy/PodDisruptionBudget': describePDBByName,
  'rbac.authorization.k8s.io/Role': (api, ns, name) => describeRoleByName(api, ns, name, false),
  'rbac.authorization.k8s.io/ClusterRole': (api, ns, name) => describeRoleByName(api, ns, name, true),
  'rbac.authorization.k8s.io/RoleBinding': (api, ns, name) => describeRoleBindingByName(api, ns, name, false),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (api, ns, name) => describeRoleBindingByName(api, ns, name, true),
  'scheduling.k8s.io/PriorityClass': describePriorityClassByName,
};

export function describerFor(mapping: RestMapping): Describer {
  const typed = describers[`${mapping.group}/${mapping.kind}`];
  if (typed) return typed;
  return (api, ns, name, show) => describeGeneric(api, resourcePath(mapping, ns, name), show);
}
