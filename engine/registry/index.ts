// Every kind the engine serves. Adding a kind is adding its file and one line here.
// API groups appear in discovery in the order of their first kind below, which follows
// kube-apiserver's own group order (apps, events.k8s.io, autoscaling, batch, networking.k8s.io,
// policy, rbac.authorization.k8s.io, storage.k8s.io, coordination.k8s.io, discovery.k8s.io).
import { clusterRoleDefinition } from './clusterrole';
import { clusterRoleBindingDefinition } from './clusterrolebinding';
import { configMapDefinition } from './configmap';
import { controllerRevisionDefinition } from './controllerrevision';
import { cronJobDefinition } from './cronjob';
import { daemonSetDefinition } from './daemonset';
import { deploymentDefinition } from './deployment';
import { endpointsDefinition } from './endpoints';
import { endpointSliceDefinition } from './endpointslice';
import { eventDefinition } from './event';
import { eventsV1EventDefinition } from './event-events-k8s-io';
import { horizontalPodAutoscalerDefinition } from './horizontalpodautoscaler';
import { ingressDefinition } from './ingress';
import { ingressClassDefinition } from './ingressclass';
import { jobDefinition } from './job';
import { leaseDefinition } from './lease';
import { namespaceDefinition } from './namespace';
import { nodeDefinition } from './node';
import { persistentVolumeDefinition } from './persistentvolume';
import { persistentVolumeClaimDefinition } from './persistentvolumeclaim';
import { podDefinition } from './pod';
import { podDisruptionBudgetDefinition } from './poddisruptionbudget';
import { Registry } from './registry';
import { replicaSetDefinition } from './replicaset';
import type { ResourceDefinition } from './resource-definition';
import { roleDefinition } from './role';
import { roleBindingDefinition } from './rolebinding';
import { secretDefinition } from './secret';
import { serviceDefinition } from './service';
import { serviceAccountDefinition } from './serviceaccount';
import { statefulSetDefinition } from './statefulset';
import { storageClassDefinition } from './storageclass';

export const allDefinitions: ResourceDefinition[] = [
  // core/v1 (the core Event owns the `events` store key; events.k8s.io serves the same objects)
  configMapDefinition,
  endpointsDefinition,
  eventDefinition,
  namespaceDefinition,
  nodeDefinition,
  persistentVolumeClaimDefinition,
  persistentVolumeDefinition,
  podDefinition,
  secretDefinition,
  serviceAccountDefinition,
  serviceDefinition,
  // apps/v1
  controllerRevisionDefinition,
  daemonSetDefinition,
  deploymentDefinition,
  replicaSetDefinition,
  statefulSetDefinition,
  // events.k8s.io/v1
  eventsV1EventDefinition,
  // autoscaling/v2, v1
  horizontalPodAutoscalerDefinition,
  // batch/v1
  cronJobDefinition,
  jobDefinition,
  // networking.k8s.io/v1
  ingressClassDefinition,
  ingressDefinition,
  // policy/v1
  podDisruptionBudgetDefinition,
  // rbac.authorization.k8s.io/v1
  clusterRoleBindingDefinition,
  clusterRoleDefinition,
  roleBindingDefinition,
  roleDefinition,
  // storage.k8s.io/v1
  storageClassDefinition,
  // coordination.k8s.io/v1
  leaseDefinition,
  // discovery.k8s.io/v1
  endpointSliceDefinition,
];

export function createRegistry(): Registry {
  return new Registry(allDefinitions);
}
