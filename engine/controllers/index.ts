// The controllers the engine runs (the kube-controller-manager, scheduler and kubelets of the
// simulated cluster). Each is one reconciler in its own file or folder.
import type { Controller, ControllerContext } from './runtime/controller';
import type { Topology } from '../topology/topology';

export interface ControllerDeps extends ControllerContext {
  topology: Topology;
}

type Factory = (deps: ControllerDeps) => Controller;

const factories: Factory[] = [];

export function createControllers(deps: ControllerDeps): Controller[] {
  return factories.map((f) => f(deps));
}
