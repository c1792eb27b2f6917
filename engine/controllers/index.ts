// The controllers the engine runs (the kube-controller-manager, scheduler and kubelets of the
// simulated cluster). Each is one reconciler in its own file or folder.
import type { Controller, ControllerContext } from './runtime/controller';
import type { Topology } from '../topology/topology';
import { DaemonSetController } from './daemonset/controller';
import { DeploymentController } from './deployment/controller';
import { GarbageCollector } from './garbage-collector';
import { NamespaceController } from './namespace-controller';
import { ReplicaSetController } from './replicaset/controller';
import { ServiceAccountController } from './serviceaccount-controller';
import { SchedulerController } from './scheduler/controller';
import { NodeLifecycleController, TaintEvictionController } from './node-lifecycle';
import { KubeletController } from '../kubelet/kubelet';
import { EventTtlController } from './event-ttl';
import { JobController } from './job/controller';
import { TtlAfterFinishedController } from './job/ttl-after-finished';
import { CronJobController } from './cronjob/controller';

export interface ControllerDeps extends ControllerContext {
  topology: Topology;
  /** PEM of the cluster CA, published in every namespace as ConfigMap kube-root-ca.crt. */
  caCert?: string;
}

type Factory = (deps: ControllerDeps) => Controller;

const factories: Factory[] = [];
// kube-controller-manager: workloads, garbage collection, namespaces, per-namespace defaults.
factories.push(
  (deps) => new ReplicaSetController(deps),
  (deps) => new DeploymentController(deps),
  (deps) => new DaemonSetController(deps),
  (deps) => new GarbageCollector(deps),
  (deps) => new NamespaceController(deps),
  (deps) => new ServiceAccountController(deps, deps.caCert),
);

// kube-controller-manager: batch (Job, its TTL-after-finished cleanup, CronJob).
factories.push(
  (deps) => new JobController(deps),
  (deps) => new TtlAfterFinishedController(deps),
  (deps) => new CronJobController(deps),
);

// kube-scheduler, the kubelets of all nodes, node heartbeats/leases/cordon taints.
factories.push(
  (deps) => new SchedulerController(deps),
  (deps) => new KubeletController(deps, deps.topology),
  (deps) => new NodeLifecycleController(deps),
  (deps) => new TaintEvictionController(deps),
);

// kube-apiserver's event TTL.
factories.push((deps) => new EventTtlController(deps));

export function createControllers(deps: ControllerDeps): Controller[] {
  return factories.map((f) => f(deps));
}
